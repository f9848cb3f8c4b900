// Inference on images of any size, returning RGB: the one path the grid, the test set and `aelab colorize` share.
import * as tf from '@tensorflow/tfjs';
import type { RunConfig } from '../../shared/runConfig';
import { downsamplingFactor } from '../models/architecture';
import { outputToRgb } from './modelIo';
import { cropTo, padToMultiple } from './padding';

/**
 * `input` is what the model takes (RGB for reconstruct, Y [B, H, W, 1] for colorize), any H × W.
 * Pads to the down-sampling factor, predicts, crops back and returns RGB in [0, 1] of the input's size.
 */
export function predictRgb(model: tf.LayersModel, input: tf.Tensor4D, config: Pick<RunConfig, 'task' | 'model'>): tf.Tensor4D {
  return tf.tidy(() => {
    const { padded, height, width } = padToMultiple(input, downsamplingFactor(config.model));
    const output = cropTo(model.predict(padded) as tf.Tensor4D, height, width);
    return outputToRgb(input, output, config.task, config.model.colorTarget);
  });
}
