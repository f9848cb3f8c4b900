import { strict as assert } from 'node:assert';
import * as tf from '@tensorflow/tfjs';
import { I_MAX, Q_MAX, RGB_TO_YIQ, YIQ_TO_RGB, rgbToY, rgbToYiq, rgbToYiqArray, yiqToRgb, yiqToRgbArray } from '../../../src/trainer/color';

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

describe('YIQ colour space', () => {
  before(async () => { await tf.setBackend('cpu'); });

  it('has the NTSC forward matrix and an inverse close to the published one', () => {
    assert.deepEqual(RGB_TO_YIQ[0], [0.299, 0.587, 0.114]);
    const published = [[1, 0.956, 0.621], [1, -0.272, -0.647], [1, -1.106, 1.703]];
    assert.ok(maxAbsDiff(YIQ_TO_RGB.flat(), published.flat()) < 2e-3, JSON.stringify(YIQ_TO_RGB));
  });

  it('maps white to Y=1, I=Q=0, black to 0, and reaches the documented I and Q extremes', () => {
    assert.ok(maxAbsDiff(rgbToYiqArray([1, 1, 1, 0, 0, 0]), [1, 0, 0, 0, 0, 0]) < 1e-6);
    assert.ok(Math.abs(I_MAX - 0.595716) < 1e-12 && Math.abs(Q_MAX - 0.522591) < 1e-12);
    const red = rgbToYiqArray([1, 0, 0]);
    const magenta = rgbToYiqArray([1, 0, 1]);
    assert.ok(Math.abs(red[1] - I_MAX) < 1e-6 && Math.abs(magenta[2] - Q_MAX) < 1e-6);
  });

  it('round-trips RGB → YIQ → RGB within 1e-6 (plain arrays, every corner of the cube and 3,000 random values)', () => {
    const rgb = new Float32Array(3000 + 24);
    for (let i = 0; i < 3000; i++) rgb[i] = Math.random();
    for (let c = 0; c < 8; c++) rgb.set([c & 1, (c >> 1) & 1, (c >> 2) & 1], 3000 + 3 * c);
    assert.ok(maxAbsDiff(yiqToRgbArray(rgbToYiqArray(rgb)), rgb) < 1e-6);
  });

  it('round-trips within 1e-6 as tensor ops, agreeing with the array functions', () => {
    const rgb = tf.randomUniform([4, 9, 7, 3], 0, 1, 'float32', 3) as tf.Tensor4D;
    const yiq = rgbToYiq(rgb);
    const back = yiqToRgb(yiq);
    assert.deepEqual(back.shape, [4, 9, 7, 3]);
    assert.ok(maxAbsDiff(back.dataSync(), rgb.dataSync()) < 1e-6);
    assert.ok(maxAbsDiff(yiq.dataSync(), rgbToYiqArray(rgb.dataSync())) < 1e-6);
    const y = rgbToY(rgb);
    assert.deepEqual(y.shape, [4, 9, 7, 1]);
    const yFromYiq = yiq.slice([0, 0, 0, 0], [-1, -1, -1, 1]);
    assert.ok(maxAbsDiff(y.dataSync(), yFromYiq.dataSync()) < 1e-7);
    tf.dispose([rgb, yiq, back, y, yFromYiq]);
  });

  it('rejects arrays and tensors that are not 3-channel', () => {
    assert.throws(() => rgbToYiqArray([1, 2]), /not a multiple of 3/);
    const x = tf.zeros([1, 2, 2, 4]);
    assert.throws(() => rgbToYiq(x), /expected 3 channels last, got shape \[1, 2, 2, 4\]/);
    x.dispose();
  });
});
