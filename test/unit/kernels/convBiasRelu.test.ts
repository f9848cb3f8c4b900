// A ReLU conv layer as one kernel (kernels/convBiasRelu.ts, reluBiasGrad.ts, wasm/bias.c and conv2d.c's
// ReLU): the value and the gradients of x, filter and bias against tfjs's unfused Conv2D + Add + Relu on
// random shapes with signed inputs, bit for bit on cpu and wherever wasm's convolution is the project's C
// kernel (XNNPACK, which takes the rest, adds the bias first: there within rounding); the one-pass ReLU and bias gradient
// against tfjs's dy × step(y) and Sum; the layer that runs it trains to tfjs's Conv2D's weights, saves as
// a Conv2D, and a training step runs one kernel per ReLU conv and no input gradient for the first layer.
import { strict as assert } from 'node:assert';
import * as tf from '@tensorflow/tfjs';
import { defaultRunConfig } from '../../../src/shared/runConfig';
import { initBackend } from '../../../src/trainer/backend';
import { CONV_BIAS_RELU, convBiasRelu } from '../../../src/trainer/kernels/convBiasRelu';
import { RELU_BIAS_GRAD } from '../../../src/trainer/kernels/reluBiasGrad';
import { buildReconstructModel } from '../../../src/trainer/models';
import { conv2dRef, float32Bits, maxRelativeError, seededRandom, signedValues } from './reference';

type Shape4 = [number, number, number, number];
const tensor = (shape: number[], values: Float64Array) => tf.tensor(Float32Array.from(values), shape);

interface Case { x: Shape4; w: Shape4; stride: 1 | 2; pad: 'same' | 'valid'; stockOnWasm?: true }

/** [y, dx, dw, db] of sum(layer(x, w, b) × r), with r random so every output's gradient differs. */
function valueAndGrads(c: Case, fused: boolean, seed: number): tf.Tensor[] {
  const rand = seededRandom(seed);
  const x = tensor(c.x, signedValues(c.x.reduce((a, b) => a * b), rand)) as tf.Tensor4D;
  const w = tensor(c.w, signedValues(c.w.reduce((a, b) => a * b), rand)) as tf.Tensor4D;
  const b = tensor([c.w[3]], signedValues(c.w[3], rand)) as tf.Tensor1D;
  const layer = (xi: tf.Tensor, wi: tf.Tensor, bi: tf.Tensor) => fused
    ? convBiasRelu(xi as tf.Tensor4D, wi as tf.Tensor4D, bi as tf.Tensor1D, { strides: [c.stride, c.stride], pad: c.pad })
    : tf.relu(tf.add(tf.conv2d(xi as tf.Tensor4D, wi as tf.Tensor4D, c.stride, c.pad), bi));
  const y = layer(x, w, b);
  const r = tensor(y.shape, signedValues(y.size, rand));
  const grads = tf.grads((xi, wi, bi) => tf.sum(tf.mul(layer(xi, wi, bi), r)))([x, w, b]);
  return [y, ...grads];
}

const CASES: Case[] = [
  { x: [4, 32, 32, 3], w: [3, 3, 3, 8], stride: 1, pad: 'same' }, // the baseline's layers
  { x: [4, 16, 16, 8], w: [3, 3, 8, 12], stride: 1, pad: 'same' },
  { x: [4, 8, 8, 12], w: [3, 3, 12, 16], stride: 1, pad: 'same' },
  { x: [3, 11, 9, 5], w: [5, 3, 5, 20], stride: 1, pad: 'valid' }, // 16 + 4 channels in the gradient pass
  { x: [2, 13, 10, 4], w: [3, 3, 4, 7], stride: 2, pad: 'same', stockOnWasm: true }, // 7 channels: XNNPACK's convolution, scalar tail
  { x: [2, 9, 9, 8], w: [1, 1, 8, 2], stride: 1, pad: 'same' }, // a narrow output
];

for (const backend of ['wasm', 'cpu'] as const) {
  describe(`${CONV_BIAS_RELU} on ${backend}`, () => {
    before(async () => { await initBackend(backend); });

    it('gives the unfused Conv2D + Add + Relu value and x, filter and bias gradients on 6 shapes, bit for bit where the C or cpu kernels run', () => {
      assert.ok(tf.getKernel(CONV_BIAS_RELU, backend), 'registered');
      CASES.forEach((c, i) => tf.tidy(() => {
        const fused = valueAndGrads(c, true, 100 + i);
        const stock = valueAndGrads(c, false, 100 + i);
        ['y', 'dx', 'dw', 'db'].forEach((name, k) => {
          assert.deepEqual(fused[k].shape, stock[k].shape, `${name} shape, case ${i}`);
          const what = `${name}, case ${i} (${JSON.stringify(c)})`;
          if (backend === 'wasm' && c.stockOnWasm) assert.ok(maxRelativeError(fused[k].dataSync(), stock[k].dataSync()) < 1e-5, what);
          else assert.deepEqual(float32Bits(fused[k]), float32Bits(stock[k]), what);
        });
        assert.ok(fused[0].dataSync().some((v) => v === 0) && fused[0].dataSync().some((v) => v > 0), 'the ReLU cut some outputs and passed others');
      }));
    });

    it('matches a float64 ReLU(conv + bias) and leaves no tensor behind', () => {
      const rand = seededRandom(5);
      const xShape: Shape4 = [2, 10, 12, 8];
      const wShape: Shape4 = [3, 3, 8, 12];
      const x = signedValues(2 * 10 * 12 * 8, rand);
      const w = signedValues(3 * 3 * 8 * 12, rand);
      const b = signedValues(12, rand);
      const before = tf.memory().numTensors;
      const got = tf.tidy(() => convBiasRelu(tensor(xShape, x) as tf.Tensor4D, tensor(wShape, w) as tf.Tensor4D, tensor([12], b) as tf.Tensor1D, { strides: [1, 1], pad: 'same' }).dataSync());
      assert.equal(tf.memory().numTensors, before);
      const want = conv2dRef(x, xShape, w, wShape, [1, 1], 'same').y.map((v, i) => Math.max(0, v + b[i % 12]));
      assert.ok(maxRelativeError(got, want) < 1e-5, `off by ${maxRelativeError(got, want)}`);
    });
  });
}

