import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { defaultRunConfig } from '../../../src/shared/runConfig';
import { loadModelFromDir, readCheckpointMeta, saveModelToDir, writeDirAtomically } from '../../../src/trainer/checkpoint';
import { buildModel, buildReconstructModel } from '../../../src/trainer/models';

describe('checkpoints', () => {
  let root: string;
  before(async () => { await tf.setBackend('cpu'); });
  beforeEach(() => { root = mkdtempSync(join(tmpdir(), 'aelab-ckpt-')); });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('saves model.json + weights.bin + meta.json; the reloaded model predicts identically (batch norm included)', async () => {
    const config = defaultRunConfig('reconstruct');
    config.model.batchNorm = true;
    const model = buildModel(config);
    // Non-default batch-norm statistics, so the non-trainable weights must round-trip too.
    model.setWeights(model.getWeights().map((w, i) => tf.tidy(() => w.add(tf.randomUniform(w.shape, 0.1, 0.5, 'float32', i)))));
    const dir = join(root, 'run', 'model', 'best');
    await saveModelToDir(model, dir, { task: 'reconstruct', model: config.model, epoch: 3, metrics: { val_loss: 0.0123 }, config });
    assert.deepEqual(readdirSync(dir).sort(), ['meta.json', 'model.json', 'weights.bin']);
    const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    assert.equal(json.format, 'layers-model');
    assert.deepEqual(json.weightsManifest[0].paths, ['weights.bin']);
    assert.equal(readFileSync(join(dir, 'weights.bin')).byteLength, 4 * model.countParams());

    const loaded = await loadModelFromDir(dir);
    const x = tf.randomUniform([3, 20, 28, 3], 0, 1, 'float32', 5);
    const [a, b] = [model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor];
    assert.deepEqual(b.shape, [3, 20, 28, 3]);
    assert.deepEqual(Array.from(b.dataSync()), Array.from(a.dataSync()));

    const meta = await readCheckpointMeta(dir);
    assert.equal(meta.task, 'reconstruct');
    assert.equal(meta.epoch, 3);
    assert.deepEqual(meta.metrics, { val_loss: 0.0123 });
    assert.deepEqual(meta.model, config.model);
    assert.ok(!Number.isNaN(Date.parse(meta.savedAt)));
    tf.dispose([x, a, b]); model.dispose(); loaded.dispose();
  });

  it('replaces an existing checkpoint and leaves no temp folders behind', async () => {
    const cfg = defaultRunConfig('colorize');
    const dir = join(root, 'last');
    const first = buildModel(cfg);
    await saveModelToDir(first, dir, { task: 'colorize', model: cfg.model, epoch: 1, metrics: {} });
    const second = buildModel({ ...cfg, train: { ...cfg.train, seed: 99 } });
    await saveModelToDir(second, dir, { task: 'colorize', model: cfg.model, epoch: 2, metrics: {} });
    assert.deepEqual(readdirSync(root), ['last']);
    assert.equal((await readCheckpointMeta(dir)).epoch, 2);
    const loaded = await loadModelFromDir(dir);
    const [w2, wl] = [second.getWeights()[0].dataSync(), loaded.getWeights()[0].dataSync()];
    assert.deepEqual(Array.from(wl), Array.from(w2));
    first.dispose(); second.dispose(); loaded.dispose();
  });

  it('a save that fails midway leaves the previous checkpoint untouched', async () => {
    const dir = join(root, 'best');
    await writeDirAtomically(dir, async (temp) => writeFileSync(join(temp, 'model.json'), '{"v":1}'));
    await assert.rejects(writeDirAtomically(dir, async (temp) => {
      writeFileSync(join(temp, 'model.json'), '{"v":2');
      throw new Error('disk full');
    }), /disk full/);
    assert.equal(readFileSync(join(dir, 'model.json'), 'utf8'), '{"v":1}');
    assert.deepEqual(readdirSync(root), ['best']);
  });

  it('a process killed mid-save leaves the previous checkpoint intact; the next save cleans its leftovers', async () => {
    const dir = join(root, 'best');
    await writeDirAtomically(dir, async (temp) => writeFileSync(join(temp, 'model.json'), 'old'));
    const script = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); const { writeDirAtomically } = require(${JSON.stringify(join(__dirname, '../../../src/trainer/checkpoint/atomicDir.ts'))});
      writeDirAtomically(process.argv[1], async (t) => { require('fs').writeFileSync(t + '/model.json', 'half'); console.log('written'); await new Promise(() => setInterval(() => {}, 1000)); });`;
    const child = spawn(process.execPath, ['-e', script, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((done, fail) => {
      child.stdout.on('data', (d: Buffer) => { if (d.toString().includes('written')) done(); });
      child.on('exit', (code) => fail(new Error(`the writer exited early with code ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((done) => child.on('exit', done));
    assert.equal(readFileSync(join(dir, 'model.json'), 'utf8'), 'old');
    assert.equal(readdirSync(root).length, 2, 'the dead writer left its temp folder');
    await writeDirAtomically(dir, async (temp) => writeFileSync(join(temp, 'model.json'), 'new'));
    assert.deepEqual(readdirSync(root), ['best']);
    assert.equal(readFileSync(join(dir, 'model.json'), 'utf8'), 'new');
  });

  it('puts a moved-aside checkpoint back when its writer died between the two renames', async () => {
    const dir = join(root, 'best');
    // A dead pid (beyond pid_max) and the state between "move old aside" and "move new in".
    const old = join(root, '.best.old-99999999-1-abc');
    mkdirSync(old);
    writeFileSync(join(old, 'model.json'), 'previous');
    await writeDirAtomically(join(root, 'other'), async (temp) => writeFileSync(join(temp, 'x'), ''));
    assert.ok(existsSync(old), 'another checkpoint folder\'s save leaves it alone');
    // Loading finds and restores it (then fails on this test's fake model.json, naming it).
    await assert.rejects(loadModelFromDir(dir), new RegExp(`${join(dir, 'model.json')}: not valid JSON`));
    assert.equal(readFileSync(join(dir, 'model.json'), 'utf8'), 'previous');
    assert.deepEqual(readdirSync(root).sort(), ['best', 'other']);
  });

  it('corrupt or missing files give errors that name the file', async () => {
    const model = buildReconstructModel(defaultRunConfig().model);
    const dir = join(root, 'ckpt');
    await saveModelToDir(model, dir);
    assert.equal(existsSync(join(dir, 'meta.json')), false);
    await assert.rejects(readCheckpointMeta(dir), new RegExp(`${join(dir, 'meta.json')}: cannot read`));

    const weights = join(dir, 'weights.bin');
    truncateSync(weights, 100);
    await assert.rejects(loadModelFromDir(dir), (err: Error) => err.message.includes(weights) && /100 bytes of weights, .*model\.json describes 19644/.test(err.message));

    const modelJson = join(dir, 'model.json');
    writeFileSync(modelJson, '{"modelTopology": {"class_name": "Model"');
    await assert.rejects(loadModelFromDir(dir), (err: Error) => err.message.startsWith(`checkpoint ${modelJson}: not valid JSON`));
    writeFileSync(modelJson, JSON.stringify({ modelTopology: { class_name: 'NoSuchModel', config: {} }, weightsManifest: [] }));
    await assert.rejects(loadModelFromDir(dir), new RegExp(`${modelJson}: cannot build the model`));
    writeFileSync(modelJson, '{"format": "layers-model"}');
    await assert.rejects(loadModelFromDir(dir), new RegExp(`${modelJson}: missing "modelTopology"`));
    await assert.rejects(loadModelFromDir(join(root, 'nowhere')), /nowhere\/model\.json: cannot read/);
    writeFileSync(join(dir, 'meta.json'), '{"version": 7, "task": "reconstruct"}');
    await assert.rejects(readCheckpointMeta(dir), /meta\.json: unsupported version 7/);
    model.dispose();
  });

  it('leaks no tensors over save/load cycles', async () => {
    const model = buildReconstructModel(defaultRunConfig().model);
    const dir = join(root, 'ckpt');
    const cycle = async () => { await saveModelToDir(model, dir); (await loadModelFromDir(dir)).dispose(); };
    await cycle();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) await cycle();
    assert.equal(tf.memory().numTensors, before);
    model.dispose();
  });
});
