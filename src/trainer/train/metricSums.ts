// A batch's RGB metric sums as device tensors (the metrics module's per-image functions), so the training
// loop can accumulate them without a GPU→CPU read per batch (and no dataSync, which webgpu refuses).
import * as tf from '@tensorflow/tfjs';
import { perImageMse, perImagePsnr, perImageSsim } from '../metrics';

export interface MetricSumTensors {
  mse: tf.Scalar;
  psnr: tf.Scalar;
  ssim: tf.Scalar;
}

/** Sums over the batch of each image's MSE, PSNR and SSIM between `truth` and `predicted` (RGB in [0, 1]). */
export function metricSumTensors(truth: tf.Tensor4D, predicted: tf.Tensor4D): MetricSumTensors {
  return tf.tidy(() => ({
    mse: perImageMse(predicted, truth).sum() as tf.Scalar,
    psnr: perImagePsnr(predicted, truth).sum() as tf.Scalar,
    ssim: perImageSsim(predicted, truth).sum() as tf.Scalar,
  }));
}
