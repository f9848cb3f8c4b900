import { strict as assert } from 'node:assert';
import { quantize, sampleParam, trialRng } from '../../../src/sweep/search';
import { erf, normalCdf } from '../../../src/sweep/search/tpe/normalMath';
import type { ParamSpec } from '../../../src/sweep/spec';
import { chiSquare, chiSquareCritical, countValues, ksCritical, ksStatistic } from './stats';

const N = 4000;
const draw = (p: ParamSpec, seed = 7): unknown[] => {
  const rng = trialRng(seed, 0);
  return Array.from({ length: N }, () => sampleParam(p, rng));
};
const numbers = (p: ParamSpec, seed?: number) => draw(p, seed) as number[];
const logUniformCdf = (lo: number, hi: number) => (x: number) => (Math.log(x) - Math.log(lo)) / (Math.log(hi) - Math.log(lo));

function assertFits(samples: number[], cdf: (x: number) => number, label: string) {
  const d = ksStatistic(samples, cdf);
  assert.ok(d < ksCritical(samples.length), `${label}: KS statistic ${d.toFixed(4)} ≥ ${ksCritical(samples.length).toFixed(4)}`);
}

/** Quantised samples against the mass the continuous CDF puts around each multiple of q. */
function assertQuantizedFits(samples: number[], cdf: (x: number) => number, q: number, label: string) {
  assert.ok(samples.every((v) => Math.abs(v / q - Math.round(v / q)) < 1e-9), `${label}: every value a multiple of ${q}`);
  const expected = new Map<unknown, number>();
  for (const v of new Set(samples)) expected.set(v, cdf(v + q / 2) - cdf(v - q / 2));
  const { statistic, df } = chiSquare(countValues(samples), expected, samples.length);
  assert.ok(statistic < chiSquareCritical(df), `${label}: chi-square ${statistic.toFixed(1)} ≥ ${chiSquareCritical(df).toFixed(1)} (df ${df})`);
}

