// Grid search: every combination of each parameter's finite values, last parameter varying fastest.
import { finiteValues } from '../spec/finiteValues';
import type { ParamSpec, Params } from '../spec/types';
import { paramsKey } from './sample';
import type { Searcher, TrialResult } from './types';

export function gridCombinations(parameters: Record<string, ParamSpec>): Params[] {
  let combos: Params[] = [{}];
  for (const [key, param] of Object.entries(parameters)) {
    const values = finiteValues(param);
    if (!values) throw new Error(`grid search needs a finite set of values for parameter ${key} (distribution ${param.distribution} is continuous)`);
    combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [key]: value })));
  }
  return combos;
}

/** Proposes the first combination not yet in the history, so a resumed sweep skips what already ran. */
export function gridSearcher(parameters: Record<string, ParamSpec>): Searcher {
  const combos = gridCombinations(parameters);
  const keys = combos.map(paramsKey);
  const proposed = new Set<string>();
  let seen = 0;
  return {
    next(history: TrialResult[]) {
      // The history only grows, so only its new entries need reading.
      for (const trial of history.slice(seen)) proposed.add(paramsKey(trial.params));
      seen = history.length;
      const index = keys.findIndex((key) => !proposed.has(key));
      if (index < 0) return null;
      proposed.add(keys[index]);
      return structuredClone(combos[index]);
    },
  };
}
