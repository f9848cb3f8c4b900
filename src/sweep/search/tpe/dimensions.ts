// How TPE sees each parameter: a bounded interval in an internal space (log for log-scaled distributions),
// or a set of categories. Unbounded normals are truncated at mu ± 4 sigma (a 1-in-15,000 tail).
import { quantize } from '../sample';
import type { ParamSpec } from '../../spec/types';

export interface NumericDimension {
  kind: 'numeric';
  low: number;
  high: number;
  /** Internal value → the value the run gets (exp for log scales, then quantisation). */
  toValue(x: number): number;
  /** A value from the history → internal; undefined when it cannot be (e.g. ≤ 0 on a log scale). */
  toInternal(value: unknown): number | undefined;
}

export interface CategoricalDimension {
  kind: 'categorical';
  choices: unknown[];
  prior: number[];
}

export type Dimension = NumericDimension | CategoricalDimension | { kind: 'constant'; value: unknown };

const TAIL = 4;

export function dimensionOf(p: ParamSpec): Dimension {
  const { min = 0, max = 1, mu = 0, sigma = 1, q = 1 } = p;
  const linear = (low: number, high: number, round?: (v: number) => number) => numeric(low, high, false, round);
  const logScale = (low: number, high: number, round?: (v: number) => number) => numeric(low, high, true, round);
  const byQ = (v: number) => quantize(v, q);
  switch (p.distribution) {
    case 'constant': return { kind: 'constant', value: p.value };
    case 'categorical': {
      const choices = p.values ?? [];
      return { kind: 'categorical', choices, prior: p.probabilities ?? choices.map(() => 1 / choices.length) };
    }
    // Integers and quantised values own the interval ±half a step around them (as Optuna does).
    case 'int_uniform': return linear(min - 0.5, max + 0.5, (v) => Math.min(max, Math.max(min, Math.round(v))));
    case 'q_uniform': return linear(min - q / 2, max + q / 2, byQ);
    case 'uniform': return linear(min, max);
    case 'log_uniform': return logScale(min, max);
    case 'log_uniform_values':
    case 'inv_log_uniform_values': return logScale(Math.log(min), Math.log(max));
    case 'q_log_uniform_values': return logScale(Math.log(min), Math.log(max), byQ);
    case 'normal': return linear(mu - TAIL * sigma, mu + TAIL * sigma);
    case 'q_normal': return linear(mu - TAIL * sigma, mu + TAIL * sigma, byQ);
    case 'log_normal': return logScale(mu - TAIL * sigma, mu + TAIL * sigma);
    case 'q_log_normal': return logScale(mu - TAIL * sigma, mu + TAIL * sigma, byQ);
  }
}

function numeric(low: number, high: number, log: boolean, round: (v: number) => number = (v) => v): NumericDimension {
  return {
    kind: 'numeric',
    low,
    high,
    toValue: (x) => round(log ? Math.exp(x) : x),
    toInternal: (value) => {
      if (typeof value !== 'number' || !Number.isFinite(value) || (log && value <= 0)) return undefined;
      const x = log ? Math.log(value) : value;
      return Math.min(high, Math.max(low, x));
    },
  };
}
