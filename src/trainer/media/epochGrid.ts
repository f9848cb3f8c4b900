// The grid a run writes every epoch: the same validation images, and what the model makes of them.
import * as tf from '@tensorflow/tfjs';
import type { RunConfig } from '../../shared/runConfig';
import { greyToRgb, predictRgb, rgbToModelInput } from '../color';
import { renderGrid, type GridRow } from './grid';
import type { GridOptions } from './layout';

/** [B, H, W, 3] in [0, 1] → one RGB byte array per image (rounded, clamped). */
export function tensorToImages(rgb: tf.Tensor4D): Uint8Array[] {
  const [batch, height, width, channels] = rgb.shape;
  if (channels !== 3) throw new Error(`tensorToImages: expected 3 channels, got shape [${rgb.shape.join(', ')}]`);
  const asInt = tf.tidy(() => rgb.clipByValue(0, 1).mul(255).round().cast('int32'));
  const bytes = asInt.dataSync();
  asInt.dispose();
  const size = height * width * 3;
  return Array.from({ length: batch }, (_, b) => Uint8Array.from(bytes.subarray(b * size, (b + 1) * size)));
}

/** reconstruct: original / reconstruction; colorize: grey input / predicted / truth. */
export function epochGridRows(model: tf.LayersModel, rgb: tf.Tensor4D, config: Pick<RunConfig, 'task' | 'model'>): GridRow[] {
  const input = rgbToModelInput(rgb, config.task);
  const predicted = predictRgb(model, input, config);
  const grey = config.task === 'colorize' ? greyToRgb(input) : undefined;
  try {
    if (!grey) {
      return [{ label: 'original', images: tensorToImages(rgb) }, { label: 'reconstruction', images: tensorToImages(predicted) }];
    }
    return [
      { label: 'grey input', images: tensorToImages(grey) },
      { label: `predicted (${config.model.colorTarget})`, images: tensorToImages(predicted) },
      { label: 'truth', images: tensorToImages(rgb) },
    ];
  } finally {
    tf.dispose([input, predicted, ...(grey ? [grey] : [])]);
  }
}

/** The epoch grid as PNG bytes (default ×2 enlargement, 2 px gutter). */
export function renderEpochGrid(model: tf.LayersModel, rgb: tf.Tensor4D, config: Pick<RunConfig, 'task' | 'model'>, options: GridOptions = {}): Buffer {
  const [, height, width] = rgb.shape;
  return renderGrid(epochGridRows(model, rgb, config), { height, width }, options);
}
