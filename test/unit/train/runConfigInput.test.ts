import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRunConfig, parseSet } from '../../../src/trainer/train/runConfigInput';

describe('run configuration from the command line (--config, --dataset, --set)', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'aelab-config-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--set parses numbers, booleans, JSON arrays and plain text', () => {
    assert.deepEqual(parseSet('train.epochs=2'), { 'train.epochs': 2 });
    assert.deepEqual(parseSet('train.learningRate=1e-3'), { 'train.learningRate': 0.001 });
    assert.deepEqual(parseSet('model.batchNorm=true'), { 'model.batchNorm': true });
    assert.deepEqual(parseSet('model.filters=[32,16]'), { 'model.filters': [32, 16] });
    assert.deepEqual(parseSet('data.dataset=folder:x=y'), { 'data.dataset': 'folder:x=y' });
  });

  it('an unknown key is an error listing the valid keys; a bad value names the key', () => {
    assert.throws(() => parseSet('train.epoch=2'), /--set train\.epoch: unknown key; valid keys: .*train\.epochs/);
    assert.throws(() => parseSet('Train.Epochs=2'), /did you mean train\.epochs\?/);
    assert.throws(() => parseSet('train.epochs=two'), /--set train\.epochs: "two" is not an integer ≥ 1/);
    assert.throws(() => parseSet('train.epochs'), /--set expects key=value/);
  });

  it('layers defaults, a YAML file (nested or dotted keys), --dataset and --set in that order', () => {
    const file = join(dir, 'run.yaml');
    writeFileSync(file, 'task: colorize\ntrain:\n  epochs: 3\n  batchSize: 8\nmodel.kernelSize: 5\n');
    const config = buildRunConfig({ configFile: file, dataset: 'folder:images', sets: ['train.epochs=4'], baseDir: '/data' });
    assert.equal(config.task, 'colorize');
    assert.deepEqual([config.train.epochs, config.train.batchSize, config.model.kernelSize], [4, 8, 5]);
    assert.equal(config.model.filters.length, 2, 'the colorizer defaults stay where not overridden');
    assert.equal(config.data.dataset, 'folder:/data/images', 'a relative folder is stored absolute');
    assert.equal(buildRunConfig({ task: 'reconstruct', configFile: file }).task, 'reconstruct', '--task wins over the file');
  });

  it('a bad file names the file and the key', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ train: { optimiser: 'adam' } }));
    assert.throws(() => buildRunConfig({ configFile: file }), new RegExp(`${file}: unknown key "train.optimiser"`));
    writeFileSync(file, JSON.stringify({ model: { activation: 'gelu' } }));
    assert.throws(() => buildRunConfig({ configFile: file }), new RegExp(`${file}: model.activation: "gelu" is not one of relu`));
    writeFileSync(file, '{ not json');
    assert.throws(() => buildRunConfig({ configFile: file }), new RegExp(`${file}: cannot read the run configuration`));
    assert.throws(() => buildRunConfig({ task: 'denoise' }), /task must be one of reconstruct, colorize/);
  });
});
