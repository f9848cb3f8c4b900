// The training loss between the model's target and its output (mean over every element).
import * as tf from '@tensorflow/tfjs';
import type { LossName } from '../../shared/runConfig';

export type LossFunction = (target: tf.Tensor, output: tf.Tensor) => tf.Scalar;

export function lossFunction(name: LossName): LossFunction {
  switch (name) {
    case 'mse':
      return (target, output) => tf.mean(tf.squaredDifference(target, output)) as tf.Scalar;
    case 'mae':
      return (target, output) => tf.mean(tf.abs(tf.sub(target, output))) as tf.Scalar;
    default:
      throw new Error(`train.loss must be mse or mae; got ${JSON.stringify(name)}`);
  }
}
