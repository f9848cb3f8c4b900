import { strict as assert } from 'node:assert';
import * as tf from '@tensorflow/tfjs';
import { defaultRunConfig, type ModelConfig } from '../../../src/shared/runConfig';
import { buildColorizeModel, buildModel, buildReconstructModel, downsamplingFactor } from '../../../src/trainer/models';

const baseline = (): ModelConfig => defaultRunConfig('reconstruct').model;
const outShape = (model: tf.LayersModel, input: tf.Tensor): number[] => tf.tidy(() => (model.predict(input) as tf.Tensor).shape);

describe('models', () => {
  before(async () => { await tf.setBackend('cpu'); });

  it('builds the seed baseline exactly: 4,911 parameters, conv 8 → pool → 12 → pool → 16 → up → 12 → up → 3 sigmoid', () => {
    const model = buildReconstructModel(baseline());
    assert.equal(model.countParams(), 4911);
    const convs = model.layers.filter((l) => l.getClassName() === 'Conv2D');
    assert.deepEqual(convs.map((l) => (l.getConfig() as { filters: number }).filters), [8, 12, 16, 12, 3]);
    assert.deepEqual(convs.map((l) => (l.getConfig() as { activation: string }).activation), ['relu', 'relu', 'relu', 'relu', 'sigmoid']);
    assert.deepEqual(convs.map((l) => (l.getConfig() as { kernelSize: number[] }).kernelSize), Array(5).fill([3, 3]));
    assert.deepEqual(model.layers.map((l) => l.getClassName()),
      ['InputLayer', 'Conv2D', 'MaxPooling2D', 'Conv2D', 'MaxPooling2D', 'Conv2D', 'UpSampling2D', 'Conv2D', 'UpSampling2D', 'Conv2D']);
    const x = tf.zeros([2, 32, 32, 3]);
    assert.deepEqual(outShape(model, x), [2, 32, 32, 3]);
    x.dispose(); model.dispose();
  });

  it('is fully convolutional: input [null, null, channels], any multiple of 2^stages works', () => {
    const model = buildReconstructModel(baseline());
    assert.deepEqual(model.inputs[0].shape, [null, null, null, 3]);
    const x = tf.zeros([1, 24, 40, 3]);
    assert.deepEqual(outShape(model, x), [1, 24, 40, 3]);
    x.dispose(); model.dispose();
  });

  for (const stages of [1, 2, 3]) {
    for (const kernelSize of [1, 3, 5, 7]) {
      it(`stages ${stages}, kernel ${kernelSize}: output shape equals input shape, factor 2^${stages}`, () => {
        const cfg: ModelConfig = { ...baseline(), stages, kernelSize };
        assert.equal(downsamplingFactor(cfg), 2 ** stages);
        const model = buildReconstructModel(cfg);
        const convs = model.layers.filter((l) => l.getClassName() === 'Conv2D');
        assert.equal(convs.length, 2 * stages + 1);
        assert.equal(model.layers.filter((l) => l.getClassName() === 'MaxPooling2D').length, stages);
        const x = tf.zeros([2, 16, 16, 3]);
        assert.deepEqual(outShape(model, x), [2, 16, 16, 3]);
        x.dispose(); model.dispose();
      });
    }
  }

  it('extends filters with the last value and mirrors them into the decoder by default', () => {
    const model = buildReconstructModel({ ...baseline(), filters: [4, 6], stages: 3, latentChannels: 5 });
    const filters = model.layers.filter((l) => l.getClassName() === 'Conv2D').map((l) => (l.getConfig() as { filters: number }).filters);
    assert.deepEqual(filters, [4, 6, 6, 5, 6, 6, 3]);
    model.dispose();
  });

  it('uses explicit decoderFilters and truncates filters when stages is smaller', () => {
    const model = buildReconstructModel({ ...baseline(), filters: [4, 6, 9], stages: 2, decoderFilters: [7] });
    const filters = model.layers.filter((l) => l.getClassName() === 'Conv2D').map((l) => (l.getConfig() as { filters: number }).filters);
    assert.deepEqual(filters, [4, 6, 16, 7, 3]);
    model.dispose();
  });

  it('counts parameters by hand for kernel 5 with batch norm (BN adds 4 per channel, 2 of them trainable)', () => {
    const model = buildReconstructModel({ ...baseline(), kernelSize: 5, batchNorm: true });
    const conv = (ci: number, co: number) => 25 * ci * co + co;
    const convs = conv(3, 8) + conv(8, 12) + conv(12, 16) + conv(16, 12) + conv(12, 3);
    assert.equal(model.countParams(), convs + 4 * (8 + 12 + 16 + 12));
    // BN sits after each hidden conv and before its activation.
    const names = model.layers.map((l) => l.getClassName());
    assert.deepEqual(names.slice(1, 5), ['Conv2D', 'BatchNormalization', 'Activation', 'MaxPooling2D']);
    model.dispose();
  });

  for (const activation of ['relu', 'elu', 'selu', 'leakyRelu', 'tanh', 'swish'] as const) {
    it(`activation ${activation} builds, predicts in [0, 1] and survives a JSON round trip`, async () => {
      const model = buildReconstructModel({ ...baseline(), activation });
      const x = tf.randomUniform([2, 8, 8, 3], 0, 1, 'float32', 1);
      const y = model.predict(x) as tf.Tensor;
      assert.deepEqual(y.shape, [2, 8, 8, 3]);
      const [min, max] = [y.min().arraySync() as number, y.max().arraySync() as number];
      assert.ok(min >= 0 && max <= 1, `sigmoid output out of range: ${min}..${max}`);
      const copy = await tf.models.modelFromJSON({ modelTopology: model.toJSON(null, false) } as unknown as tf.io.ModelJSON);
      assert.equal(copy.countParams(), model.countParams());
      tf.dispose([x, y]); model.dispose(); copy.dispose();
    });
  }

  it('colorizer iq: Y in, 2 tanh channels out, on odd multiples like 24×40; the seed layout 32/16/16/32 with 7×7 kernels', () => {
    const model = buildColorizeModel(defaultRunConfig('colorize').model);
    assert.deepEqual(model.inputs[0].shape, [null, null, null, 1]);
    const filters = model.layers.filter((l) => l.getClassName() === 'Conv2D').map((l) => (l.getConfig() as { filters: number }).filters);
    assert.deepEqual(filters, [32, 16, 16, 32, 2]);
    const last = model.layers[model.layers.length - 1].getConfig() as { activation: string; kernelSize: number[] };
    assert.equal(last.activation, 'tanh');
    assert.deepEqual(last.kernelSize, [7, 7]);
    const x = tf.randomUniform([3, 24, 40, 1], 0, 1, 'float32', 2);
    const y = model.predict(x) as tf.Tensor;
    assert.deepEqual(y.shape, [3, 24, 40, 2]);
    assert.ok((y.min().arraySync() as number) >= -1 && (y.max().arraySync() as number) <= 1);
    tf.dispose([x, y]); model.dispose();
  });

  it('colorizer rgb: Y in, 3 sigmoid channels out', () => {
    const model = buildColorizeModel({ ...defaultRunConfig('colorize').model, colorTarget: 'rgb' });
    const x = tf.zeros([1, 8, 8, 1]);
    assert.deepEqual(outShape(model, x), [1, 8, 8, 3]);
    assert.equal((model.layers[model.layers.length - 1].getConfig() as { activation: string }).activation, 'sigmoid');
    x.dispose(); model.dispose();
  });

  it('buildModel dispatches on task and seeds weights: same seed → same weights, other seed → different', () => {
    const cfg = defaultRunConfig('reconstruct');
    const weights = (seed: number) => {
      const model = buildModel({ ...cfg, train: { ...cfg.train, seed } });
      const values = model.getWeights().map((w) => Array.from(w.dataSync()));
      model.dispose();
      return values.flat();
    };
    assert.deepEqual(weights(7), weights(7));
    assert.notDeepEqual(weights(7), weights(8));
    const colorizer = buildModel(defaultRunConfig('colorize'));
    assert.deepEqual(colorizer.inputs[0].shape, [null, null, null, 1]);
    colorizer.dispose();
  });

  it('rejects bad options with a message naming the key', () => {
    assert.throws(() => buildReconstructModel({ ...baseline(), filters: [8, 0] }), /model\.filters\[1\] must be a positive integer, got 0/);
    assert.throws(() => buildReconstructModel({ ...baseline(), filters: [] }), /model\.filters must list at least one/);
    assert.throws(() => buildReconstructModel({ ...baseline(), kernelSize: 2.5 }), /model\.kernelSize must be a positive integer, got 2\.5/);
    assert.throws(() => buildReconstructModel({ ...baseline(), stages: 0 }), /model\.stages/);
    assert.throws(() => buildReconstructModel({ ...baseline(), activation: 'gelu' as never }), /model\.activation must be one of relu/);
    assert.throws(() => buildColorizeModel({ ...baseline(), colorTarget: 'lab' as never }), /model\.colorTarget must be 'iq' or 'rgb'/);
    assert.throws(() => buildModel({ ...defaultRunConfig(), task: 'denoise' as never }), /task must be 'reconstruct' or 'colorize'/);
  });

  it('leaks no tensors: building, predicting and disposing repeatedly keeps numTensors flat', () => {
    const cycle = () => {
      const model = buildReconstructModel({ ...baseline(), batchNorm: true, activation: 'leakyRelu' });
      tf.tidy(() => { model.predict(tf.ones([2, 8, 8, 3])); });
      model.dispose();
    };
    cycle();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) cycle();
    assert.equal(tf.memory().numTensors, before);
  });
});
