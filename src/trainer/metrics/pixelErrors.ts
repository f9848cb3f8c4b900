// Per-image pixel errors on [0, 1] images [B, H, W, C]; each returns one value per image.
import * as tf from '@tensorflow/tfjs';

/** PSNR of identical images is infinite; it is reported as this many dB so averages stay finite. */
export const PSNR_CAP_DB = 100;

export function checkPair(pred: tf.Tensor, truth: tf.Tensor, what: string): void {
  if (pred.rank !== 4 || truth.rank !== 4 || pred.shape.some((d, i) => d !== truth.shape[i])) {
    throw new Error(`${what}: expected two [batch, height, width, channels] tensors of one shape, got [${pred.shape.join(', ')}] and [${truth.shape.join(', ')}]`);
  }
}

export function perImageMse(pred: tf.Tensor4D, truth: tf.Tensor4D): tf.Tensor1D {
  checkPair(pred, truth, 'mse');
  return tf.tidy(() => tf.squaredDifference(pred, truth).mean([1, 2, 3]) as tf.Tensor1D);
}

export function perImageMae(pred: tf.Tensor4D, truth: tf.Tensor4D): tf.Tensor1D {
  checkPair(pred, truth, 'mae');
  return tf.tidy(() => tf.sub(pred, truth).abs().mean([1, 2, 3]) as tf.Tensor1D);
}

/** 10·log10(1 / MSE) per image (data range 1), capped at PSNR_CAP_DB (MSE 0 → the cap). */
export function perImagePsnr(pred: tf.Tensor4D, truth: tf.Tensor4D): tf.Tensor1D {
  checkPair(pred, truth, 'psnr');
  return tf.tidy(() => {
    const db = tf.log(perImageMse(pred, truth)).mul(-10 / Math.LN10);
    return tf.minimum(db, PSNR_CAP_DB) as tf.Tensor1D;
  });
}
