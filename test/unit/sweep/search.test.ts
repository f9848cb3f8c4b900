import { strict as assert } from 'node:assert';
import { createSearcher, gridCombinations, type Params, type TrialResult } from '../../../src/sweep/search';
import { parseSweepText, type SweepSpec } from '../../../src/sweep/spec';

const spec = (yaml: string): SweepSpec => parseSweepText(yaml, 'test.yaml');
const finished = (params: Params, value: number): TrialResult => ({ params, value, status: 'finished', epochsRun: 3 });

/** Proposals of a searcher fed back through `objective`, as a controller with concurrency 1 would. */
function runSearch(s: SweepSpec, seed: number, trials: number, objective: (p: Params) => number): TrialResult[] {
  const searcher = createSearcher(s, seed);
  const history: TrialResult[] = [];
  for (let i = 0; i < trials; i++) {
    const params = searcher.next(history);
    if (!params) break;
    history.push(finished(params, objective(params)));
  }
  return history;
}

const QUADRATIC = `
method: bayes
parameters:
  train.learningRate: {distribution: log_uniform_values, min: 0.00001, max: 0.1}
  train.momentum: {distribution: uniform, min: 0, max: 1}
  model.kernelSize: {values: [1, 3, 5, 7]}
  train.batchSize: {distribution: q_uniform, min: 8, max: 128, q: 8}
`;
/** Optimum 0 at lr 1e-3, momentum 0.3, kernel 5, batch 64. */
const quadratic = (p: Params) =>
  (Math.log10(p['train.learningRate'] as number) + 3) ** 2 + 4 * ((p['train.momentum'] as number) - 0.3) ** 2 +
  (p['model.kernelSize'] === 5 ? 0 : 0.5) + (((p['train.batchSize'] as number) - 64) / 64) ** 2;
const best = (h: TrialResult[]) => Math.min(...h.map((t) => t.value as number));

describe('sweep search: grid', () => {
  const GRID = `method: grid
parameters:
  model.kernelSize: {values: [1, 3, 5, 7]}
  model.filters: {values: [[8, 12], [16, 32], [32, 64]]}
  train.batchSize: {distribution: int_uniform, min: 1, max: 3}
  train.momentum: {distribution: q_uniform, min: 0, max: 1, q: 0.25}
  train.epochs: {value: 2}`;

  it('enumerates every combination once (4 × 3 × 3 × 5 = 180), then reports exhaustion', () => {
    const history = runSearch(spec(GRID), 0, 1000, () => 1);
    assert.equal(history.length, 180);
    assert.equal(new Set(history.map((t) => JSON.stringify(t.params))).size, 180);
    assert.deepEqual([...new Set(history.map((t) => t.params['train.momentum']))], [0, 0.25, 0.5, 0.75, 1]);
    assert.deepEqual(history[0].params, { 'model.kernelSize': 1, 'model.filters': [8, 12], 'train.batchSize': 1, 'train.momentum': 0, 'train.epochs': 2 });
    assert.deepEqual(history[1].params['train.momentum'], 0.25, 'the last parameter varies fastest');
  });

  it('a resumed grid skips the combinations already in the history', () => {
    const all = gridCombinations(spec(GRID).parameters);
    const history = [all[0], all[2], all[5]].map((p) => finished(p, 1));
    const next = createSearcher(spec(GRID), 0).next(history);
    assert.deepEqual(next, all[1]);
  });

  it('refuses a continuous parameter, naming it', () => {
    const s = spec(GRID);
    s.parameters['train.learningRate'] = { distribution: 'log_uniform_values', min: 1e-4, max: 1e-2 };
    assert.throws(() => createSearcher(s, 0), /finite set of values for parameter train\.learningRate \(distribution log_uniform_values is continuous\)/);
  });

  it('stops at run_cap, where an interrupted run does not count (its re-queued copy does)', () => {
    assert.equal(runSearch(spec(`${GRID}\nrun_cap: 7`), 0, 1000, () => 1).length, 7);
    const [a, b] = gridCombinations(spec(GRID).parameters);
    const history: TrialResult[] = [finished(a, 1), { params: b, status: 'interrupted', epochsRun: 1 }, { params: b, status: 'queued', epochsRun: 0 }];
    const searcher = createSearcher(spec(`${GRID}\nrun_cap: 3`), 0);
    assert.ok(searcher.next(history), 'one finished + one interrupted + its copy = 2 runs towards a cap of 3');
    assert.equal(searcher.next(history), null);
  });
});

