// The epoch and test metrics: per-batch sums (one GPU→CPU read per batch) and an accumulator that
// turns them into means over a whole set, so the mean does not depend on how the set was batched.
import * as tf from '@tensorflow/tfjs';
import { perImageMae, perImageMse, perImagePsnr } from './pixelErrors';
import { perImageSsim } from './ssim';

export const IMAGE_METRICS = ['mse', 'mae', 'psnr', 'ssim'] as const;
export type ImageMetric = (typeof IMAGE_METRICS)[number];
export type MetricSums = Record<ImageMetric, number> & { count: number };

/** Sums over the batch of each image's MSE, MAE, PSNR (dB, capped) and SSIM; `count` images. */
export function batchMetricSums(pred: tf.Tensor4D, truth: tf.Tensor4D): MetricSums {
  const sums = tf.tidy(() => tf.stack([perImageMse, perImageMae, perImagePsnr, perImageSsim].map((f) => f(pred, truth).sum())));
  const [mse, mae, psnr, ssim] = sums.dataSync();
  sums.dispose();
  return { mse, mae, psnr, ssim, count: pred.shape[0] };
}

const sumOne = (f: (a: tf.Tensor4D, b: tf.Tensor4D) => tf.Tensor1D) => (pred: tf.Tensor4D, truth: tf.Tensor4D): number =>
  tf.tidy(() => f(pred, truth).sum().arraySync() as number);

/** Per-batch sums of single metrics (divide by the number of images for the batch mean). */
export const mse = sumOne(perImageMse);
export const mae = sumOne(perImageMae);
export const psnr = sumOne(perImagePsnr);
export const ssim = sumOne(perImageSsim);

/** Adds up batches; `means()` is the per-image average over everything added. */
export class MetricAccumulator {
  private totals: MetricSums = { mse: 0, mae: 0, psnr: 0, ssim: 0, count: 0 };

  add(pred: tf.Tensor4D, truth: tf.Tensor4D): MetricSums {
    const sums = batchMetricSums(pred, truth);
    this.addSums(sums);
    return sums;
  }

  addSums(sums: MetricSums): void {
    for (const key of [...IMAGE_METRICS, 'count'] as const) this.totals[key] += sums[key];
  }

  get count(): number {
    return this.totals.count;
  }

  means(): Record<ImageMetric, number> {
    if (this.totals.count === 0) throw new Error('MetricAccumulator: no images were added');
    const n = this.totals.count;
    return { mse: this.totals.mse / n, mae: this.totals.mae / n, psnr: this.totals.psnr / n, ssim: this.totals.ssim / n };
  }
}
