// The project's ResizeNearestNeighborGrad (UpSampling2D's backward pass) against the stock forward
// op: the op is linear, so ∂(Σ resize(x)·dy)/∂x[i] is exactly Σ resize(eᵢ)·dy for the one-hot eᵢ.
import { strict as assert } from 'node:assert';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../src/trainer/backend';
import { maxRelativeError, seededRandom, signedValues } from './reference';

function forwardGradient(shape: [number, number, number, number], size: [number, number], dy: tf.Tensor, align: boolean, half: boolean): Float64Array {
  const n = shape.reduce((a, b) => a * b);
  const grad = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    grad[i] = tf.tidy(() => {
      const oneHot = tf.oneHot([i], n).reshape(shape) as tf.Tensor4D;
      return tf.image.resizeNearestNeighbor(oneHot.toFloat(), size, align, half).mul(dy).sum().dataSync()[0];
    });
  }
  return grad;
}

for (const backend of ['wasm', 'cpu'] as const) {
  describe(`ResizeNearestNeighborGrad on ${backend} (project kernel)`, () => {
    before(async () => { await initBackend(backend); });

    it('matches the adjoint of the forward op at batch > 1, for ×2 and odd scales, all corner modes', () => {
      const rand = seededRandom(11);
      const modes: [boolean, boolean][] = [[false, false], [true, false], [false, true]];
      for (let n = 0; n < 9; n++) {
        const shape: [number, number, number, number] = [2 + (n % 2), 2 + Math.floor(rand() * 3), 2 + Math.floor(rand() * 3), 1 + Math.floor(rand() * 3)];
        const size: [number, number] = n < 3 ? [shape[1] * 2, shape[2] * 2] : [1 + Math.floor(rand() * 9), 1 + Math.floor(rand() * 9)];
        const [align, half] = modes[n % 3];
        const dyValues = signedValues(shape[0] * size[0] * size[1] * shape[3], rand);
        const dy = tf.tensor4d(Float32Array.from(dyValues), [shape[0], ...size, shape[3]]);
        const want = forwardGradient(shape, size, dy, align, half);
        const before = tf.memory().numTensors;
        const got = tf.tidy(() => tf.grad((x) => tf.image.resizeNearestNeighbor(x as tf.Tensor4D, size, align, half).mul(dy).sum())(tf.zeros(shape)).dataSync());
        assert.equal(tf.memory().numTensors, before, 'tensors leaked');
        dy.dispose();
        const what = `shape ${shape} → ${size}, alignCorners ${align}, halfPixelCenters ${half}`;
        assert.ok(maxRelativeError(got, want) < 1e-6, `off by ${maxRelativeError(got, want)} for ${what}`);
      }
    });

    it('sums each 2×2 block of dy into its source pixel for the baseline\'s up-sampling at batch 64', () => {
      const dy = tf.range(0, 64 * 16 * 16 * 16).reshape([64, 16, 16, 16]);
      const dx = tf.grad((x) => tf.image.resizeNearestNeighbor(x as tf.Tensor4D, [16, 16]).mul(dy).sum())(tf.zeros([64, 8, 8, 16]));
      assert.deepEqual(dx.shape, [64, 8, 8, 16]);
      // Last image, last pixel, last channel: dy indices of its 2×2 block.
      const at = (b: number, r: number, c: number, k: number) => ((b * 16 + r) * 16 + c) * 16 + k;
      const want = at(63, 14, 14, 15) + at(63, 14, 15, 15) + at(63, 15, 14, 15) + at(63, 15, 15, 15);
      assert.equal(dx.dataSync()[dx.size - 1], want);
      tf.dispose([dy, dx]);
    });
  });
}
