// Colorizes one image file at its full resolution with a trained colorizer: decode (any size), take Y,
// pad to the model's down-sampling factor, predict, crop back, write a PNG.
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import sharp from 'sharp';
import { loadModelFromDir, readCheckpointMeta } from '../checkpoint';
import { greyToRgb, predictRgb, rgbToModelInput } from '../color';
import { decodeImageFile } from '../data';

export interface ColorizeImageOptions {
  imagePath: string;
  /** A checkpoint folder of a colorize run (runs/<id>/model/best). */
  modelDir: string;
  /** Default: <name>.colorized.png beside the image. */
  outPath?: string;
  /** Also write the grey input the model saw here. */
  greyOutPath?: string;
  /** Overwrite existing output files. */
  force?: boolean;
}

export interface ColorizeImageResult {
  outPath: string;
  greyOutPath?: string;
  width: number;
  height: number;
}

export const defaultColorizedPath = (imagePath: string) =>
  join(dirname(imagePath), `${basename(imagePath, extname(imagePath))}.colorized.png`);

export async function colorizeImage(options: ColorizeImageOptions): Promise<ColorizeImageResult> {
  const outPath = resolve(options.outPath ?? defaultColorizedPath(options.imagePath));
  const greyOutPath = options.greyOutPath && resolve(options.greyOutPath);
  for (const path of [outPath, greyOutPath]) {
    if (path && existsSync(path) && !options.force) throw new Error(`${path} exists; pass --force to overwrite it`);
  }
  const image = await decodeImageFile(options.imagePath);
  const meta = await readCheckpointMeta(options.modelDir);
  if (meta.task !== 'colorize') throw new Error(`${options.modelDir} holds a '${meta.task}' model, not a colorizer`);
  const model = await loadModelFromDir(options.modelDir);
  try {
    const rgb = tf.tidy(() => tf.tensor4d(image.pixels, [1, image.height, image.width, 3], 'int32').toFloat().div(255) as tf.Tensor4D);
    const y = rgbToModelInput(rgb, 'colorize');
    const colorized = predictRgb(model, y, meta);
    const grey = greyOutPath ? greyToRgb(y) : undefined;
    try {
      await writePng(colorized, outPath);
      if (grey && greyOutPath) await writePng(grey, greyOutPath);
    } finally {
      tf.dispose([rgb, y, colorized, ...(grey ? [grey] : [])]);
    }
  } finally {
    model.dispose();
  }
  return { outPath, ...(greyOutPath ? { greyOutPath } : {}), width: image.width, height: image.height };
}

/** RGB [1, H, W, 3] in [0, 1] → an 8-bit PNG file. */
async function writePng(rgb: tf.Tensor4D, path: string): Promise<void> {
  const [, height, width] = rgb.shape;
  const bytes = tf.tidy(() => rgb.mul(255).round().clipByValue(0, 255).toInt());
  const data = Uint8Array.from(await bytes.data());
  bytes.dispose();
  await sharp(data, { raw: { width, height, channels: 3 } }).png().toFile(path);
}
