// Float64 references for the kernel checks: a seeded random source, a direct 2-D convolution and
// max pool (NHWC), and central finite differences of a scalar function; and float32 bit patterns.
import * as tf from '@tensorflow/tfjs';

/** mulberry32: small, seeded, good enough for test inputs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n values uniform in [-1, 1) (negative inputs are where some stock kernels fail). */
export function signedValues(n: number, rand: () => number): Float64Array {
  return Float64Array.from({ length: n }, () => rand() * 2 - 1);
}

export type Pad = 'same' | 'valid' | [[number, number], [number, number], [number, number], [number, number]];
type Shape4 = [number, number, number, number];

/** y = conv2d(x, w) in float64, with tfjs's own padding/output-size rules. */
export function conv2dRef(x: Float64Array, xShape: Shape4, w: Float64Array, wShape: Shape4, stride: [number, number], pad: Pad): { y: Float64Array; shape: Shape4 } {
  const info = tf.backend_util.computeConv2DInfo(xShape, wShape, stride, 1, pad);
  const [b, h, wd, ci] = xShape;
  const [kh, kw, , co] = wShape;
  const { outHeight: oh, outWidth: ow } = info;
  const y = new Float64Array(b * oh * ow * co);
  for (let n = 0; n < b; n++) for (let r = 0; r < oh; r++) for (let c = 0; c < ow; c++) for (let o = 0; o < co; o++) {
    let s = 0;
    for (let i = 0; i < kh; i++) for (let j = 0; j < kw; j++) {
      const xr = r * stride[0] + i - info.padInfo.top;
      const xc = c * stride[1] + j - info.padInfo.left;
      if (xr < 0 || xr >= h || xc < 0 || xc >= wd) continue;
      for (let k = 0; k < ci; k++) s += x[((n * h + xr) * wd + xc) * ci + k] * w[((i * kw + j) * ci + k) * co + o];
    }
    y[((n * oh + r) * ow + c) * co + o] = s;
  }
  return { y, shape: [b, oh, ow, co] };
}

/** y = maxPool(x) in float64, windows clipped to the input (padding never wins). */
export function maxPoolRef(x: Float64Array, xShape: Shape4, size: [number, number], stride: [number, number], pad: 'same' | 'valid'): Float64Array {
  const info = tf.backend_util.computePool2DInfo(xShape, size, stride, 1, pad);
  const [b, h, wd, ch] = xShape;
  const y = new Float64Array(b * info.outHeight * info.outWidth * ch);
  let yi = 0;
  for (let n = 0; n < b; n++) for (let r = 0; r < info.outHeight; r++) for (let c = 0; c < info.outWidth; c++) for (let k = 0; k < ch; k++) {
    let m = -Infinity;
    for (let i = 0; i < size[0]; i++) for (let j = 0; j < size[1]; j++) {
      const xr = r * stride[0] + i - info.padInfo.top;
      const xc = c * stride[1] + j - info.padInfo.left;
      if (xr >= 0 && xr < h && xc >= 0 && xc < wd) m = Math.max(m, x[((n * h + xr) * wd + xc) * ch + k]);
    }
    y[yi++] = m;
  }
  return y;
}

/** ∂f/∂v[i] for every i by central differences (f evaluated in float64). */
export function finiteDifferences(v: Float64Array, f: (v: Float64Array) => number, eps = 1e-4): Float64Array {
  const g = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const keep = v[i];
    v[i] = keep + eps;
    const up = f(v);
    v[i] = keep - eps;
    const down = f(v);
    v[i] = keep;
    g[i] = (up - down) / (2 * eps);
  }
  return g;
}

export const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

/** Largest |a−b| relative to the largest |b| (1 when b is all zero). */
/** A float32 tensor's values as their bit patterns, for "the same bits" comparisons (a -0 or NaN counts). */
export const float32Bits = (t: tf.Tensor): number[] => Array.from(new Uint32Array((t.dataSync() as Float32Array).slice().buffer));

export function maxRelativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / Math.max(scale, 1e-12);
}

/** dW = ∂(Σ conv2d(x, w)·dy)/∂w in float64, summed directly (no finite differences). */
export function filterGradRef(x: Float64Array, xShape: Shape4, dy: Float64Array, wShape: Shape4, stride: [number, number], pad: Pad): Float64Array {
  const info = tf.backend_util.computeConv2DInfo(xShape, wShape, stride, 1, pad);
  const [b, h, wd, ci] = xShape;
  const [kh, kw, , co] = wShape;
  const { outHeight: oh, outWidth: ow } = info;
  const dw = new Float64Array(kh * kw * ci * co);
  for (let n = 0; n < b; n++) for (let r = 0; r < oh; r++) for (let c = 0; c < ow; c++) {
    const g = ((n * oh + r) * ow + c) * co;
    for (let i = 0; i < kh; i++) for (let j = 0; j < kw; j++) {
      const xr = r * stride[0] + i - info.padInfo.top;
      const xc = c * stride[1] + j - info.padInfo.left;
      if (xr < 0 || xr >= h || xc < 0 || xc >= wd) continue;
      const xi = ((n * h + xr) * wd + xc) * ci;
      const wi = (i * kw + j) * ci * co;
      for (let k = 0; k < ci; k++) for (let o = 0; o < co; o++) dw[wi + k * co + o] += x[xi + k] * dy[g + o];
    }
  }
  return dw;
}
