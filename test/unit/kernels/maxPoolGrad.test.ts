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

    it('gives windows whose maximum is negative their gradient (stock wasm: [1,0,0,0,0,0,0,0])', () => {
      const g = tf.tidy(() => tf.grad((a) => tf.maxPool(a as tf.Tensor4D, 2, 2, 'valid').sum())(tf.tensor4d([-1, -2, -3, -4, -5, -6, -7, -8], [1, 2, 4, 1])).dataSync());
      assert.deepEqual(Array.from(g), [1, 0, 1, 0, 0, 0, 0, 0]);
    });

    it('matches finite differences on 20 random cases, signed and all-negative inputs', () => {
      const rand = seededRandom(3);
      const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
      for (let n = 0; n < 20; n++) {
        const size: [number, number] = [pick([1, 2, 3]), pick([2, 3])];
        const stride: [number, number] = [pick([1, 2, 3]), pick([1, 2])];
        const pad = pick<'same' | 'valid'>(['same', 'valid']);
        const shape: [number, number, number, number] = [1 + Math.floor(rand() * 3), size[0] + Math.floor(rand() * 6), size[1] + Math.floor(rand() * 6), 1 + Math.floor(rand() * 3)];
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
