// Method bayes: a Tree-structured Parzen Estimator as Optuna's default sampler runs it. Random for the first
// startupTrials trials with a value; then, per parameter, draw eiCandidates from l(x) (the density of the good
// trials) and keep the one with the largest l(x)/g(x) (g: the density of the rest).
import type { Goal, ParamSpec, Params } from '../../spec/types';
import { sampleParam } from '../sample';
import { weightedIndex } from '../rng';
import type { Rng, TrialResult } from '../types';
import { fitCategorical } from './categorical';
import { dimensionOf, type CategoricalDimension, type NumericDimension } from './dimensions';
import { fitParzen, mixtureLogPdf, sampleMixture } from './parzen';
import { observedTrials, splitGoodBad, trialWeights, type Observed } from './split';

export interface TpeOptions {
  goal: Goal;
  startupTrials: number;
  eiCandidates: number;
}

export function proposeTpe(parameters: Record<string, ParamSpec>, history: TrialResult[], options: TpeOptions, rng: Rng): Params {
  const observed = observedTrials(history);
  const params: Params = {};
  if (observed.length < options.startupTrials) {
    for (const [key, spec] of Object.entries(parameters)) params[key] = sampleParam(spec, rng);
    return params;
  }
  const { good, bad } = splitGoodBad(observed, options.goal);
  for (const [key, spec] of Object.entries(parameters)) {
    const dim = dimensionOf(spec);
    if (dim.kind === 'constant') params[key] = dim.value;
    else if (dim.kind === 'numeric') params[key] = proposeNumeric(key, dim, good, bad, options.eiCandidates, rng);
    else params[key] = proposeCategorical(key, dim, good, bad, options.eiCandidates, rng);
  }
  return params;
}

/** The internal values of one parameter over a set of trials, with their recency weights. */
function column<T>(key: string, trials: Observed[], convert: (v: unknown) => T | undefined): { values: T[]; weights: number[] } {
  const weights = trialWeights(trials.length);
  const values: T[] = [];
  const kept: number[] = [];
  trials.forEach((o, i) => {
    const v = convert(o.trial.params[key]);
    if (v !== undefined) {
      values.push(v);
      kept.push(weights[i]);
    }
  });
  return { values, weights: kept };
}

function proposeNumeric(key: string, dim: NumericDimension, good: Observed[], bad: Observed[], n: number, rng: Rng): number {
  const g = column(key, good, dim.toInternal);
  const b = column(key, bad, dim.toInternal);
  const l = fitParzen(g.values, g.weights, dim.low, dim.high);
  const gBad = fitParzen(b.values, b.weights, dim.low, dim.high);
  let best = { score: -Infinity, value: dim.toValue(sampleMixture(l, rng)) };
  for (let i = 0; i < n; i++) {
    const value = dim.toValue(sampleMixture(l, rng));
    // Score the value the run would get (after rounding), in internal units.
    const x = dim.toInternal(value) ?? dim.low;
    const score = mixtureLogPdf(l, x) - mixtureLogPdf(gBad, x);
    if (score > best.score) best = { score, value };
  }
  return best.value;
}

function proposeCategorical(key: string, dim: CategoricalDimension, good: Observed[], bad: Observed[], n: number, rng: Rng): unknown {
  const indexOf = (v: unknown) => {
    const i = dim.choices.findIndex((c) => JSON.stringify(c) === JSON.stringify(v));
    return i < 0 ? undefined : i;
  };
  const g = column(key, good, indexOf);
  const b = column(key, bad, indexOf);
  const l = fitCategorical(g.values, g.weights, dim.prior);
  const gBad = fitCategorical(b.values, b.weights, dim.prior);
  let best = { score: -Infinity, index: 0 };
  for (let i = 0; i < n; i++) {
    const index = weightedIndex(l, rng);
    const score = Math.log(l[index]) - Math.log(gBad[index]);
    if (score > best.score) best = { score, index };
  }
  return dim.choices[best.index];
}
