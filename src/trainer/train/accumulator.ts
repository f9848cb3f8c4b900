// Running sums of loss and metrics kept on the device, read once per epoch (one sync, not one a batch).
import * as tf from '@tensorflow/tfjs';

/** A batch's metric sums as device scalars (see metrics/batchMetrics: metricSumTensors). */
type MetricSumTensors = Record<'mse' | 'psnr' | 'ssim', tf.Scalar>;

export interface EpochAverages {
  loss: number;
  mse: number;
  psnr: number;
  ssim: number;
}

export class MetricAccumulator {
  private totals: tf.Scalar[] = [tf.scalar(0), tf.scalar(0), tf.scalar(0), tf.scalar(0)];
  private images = 0;

  /** Adds one batch: its mean loss (weighted by its size) and its metric sums. Disposes nothing passed in. */
  add(meanLoss: tf.Scalar, sums: MetricSumTensors, batchImages: number): void {
    const parts = [tf.mul(meanLoss, batchImages), sums.mse, sums.psnr, sums.ssim];
    const next = this.totals.map((total, i) => tf.tidy(() => tf.add(total, parts[i]) as tf.Scalar));
    parts[0].dispose();
    tf.dispose(this.totals);
    this.totals = next;
    this.images += batchImages;
  }

  get count(): number {
    return this.images;
  }

  /** Per-image means; NaN when nothing was added. Disposes the accumulator. */
  async read(): Promise<EpochAverages> {
    const values = await Promise.all(this.totals.map(async (t) => (await t.data())[0]));
    tf.dispose(this.totals);
    const n = this.images;
    const [loss, mse, psnr, ssim] = values.map((v) => (n > 0 ? v / n : NaN));
    return { loss, mse, psnr, ssim };
  }
}
