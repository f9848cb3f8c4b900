// The training loss between the model's target and its output (mean over every element).
// Differentiated by hand with respect to the output: tfjs's Mean gradient multiplies dy by a tensor of
// ones the size of the batch that it fills in JavaScript every step, which cost 2–5 % of a wasm training
// step. The gradient here is tfjs's own arithmetic in the same order (dy / n, then its loss's derivative),
// so the same bits. The target is data: it gets no gradient.
import * as tf from '@tensorflow/tfjs';
import type { LossName } from '../../shared/runConfig';

export type LossFunction = (target: tf.Tensor, output: tf.Tensor) => tf.Scalar;

type PerElement = (target: tf.Tensor, output: tf.Tensor) => tf.Tensor;
/** d loss / d output, given `scale` = dy / (number of elements). */
type OutputGradient = (scale: tf.Tensor, target: tf.Tensor, output: tf.Tensor) => tf.Tensor;

function meanLoss(perElement: PerElement, outputGradient: OutputGradient): LossFunction {
  return (target, output) => {
    const loss = tf.customGrad((...args) => {
      const [out, save] = args as [tf.Tensor, tf.GradSaveFunc];
      // Saved, not closed over: both may be made inside the step's forward pass, which frees them.
      save([target, out]);
      const value = tf.mean(perElement(target, out)) as tf.Scalar;
      const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) => outputGradient(tf.div(dy, out.size), saved[0], saved[1]);
      return { value, gradFunc };
    });
    return loss(output) as tf.Scalar;
  };
}

export function lossFunction(name: LossName): LossFunction {
  switch (name) {
    case 'mse': // tfjs's SquaredDifference gradient: dy · 2 (output − target)
      return meanLoss(tf.squaredDifference, (scale, target, output) => tf.mul(scale, tf.mul(tf.scalar(2), tf.sub(output, target))));
    case 'mae': // tfjs's Abs and Sub gradients: −(dy · step(target − output, −1))
      return meanLoss((target, output) => tf.abs(tf.sub(target, output)), (scale, target, output) => tf.neg(tf.mul(scale, tf.step(tf.sub(target, output), -1))));
    default:
      throw new Error(`train.loss must be mse or mae; got ${JSON.stringify(name)}`);
  }
}
