// What the model sees and learns per task (RGB → RGB; Y → IQ or RGB), and its output back as RGB for the
// metrics, which are always measured on RGB so the colorizer and the autoencoder compare.
import type * as tf from '@tensorflow/tfjs';
import type { RunConfig } from '../../shared/runConfig';
import { modelTargets, outputToRgb, rgbToModelInput } from '../color';

export interface TaskAdapter {
  modelTensors(rgb: tf.Tensor4D): { input: tf.Tensor4D; target: tf.Tensor4D };
  toRgb(input: tf.Tensor4D, output: tf.Tensor4D): tf.Tensor4D;
}

export function createTaskAdapter(config: Pick<RunConfig, 'task' | 'model'>): TaskAdapter {
  const { task } = config;
  const target = config.model.colorTarget;
  return {
    modelTensors: (rgb) => ({ input: rgbToModelInput(rgb, task), target: modelTargets(rgb, task, target) }),
    toRgb: (input, output) => outputToRgb(input, output, task, target),
  };
}
