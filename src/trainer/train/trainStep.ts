// One optimisation step on one batch: the forward pass, the loss inside the optimizer's tape, and the
// batch's RGB metric sums (kept out of the tape's tidy so the epoch can accumulate them on the device).
import * as tf from '@tensorflow/tfjs';
import type { LossFunction } from './loss';
import { type MetricSumTensors, metricSumTensors } from './metricSums';
import { type TaskAdapter } from './taskAdapter';

export interface StepResult {
  /** The batch's mean loss (a scalar the caller disposes). */
  loss: tf.Scalar;
  /** Sums over the batch of per-image MSE / PSNR / SSIM, measured before the update (Keras semantics). */
  sums: MetricSumTensors;
}

export function trainStep(model: tf.LayersModel, optimizer: tf.Optimizer, loss: LossFunction, task: TaskAdapter, rgb: tf.Tensor4D): StepResult {
  let sums: MetricSumTensors | undefined;
  const cost = optimizer.minimize(() => {
    const { input, target } = task.modelTensors(rgb);
    const output = model.apply(input, { training: true }) as tf.Tensor4D;
    sums = keepAll(metricSumTensors(rgb, task.toRgb(input, output)));
    return loss(target, output);
  }, true);
  if (!cost || !sums) throw new Error('the optimizer returned no loss');
  return { loss: cost, sums };
}

function keepAll(sums: MetricSumTensors): MetricSumTensors {
  return { mse: tf.keep(sums.mse), psnr: tf.keep(sums.psnr), ssim: tf.keep(sums.ssim) };
}
