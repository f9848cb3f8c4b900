import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { PNG } from 'pngjs';
import { defaultRunConfig, type RunConfig, type Task } from '../../../src/shared/runConfig';
import type { TrainerToController } from '../../../src/shared/trainerMessages';
import { initBackend } from '../../../src/trainer/backend';
import { loadModelFromDir } from '../../../src/trainer/checkpoint';
import { evaluateSplit } from '../../../src/trainer/train/evaluate';
import { lossFunction } from '../../../src/trainer/train/loss';
import { runTraining } from '../../../src/trainer/train/runTraining';
import { createTaskAdapter } from '../../../src/trainer/train/taskAdapter';
import { syntheticDataset } from './synthetic';

function tinyConfig(task: Task, epochs: number): RunConfig {
  const config = defaultRunConfig(task);
  config.model = { ...config.model, filters: [8, 12], latentChannels: 8, decoderFilters: undefined, kernelSize: 3 };
  config.train = { ...config.train, epochs, batchSize: 16, learningRate: 0.01 };
  return config;
}

async function train(config: RunConfig, runDir: string, shouldStop: (messages: TrainerToController[]) => boolean = () => false) {
  const messages: TrainerToController[] = [];
  const tensorsAtEpoch: number[] = [];
  await runTraining({
    config, runDir, dataset: syntheticDataset(), progressIntervalMs: 0,
    emit: (m) => {
      messages.push(m);
      if (m.type === 'checkpoint' && m.kind === 'last') tensorsAtEpoch.push(tf.memory().numTensors);
    },
    shouldStop: () => shouldStop(messages),
  });
  return { messages, tensorsAtEpoch };
}

describe('runTraining (custom loop, in-process, wasm)', function () {
  let dir: string;
  before(async () => { await initBackend('wasm'); });
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'aelab-train-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reconstruct: the loss falls, messages come in order, a 16-image grid per epoch, no tensor leaks', async () => {
    const before = tf.memory().numTensors;
    const { messages, tensorsAtEpoch } = await train(tinyConfig('reconstruct', 3), dir);
    assert.equal(tf.memory().numTensors, before, 'every tensor of the run is disposed at its end');
    assert.equal(new Set(tensorsAtEpoch).size, 1, `tensors flat across epochs: ${tensorsAtEpoch}`);

    const kinds = messages.filter((m) => m.type !== 'progress').map((m) => (m.type === 'checkpoint' ? `checkpoint:${m.kind}` : m.type));
    const perEpoch = ['epoch', 'image', 'checkpoint:last'];
    assert.deepEqual(kinds.filter((k) => k !== 'checkpoint:best'), ['started', ...perEpoch, ...perEpoch, ...perEpoch, 'done']);
    assert.equal(kinds[3], 'checkpoint:best', 'the first epoch is always the best so far, saved before "last"');
    const epochs = messages.filter((m) => m.type === 'epoch');
    const losses = epochs.map((m) => m.metrics.loss);
    assert.ok(losses[2] < losses[0] * 0.8, `loss falls: ${losses}`);
    for (const name of ['loss', 'val_loss', 'mse', 'val_mse', 'psnr', 'val_psnr', 'ssim', 'val_ssim', 'epoch_seconds', 'images_per_sec']) {
      assert.ok(Number.isFinite(epochs[0].metrics[name]), `${name} is reported`);
    }
    const progress = messages.filter((m) => m.type === 'progress');
    assert.equal(progress.length, 3 * 6, 'one progress message per batch when unthrottled (96 images / 16)');

    const done = messages.at(-1);
    assert.ok(done?.type === 'done' && done.status === 'finished');
    assert.ok(done.summary.test_mse > 0 && done.summary.test_mse < 0.1 && done.summary.test_psnr > 10, JSON.stringify(done.summary));
    assert.equal(done.summary.val_loss, Math.min(...epochs.map((m) => m.metrics.val_loss)), 'summary carries the best epoch');

    const png = PNG.sync.read(readFileSync(join(dir, 'media', 'epoch-0003.png')));
    assert.ok(png.width >= 16 * 16 && png.height >= 2 * 16, `grid ${png.width}×${png.height} holds 16 images in 2 rows`);

    // The test figures are those of the saved 'best' checkpoint.
    const best = await loadModelFromDir(join(dir, 'model', 'best'));
    const config = tinyConfig('reconstruct', 3);
    const again = await evaluateSplit(best, syntheticDataset().test, lossFunction('mse'), createTaskAdapter(config), 16);
    best.dispose();
    assert.ok(Math.abs(again.mse - done.summary.test_mse) < 1e-6, `${again.mse} vs ${done.summary.test_mse}`);
  });

  it('batch norm and sgd with momentum train through the same loop without leaking tensors', async () => {
    const config = tinyConfig('reconstruct', 2);
    config.model.batchNorm = true;
    config.train = { ...config.train, optimizer: 'sgd', momentum: 0.9, learningRate: 0.05 };
    const { messages, tensorsAtEpoch } = await train(config, dir);
    assert.equal(tensorsAtEpoch.length, 2);
    assert.equal(tensorsAtEpoch[0], tensorsAtEpoch[1]);
    const done = messages.at(-1);
    assert.ok(done?.type === 'done' && Number.isFinite(done.summary.val_loss) && done.summary.test_mse < 0.2, JSON.stringify(done));
  });

  it('stops after the current batch when asked, still saves "last", and reports "stopped"', async () => {
    const { messages } = await train(tinyConfig('reconstruct', 3), dir, (seen) => seen.filter((m) => m.type === 'progress').length >= 2);
    const rest = messages.filter((m) => m.type !== 'started');
    assert.deepEqual(rest.map((m) => m.type), ['progress', 'progress', 'checkpoint', 'done']);
    const [checkpoint, done] = rest.slice(2);
    assert.ok(checkpoint.type === 'checkpoint' && checkpoint.kind === 'last');
    assert.ok(done.type === 'done' && done.status === 'stopped' && done.bestEpoch === 0);
    const saved = JSON.parse(readFileSync(join(dir, 'model', 'last', 'model.json'), 'utf8'));
    assert.ok(saved.modelTopology, 'the last checkpoint is a TensorFlow.js model');
  });

  for (const colorTarget of ['iq', 'rgb'] as const) {
    it(`colorize (${colorTarget}): trains from Y and reports RGB metrics; the grid has grey / predicted / truth rows`, async () => {
      const config = tinyConfig('colorize', 1);
      config.model.colorTarget = colorTarget;
      const { messages } = await train(config, dir);
      const started = messages.find((m) => m.type === 'started');
      assert.ok(started?.type === 'started' && started.parameterCount > 0);
      const epoch = messages.find((m) => m.type === 'epoch');
      assert.ok(epoch?.type === 'epoch' && epoch.metrics.val_mse > 0 && epoch.metrics.val_mse < 0.2 && epoch.metrics.val_ssim > 0, JSON.stringify(epoch));
      const png = PNG.sync.read(readFileSync(join(dir, 'media', 'epoch-0001.png')));
      assert.ok(png.height >= 3 * 16, `three rows: ${png.height}`);
    });
  }
});
