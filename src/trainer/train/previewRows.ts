// The rows of the per-epoch preview grid, always for the first 16 validation images (the split is already
// shuffled, so these are a fixed, unbiased pick): reconstruct — original / reconstruction;
// colorize — grey input / predicted / truth. Read back with async data() (webgpu refuses dataSync).
import * as tf from '@tensorflow/tfjs';
import type { RunConfig } from '../../shared/runConfig';
import { greyToRgb } from '../color';
import type { GridRow } from '../media';
import { batchTensor, type ImageSplit } from './batches';
import type { TaskAdapter } from './taskAdapter';

export const PREVIEW_IMAGES = 16;

export async function previewRows(model: tf.LayersModel, task: TaskAdapter, validation: ImageSplit, count: number, config: Pick<RunConfig, 'task' | 'model'>): Promise<GridRow[]> {
  const truth = batchTensor(validation, null, 0, count);
  const rows = tf.tidy(() => {
    const { input } = task.modelTensors(truth);
    const predicted = task.toRgb(input, model.apply(input, { training: false }) as tf.Tensor4D);
    return config.task === 'colorize' ? [greyToRgb(input), predicted, truth.clone()] : [truth.clone(), predicted];
  });
  truth.dispose();
  const labels = config.task === 'colorize' ? ['grey input', `predicted (${config.model.colorTarget})`, 'truth'] : ['original', 'reconstruction'];
  try {
    return await Promise.all(rows.map(async (row, i) => ({ label: labels[i], images: await toImages(row) })));
  } finally {
    tf.dispose(rows);
  }
}

/** [n, H, W, 3] in [0, 1] → one RGB byte array per image. */
async function toImages(rgb: tf.Tensor4D): Promise<Uint8Array[]> {
  const bytes = tf.tidy(() => rgb.clipByValue(0, 1).mul(255).round().cast('int32'));
  const values = await bytes.data();
  bytes.dispose();
  const size = rgb.shape[1] * rgb.shape[2] * 3;
  return Array.from({ length: rgb.shape[0] }, (_, b) => Uint8Array.from(values.subarray(b * size, (b + 1) * size)));
}
