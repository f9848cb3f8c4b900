// The backend ladder: what 'auto' picks here, a forced backend that cannot load, and the self-test
// refusing a backend with a wrong gradient kernel.
import { strict as assert } from 'node:assert';
import * as tf from '@tensorflow/tfjs';
import { BACKEND_LADDER, initBackend } from '../../../src/trainer/backend';
import { selfTestProblem } from '../../../src/trainer/backend/selfTest';
import { registerProjectKernels } from '../../../src/trainer/kernels';

const installed = (pkg: string) => {
  try {
    require.resolve(pkg);
    return true;
  } catch {
    return false;
  }
};

describe('initBackend', () => {
  it("'auto' takes the first working rung and logs why the ones above it were skipped", async () => {
    const skipped: string[] = [];
    const info = await initBackend('auto', (m) => skipped.push(m));
    assert.equal(tf.getBackend(), info.name.startsWith('tensorflow') ? 'tensorflow' : info.name);
    if (!installed('@tensorflow/tfjs-node-gpu') && !installed('@tensorflow/tfjs-node')) {
      assert.equal(info.name, 'wasm');
      assert.equal(skipped.length, BACKEND_LADDER.indexOf('wasm'));
      assert.match(skipped[0], /tensorflow-gpu skipped: @tensorflow\/tfjs-node-gpu is not installed/);
    }
  });

  it('a forced backend whose package is missing is an error naming the package', async function () {
    if (installed('@tensorflow/tfjs-node')) this.skip();
    await assert.rejects(initBackend('tensorflow'), /backend 'tensorflow' was requested but cannot be used: @tensorflow\/tfjs-node is not installed/);
  });

  it('forces cpu and wasm, each passing its self-test', async () => {
    for (const name of ['cpu', 'wasm'] as const) {
      assert.deepEqual(await initBackend(name), { name });
      assert.equal(tf.getBackend(), name);
      assert.equal(selfTestProblem(), undefined);
    }
  });

  it('the self-test catches an up-sampling gradient with the batch-offset defect of stock cpu', async () => {
    await initBackend('cpu');
    // The stock defect: dy read at the input's batch stride, so image 2 reads image 1's region of dy.
    tf.unregisterKernel(tf.ResizeNearestNeighborGrad, 'cpu');
    tf.registerKernel({
      kernelName: tf.ResizeNearestNeighborGrad, backendName: 'cpu',
      kernelFunc: ({ inputs, backend }) => {
        const { images, dy } = inputs as { images: tf.TensorInfo; dy: tf.TensorInfo };
        const g = (backend as tf.KernelBackend).readSync(dy.dataId) as Float32Array;
        const [b, h, w] = images.shape;
        const out = new Float32Array(b * h * w);
        for (let n = 0; n < b; n++) out[n] = g[n * h * w] + g[n * h * w + 1] + g[n * h * w + 2] + g[n * h * w + 3];
        return (backend as unknown as { makeTensorInfo: (s: number[], d: string, v: Float32Array) => tf.TensorInfo }).makeTensorInfo(images.shape, 'float32', out);
      },
    });
    try {
      assert.match(selfTestProblem() ?? '', /dUp: got \[10, 14\], expected \[10, 26\]/);
    } finally {
      registerProjectKernels('cpu');
    }
    assert.equal(selfTestProblem(), undefined);
  });
});
