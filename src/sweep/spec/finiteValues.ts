// The finite set of values a parameter can take, for grid search; undefined when it is continuous or unbounded.
import type { ParamSpec } from './types';

/** Quantised values are the multiples of q inside [min, max] (what rounding X/q gives, as in W&B). */
export function finiteValues(param: ParamSpec): unknown[] | undefined {
  const { distribution, min, max } = param;
  if (distribution === 'constant') return [param.value];
  if (distribution === 'categorical') return param.values;
  if (min === undefined || max === undefined) return undefined;
  if (distribution === 'int_uniform') return multiples(min, max, 1);
  if (distribution === 'q_uniform' || distribution === 'q_log_uniform_values') return multiples(min, max, param.q ?? 1);
  return undefined;
}

function multiples(min: number, max: number, q: number): number[] {
  const first = Math.ceil(min / q - 1e-9);
  const last = Math.floor(max / q + 1e-9);
  const out: number[] = [];
  // toPrecision removes float noise such as 0.30000000000000004 from k·q.
  for (let k = first; k <= last; k++) out.push(Number((k * q).toPrecision(12)));
  return out;
}
