// Loss and RGB metrics of a model over a whole split (validation each epoch, test at the end), in eval mode.
import * as tf from '@tensorflow/tfjs';
import { MetricAccumulator, type EpochAverages } from './accumulator';
import { batchRanges, batchTensor, type ImageSplit } from './batches';
import type { LossFunction } from './loss';
import { metricSumTensors } from '../metrics';
import type { TaskAdapter } from './taskAdapter';

export async function evaluateSplit(model: tf.LayersModel, split: ImageSplit, loss: LossFunction, task: TaskAdapter, batchSize: number): Promise<EpochAverages> {
  const totals = new MetricAccumulator();
  for (const [start, end] of batchRanges(split.count, batchSize)) {
    const rgb = batchTensor(split, null, start, end);
    const [meanLoss, mse, psnr, ssim] = tf.tidy(() => {
      const { input, target } = task.modelTensors(rgb);
      const output = model.apply(input, { training: false }) as tf.Tensor4D;
      const sums = metricSumTensors(task.toRgb(input, output), rgb);
      return [loss(target, output), sums.mse, sums.psnr, sums.ssim];
    });
    totals.add(meanLoss, { mse, psnr, ssim }, end - start);
    tf.dispose([rgb, meanLoss, mse, psnr, ssim]);
  }
  return totals.read();
}
