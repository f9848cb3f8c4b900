// Throughput and quality of the project's own trainer on one backend, in this process: the runner's
// training loop (trainEpoch: uint8 batches, optimizer.minimize), a forward-only
// inference pass, and the test MSE after training.
import * as tf from '@tensorflow/tfjs';
import { defaultRunConfig } from '../../src/shared/runConfig';
import { initBackend } from '../../src/trainer/backend';
import { buildReconstructModel } from '../../src/trainer/models';
import { batchRanges, batchTensor, type ImageSplit } from '../../src/trainer/train/batches';
import { evaluateSplit } from '../../src/trainer/train/evaluate';
import { lossFunction } from '../../src/trainer/train/loss';
import { createOptimizer } from '../../src/trainer/train/optimizer';
import { createTaskAdapter } from '../../src/trainer/train/taskAdapter';
import { trainEpoch } from '../../src/trainer/train/trainEpoch';
import { trainStep } from '../../src/trainer/train/trainStep';

export interface TrainerFigures {
  backend: string;
  images: number;
  epochs: number;
  trainImgPerSec: number;
  inferImgPerSec: number;
  /** The same per CPU-second of this process (steadier than wall time on a shared machine). */
  trainCpuImgPerSec: number;
  inferCpuImgPerSec: number;
  losses: number[];
  testMse: number;
  /** Tensors alive after training minus before (0 = no leak). */
  leakedTensors: number;
}

export async function measureTfjs(backend: 'wasm' | 'cpu', train: ImageSplit, test: ImageSplit, epochs: number, batch: number): Promise<TrainerFigures> {
  await initBackend(backend);
  const config = defaultRunConfig('reconstruct');
  const model = buildReconstructModel(config.model, 3, 0);
  const optimizer = createOptimizer({ optimizer: 'adam', learningRate: 1e-3, momentum: 0.9 });
  const loss = lossFunction('mse');
  const task = createTaskAdapter(config);
  // Warm-up steps, not counted (PyTorch's reference does the same).
  for (let i = 0; i < 3; i++) {
    const rgb = batchTensor(train, null, 0, Math.min(batch, train.count));
    tf.dispose([rgb, trainStep(model, optimizer, loss, task, rgb)]);
  }
  const tensorsBefore = tf.memory().numTensors;
  const ctx = { model, optimizer, loss, task, split: train, batchSize: batch, seed: 0, emit: () => {}, shouldStop: () => false, progressDue: () => false };
  const losses: number[] = [];
  let seconds = 0;
  const cpuStart = process.cpuUsage();
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const outcome = await trainEpoch(ctx, epoch);
    seconds += outcome.seconds;
    losses.push(Number(outcome.loss.toFixed(6)));
  }
  const trainCpuSeconds = cpuSeconds(cpuStart);
  const leakedTensors = tf.memory().numTensors - tensorsBefore;
  const inference = measureInference(model, train, batch);
  const testMse = (await evaluateSplit(model, test, loss, task, 256)).mse;
  model.dispose();
  optimizer.dispose();
  return {
    backend, images: train.count, epochs, trainImgPerSec: (train.count * epochs) / seconds, inferImgPerSec: inference.wall,
    trainCpuImgPerSec: (train.count * epochs) / trainCpuSeconds, inferCpuImgPerSec: inference.cpu, losses, testMse, leakedTensors,
  };
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

/** Forward passes over `split` in eval mode, batch by batch, as the PyTorch reference times them. */
function measureInference(model: tf.LayersModel, split: ImageSplit, batch: number): { wall: number; cpu: number } {
  // wasm and cpu compute synchronously: the output exists when apply returns (no read-back, like PyTorch).
  const forward = (start: number, end: number) => tf.tidy(() => {
    model.apply(batchTensor(split, null, start, end), { training: false });
  });
  forward(0, Math.min(batch, split.count));
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  for (const [start, end] of batchRanges(split.count, batch)) forward(start, end);
  return { wall: (split.count / (performance.now() - started)) * 1000, cpu: split.count / cpuSeconds(cpuStart) };
}
