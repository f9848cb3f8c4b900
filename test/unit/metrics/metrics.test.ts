import { strict as assert } from 'node:assert';
import * as tf from '@tensorflow/tfjs';
import {
  PSNR_CAP_DB, addSums, batchMetricSums, mae, meansOf, mse, perImageMse, perImagePsnr, perImageSsim, psnr, ssim,
} from '../../../src/trainer/metrics';
import { fixtureImages, type Variant } from './fixtures';

// Computed by reference_metrics.py (numpy + scipy, skimage's SSIM definition; skimage 0.26.0 itself agreed) on the same images.
const REFERENCE: { shape: [number, number, number]; variant: Variant; mse: number[]; psnr: number[]; ssim: number[] }[] = [
  { shape: [2, 32, 32], variant: 'noisy', mse: [0.003321775427, 0.003321936943], psnr: [24.78629732, 24.78608616], ssim: [0.9085457048, 0.9092438564] },
  { shape: [2, 32, 32], variant: 'contrast', mse: [0.02019966171, 0.02011891144], psnr: [16.94655904, 16.96395521], ssim: [0.8343508087, 0.8344290573] },
  { shape: [2, 32, 32], variant: 'shifted', mse: [0.009973167989, 0.009978930032], psnr: [20.01166866, 20.00916022], ssim: [0.9724460252, 0.9724905533] },
  { shape: [1, 37, 53], variant: 'noisy', mse: [0.003323595884], psnr: [24.78391788], ssim: [0.9088487029] },
  { shape: [1, 37, 53], variant: 'contrast', mse: [0.02035501364], psnr: [16.91328602], ssim: [0.8339161668] },
  { shape: [1, 37, 53], variant: 'shifted', mse: [0.009979042945], psnr: [20.00911108], ssim: [0.9723041917] },
];

const close = (actual: ArrayLike<number>, expected: number[], tol: number, what: string) =>
  expected.forEach((e, i) => assert.ok(Math.abs(actual[i] - e) <= tol, `${what}[${i}]: ${actual[i]} vs reference ${e}`));

describe('metrics', () => {
  before(async () => { await tf.setBackend('cpu'); });

  for (const ref of REFERENCE) {
    it(`match the numpy/skimage reference on ${ref.shape.join('×')}×3, ${ref.variant}`, () => {
      const truth = fixtureImages(...ref.shape, 'base');
      const pred = fixtureImages(...ref.shape, ref.variant);
      const [m, p, s] = [perImageMse(pred, truth), perImagePsnr(pred, truth), perImageSsim(pred, truth)];
      close(m.dataSync(), ref.mse, 1e-7, 'mse');
      close(p.dataSync(), ref.psnr, 1e-4, 'psnr');
      close(s.dataSync(), ref.ssim, 1e-5, 'ssim');
      tf.dispose([truth, pred, m, p, s]);
    });
  }

  it('identical images: SSIM 1, MSE 0, PSNR capped at 100 dB', async () => {
    const x = fixtureImages(2, 16, 16, 'base');
    const sums = await batchMetricSums(x, x);
    assert.equal(sums.count, 2);
    assert.equal(sums.mse, 0);
    assert.equal(sums.psnr, 2 * PSNR_CAP_DB);
    assert.ok(Math.abs(sums.ssim - 2) < 1e-5, `ssim sum ${sums.ssim}`);
    x.dispose();
  });

  it('known MSE → PSNR by hand: a constant error of 0.1 gives MSE 0.01, MAE 0.1, PSNR 20 dB', async () => {
    const truth = tf.fill([3, 12, 12, 3], 0.5) as tf.Tensor4D;
    const pred = tf.fill([3, 12, 12, 3], 0.6) as tf.Tensor4D;
    assert.ok(Math.abs(await mse(pred, truth) - 3 * 0.01) < 1e-6);
    assert.ok(Math.abs(await mae(pred, truth) - 3 * 0.1) < 1e-6);
    assert.ok(Math.abs(await psnr(pred, truth) - 3 * 20) < 1e-3);
    // Both flat: the variance terms vanish, SSIM = (2·0.6·0.5 + C1) / (0.6² + 0.5² + C1).
    const expected = (2 * 0.6 * 0.5 + 1e-4) / (0.36 + 0.25 + 1e-4);
    assert.ok(Math.abs((await ssim(pred, truth)) / 3 - expected) < 1e-5);
    tf.dispose([truth, pred]);
  });

  it('summed batch by batch, the means equal those of the whole set at once', async () => {
    const truth = fixtureImages(2, 32, 32, 'base');
    const pred = fixtureImages(2, 32, 32, 'noisy');
    const whole = meansOf(await batchMetricSums(pred, truth));
    let totals = { mse: 0, mae: 0, psnr: 0, ssim: 0, count: 0 };
    for (const b of [0, 1]) {
      const [p, t] = [pred.slice(b, 1), truth.slice(b, 1)];
      totals = addSums(totals, await batchMetricSums(p, t));
      tf.dispose([p, t]);
    }
    assert.equal(totals.count, 2);
    const split = meansOf(totals);
    for (const key of ['mse', 'mae', 'psnr', 'ssim'] as const) assert.ok(Math.abs(whole[key] - split[key]) < 1e-6, key);
    close([whole.ssim, whole.psnr], [(0.9085457048 + 0.9092438564) / 2, (24.78629732 + 24.78608616) / 2], 1e-4, 'means');
    assert.throws(() => meansOf({ ...totals, count: 0 }), /no images were measured/);
    tf.dispose([truth, pred]);
  });

  it('rejects mismatched shapes and images smaller than the SSIM window, naming the sizes', () => {
    const [a, b, small] = [tf.zeros([1, 16, 16, 3]), tf.zeros([1, 16, 12, 3]), tf.zeros([1, 8, 8, 3])] as tf.Tensor4D[];
    assert.throws(() => perImageMse(a, b), /mse: expected two .* got \[1, 16, 16, 3\] and \[1, 16, 12, 3\]/);
    assert.throws(() => perImageSsim(small, small), /at least 11×11 pixels, got 8×8/);
    tf.dispose([a, b, small]);
  });

  it('leaks no tensors', async () => {
    const truth = fixtureImages(2, 16, 16, 'base');
    const pred = fixtureImages(2, 16, 16, 'shifted');
    await batchMetricSums(pred, truth);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) { await batchMetricSums(pred, truth); await mse(pred, truth); await ssim(pred, truth); }
    assert.equal(tf.memory().numTensors, before);
    tf.dispose([truth, pred]);
  });
});
