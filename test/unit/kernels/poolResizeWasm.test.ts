// The 2×2 fast paths (MaxPool 2×2/stride 2 and UpSampling ×2 gradients; on wasm the C kernels of
// src/trainer/kernels/wasm/poolResize.c, 4 channels a vector plus a scalar tail) against float64
// references, on channel counts that exercise both parts, with ties and all-negative windows.
import { strict as assert } from 'node:assert';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../src/trainer/backend';
import { seededRandom, signedValues } from './reference';

type Shape4 = [number, number, number, number];

/** dx of a 2×2/stride-2 max pool: dy to each window's first maximum in row-major order. */
function maxPool2x2GradRef(x: Float64Array, [b, h, w, c]: Shape4, dy: Float64Array): Float64Array {
  const dx = new Float64Array(x.length);
  let gi = 0;
  for (let n = 0; n < b; n++) for (let r = 0; r < h; r += 2) for (let q = 0; q < w; q += 2) for (let k = 0; k < c; k++, gi++) {
    const at = [[r, q], [r, q + 1], [r + 1, q], [r + 1, q + 1]].map(([i, j]) => ((n * h + i) * w + j) * c + k);
    let win = at[0];
    for (const p of at) if (x[p] > x[win]) win = p;
    dx[win] += dy[gi];
  }
  return dx;
}

/** dx of a ×2 nearest upsampling: each dy pixel added to its source pixel. */
function resize2xGradRef(dy: Float64Array, [b, h, w, c]: Shape4): Float64Array {
  const dx = new Float64Array(b * h * w * c);
  let gi = 0;
  for (let n = 0; n < b; n++) for (let r = 0; r < 2 * h; r++) for (let q = 0; q < 2 * w; q++) for (let k = 0; k < c; k++) dx[((n * h + (r >> 1)) * w + (q >> 1)) * c + k] += dy[gi++];
  return dx;
}

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

for (const backend of ['wasm', 'cpu'] as const) {
  describe(`2×2 pool and ×2 upsampling gradients on ${backend} (fast paths)`, () => {
    before(async () => { await initBackend(backend); });

    for (const channels of [1, 3, 4, 5, 8, 12, 13]) {
      it(`MaxPool 2×2 gradient, ${channels} channel(s): signed, all-negative and tied inputs`, () => {
        const rand = seededRandom(channels);
        for (const kind of ['signed', 'negative', 'ties'] as const) {
          const shape: Shape4 = [2, 6, 8, channels];
          const n = shape.reduce((a, b) => a * b);
          const x = kind === 'ties' ? Float64Array.from({ length: n }, () => Math.floor(rand() * 3) - 1) : signedValues(n, rand).map((v) => (kind === 'negative' ? v - 2 : v));
          const dy = signedValues(n / 4, rand);
          const before = tf.memory().numTensors;
          const got = tf.tidy(() => {
            const dyT = tf.tensor4d(Float32Array.from(dy), [2, 3, 4, channels]);
            return tf.grad((a) => tf.maxPool(a as tf.Tensor4D, 2, 2, 'valid').mul(dyT).sum())(tf.tensor4d(Float32Array.from(x), shape)).dataSync();
          });
          assert.equal(tf.memory().numTensors, before, 'tensors leaked');
          const want = maxPool2x2GradRef(Float64Array.from(Float32Array.from(x)), shape, Float64Array.from(Float32Array.from(dy)));
          assert.equal(maxAbsDiff(got, want), 0, `${kind} inputs`);
        }
      });

      it(`UpSampling ×2 gradient, ${channels} channel(s)`, () => {
        const shape: Shape4 = [3, 4, 5, channels];
        const dy = signedValues(shape.reduce((a, b) => a * b) * 4, seededRandom(100 + channels));
        const got = tf.tidy(() => {
          const dyT = tf.tensor4d(Float32Array.from(dy), [3, 8, 10, channels]);
          return tf.grad((a) => tf.image.resizeNearestNeighbor(a as tf.Tensor4D, [8, 10]).mul(dyT).sum())(tf.zeros(shape)).dataSync();
        });
        assert.ok(maxAbsDiff(got, resize2xGradRef(dy, shape)) < 1e-6);
      });
    }
  });
}
