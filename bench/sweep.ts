// npm run bench:sweep — how many training epochs a sweep spends before its best run is within 1 % of the optimum,
// random search alone vs TPE + ASHA (goal: at most a third), on a synthetic objective whose optimum is known.
// The real parser, searchers and scheduler run; only the trainer is replaced by a learning curve:
//   final(p) = 1 + (u − 0.5)² + (momentum − 0.3)² + (kernel ≠ 5 ? 0.3 : 0),  u = (log10 lr + 5) / 4 ∈ [0, 1]
//   value(p, epoch) = final(p) · (1 + 0.5 · exp(−epoch / τ)),  τ = 1 + 3 (1 − u)  (a higher rate learns faster)
// The optimum is 1 (lr 1e-3, momentum 0.3, kernel 5); "within 1 %" is a reported value ≤ 1.01. Runs go one at a time.
// Options: --seeds N (10), --max-trials N (1000, per method and seed), --epochs N (27). Last line: RESULT {json}.
import { AshaScheduler } from '../src/sweep/asha';
import { createSearcher, type Params, type TrialResult } from '../src/sweep/search';
import { parseSweepText } from '../src/sweep/spec';

const SWEEP = (method: string, epochs: number) => `
method: ${method}
metric: {name: val_loss, goal: minimize}
parameters:
  train.learningRate: {distribution: log_uniform_values, min: 0.00001, max: 0.1}
  train.momentum: {distribution: uniform, min: 0, max: 1}
  model.kernelSize: {values: [1, 3, 5, 7]}
base: {train.epochs: ${epochs}}
early_terminate: {type: hyperband, min_iter: 1, eta: 3}
`;
const OPTIMUM = 1;
const TOLERANCE = 0.01;

function curve(p: Params, epoch: number): number {
  const u = (Math.log10(p['train.learningRate'] as number) + 5) / 4;
  const final = 1 + (u - 0.5) ** 2 + ((p['train.momentum'] as number) - 0.3) ** 2 + (p['model.kernelSize'] === 5 ? 0 : 0.3);
  return final * (1 + 0.5 * Math.exp(-epoch / (1 + 3 * (1 - u))));
}

interface Outcome { epochs: number; trials: number; reached: boolean; pruned: number }

/** One sweep, run until a reported value is within tolerance of the optimum (or maxTrials). */
function simulate(method: 'random' | 'bayes', useAsha: boolean, seed: number, maxTrials: number, epochs: number): Outcome {
  const spec = parseSweepText(SWEEP(method, epochs), 'bench.yaml');
  const searcher = createSearcher(spec, seed);
  const early = spec.earlyTerminate;
  const asha = useAsha && early ? new AshaScheduler({ ...early, maxIter: epochs, goal: spec.metric.goal }) : undefined;
  const history: TrialResult[] = [];
  let spent = 0;
  let pruned = 0;
  while (history.length < maxTrials) {
    const params = searcher.next(history);
    if (!params) break;
    const id = `t${history.length}`;
    let trial: TrialResult = { params, status: 'finished', epochsRun: 0 };
    for (let epoch = 1; epoch <= epochs; epoch++) {
      const value = curve(params, epoch);
      spent++;
      trial = { params, value, status: 'finished', epochsRun: epoch };
      if (value <= OPTIMUM * (1 + TOLERANCE)) return { epochs: spent, trials: history.length + 1, reached: true, pruned };
      if (asha?.report(id, epoch, value) === 'prune') {
        trial.status = 'pruned';
        pruned++;
        break;
      }
    }
    history.push(trial);
  }
  return { epochs: spent, trials: history.length, reached: false, pruned };
}

const median = (v: number[]) => {
  const s = v.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a positive integer (got ${process.argv[i + 1]})`);
  return value;
}

function main(): void {
  const seeds = option('seeds', 10);
  const maxTrials = option('max-trials', 1000);
  const epochs = option('epochs', 27);
  const variants = [
    { name: 'random', method: 'random', asha: false },
    { name: 'random+asha', method: 'random', asha: true },
    { name: 'tpe', method: 'bayes', asha: false },
    { name: 'tpe+asha', method: 'bayes', asha: true },
  ] as const;
  const started = Date.now();
  const results: Record<string, { medianEpochs: number; medianTrials: number; reached: number; epochs: number[] }> = {};
  console.log(`sweep benchmark: epochs until the best value is within ${TOLERANCE * 100} % of the optimum (${seeds} seeds, ${epochs} epochs a run, ASHA min_iter 1 eta 3)`);
  for (const v of variants) {
    const outcomes = Array.from({ length: seeds }, (_, seed) => simulate(v.method, v.asha, seed, maxTrials, epochs));
    const epochsSpent = outcomes.map((o) => o.epochs);
    results[v.name] = { medianEpochs: median(epochsSpent), medianTrials: median(outcomes.map((o) => o.trials)), reached: outcomes.filter((o) => o.reached).length, epochs: epochsSpent };
    console.log(`${v.name.padEnd(12)} median ${String(results[v.name].medianEpochs).padStart(6)} epochs, ${String(results[v.name].medianTrials).padStart(4)} runs (reached in ${results[v.name].reached}/${seeds}); per seed: ${epochsSpent.join(' ')}`);
  }
  const ratio = results['tpe+asha'].medianEpochs / results.random.medianEpochs;
  const pass = ratio <= 1 / 3 && results['tpe+asha'].reached === seeds;
  console.log(`TPE + ASHA / random = ${ratio.toFixed(3)} (goal ≤ 0.333): ${pass ? 'met' : 'NOT met'}; ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`RESULT ${JSON.stringify({ benchmark: 'sweep', seeds, epochsPerRun: epochs, tolerance: TOLERANCE, variants: results, ratio, goal: 1 / 3, pass })}`);
}

main();
