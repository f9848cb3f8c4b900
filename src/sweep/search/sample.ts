// Drawing a parameter value from its distribution, with W&B's meanings (src/sweep/spec/types.ts).
import type { ParamSpec, Params } from '../spec/types';
import { standardNormal, weightedIndex } from './rng';
import type { Rng } from './types';

/** round(x / q) · q, without float noise such as 0.30000000000000004. */
export function quantize(x: number, q: number): number {
  return Number((Math.round(x / q) * q).toPrecision(12));
}

export function sampleParam(p: ParamSpec, rng: Rng): unknown {
  const { min = 0, max = 1, mu = 0, sigma = 1, q = 1 } = p;
  const uniform = (lo: number, hi: number) => lo + rng() * (hi - lo);
  const normal = () => mu + sigma * standardNormal(rng);
  switch (p.distribution) {
    case 'constant': return p.value;
    case 'categorical': {
      const values = p.values ?? [];
      return values[weightedIndex(p.probabilities ?? values.map(() => 1), rng)];
    }
    case 'int_uniform': return min + Math.floor(rng() * (max - min + 1));
    case 'uniform': return uniform(min, max);
    case 'q_uniform': return quantize(uniform(min, max), q);
    case 'log_uniform': return Math.exp(uniform(min, max));
    case 'log_uniform_values': return Math.exp(uniform(Math.log(min), Math.log(max)));
    case 'q_log_uniform_values': return quantize(Math.exp(uniform(Math.log(min), Math.log(max))), q);
    // W&B: log(1/X) uniform between log(1/max) and log(1/min).
    case 'inv_log_uniform_values': return 1 / Math.exp(uniform(Math.log(1 / max), Math.log(1 / min)));
    case 'normal': return normal();
    case 'q_normal': return quantize(normal(), q);
    case 'log_normal': return Math.exp(normal());
    case 'q_log_normal': return quantize(Math.exp(normal()), q);
  }
}

export function sampleParams(parameters: Record<string, ParamSpec>, rng: Rng): Params {
  const params: Params = {};
  for (const [key, spec] of Object.entries(parameters)) params[key] = sampleParam(spec, rng);
  return params;
}

/** Order-independent identity of a parameter set (grid de-duplication). */
export function paramsKey(params: Params): string {
  return JSON.stringify(Object.keys(params).sort().map((k) => [k, params[k]]));
}
