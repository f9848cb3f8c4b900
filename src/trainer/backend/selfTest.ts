// A backend must compute a small convolution, its gradients and an up-sampling gradient at batch 2
// correctly before the trainer uses it: the numbers below were worked out by hand.
import * as tf from '@tensorflow/tfjs';

// x = 1..9 as a 3×3 image, w = [[1,2],[3,4]], valid 2×2 convolution, loss = Σ y.
const EXPECTED = {
  y: [37, 47, 67, 77],
  dw: [12, 16, 24, 28],
  dx: [1, 3, 2, 4, 10, 6, 3, 7, 4],
  // Two 1×1 images [1], [2] up-sampled ×2, loss = Σ y·(1..8): each image gets the sum of its 4 weights.
  dUp: [10, 26],
};

function compare(what: string, actual: ArrayLike<number>, expected: number[]): string | undefined {
  const bad = expected.findIndex((e, i) => !(Math.abs(actual[i] - e) <= 1e-4 * Math.max(1, Math.abs(e))));
  if (bad < 0 && actual.length === expected.length) return undefined;
  return `${what}: got [${Array.from(actual).join(', ')}], expected [${expected.join(', ')}]`;
}

/** Returns undefined when the active backend passes, else a description of what it got wrong. */
export function selfTestProblem(): string | undefined {
  const results = tf.tidy(() => {
    const x = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
    const w = tf.tensor4d([1, 2, 3, 4], [2, 2, 1, 1]);
    const y = tf.conv2d(x, w, 1, 'valid');
    const [dx, dw] = tf.grads((a, b) => tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'valid').sum())([x, w]);
    const small = tf.tensor4d([1, 2], [2, 1, 1, 1]);
    const weights = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2, 1]);
    const dUp = tf.grad((a) => tf.image.resizeNearestNeighbor(a as tf.Tensor4D, [2, 2]).mul(weights).sum())(small);
    return { y: y.dataSync(), dw: dw.dataSync(), dx: dx.dataSync(), dUp: dUp.dataSync() };
  });
  const problems = (Object.keys(EXPECTED) as (keyof typeof EXPECTED)[])
    .map((k) => compare(k, results[k], EXPECTED[k]))
    .filter((p): p is string => p !== undefined);
  return problems.length > 0 ? problems.join('; ') : undefined;
}
