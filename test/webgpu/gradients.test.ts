// The baseline autoencoder's gradients and a few training steps on WebGPU (lavapipe here, any GPU
// elsewhere) against the cpu backend with the project's kernel fixes, which the unit tests check
// against float64 references.
import { strict as assert } from 'node:assert';
import * as tf from '@tensorflow/tfjs';
import { defaultRunConfig } from '../../src/shared/runConfig';
import { initBackend } from '../../src/trainer/backend';
import { disposeWebgpu, loadWebgpuBackend } from '../../src/trainer/backend/webgpu';
import { buildReconstructModel } from '../../src/trainer/models';
import { maxRelativeError, seededRandom } from '../unit/kernels/reference';

const BATCH = 8;
const SIZE = 32;

/** Loss and per-weight gradients of one batch, read asynchronously (webgpu has no dataSync). */
async function lossAndGradients(model: tf.LayersModel, x: tf.Tensor4D): Promise<{ loss: number; grads: Float32Array[] }> {
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError(x, model.apply(x) as tf.Tensor4D) as tf.Scalar, vars);
  const ordered = vars.map((v) => grads[v.name]);
  const values = await Promise.all([value.data(), ...ordered.map((g) => g.data())]);
  tf.dispose([value, ...ordered]);
  return { loss: values[0][0], grads: values.slice(1) as Float32Array[] };
}

/** Three Adam steps through model.fit, the trainer's own path; returns the weights after them. */
async function trainThreeSteps(model: tf.LayersModel, x: tf.Tensor4D): Promise<Float32Array[]> {
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  await model.fit(x, x, { epochs: 3, batchSize: BATCH, shuffle: false, verbose: 0 });
  return Promise.all(model.getWeights().map((w) => w.data() as Promise<Float32Array>));
}

describe('webgpu: baseline autoencoder gradients against the fixed cpu backend', () => {
  const rand = seededRandom(11);
  const pixels = Float32Array.from({ length: BATCH * SIZE * SIZE * 3 }, rand);
  let cpu: { loss: number; grads: Float32Array[]; trained: Float32Array[] };
  let initial: tf.Tensor[];

  before(async () => {
    await initBackend('cpu');
    const model = buildReconstructModel(defaultRunConfig().model, 3, 5);
    initial = model.getWeights().map((w) => w.clone());
    const x = tf.tensor4d(pixels, [BATCH, SIZE, SIZE, 3]);
    const { loss, grads } = await lossAndGradients(model, x);
    cpu = { loss, grads, trained: await trainThreeSteps(model, x) };
    x.dispose();
    const adapter = await loadWebgpuBackend({ allowFallbackAdapter: true });
    assert.ok(adapter, 'the webgpu backend did not load (see scripts/setup-lavapipe.sh)');
  });
  after(() => disposeWebgpu());

  it('agree per weight tensor within 1e-4 relative error, and leak no tensor', async () => {
    const model = buildReconstructModel(defaultRunConfig().model, 3, 5);
    model.setWeights(initial);
    const x = tf.tensor4d(pixels, [BATCH, SIZE, SIZE, 3]);
    const before = tf.memory().numTensors;
    const gpu = await lossAndGradients(model, x);
    assert.equal(tf.memory().numTensors, before, 'tensors leaked');
    assert.equal(tf.getBackend(), 'webgpu');
    assert.equal(model.countParams(), 4911);
    assert.ok(Math.abs(gpu.loss - cpu.loss) <= 1e-5 * cpu.loss, `loss ${gpu.loss} vs cpu ${cpu.loss}`);
    gpu.grads.forEach((g, i) => {
      const name = model.trainableWeights[i].name;
      assert.equal(g.length, cpu.grads[i].length, name);
      const err = maxRelativeError(g, cpu.grads[i]);
      assert.ok(err < 1e-4, `${name}: relative error ${err.toExponential(2)}`);
    });
    x.dispose();
  });

  it('train three Adam steps to the same weights as cpu within 1e-4 relative', async () => {
    const model = buildReconstructModel(defaultRunConfig().model, 3, 5);
    model.setWeights(initial);
    const x = tf.tensor4d(pixels, [BATCH, SIZE, SIZE, 3]);
    const trained = await trainThreeSteps(model, x);
    trained.forEach((w, i) => {
      const err = maxRelativeError(w, cpu.trained[i]);
      assert.ok(err < 1e-4, `${model.weights[i].name}: relative error ${err.toExponential(2)}`);
    });
    x.dispose();
  });
});
