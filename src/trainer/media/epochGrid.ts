// The grid a run writes every epoch: the same validation images, and what the model makes of them.
import * as tf from '@tensorflow/tfjs';
import type { RunConfig } from '../../shared/runConfig';
import { greyToRgb, predictRgb, rgbToModelInput } from '../color';
import { renderGrid, type GridRow } from './grid';
import type { GridOptions } from './layout';

/** [B, H, W, 3] in [0, 1] → one RGB byte array per image (rounded, clamped; an async read, as webgpu needs). */
export async function tensorToImages(rgb: tf.Tensor4D): Promise<Uint8Array[]> {
  const [batch, height, width, channels] = rgb.shape;
  if (channels !== 3) throw new Error(`tensorToImages: expected 3 channels, got shape [${rgb.shape.join(', ')}]`);
  const asInt = tf.tidy(() => rgb.clipByValue(0, 1).mul(255).round().cast('int32'));
  const bytes = await asInt.data();
  asInt.dispose();
  const size = height * width * 3;
  return Array.from({ length: batch }, (_, b) => Uint8Array.from(bytes.subarray(b * size, (b + 1) * size)));
}

/** reconstruct: original / reconstruction; colorize: grey input / predicted / truth. */
export async function epochGridRows(model: tf.LayersModel, rgb: tf.Tensor4D, config: Pick<RunConfig, 'task' | 'model'>): Promise<GridRow[]> {
  const input = rgbToModelInput(rgb, config.task);
  const predicted = predictRgb(model, input, config);
  const grey = config.task === 'colorize' ? greyToRgb(input) : undefined;
  try {
    if (!grey) {
      return [{ label: 'original', images: await tensorToImages(rgb) }, { label: 'reconstruction', images: await tensorToImages(predicted) }];
    }
    return [
      { label: 'grey input', images: await tensorToImages(grey) },
      { label: `predicted (${config.model.colorTarget})`, images: await tensorToImages(predicted) },
      { label: 'truth', images: await tensorToImages(rgb) },
    ];
  } finally {
    tf.dispose([input, predicted, ...(grey ? [grey] : [])]);
  }
}

/** The epoch grid as PNG bytes (default ×2 enlargement, 2 px gutter). */
export async function renderEpochGrid(model: tf.LayersModel, rgb: tf.Tensor4D, config: Pick<RunConfig, 'task' | 'model'>, options: GridOptions = {}): Promise<Buffer> {
  const [, height, width] = rgb.shape;
  return renderGrid(await epochGridRows(model, rgb, config), { height, width }, options);
}
