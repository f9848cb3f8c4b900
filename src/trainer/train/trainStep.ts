// One optimisation step on one batch: the forward pass and the loss inside the optimizer's tape.
// (No metrics here: SSIM on every training batch measured at 60–150 % of the step's own time on wasm;
// the train metrics are measured after the epoch instead, see runTraining.)
import type * as tf from '@tensorflow/tfjs';
import type { LossFunction } from './loss';
import type { TaskAdapter } from './taskAdapter';

/** Returns the batch's mean loss (a scalar the caller disposes). */
export function trainStep(model: tf.LayersModel, optimizer: tf.Optimizer, loss: LossFunction, task: TaskAdapter, rgb: tf.Tensor4D): tf.Scalar {
  const cost = optimizer.minimize(() => {
    const { input, target } = task.modelTensors(rgb);
    return loss(target, model.apply(input, { training: true }) as tf.Tensor4D);
  }, true);
  if (!cost) throw new Error('the optimizer returned no loss');
  return cost;
}
