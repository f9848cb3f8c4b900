// The wasm-only C kernels for the per-channel bias add and Sum over every axis but the last (its
// gradient; wasm/bias.c) and UpSampling ×2 forward (wasm/poolResize.c), against float64 references;
// the cases they do not claim (other shapes, axes, sizes, integers) must still be right through the
// stock kernels.
import { strict as assert } from 'node:assert';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../src/trainer/backend';
import { seededRandom, signedValues } from './reference';

/** Column sums of a rows × channels matrix in float64. */
function columnSums(x: Float64Array, channels: number): Float64Array {
  const out = new Float64Array(channels);
  for (let i = 0; i < x.length; i++) out[i % channels] += x[i];
  return out;
}

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

describe('Bias add, Sum and UpSampling ×2 on wasm (C kernels)', () => {
  before(async () => { await initBackend('wasm'); });

  for (const channels of [1, 3, 4, 8, 13]) {
    it(`adds a per-channel bias to a [5, 6, 7, ${channels}] tensor, either side, [C] or [1, 1, 1, C], and its gradients`, () => {
      const rand = seededRandom(200 + channels);
      const x = signedValues(5 * 6 * 7 * channels, rand);
      const bias = signedValues(channels, rand);
      const want = x.map((v, i) => Math.fround(v) + Math.fround(bias[i % channels]));
      const before = tf.memory().numTensors;
      tf.tidy(() => {
        const t = tf.tensor4d(Float32Array.from(x), [5, 6, 7, channels]);
        for (const b of [tf.tensor1d(Float32Array.from(bias)), tf.tensor4d(Float32Array.from(bias), [1, 1, 1, channels])]) {
          assert.ok(maxAbsDiff(tf.add(t, b).dataSync(), want) < 1e-6);
          assert.ok(maxAbsDiff(tf.add(b, t).dataSync(), want) < 1e-6);
          assert.deepEqual(tf.add(t, b).shape, [5, 6, 7, channels]);
        }
        // d(Σ (x + bias)·dy)/dbias = column sums of dy; /dx = dy.
        const dy = tf.tensor4d(Float32Array.from(x), [5, 6, 7, channels]);
        const [gx, gb] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.add(a, b).mul(dy).sum())([t, tf.tensor1d(Float32Array.from(bias))]);
        assert.ok(maxAbsDiff(gx.dataSync(), Float32Array.from(x)) < 1e-6);
        assert.ok(maxAbsDiff(gb.dataSync(), columnSums(Float64Array.from(Float32Array.from(x)), channels)) < 1e-4);
      });
      assert.equal(tf.memory().numTensors, before, 'tensors leaked');
    });
  }

  it('leaves other Adds to the stock kernel, still right', () => {
    tf.tidy(() => {
      const t = tf.tensor3d([1, 2, 3, 4, 5, 6], [1, 3, 2]);
      assert.deepEqual(Array.from(tf.add(t, tf.tensor3d([10, 20, 30, 40, 50, 60], [1, 3, 2])).dataSync()), [11, 22, 33, 44, 55, 66]);
      assert.deepEqual(Array.from(tf.add(t, tf.scalar(1)).dataSync()), [2, 3, 4, 5, 6, 7]);
      assert.deepEqual(Array.from(tf.add(t, tf.tensor3d([100, 200, 300], [1, 3, 1])).dataSync()), [101, 102, 203, 204, 305, 306]);
      assert.deepEqual(Array.from(tf.add(tf.tensor2d([1, 2, 3, 4], [2, 2], 'int32'), tf.tensor1d([1, 1], 'int32')).dataSync()), [2, 3, 4, 5]);
      assert.deepEqual(Array.from(tf.add(tf.tensor1d([1, 2]), tf.tensor1d([3, 4])).dataSync()), [4, 6]);
    });
  });

  for (const channels of [1, 3, 4, 5, 16, 17, 20, 33]) {
    it(`sums a [7, 9, 11, ${channels}] tensor over axes 0-2 (any spelling, keepDims or not)`, () => {
      const x = signedValues(7 * 9 * 11 * channels, seededRandom(channels));
      const want = columnSums(Float64Array.from(Float32Array.from(x)), channels);
      const before = tf.memory().numTensors;
      tf.tidy(() => {
        const t = tf.tensor4d(Float32Array.from(x), [7, 9, 11, channels]);
        for (const [axes, keepDims] of [[[0, 1, 2], false], [[2, 0, 1], true], [[-4, -3, -2], false]] as const) {
          const s = t.sum(axes as unknown as number[], keepDims);
          assert.deepEqual(s.shape, keepDims ? [1, 1, 1, channels] : [channels]);
          assert.ok(maxAbsDiff(s.dataSync(), want) < 1e-4, `axes ${axes}`);
        }
      });
      assert.equal(tf.memory().numTensors, before, 'tensors leaked');
    });
  }

  it('leaves other reductions to the stock kernel, still right', () => {
    tf.tidy(() => {
      const t = tf.tensor3d([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [2, 3, 2]);
      assert.deepEqual(Array.from(t.sum(1).dataSync()), [9, 12, 27, 30]);
      assert.deepEqual(Array.from(t.sum().dataSync()), [78]);
      assert.deepEqual(Array.from(t.sum([0, 1]).dataSync()), [36, 42]);
      assert.deepEqual(Array.from(tf.tensor2d([1, 2, 3, 4], [2, 2], 'int32').sum(0).dataSync()), [4, 6]);
    });
  });

  for (const channels of [1, 3, 4, 6, 12, 16]) {
    it(`upsamples ×2 (nearest) a [2, 3, 5, ${channels}] tensor: each pixel over a 2×2 block`, () => {
      const x = signedValues(2 * 3 * 5 * channels, seededRandom(50 + channels));
      const got = tf.tidy(() => tf.image.resizeNearestNeighbor(tf.tensor4d(Float32Array.from(x), [2, 3, 5, channels]), [6, 10]).dataSync());
      const want = new Float32Array(got.length);
      for (let b = 0; b < 2; b++) for (let r = 0; r < 6; r++) for (let c = 0; c < 10; c++) for (let k = 0; k < channels; k++) {
        want[((b * 6 + r) * 10 + c) * channels + k] = x[((b * 3 + (r >> 1)) * 5 + (c >> 1)) * channels + k];
      }
      assert.deepEqual(Array.from(got), Array.from(want));
    });
  }

  it('leaves other sizes and rounding modes to the stock kernel, still right', () => {
    tf.tidy(() => {
      const x = tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]);
      assert.deepEqual(Array.from(tf.image.resizeNearestNeighbor(x, [3, 3]).dataSync()), [1, 1, 2, 1, 1, 2, 3, 3, 4]);
      assert.deepEqual(Array.from(tf.image.resizeNearestNeighbor(x, [4, 4], true).dataSync()), [1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4]);
    });
  });
});
