// Splitting the history into "good" and "bad" trials (Optuna's TPE rules).
import type { Goal } from '../../spec/types';
import type { TrialResult } from '../types';

/** Optuna's default gamma: the best 10 %, at most 25 trials. */
export const gamma = (n: number): number => Math.min(Math.ceil(0.1 * n), 25);

/** Optuna's default weights: flat for the last 25 trials, ramping down linearly for older ones. */
export function trialWeights(n: number): number[] {
  if (n < 25) return Array.from({ length: n }, () => 1);
  const ramp = Array.from({ length: n - 25 }, (_, i) => (n - 25 === 1 ? 1 / n : 1 / n + (i * (1 - 1 / n)) / (n - 26)));
  return [...ramp, ...Array.from({ length: 25 }, () => 1)];
}

export interface Observed {
  trial: TrialResult;
  /** Position in the history: weights favour recent trials. */
  order: number;
}

/**
 * Finished runs rank by value; runs cut short (pruned, stopped, interrupted) rank after every finished run,
 * the longer-lived first, then by their last value (as Optuna ranks pruned trials). Running and failed runs
 * carry no value and are left out.
 */
export function observedTrials(history: TrialResult[]): Observed[] {
  return history
    .map((trial, order) => ({ trial, order }))
    .filter(({ trial }) => typeof trial.value === 'number' && Number.isFinite(trial.value) && trial.status !== 'failed' && trial.status !== 'running');
}

export function splitGoodBad(observed: Observed[], goal: Goal): { good: Observed[]; bad: Observed[] } {
  const sign = goal === 'minimize' ? 1 : -1;
  const finished = (o: Observed) => o.trial.status === 'finished';
  const ranked = observed.slice().sort((a, b) => {
    if (finished(a) !== finished(b)) return finished(a) ? -1 : 1;
    if (!finished(a) && a.trial.epochsRun !== b.trial.epochsRun) return b.trial.epochsRun - a.trial.epochsRun;
    return sign * ((a.trial.value as number) - (b.trial.value as number));
  });
  const nGood = gamma(observed.length);
  const byOrder = (a: Observed, b: Observed) => a.order - b.order;
  return { good: ranked.slice(0, nGood).sort(byOrder), bad: ranked.slice(nGood).sort(byOrder) };
}
