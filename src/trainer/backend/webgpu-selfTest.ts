// The WebGPU backend's self-test: a 'same' convolution, its gradients and a batch-2 up-sampling
// gradient against values worked out by hand. Reads are asynchronous (webgpu throws on dataSync).
import * as tf from '@tensorflow/tfjs';

// x = [[1,2],[3,4]], w = 3×3 of 1..9 (row-major), 'same' 3×3 convolution, loss = Σ y.
const EXPECTED = {
  y: [77, 67, 47, 37],
  dx: [12, 16, 24, 28],
  dw: [1, 3, 2, 4, 10, 6, 3, 7, 4],
  // Two 1×1 images of 2 channels up-sampled ×2, loss = Σ y·(1..16): each value gets the sum of its 4 weights.
  dUp: [16, 20, 48, 52],
};
type Key = keyof typeof EXPECTED;

function mismatch(what: Key, actual: ArrayLike<number>): string | undefined {
  const expected = EXPECTED[what];
  const ok = actual.length === expected.length && expected.every((e, i) => Math.abs(actual[i] - e) <= 1e-4 * Math.max(1, Math.abs(e)));
  return ok ? undefined : `${what}: got [${Array.from(actual).join(', ')}], expected [${expected.join(', ')}]`;
}

/** Runs on the active backend; undefined when it passes, else what it got wrong. */
export async function webgpuSelfTestProblem(): Promise<string | undefined> {
  const tensors = tf.tidy(() => {
    const x = tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]);
    const w = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [3, 3, 1, 1]);
    const conv = (a: tf.Tensor, b: tf.Tensor) => tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same');
    const [dx, dw] = tf.grads((a, b) => conv(a, b).sum())([x, w]);
    const small = tf.tensor4d([1, 2, 3, 4], [2, 1, 1, 2]);
    const weights = tf.range(1, 17).reshape([2, 2, 2, 2]);
    const dUp = tf.grad((a) => tf.image.resizeNearestNeighbor(a as tf.Tensor4D, [2, 2]).mul(weights).sum())(small);
    return { y: conv(x, w), dx, dw, dUp };
  });
  try {
    const keys = Object.keys(EXPECTED) as Key[];
    const values = await Promise.all(keys.map((k) => tensors[k].data()));
    const problems = keys.map((k, i) => mismatch(k, values[i])).filter((p) => p !== undefined);
    return problems.length > 0 ? problems.join('; ') : undefined;
  } finally {
    tf.dispose(Object.values(tensors));
  }
}
