// Structural similarity (Wang et al. 2004) as skimage's structural_similarity(gaussian_weights=True,
// sigma=1.5, use_sample_covariance=False, data_range=1, channel_axis=-1): an 11×11 Gaussian window
// (σ 1.5, truncated at 3.5σ), K1 0.01, K2 0.03, the SSIM map averaged over the positions where the
// window fits inside the image (skimage filters with reflection, then crops 5 px each side, which
// is the same), per channel, then the channel mean.
import * as tf from '@tensorflow/tfjs';
import { checkPair } from './pixelErrors';

const SIGMA = 1.5;
const RADIUS = Math.floor(3.5 * SIGMA + 0.5); // 5, as scipy.ndimage.gaussian_filter's truncate=3.5
export const SSIM_WINDOW = 2 * RADIUS + 1;
const C1 = 0.01 ** 2;
const C2 = 0.03 ** 2;

function gaussianTaps(): number[] {
  const taps = Array.from({ length: SSIM_WINDOW }, (_, i) => Math.exp(-((i - RADIUS) ** 2) / (2 * SIGMA * SIGMA)));
  const sum = taps.reduce((s, v) => s + v, 0);
  return taps.map((v) => v / sum);
}

/** Separable Gaussian mean of each of the 5 channels of [N, H, W, 5], 'valid' positions only. */
function gaussianMean(x: tf.Tensor4D): tf.Tensor4D {
  const taps = gaussianTaps();
  const channels = x.shape[3];
  const vertical = tf.tensor4d(taps.flatMap((t) => Array(channels).fill(t)), [SSIM_WINDOW, 1, channels, 1]);
  const horizontal = tf.tensor4d(taps.flatMap((t) => Array(channels).fill(t)), [1, SSIM_WINDOW, channels, 1]);
  return tf.depthwiseConv2d(tf.depthwiseConv2d(x, vertical, 1, 'valid'), horizontal, 1, 'valid');
}

/** Mean SSIM per image ([B]) of two [B, H, W, C] images in [0, 1]; H and W must be at least 11. */
export function perImageSsim(pred: tf.Tensor4D, truth: tf.Tensor4D): tf.Tensor1D {
  checkPair(pred, truth, 'ssim');
  const [batch, height, width, channels] = pred.shape;
  if (height < SSIM_WINDOW || width < SSIM_WINDOW) {
    throw new Error(`ssim: images must be at least ${SSIM_WINDOW}×${SSIM_WINDOW} pixels, got ${height}×${width}`);
  }
  return tf.tidy(() => {
    // One single-channel image per (image, channel): [B·C, H, W, 1].
    const planes = (t: tf.Tensor4D) => t.transpose([0, 3, 1, 2]).reshape([batch * channels, height, width, 1]);
    // Centred on each plane's mean first: variance = E[x²] − E[x]² cancels badly in float32 when
    // E[x] is large and the variance small (flat regions); centring keeps both terms small.
    const [x, y] = [planes(pred), planes(truth)];
    const [mx, my] = [x.mean([1, 2, 3], true), y.mean([1, 2, 3], true)];
    const [xc, yc] = [x.sub(mx), y.sub(my)];
    const moments = gaussianMean(tf.concat([xc, yc, xc.square(), yc.square(), xc.mul(yc)], 3) as tf.Tensor4D);
    const [uxc, uyc, uxx, uyy, uxy] = tf.split(moments, 5, 3);
    const vx = uxx.sub(uxc.square());
    const vy = uyy.sub(uyc.square());
    const vxy = uxy.sub(uxc.mul(uyc));
    const [ux, uy] = [uxc.add(mx), uyc.add(my)];
    const numerator = ux.mul(uy).mul(2).add(C1).mul(vxy.mul(2).add(C2));
    const denominator = ux.square().add(uy.square()).add(C1).mul(vx.add(vy).add(C2));
    const perPlane = numerator.div(denominator).mean([1, 2, 3]);
    return perPlane.reshape([batch, channels]).mean(1) as tf.Tensor1D;
  });
}
