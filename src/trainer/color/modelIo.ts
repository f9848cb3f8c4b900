// What a model sees and what it is trained to output, per task; and the way back to RGB.
import * as tf from '@tensorflow/tfjs';
import type { ColorTarget, Task } from '../../shared/runConfig';
import { I_MAX, Q_MAX, rgbToY, rgbToYiq, yiqToRgb } from './yiq';

/** reconstruct: a copy of the RGB images; colorize: their luma Y [B, H, W, 1]. Always a new tensor the caller disposes. */
export function rgbToModelInput(rgb: tf.Tensor4D, task: Task): tf.Tensor4D {
  return task === 'colorize' ? rgbToY(rgb) : rgb.clone();
}

/** reconstruct / colorize-rgb: RGB; colorize-iq: [I/I_MAX, Q/Q_MAX] in [-1, 1], the tanh output's range. */
export function modelTargets(rgb: tf.Tensor4D, task: Task, colorTarget: ColorTarget = 'iq'): tf.Tensor4D {
  if (task !== 'colorize' || colorTarget === 'rgb') return rgb.clone();
  return tf.tidy(() => {
    const iq = rgbToYiq(rgb).slice([0, 0, 0, 1], [-1, -1, -1, 2]);
    return iq.div(tf.tensor1d([I_MAX, Q_MAX])) as tf.Tensor4D;
  });
}

/**
 * A model's output as RGB in [0, 1]. For the iq colorizer: Y from the input plus I, Q scaled back
 * from [-1, 1], converted with the exact inverse matrix, then clamped (some YIQ triples lie outside the RGB cube).
 */
export function outputToRgb(input: tf.Tensor4D, output: tf.Tensor4D, task: Task, colorTarget: ColorTarget = 'iq'): tf.Tensor4D {
  return tf.tidy(() => {
    if (task !== 'colorize' || colorTarget === 'rgb') return output.clipByValue(0, 1) as tf.Tensor4D;
    const yiq = tf.concat([input, output.mul(tf.tensor1d([I_MAX, Q_MAX]))], 3);
    return yiqToRgb(yiq).clipByValue(0, 1) as tf.Tensor4D;
  });
}

/** Y replicated to 3 channels: how a grey input is shown next to colour images. */
export function greyToRgb(y: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => tf.tile(y, [1, 1, 1, 3]) as tf.Tensor4D);
}
