import { strict as assert } from 'node:assert';
import { smoothDebiasedEma } from '../../../webview/common/smoothing';

describe('debiased EMA smoothing (TensorBoard)', () => {
  it('matches the formula step by step', () => {
    // w = 0.6: ema1 = 0.4·1 = 0.4, debias 1-0.6 = 0.4 → 1; ema2 = 0.6·0.4 + 0.4·3 = 1.44, debias 1-0.36 = 0.64 → 2.25;
    // ema3 = 0.6·1.44 + 0.4·2 = 1.664, debias 1-0.216 = 0.784 → 2.12245
    const out = smoothDebiasedEma([1, 3, 2], 0.6);
    assert.equal(out[0], 1);
    assert.ok(Math.abs(out[1]! - 2.25) < 1e-12);
    assert.ok(Math.abs(out[2]! - 1.664 / 0.784) < 1e-12);
  });

  it('leaves the data alone at weight 0 and starts at the first value (not at 0) at any weight', () => {
    assert.deepEqual(smoothDebiasedEma([5, 1, 4], 0), [5, 1, 4]);
    assert.equal(smoothDebiasedEma([7, 7, 7], 0.99)[0], 7);
    assert.ok(smoothDebiasedEma([7, 7, 7], 0.99).every((v) => Math.abs(v! - 7) < 1e-9));
  });

  it('keeps gaps and does not let them disturb the average', () => {
    const out = smoothDebiasedEma([1, null, 3], 0.6);
    assert.equal(out[1], null);
    assert.ok(Math.abs(out[2]! - 2.25) < 1e-12);
  });

  it('smooths 100,000 points quickly', () => {
    const values = Array.from({ length: 100_000 }, (_, i) => Math.exp(-i / 20000) + Math.sin(i));
    const start = performance.now();
    const out = smoothDebiasedEma(values, 0.9);
    assert.equal(out.length, 100_000);
    assert.ok(performance.now() - start < 200);
  });
});
