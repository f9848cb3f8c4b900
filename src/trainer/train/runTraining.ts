// The training run, in-process: the child process, the tests and the benchmark all call runTraining.
// Per epoch: train (custom loop), validate, a preview grid, best/last checkpoints; at the end the test split
// on the best epoch's weights.
import * as tf from '@tensorflow/tfjs';
import { buildModel } from '../models';
import type { MetricValues } from '../../shared/trainerMessages';
import { checkSplits, loadTrainingDataset } from './loadTrainingDataset';
import { lossFunction } from './loss';
import { createOptimizer } from './optimizer';
import { createThrottle } from './progressThrottle';
import { createTaskAdapter } from './taskAdapter';
import { epochMetrics, prefixed } from './epochMetrics';
import { evaluateSplit } from './evaluate';
import { trainEpoch } from './trainEpoch';
import { RunOutputs } from './runOutputs';
import { firstImages } from './batches';
import { BestWeights } from './bestWeights';
import { PREVIEW_IMAGES } from './previewRows';
import type { RunTrainingOptions } from './types';

/** Train mse/psnr/ssim are measured after each epoch on this many training images at most (as many as validation). */
const TRAIN_METRIC_IMAGES = 1000;

export async function runTraining(options: RunTrainingOptions): Promise<void> {
  const { config, emit } = options;
  const dataset = options.dataset ?? (await loadTrainingDataset(options));
  checkSplits(dataset, config.data);
  const model = buildModel(config);
  const optimizer = createOptimizer(config.train);
  const bestWeights = new BestWeights();
  try {
    emit({
      type: 'started',
      backend: options.backend ?? tf.getBackend(),
      ...(options.adapter ? { adapter: options.adapter } : {}),
      parameterCount: model.countParams(),
      sizes: { train: dataset.train.count, validation: dataset.validation.count, test: dataset.test.count },
      skipped: dataset.skipped,
    });
    const loss = lossFunction(config.train.loss);
    const task = createTaskAdapter(config);
    const outputs = new RunOutputs(options.runDir, config, model, dataset.validation, emit);
    const context = {
      model, optimizer, loss, task, split: dataset.train, batchSize: config.train.batchSize, seed: config.train.seed, emit,
      shouldStop: options.shouldStop, progressDue: createThrottle(options.progressIntervalMs ?? 250),
    };
    const trainSubset = firstImages(dataset.train, Math.min(TRAIN_METRIC_IMAGES, Math.max(dataset.validation.count, PREVIEW_IMAGES)));
    let best: { epoch: number; metrics: MetricValues } = { epoch: 0, metrics: {} };
    let stopped = false;
    for (let epoch = 1; epoch <= config.train.epochs && !stopped; epoch++) {
      const epochStarted = performance.now();
      const trained = await trainEpoch(context, epoch);
      stopped = trained.stopped;
      if (trained.images < dataset.train.count) {
        // Stopped inside the epoch: no validation of a half epoch, but keep the weights as they are.
        await outputs.saveCheckpoint('last', epoch);
        break;
      }
      const validation = await evaluateSplit(model, dataset.validation, loss, task, config.train.batchSize);
      const trainMeasured = await evaluateSplit(model, trainSubset, loss, task, config.train.batchSize);
      const metrics = epochMetrics(trained, trainMeasured, validation, (performance.now() - epochStarted) / 1000);
      emit({ type: 'epoch', epoch, metrics, seconds: metrics.epoch_seconds });
      await outputs.writePreview(epoch);
      if (best.epoch === 0 || metrics.val_loss < best.metrics.val_loss) {
        best = { epoch, metrics };
        bestWeights.keep(model);
        await outputs.saveCheckpoint('best', epoch, metrics);
      }
      await outputs.saveCheckpoint('last', epoch, metrics);
    }
    // The test split measures the best epoch's model (the 'best' checkpoint); a stopped run skips it.
    if (!stopped) bestWeights.restore(model);
    const test = stopped ? {} : prefixed('test_', await evaluateSplit(model, dataset.test, loss, task, config.train.batchSize), ['mse', 'psnr', 'ssim']);
    emit({ type: 'done', status: stopped ? 'stopped' : 'finished', summary: { ...best.metrics, ...test }, bestEpoch: best.epoch });
  } finally {
    bestWeights.dispose();
    optimizer.dispose();
    model.dispose();
  }
}
