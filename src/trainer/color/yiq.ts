// NTSC YIQ ↔ RGB, exactly: the forward matrix as standardised, the inverse computed from it (not a
// rounded published inverse) so a round trip is exact up to float rounding. RGB and Y in [0, 1].
import * as tf from '@tensorflow/tfjs';

/** Rows: Y, I, Q as functions of R, G, B. */
export const RGB_TO_YIQ: readonly (readonly number[])[] = [
  [0.299, 0.587, 0.114],
  [0.595716, -0.274453, -0.321263],
  [0.211456, -0.522591, 0.311135],
];

function invert3(m: readonly (readonly number[])[]): number[][] {
  const [[a, b, c], [d, e, f], [g, h, i]] = m;
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  return [
    [(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det],
    [(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det],
    [(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det],
  ];
}

/** Rows: R, G, B as functions of Y, I, Q (≈ [1, 0.956, 0.621], [1, -0.272, -0.647], [1, -1.106, 1.703]). */
export const YIQ_TO_RGB: readonly (readonly number[])[] = invert3(RGB_TO_YIQ);

/**
 * The exact range of I and Q over the RGB cube: ±(sum of the row's positive coefficients), reached at
 * pure red (I = 0.595716) and magenta (Q = 0.522591). The colorizer's tanh outputs are I/I_MAX and Q/Q_MAX.
 */
const rowMax = (row: readonly number[]) => row.filter((v) => v > 0).reduce((s, v) => s + v, 0);
export const I_MAX = rowMax(RGB_TO_YIQ[1]);
export const Q_MAX = rowMax(RGB_TO_YIQ[2]);

/** Applies a 3×3 matrix to interleaved triples (H×W×3 pixels), in float64 arithmetic. */
function mapTriples(data: ArrayLike<number>, m: readonly (readonly number[])[]): Float32Array {
  if (data.length % 3 !== 0) throw new Error(`expected interleaved 3-channel pixels, got ${data.length} values (not a multiple of 3)`);
  const out = new Float32Array(data.length);
  for (let p = 0; p < data.length; p += 3) {
    const [x, y, z] = [data[p], data[p + 1], data[p + 2]];
    for (let r = 0; r < 3; r++) out[p + r] = m[r][0] * x + m[r][1] * y + m[r][2] * z;
  }
  return out;
}

export const rgbToYiqArray = (rgb: ArrayLike<number>): Float32Array => mapTriples(rgb, RGB_TO_YIQ);
export const yiqToRgbArray = (yiq: ArrayLike<number>): Float32Array => mapTriples(yiq, YIQ_TO_RGB);

/** x[..., 3] · mᵀ as a tensor op (channels last, any rank). */
function mapChannels(x: tf.Tensor, m: readonly (readonly number[])[]): tf.Tensor {
  return tf.tidy(() => {
    const last = x.shape[x.shape.length - 1];
    if (last !== 3) throw new Error(`expected 3 channels last, got shape [${x.shape.join(', ')}]`);
    const mt = tf.tensor2d(m.map((row) => [...row])).transpose();
    return tf.matMul(x.reshape([-1, 3]), mt).reshape(x.shape);
  });
}

export const rgbToYiq = <T extends tf.Tensor>(rgb: T): T => mapChannels(rgb, RGB_TO_YIQ) as T;
export const yiqToRgb = <T extends tf.Tensor>(yiq: T): T => mapChannels(yiq, YIQ_TO_RGB) as T;

/** Y only ([..., 1]): the luma the colorizer sees, identical to the first channel of rgbToYiq. */
export function rgbToY(rgb: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => tf.matMul(rgb.reshape([-1, 3]), tf.tensor2d([[...RGB_TO_YIQ[0]]]).transpose())
    .reshape([...rgb.shape.slice(0, 3), 1]) as tf.Tensor4D);
}
