import { strict as assert } from 'node:assert';
import * as tf from '@tensorflow/tfjs';
import { defaultRunConfig } from '../../../src/shared/runConfig';
import { cropTo, greyToRgb, modelTargets, outputToRgb, padToMultiple, predictRgb, rgbToModelInput } from '../../../src/trainer/color';
import { buildColorizeModel, buildReconstructModel } from '../../../src/trainer/models';

const maxAbsDiff = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => a.sub(b).abs().max().arraySync() as number);

describe('model inputs, targets and predictions', () => {
  before(async () => { await tf.setBackend('cpu'); });

  it('colorize: input is Y, iq targets are I/0.595716 and Q/0.522591 within [-1, 1], reaching ±1 at red/cyan', () => {
    const rgb = tf.tensor4d([1, 0, 0, 0, 1, 1, 1, 0, 1, 0.2, 0.4, 0.6], [1, 2, 2, 3]);
    const y = rgbToModelInput(rgb, 'colorize');
    assert.deepEqual(y.shape, [1, 2, 2, 1]);
    const t = modelTargets(rgb, 'colorize', 'iq');
    assert.deepEqual(t.shape, [1, 2, 2, 2]);
    const iq = t.dataSync();
    assert.ok(Math.abs(iq[0] - 1) < 1e-6 && Math.abs(iq[2] + 1) < 1e-6, `red I=${iq[0]}, cyan I=${iq[2]}`);
    assert.ok(Math.abs(iq[5] - 1) < 1e-6, `magenta Q=${iq[5]}`);
    assert.ok(Array.from(iq).every((v) => v >= -1 - 1e-6 && v <= 1 + 1e-6));
    tf.dispose([rgb, y, t]);
  });

  it('outputToRgb inverts the targets: Y + scaled IQ → the original RGB within 1e-5', () => {
    const rgb = tf.randomUniform([2, 5, 6, 3], 0, 1, 'float32', 9) as tf.Tensor4D;
    const y = rgbToModelInput(rgb, 'colorize');
    const t = modelTargets(rgb, 'colorize');
    const back = outputToRgb(y, t, 'colorize', 'iq');
    assert.ok(maxAbsDiff(back, rgb) < 1e-5);
    tf.dispose([rgb, y, t, back]);
  });

  it('reconstruct and colorize-rgb use RGB as targets; a grey image is shown as Y in three channels', () => {
    const rgb = tf.randomUniform([1, 3, 3, 3], 0, 1, 'float32', 4) as tf.Tensor4D;
    const [a, b, c] = [rgbToModelInput(rgb, 'reconstruct'), modelTargets(rgb, 'reconstruct'), modelTargets(rgb, 'colorize', 'rgb')];
    assert.equal(maxAbsDiff(a, rgb) + maxAbsDiff(b, rgb) + maxAbsDiff(c, rgb), 0);
    const grey = greyToRgb(rgbToModelInput(rgb, 'colorize'));
    assert.deepEqual(grey.shape, [1, 3, 3, 3]);
    tf.dispose([rgb, a, b, c, grey]);
  });

  it('pads a 37×53 image to 40×56 (factor 4) by reflection and crops back to the original', () => {
    const x = tf.randomUniform([2, 37, 53, 3], 0, 1, 'float32', 5) as tf.Tensor4D;
    const { padded, height, width } = padToMultiple(x, 4);
    assert.deepEqual(padded.shape, [2, 40, 56, 3]);
    assert.deepEqual([height, width], [37, 53]);
    // Reflection: padded row 37 is row 35, row 39 is row 33 (the edge row is not repeated).
    const row = (t: tf.Tensor4D, r: number) => t.slice([0, r, 0, 0], [-1, 1, 53, -1]);
    assert.equal(maxAbsDiff(row(padded, 37), row(x, 35)), 0);
    assert.equal(maxAbsDiff(row(padded, 39), row(x, 33)), 0);
    const cropped = cropTo(padded, height, width);
    assert.equal(maxAbsDiff(cropped, x), 0);
    tf.dispose([x, padded, cropped]);
  });

  it('falls back to edge padding where the image is too small to mirror (1×2 → 8×8)', () => {
    const x = tf.tensor4d([0.1, 0.9], [1, 1, 2, 1]);
    const { padded } = padToMultiple(x, 8);
    assert.deepEqual(padded.shape, [1, 8, 8, 1]);
    const rows = padded.arraySync()[0].map((r) => r.map((p) => p[0]));
    for (const r of rows) assert.deepEqual(r.map((v) => Math.round(v * 10)), [1, 9, 9, 9, 9, 9, 9, 9]);
    tf.dispose([x, padded]);
    assert.throws(() => padToMultiple(x, 0), /multiple must be a positive integer/);
  });

  it('predictRgb: a colorizer on a 37×53 grey image returns 37×53 RGB; zero chroma gives grey = Y', () => {
    const config = defaultRunConfig('colorize');
    const model = buildColorizeModel(config.model, 1);
    // Zero weights: tanh(0) = 0, so I = Q = 0 and RGB must be exactly (Y, Y, Y).
    model.setWeights(model.getWeights().map((w) => tf.zerosLike(w)));
    const y = tf.randomUniform([1, 37, 53, 1], 0, 1, 'float32', 6) as tf.Tensor4D;
    const rgb = predictRgb(model, y, config);
    assert.deepEqual(rgb.shape, [1, 37, 53, 3]);
    const expected = greyToRgb(y);
    assert.ok(maxAbsDiff(rgb, expected) < 1e-6);
    tf.dispose([y, rgb, expected]); model.dispose();
  });

  it('predictRgb equals predicting on the padded image and cropping (reconstruct, 37×53), in [0, 1], without leaks', () => {
    const config = defaultRunConfig('reconstruct');
    const model = buildReconstructModel(config.model, 3, 2);
    const x = tf.randomUniform([2, 37, 53, 3], 0, 1, 'float32', 7) as tf.Tensor4D;
    const first = predictRgb(model, x, config);
    const before = tf.memory().numTensors;
    const rgb = predictRgb(model, x, config);
    assert.equal(tf.memory().numTensors, before + 1);
    const manual = tf.tidy(() => {
      const { padded } = padToMultiple(x, 4);
      return cropTo(model.predict(padded) as tf.Tensor4D, 37, 53);
    });
    assert.deepEqual(rgb.shape, [2, 37, 53, 3]);
    assert.ok(maxAbsDiff(rgb, manual) < 1e-6);
    tf.dispose([x, first, rgb, manual]); model.dispose();
  });
});
