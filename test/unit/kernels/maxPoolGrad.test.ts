// The project's MaxPoolGrad against central finite differences of a float64 max pool, on random
// shapes, window sizes, strides and paddings, including all-negative inputs (where wasm's stock
// kernel drops the gradient).
import { strict as assert } from 'node:assert';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../src/trainer/backend';
import { dot, finiteDifferences, maxPoolRef, maxRelativeError, seededRandom, signedValues } from './reference';

for (const backend of ['wasm', 'cpu'] as const) {
  describe(`MaxPoolGrad on ${backend} (project kernel)`, () => {
    before(async () => { await initBackend(backend); });

    it('gives a tied window\'s gradient to its first maximum, row-major (TensorFlow\'s rule)', () => {
      const g = tf.tidy(() => tf.grad((a) => tf.maxPool(a as tf.Tensor4D, 2, 2, 'valid').mul(tf.tensor4d([3, 5], [1, 1, 2, 1])).sum())(tf.tensor4d([1, 2, 2, 0, 2, 1, 2, 2], [1, 2, 4, 1])).dataSync());
      assert.deepEqual(Array.from(g), [0, 3, 5, 0, 0, 0, 0, 0]);
    });

    it('gives windows whose maximum is negative their gradient (stock wasm: [1,0,0,0,0,0,0,0])', () => {
      const g = tf.tidy(() => tf.grad((a) => tf.maxPool(a as tf.Tensor4D, 2, 2, 'valid').sum())(tf.tensor4d([-1, -2, -3, -4, -5, -6, -7, -8], [1, 2, 4, 1])).dataSync());
      assert.deepEqual(Array.from(g), [1, 0, 1, 0, 0, 0, 0, 0]);
    });

    it('matches finite differences on 20 random cases, signed and all-negative inputs', () => {
      const rand = seededRandom(3);
      const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
      for (let n = 0; n < 20; n++) {
        // The first 4: the models' MaxPool 2 (2×2, stride 2, even sizes), which has its own fast path.
        const tiled = n < 4;
        const size: [number, number] = tiled ? [2, 2] : [pick([1, 2, 3]), pick([2, 3])];
        const stride: [number, number] = tiled ? [2, 2] : [pick([1, 2, 3]), pick([1, 2])];
        const pad = pick<'same' | 'valid'>(['same', 'valid']);
        const side = (k: number) => (tiled ? 2 * (1 + Math.floor(rand() * 4)) : k + Math.floor(rand() * 6));
        const shape: [number, number, number, number] = [1 + Math.floor(rand() * 3), side(size[0]), side(size[1]), 1 + Math.floor(rand() * 3)];
        const shift = n % 4 === 0 ? -1.5 : 0;
        const x = signedValues(shape.reduce((a, b) => a * b), rand).map((v) => v + shift);
        const info = tf.backend_util.computePool2DInfo(shape, size, stride, 1, pad);
        const yShape = [shape[0], info.outHeight, info.outWidth, shape[3]];
        const dy = signedValues(yShape.reduce((a, b) => a * b), rand);
        const want = finiteDifferences(x, (v) => dot(maxPoolRef(v, shape, size, stride, pad), dy), 1e-6);
        const before = tf.memory().numTensors;
        const got = tf.tidy(() => {
          const dyT = tf.tensor(Float32Array.from(dy), yShape);
          return tf.grad((a) => tf.maxPool(a as tf.Tensor4D, size, stride, pad).mul(dyT).sum())(tf.tensor4d(Float32Array.from(x), shape)).dataSync();
        });
        assert.equal(tf.memory().numTensors, before, 'tensors leaked');
        const what = `x ${shape} window ${size} stride ${stride} ${pad} shift ${shift}`;
        assert.ok(maxRelativeError(got, want) < 1e-4, `off by ${maxRelativeError(got, want)} for ${what}`);
      }
    });
  });
}

describe('Identity on wasm (project kernel, no copy)', () => {
  before(async () => { await initBackend('wasm'); });

  it('shares the input\'s memory and outlives the input', () => {
    const before = tf.memory().numTensors;
    const x = tf.tensor([1.5, -2, 3]);
    const y = tf.clone(x);
    x.dispose();
    assert.deepEqual(Array.from(y.dataSync()), [1.5, -2, 3]);
    y.dispose();
    assert.equal(tf.memory().numTensors, before);
  });
});
