// The searcher for a sweep's method. Each proposal draws from a generator seeded by (seed, trial index):
// the same seed gives the same sequence, and a resumed sweep continues it.
import type { SweepSpec } from '../spec/types';
import { gridSearcher } from './grid';
import { trialRng } from './rng';
import { sampleParams } from './sample';
import { proposeTpe, type TpeOptions } from './tpe/tpeSearcher';
import type { Params, Searcher, TrialResult } from './types';

export interface SearcherOptions {
  /** Overrides of the file's bayes options (the benchmark uses them). */
  tpe?: Partial<TpeOptions>;
}

export function createSearcher(spec: SweepSpec, seed: number, options: SearcherOptions = {}): Searcher {
  const inner = innerSearcher(spec, seed, options);
  let proposed = 0;
  let counted = 0;
  return {
    next(history: TrialResult[]) {
      // Trials proposed in this process but not yet in the caller's history still count.
      proposed = Math.max(proposed, history.length);
      // An interrupted run is re-queued as a new trial with the same parameters: only the copy counts towards run_cap.
      counted = Math.max(counted, history.filter((t) => t.status !== 'interrupted').length);
      if (spec.runCap !== undefined && counted >= spec.runCap) return null;
      const params = inner(history, proposed);
      if (params !== null) {
        proposed++;
        counted++;
      }
      return params;
    },
  };
}

function innerSearcher(spec: SweepSpec, seed: number, options: SearcherOptions): (history: TrialResult[], index: number) => Params | null {
  switch (spec.method) {
    case 'grid': {
      const grid = gridSearcher(spec.parameters);
      return (history) => grid.next(history);
    }
    case 'random':
      return (_history, index) => sampleParams(spec.parameters, trialRng(seed, index));
    case 'bayes': {
      const tpe: TpeOptions = { goal: spec.metric.goal, ...spec.bayes, ...options.tpe };
      return (history, index) => proposeTpe(spec.parameters, history, tpe, trialRng(seed, index));
    }
  }
}