describe(`${RELU_BIAS_GRAD} (wasm, one C pass)`, () => {
  before(async () => { await initBackend('wasm'); });

  it('gives tfjs\'s dy × step(y) and its Sum over batch, height and width bit for bit, for 1 to 37 channels', () => {
    const rand = seededRandom(8);
    for (const channels of [1, 3, 4, 8, 12, 16, 20, 33, 37]) tf.tidy(() => {
      const shape = [3, 5, 7, channels];
      const n = 3 * 5 * 7 * channels;
      const dy = tensor(shape, signedValues(n, rand));
      // y as a ReLU's output: zeros and positives, and some negatives, which must count as cut too.
      const y = tensor(shape, signedValues(n, rand).map((v, i) => (i % 5 === 0 ? -v * v : Math.max(0, v))));
      const [dyAct, biasGrad] = tf.engine().runKernel(RELU_BIAS_GRAD, { dy, y }, {}) as tf.Tensor[];
      const want = tf.mul(dy, tf.step(y));
      assert.deepEqual(float32Bits(dyAct), float32Bits(want), `dyAct, ${channels} channels`);
      assert.deepEqual(float32Bits(biasGrad), float32Bits(tf.sum(want, [0, 1, 2])), `bias gradient, ${channels} channels`);
      assert.deepEqual(biasGrad.shape, [channels]);
    });
  });

  it('names the shapes it was given when dy and y differ', () => {
    assert.throws(() => tf.tidy(() => tf.engine().runKernel(RELU_BIAS_GRAD, { dy: tf.zeros([2, 3, 4]), y: tf.zeros([2, 3, 5]) }, {})),
      /dy and y must be float32 of one shape .*\[2,3,4\] and float32 \[2,3,5\]/);
  });
});

describe('the models\' ReLU conv layer (ReluConv2D)', () => {
  before(async () => { await initBackend('wasm'); });

  const step = (model: tf.LayersModel, optimizer: tf.Optimizer, x: tf.Tensor) =>
    tf.dispose(optimizer.minimize(() => tf.losses.meanSquaredError(x, model.predict(x) as tf.Tensor) as tf.Scalar, true) ?? []);

  it('trains to tfjs Conv2D\'s weights bit for bit over 4 Adam steps and is saved as a plain Conv2D', async () => {
    const config = defaultRunConfig('reconstruct');
    const model = buildReconstructModel(config.model, 3, 1);
    const json = JSON.parse(JSON.stringify(model.toJSON(null, false))) as { config: { layers: Array<{ class_name: string }> } };
    assert.deepEqual(json.config.layers.map((l) => l.class_name).filter((n) => n.startsWith('Conv')), Array(5).fill('Conv2D'));
    const stock = await tf.models.modelFromJSON(json as unknown as tf.io.ModelJSON);
    assert.equal(stock.layers[1].constructor.name, 'Conv2D', 'loaded as tfjs\'s own class');
    stock.setWeights(model.getWeights());
    const x = tf.randomUniform([8, 32, 32, 3], 0, 1, 'float32', 3);
    const [adamA, adamB] = [tf.train.adam(0.01), tf.train.adam(0.01)];
    const before = tf.memory().numTensors;
    for (let s = 0; s < 4; s++) {
      step(model, adamA, x);
      step(stock, adamB, x);
    }
    const trained = model.getWeights();
    stock.getWeights().forEach((w, i) => assert.deepEqual(float32Bits(trained[i]), float32Bits(w), `weight ${i}`));
    tf.dispose([x, adamA, adamB] as unknown as tf.Tensor[]);
    model.dispose();
    stock.dispose();
    assert.ok(tf.memory().numTensors <= before, 'no tensor left behind');
  });

  it('runs one kernel per ReLU conv in a training step, no Relu or Step, and no input gradient for the first layer', async () => {
    const model = buildReconstructModel(defaultRunConfig('reconstruct').model, 3, 1);
    const x = tf.randomUniform([4, 32, 32, 3], 0, 1, 'float32', 3);
    const optimizer = tf.train.adam(0.01);
    step(model, optimizer, x);
    const profile = await tf.profile(() => step(model, optimizer, x));
    const count = (name: string) => profile.kernels.filter((k) => k.name === name).length;
    assert.equal(count(CONV_BIAS_RELU), 4);
    assert.equal(count(RELU_BIAS_GRAD), 4);
    for (const name of ['Relu', 'Step', 'Conv2D']) assert.equal(count(name), 0, name);
    assert.equal(count('FusedConv2D'), 1, 'the sigmoid output layer');
    assert.equal(count('Conv2DBackpropInput'), 4, 'dx for every conv but the first (its input is the data)');
    assert.equal(count('Conv2DBackpropFilter'), 5);
    tf.dispose([x]);
    optimizer.dispose();
    model.dispose();
  });
});
