// GPU failures become errors that stop the run and name the batch size, instead of the silent
// zeros tfjs-backend-webgpu computes when the device rejects a buffer.
import { strict as assert } from 'node:assert';
import * as tf from '@tensorflow/tfjs';
import { describeGpuError, disposeWebgpu, loadWebgpuBackend, WebGpuError, withBatchSizeAdvice } from '../../src/trainer/backend/webgpu';

describe('webgpu: GPU errors', () => {
  afterEach(() => disposeWebgpu());

  it('fails the next read when a tensor exceeds one buffer binding, and names the batch size', async function () {
    assert.ok(await loadWebgpuBackend({ allowFallbackAdapter: true }));
    const { device } = tf.backend() as unknown as { device: GPUDevice };
    const limit = device.limits.maxStorageBufferBindingSize;
    // On a real GPU the limit is gigabytes: allocating past it here is not worth the memory.
    if (limit > 2 ** 28) this.skip();
    const floats = limit / 4 + 1024;
    const total = tf.tidy(() => tf.fill([floats], 1).sum());
    const error = await total.data().then(() => undefined, (e: unknown) => e);
    total.dispose();
    assert.ok(error instanceof WebGpuError, `expected a WebGpuError, got ${String(error)}`);
    assert.equal(error.kind, 'too-large');
    assert.match(error.message, new RegExp(`larger than the maximum storage buffer binding size \\(${limit}\\)`));
    const message = describeGpuError(error, 4096);
    assert.match(message, /^At batch size 4096 a tensor is larger than this GPU allows in one buffer: lower train\.batchSize \(try 2048\)/);
    // The device stays failed: later reads fail too rather than return garbage.
    await assert.rejects(tf.scalar(1).add(1).data(), WebGpuError);
  });

  it('names the batch size for out-of-memory errors of either GPU backend', () => {
    const dawn = new WebGpuError('out-of-memory', 'WebGPU out-of-memory: Allocation failed');
    assert.match(describeGpuError(dawn, 256), /^Out of memory at batch size 256: lower train\.batchSize \(try 128\).*\(WebGPU out-of-memory: Allocation failed\)$/);
    const tfjsNodeGpu = new Error('OOM when allocating tensor with shape[256,32,32,8] and type float on /job:localhost/replica:0/task:0/device:GPU:0');
    assert.match(describeGpuError(tfjsNodeGpu, 256), /^Out of memory at batch size 256: .*\(OOM when allocating tensor with shape\[256,32,32,8\]/);
    assert.match(describeGpuError(new WebGpuError('device-lost', 'WebGPU device lost: reset'), 1), /^The GPU device was lost at batch size 1 .*try 1\)/);
  });

  it('puts the advice into the error itself for the trainer\'s fatal path, stack kept', () => {
    const error = new WebGpuError('too-large', 'WebGPU too-large: Binding size (157286400) is larger than the maximum');
    const stack = error.stack;
    assert.equal(withBatchSizeAdvice(error, 300), error);
    assert.match(error.message, /^At batch size 300 a tensor is larger than this GPU allows/);
    assert.equal(error.stack, stack);
    const other = new Error('no images');
    assert.equal((withBatchSizeAdvice(other, 300) as Error).message, 'no images');
  });

  it('leaves other errors as they are', () => {
    assert.equal(describeGpuError(new Error("dataset 'folder:x' has no images"), 64), "dataset 'folder:x' has no images");
    assert.equal(describeGpuError('plain text', 64), 'plain text');
  });
});
