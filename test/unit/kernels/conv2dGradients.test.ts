// The convolution gradients the project registers (Conv2DBackpropFilter on wasm and cpu; later
// Conv2DBackpropInput) against central finite differences of a float64 reference convolution,
// on random shapes, strides and paddings with signed inputs.
import { strict as assert } from 'node:assert';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../src/trainer/backend';
import { conv2dRef, dot, finiteDifferences, maxRelativeError, seededRandom, signedValues, type Pad } from './reference';

interface Case { xShape: [number, number, number, number]; wShape: [number, number, number, number]; stride: [number, number]; pad: Pad }

function randomCase(rand: () => number): Case {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const k = [pick([1, 2, 3, 5]), pick([1, 2, 3])] as const;
  const stride: [number, number] = [pick([1, 1, 2, 3]), pick([1, 2])];
  const h = k[0] + 1 + Math.floor(rand() * 6);
  const w = k[1] + 1 + Math.floor(rand() * 6);
  const explicit: Pad = [[0, 0], [pick([0, 1, 2]), pick([0, 1])], [pick([0, 1]), pick([0, 2])], [0, 0]];
  return {
    xShape: [1 + Math.floor(rand() * 3), h, w, 1 + Math.floor(rand() * 4)],
    wShape: [k[0], k[1], 1 + Math.floor(rand() * 4), 1 + Math.floor(rand() * 5)],
    stride,
    pad: pick<Pad>(['same', 'valid', explicit]),
  };
}

const describeCase = (c: Case) => `x ${c.xShape} w ${c.wShape} stride ${c.stride} pad ${JSON.stringify(c.pad)}`;

for (const backend of ['wasm', 'cpu'] as const) {
  describe(`conv2d gradients on ${backend} (project kernels)`, () => {
    before(async () => { await initBackend(backend); });

    it('match finite differences of a float64 convolution on 25 random cases', () => {
      const rand = seededRandom(7);
      for (let n = 0; n < 25; n++) {
        const c = randomCase(rand);
        c.wShape[2] = c.xShape[3];
        const x = signedValues(c.xShape.reduce((a, b) => a * b), rand);
        const w = signedValues(c.wShape.reduce((a, b) => a * b), rand);
        const yShape = conv2dRef(x, c.xShape, w, c.wShape, c.stride, c.pad).shape;
        const dy = signedValues(yShape.reduce((a, b) => a * b), rand);
        // L = Σ conv(x, w) · dy, so ∂L/∂w and ∂L/∂x are exactly the two backprop kernels' outputs.
        const wantDw = finiteDifferences(w, (v) => dot(conv2dRef(x, c.xShape, v, c.wShape, c.stride, c.pad).y, dy));
        const wantDx = finiteDifferences(x, (v) => dot(conv2dRef(v, c.xShape, w, c.wShape, c.stride, c.pad).y, dy));
        const before = tf.memory().numTensors;
        const [gotDx, gotDw] = tf.tidy(() => {
          const dyT = tf.tensor4d(Float32Array.from(dy), yShape);
          const f = (a: tf.Tensor, b: tf.Tensor) => tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad).mul(dyT).sum();
          return tf.grads(f)([tf.tensor4d(Float32Array.from(x), c.xShape), tf.tensor4d(Float32Array.from(w), c.wShape)]).map((g) => g.dataSync());
        });
        assert.equal(tf.memory().numTensors, before, `tensors leaked for ${describeCase(c)}`);
        assert.ok(maxRelativeError(gotDw, wantDw) < 1e-4, `dW off by ${maxRelativeError(gotDw, wantDw)} for ${describeCase(c)}`);
        assert.ok(maxRelativeError(gotDx, wantDx) < 1e-4, `dx off by ${maxRelativeError(gotDx, wantDx)} for ${describeCase(c)}`);
      }
    });

    it('gives the filter gradient the filter\'s shape for the baseline\'s layers at batch 64', () => {
      const dw = tf.tidy(() => tf.grad((w: tf.Tensor) => tf.conv2d(tf.ones([64, 32, 32, 3]) as tf.Tensor4D, w as tf.Tensor4D, 1, 'same').sum())(tf.ones([3, 3, 3, 8])));
      assert.deepEqual(dw.shape, [3, 3, 3, 8]);
      // Interior taps see all 32×32 positions of each of 64 images; a corner tap misses a row and a column.
      const v = dw.dataSync();
      assert.equal(v[(1 * 3 + 1) * 24], 64 * 32 * 32);
      assert.equal(v[0], 64 * 31 * 31);
      dw.dispose();
    });
  });
}