describe('sweep search: random', () => {
  const RANDOM = QUADRATIC.replace('bayes', 'random');

  it('the same seed gives the same sequence, another seed another one', () => {
    const a = runSearch(spec(RANDOM), 11, 8, quadratic).map((t) => t.params);
    assert.deepEqual(a, runSearch(spec(RANDOM), 11, 8, quadratic).map((t) => t.params));
    assert.notDeepEqual(a, runSearch(spec(RANDOM), 12, 8, quadratic).map((t) => t.params));
  });

  it('a fresh searcher given the history continues the same sequence (resume)', () => {
    const full = runSearch(spec(RANDOM), 5, 6, quadratic);
    const resumed = createSearcher(spec(RANDOM), 5).next(full.slice(0, 4));
    assert.deepEqual(resumed, full[4].params);
  });

  it('does not repeat itself when the caller has not yet added running trials to the history', () => {
    const searcher = createSearcher(spec(RANDOM), 5);
    assert.notDeepEqual(searcher.next([]), searcher.next([]));
  });
});

describe('sweep search: bayes (TPE)', () => {
  it('starts with the same random trials as method random (startup_trials)', () => {
    const tpe = runSearch(spec(`${QUADRATIC}\nbayes: {startup_trials: 5}`), 3, 5, quadratic);
    const random = runSearch(spec(QUADRATIC.replace('bayes', 'random')), 3, 5, quadratic);
    assert.deepEqual(tpe.map((t) => t.params), random.map((t) => t.params));
  });

  it('is deterministic for a seed', () => {
    const a = runSearch(spec(QUADRATIC), 9, 30, quadratic).map((t) => t.params);
    assert.deepEqual(a, runSearch(spec(QUADRATIC), 9, 30, quadratic).map((t) => t.params));
  });

  it('beats random search on a quadratic with a known optimum (5 seeds, 60 trials each)', () => {
    const seeds = [1, 2, 3, 4, 5];
    const tpe = seeds.map((seed) => best(runSearch(spec(QUADRATIC), seed, 60, quadratic)));
    const random = seeds.map((seed) => best(runSearch(spec(QUADRATIC.replace('bayes', 'random')), seed, 60, quadratic)));
    const wins = seeds.filter((_, i) => tpe[i] < random[i]).length;
    const median = (v: number[]) => v.slice().sort((a, b) => a - b)[2];
    assert.ok(wins >= 4, `TPE better on ${wins}/5 seeds: tpe ${tpe.map((v) => v.toFixed(3))} random ${random.map((v) => v.toFixed(3))}`);
    assert.ok(median(tpe) < median(random) / 2, `median best: TPE ${median(tpe)} vs random ${median(random)}`);
  });

  it('keeps every proposal inside its parameter space (ints, multiples of q, listed values)', () => {
    const history = runSearch(spec(QUADRATIC), 4, 40, quadratic);
    for (const { params } of history) {
      const lr = params['train.learningRate'] as number;
      const batch = params['train.batchSize'] as number;
      assert.ok(lr >= 1e-5 && lr <= 0.1, `lr ${lr}`);
      assert.ok(Number.isInteger(batch / 8) && batch >= 8 && batch <= 128, `batch ${batch}`);
      assert.ok([1, 3, 5, 7].includes(params['model.kernelSize'] as number));
    }
  });

  it('learns from pruned runs (ranked after finished ones) and ignores failed and running ones', () => {
    const s = spec(`method: bayes\nbayes: {startup_trials: 4}\nparameters:\n  model.kernelSize: {values: [1, 3, 5, 7]}\n  train.epochs: {value: 9}`);
    const history: TrialResult[] = [];
    for (let i = 0; i < 40; i++) {
      history.push({ params: { 'model.kernelSize': [1, 3, 5, 7][i % 4], 'train.epochs': 9 }, value: i % 4 === 2 ? 0.1 : 0.9, status: i % 4 === 2 ? 'finished' : 'pruned', epochsRun: i % 4 === 2 ? 9 : 1 });
    }
    history.push({ params: { 'model.kernelSize': 1, 'train.epochs': 9 }, status: 'failed', epochsRun: 0 });
    history.push({ params: { 'model.kernelSize': 1, 'train.epochs': 9 }, status: 'running', epochsRun: 2 });
    const searcher = createSearcher(s, 1);
    const picks = Array.from({ length: 20 }, () => searcher.next(history)?.['model.kernelSize']);
    assert.ok(picks.filter((k) => k === 5).length >= 15, `kernel 5 (the finished, best one) proposed ${picks.join(',')}`);
  });

  it('maximises when the goal says so', () => {
    const s = spec(QUADRATIC.replace('method: bayes', 'method: bayes\nmetric: {name: val_psnr}'));
    const history = runSearch(s, 2, 60, (p) => -quadratic(p));
    const late = history.slice(40).map((t) => t.value as number);
    const early = history.slice(0, 10).map((t) => t.value as number);
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    assert.ok(mean(late) > mean(early), `late trials better: ${mean(late)} vs ${mean(early)}`);
  });
});
