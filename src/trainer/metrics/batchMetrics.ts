// Per-batch metric sums read back as numbers: a caller adds them up over a whole set and divides by
// the image count, so the mean does not depend on how the set was batched. Reads are asynchronous
// (data(), never dataSync) because the webgpu backend refuses synchronous reads.
import * as tf from '@tensorflow/tfjs';
import { perImageMae, perImageMse, perImagePsnr } from './pixelErrors';
import { perImageSsim } from './ssim';

export const IMAGE_METRICS = ['mse', 'mae', 'psnr', 'ssim'] as const;
export type ImageMetric = (typeof IMAGE_METRICS)[number];
export type MetricSums = Record<ImageMetric, number> & { count: number };

const PER_IMAGE = { mse: perImageMse, mae: perImageMae, psnr: perImagePsnr, ssim: perImageSsim };

/** The same sums as device scalars, not read back: for callers that accumulate many batches and read once. */
export function metricSumTensors(pred: tf.Tensor4D, truth: tf.Tensor4D): Record<ImageMetric, tf.Scalar> {
  return tf.tidy(() => Object.fromEntries(IMAGE_METRICS.map((name) => [name, PER_IMAGE[name](pred, truth).sum() as tf.Scalar])) as Record<ImageMetric, tf.Scalar>);
}

/** Sums over the batch of each image's MSE, MAE, PSNR (dB, capped) and SSIM, in one read; `count` images. */
export async function batchMetricSums(pred: tf.Tensor4D, truth: tf.Tensor4D): Promise<MetricSums> {
  const parts = metricSumTensors(pred, truth);
  const sums = tf.stack(IMAGE_METRICS.map((name) => parts[name]));
  tf.dispose(Object.values(parts));
  try {
    const [mse, mae, psnr, ssim] = await sums.data();
    return { mse, mae, psnr, ssim, count: pred.shape[0] };
  } finally {
    sums.dispose();
  }
}

/** Adds `b` into `a` (for totals over several batches). */
export function addSums(a: MetricSums, b: MetricSums): MetricSums {
  return { mse: a.mse + b.mse, mae: a.mae + b.mae, psnr: a.psnr + b.psnr, ssim: a.ssim + b.ssim, count: a.count + b.count };
}

/** Per-image means of totals; throws on an empty set rather than returning NaN. */
export function meansOf(sums: MetricSums): Record<ImageMetric, number> {
  if (sums.count === 0) throw new Error('metric means: no images were measured');
  return { mse: sums.mse / sums.count, mae: sums.mae / sums.count, psnr: sums.psnr / sums.count, ssim: sums.ssim / sums.count };
}

const sumOf = (name: ImageMetric) => async (pred: tf.Tensor4D, truth: tf.Tensor4D): Promise<number> => {
  const sum = tf.tidy(() => PER_IMAGE[name](pred, truth).sum());
  try {
    return (await sum.data())[0];
  } finally {
    sum.dispose();
  }
};

/** The batch's sum of one metric over its images (divide by the batch size for the mean). */
export const mse = sumOf('mse');
export const mae = sumOf('mae');
export const psnr = sumOf('psnr');
export const ssim = sumOf('ssim');