describe('sweep distributions: sampling', () => {
  it('normal CDF and erf match tabulated values', () => {
    assert.ok(Math.abs(erf(0.5) - 0.5204998778) < 2e-7);
    assert.ok(Math.abs(normalCdf(1.96, 0, 1) - 0.9750021) < 2e-7);
    assert.ok(Math.abs(normalCdf(-1, 2, 3) - 0.1586553) < 2e-7);
  });

  it('constant always gives its value', () => {
    assert.deepEqual(new Set(draw({ distribution: 'constant', value: [8, 12] }).map((v) => JSON.stringify(v))), new Set(['[8,12]']));
  });

  it('uniform: inside [min, max] and uniform (KS)', () => {
    const s = numbers({ distribution: 'uniform', min: -2, max: 3 });
    assert.ok(s.every((x) => x >= -2 && x <= 3));
    assertFits(s, (x) => (x + 2) / 5, 'uniform');
  });

  it('log_uniform_values: inside [min, max] and uniform in log space (KS); a linear sampler fails the same test', () => {
    const s = numbers({ distribution: 'log_uniform_values', min: 1e-5, max: 1e-1 });
    assert.ok(s.every((x) => x >= 1e-5 && x <= 1e-1));
    assertFits(s, logUniformCdf(1e-5, 1e-1), 'log_uniform_values');
    const linear = numbers({ distribution: 'uniform', min: 1e-5, max: 1e-1 });
    assert.ok(ksStatistic(linear, logUniformCdf(1e-5, 1e-1)) > 0.5, 'the test tells log from linear');
    const share = s.filter((x) => x < 1e-3).length / N;
    assert.ok(Math.abs(share - 0.5) < 0.03, `half the samples below the geometric middle (got ${share})`);
  });

  it('log_uniform (W&B: min/max are exponents) and inv_log_uniform_values', () => {
    const s = numbers({ distribution: 'log_uniform', min: -4, max: 0 });
    assertFits(s, (x) => (Math.log(x) + 4) / 4, 'log_uniform');
    const inv = numbers({ distribution: 'inv_log_uniform_values', min: 0.01, max: 10 });
    assert.ok(inv.every((x) => x >= 0.01 && x <= 10));
    assertFits(inv, logUniformCdf(0.01, 10), 'inv_log_uniform_values');
  });

  it('normal and log_normal follow their CDFs (KS)', () => {
    assertFits(numbers({ distribution: 'normal', mu: 2, sigma: 3 }), (x) => normalCdf(x, 2, 3), 'normal');
    const ln = numbers({ distribution: 'log_normal', mu: -1, sigma: 0.5 });
    assert.ok(ln.every((x) => x > 0));
    assertFits(ln, (x) => normalCdf(Math.log(x), -1, 0.5), 'log_normal');
  });

  it('int_uniform: every integer of [min, max] inclusive, equally often (chi-square)', () => {
    const s = numbers({ distribution: 'int_uniform', min: 1, max: 6 });
    assert.deepEqual([...new Set(s)].sort(), [1, 2, 3, 4, 5, 6]);
    const expected = new Map([1, 2, 3, 4, 5, 6].map((v) => [v, 1 / 6]));
    const { statistic, df } = chiSquare(countValues(s), expected, N);
    assert.equal(df, 5);
    assert.ok(statistic < chiSquareCritical(df), `chi-square ${statistic}`);
  });

  it('categorical: values with their probabilities (chi-square), lists as values', () => {
    const values = [[8, 12], [16, 32], [32, 64]];
    const s = draw({ distribution: 'categorical', values, probabilities: [0.5, 0.3, 0.2] }).map((v) => JSON.stringify(v));
    const expected = new Map([['[8,12]', 0.5], ['[16,32]', 0.3], ['[32,64]', 0.2]]);
    const { statistic, df } = chiSquare(countValues(s), expected, N);
    assert.ok(statistic < chiSquareCritical(df), `chi-square ${statistic}`);
    const skewed = new Map([['[8,12]', 1 / 3], ['[16,32]', 1 / 3], ['[32,64]', 1 / 3]]);
    assert.ok(chiSquare(countValues(s), skewed, N).statistic > chiSquareCritical(df), 'the test tells the probabilities apart');
  });

  it('q_uniform, q_log_uniform_values, q_normal, q_log_normal: multiples of q with the rounded mass (chi-square)', () => {
    assertQuantizedFits(numbers({ distribution: 'q_uniform', min: 0, max: 1, q: 0.25 }), (x) => Math.min(1, Math.max(0, x)), 0.25, 'q_uniform');
    const qlog = numbers({ distribution: 'q_log_uniform_values', min: 1, max: 100, q: 1 });
    assertQuantizedFits(qlog, (x) => Math.min(1, Math.max(0, logUniformCdf(1, 100)(Math.max(x, 1)))), 1, 'q_log_uniform_values');
    assertQuantizedFits(numbers({ distribution: 'q_normal', mu: 0, sigma: 2, q: 0.5 }), (x) => normalCdf(x, 0, 2), 0.5, 'q_normal');
    assertQuantizedFits(numbers({ distribution: 'q_log_normal', mu: 1, sigma: 0.5, q: 1 }), (x) => (x <= 0 ? 0 : normalCdf(Math.log(x), 1, 0.5)), 1, 'q_log_normal');
  });

  it('quantize leaves no float noise', () => {
    assert.equal(quantize(0.29999, 0.1), 0.3);
    assert.equal(quantize(7.4, 2), 8);
  });

  it('is seeded: the same seed repeats the draws, another seed does not', () => {
    const p: ParamSpec = { distribution: 'uniform', min: 0, max: 1 };
    assert.deepEqual(numbers(p, 3).slice(0, 20), numbers(p, 3).slice(0, 20));
    assert.notDeepEqual(numbers(p, 3).slice(0, 20), numbers(p, 4).slice(0, 20));
  });
});
