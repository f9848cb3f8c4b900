// Deterministic test images, generated identically by reference_metrics.py (which computed the
// hard-coded reference values with numpy/scipy, mirroring skimage's structural_similarity).
import * as tf from '@tensorflow/tfjs';

export type Variant = 'base' | 'noisy' | 'contrast' | 'shifted';

const noise = (i: number) => ((i * 1103515245 + 12345) % 2147483648) / 2147483648;
const clip = (v: number) => Math.min(1, Math.max(0, v));

export function fixtureImages(batch: number, height: number, width: number, variant: Variant): tf.Tensor4D {
  const values = new Float32Array(batch * height * width * 3);
  let i = 0;
  for (let b = 0; b < batch; b++) for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) for (let c = 0; c < 3; c++, i++) {
    const base = clip(0.5 + 0.35 * Math.cos(0.3 * x + 0.2 * y + 1.3 * c + 0.7 * b) + 0.15 * (noise(i) - 0.5));
    values[i] = {
      base,
      noisy: clip(base + 0.2 * (noise(i + 100003) - 0.5)),
      contrast: base * 0.6 + 0.3,
      shifted: clip(base + 0.1),
    }[variant];
  }
  return tf.tensor4d(values, [batch, height, width, 3]);
}
