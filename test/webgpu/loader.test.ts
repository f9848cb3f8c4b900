// loadWebgpuBackend on the machine's real adapter (lavapipe in CI): adapter vetting, what it
// records, clean disposal and reloading.
import { strict as assert } from 'node:assert';
import * as tf from '@tensorflow/tfjs';
import { disposeWebgpu, loadWebgpuBackend } from '../../src/trainer/backend/webgpu';

const hasNavigatorGpu = () => (globalThis as unknown as { navigator?: { gpu?: unknown } }).navigator?.gpu !== undefined;

describe('webgpu: loadWebgpuBackend', () => {
  afterEach(() => disposeWebgpu());

  it('never picks a software adapter on its own, and says why', async () => {
    const logs: string[] = [];
    const adapter = await loadWebgpuBackend({ allowFallbackAdapter: false, log: (m) => logs.push(m) });
    if (adapter === null) {
      assert.equal(logs.length, 1);
      assert.match(logs[0], /^webgpu: the only adapter is a software one \(.+\), slower than wasm; set backend=webgpu/);
      // Nothing is left registered or holding Dawn: the ladder goes on to the next rung.
      assert.equal(tf.findBackendFactory('webgpu'), null);
      assert.equal(hasNavigatorGpu(), false);
    } else {
      assert.equal(adapter.isFallbackAdapter, false, 'a hardware adapter was chosen');
      assert.equal(tf.getBackend(), 'webgpu');
    }
  });

  it('takes the software adapter when forced, and reports it', async () => {
    const logs: string[] = [];
    const adapter = await loadWebgpuBackend({ allowFallbackAdapter: true, log: (m) => logs.push(m) });
    assert.ok(adapter, `not loaded: ${logs.join('; ')}`);
    assert.equal(tf.getBackend(), 'webgpu');
    for (const key of ['vendor', 'architecture', 'description'] as const) assert.equal(typeof adapter[key], 'string', key);
    assert.ok(adapter.description.length > 0, 'the adapter has a description');
    assert.equal(typeof adapter.isFallbackAdapter, 'boolean');
    assert.match(logs.at(-1)!, new RegExp(`^webgpu: using ${adapter.description.replace(/[()+.]/g, '\\$&')}`));
  });

  it('computes on the GPU, reads only asynchronously, and leaks no tensor', async () => {
    assert.ok(await loadWebgpuBackend({ allowFallbackAdapter: true }));
    const before = tf.memory().numTensors;
    // Per image: 5×5 outputs of 3×3 taps, 169 of them inside the image, × 3 channels × 4 filters.
    const y = tf.tidy(() => tf.conv2d(tf.ones([2, 5, 5, 3]) as tf.Tensor4D, tf.ones([3, 3, 3, 4]) as tf.Tensor4D, 1, 'same').sum([1, 2, 3]));
    assert.deepEqual(Array.from(await y.data()), [2028, 2028]);
    // The reason every read in the trainer must be data()/array(): the synchronous ones throw.
    const fresh = y.add(1);
    assert.throws(() => fresh.dataSync(), /OffscreenCanvas is not defined/);
    tf.dispose([y, fresh]);
    assert.equal(tf.memory().numTensors, before);
  });

  it('disposes completely and loads again', async () => {
    assert.ok(await loadWebgpuBackend({ allowFallbackAdapter: true }));
    disposeWebgpu();
    assert.equal(tf.findBackendFactory('webgpu'), null);
    assert.equal(hasNavigatorGpu(), false);
    assert.ok(await loadWebgpuBackend({ allowFallbackAdapter: true }));
    assert.deepEqual(Array.from(await tf.add(tf.scalar(2), tf.scalar(3)).data()), [5]);
  });

  it('keeps the device, and the tensors on it, when loaded a second time', async () => {
    const first = await loadWebgpuBackend({ allowFallbackAdapter: true });
    const kept = tf.tidy(() => tf.ones([64, 64]).matMul(tf.ones([64, 64])));
    await tf.setBackend('cpu');
    assert.deepEqual(await loadWebgpuBackend({ allowFallbackAdapter: true }), first);
    assert.equal(tf.getBackend(), 'webgpu');
    assert.deepEqual(Array.from((await kept.data()).slice(0, 2)), [64, 64]);
    kept.dispose();
  });
});
