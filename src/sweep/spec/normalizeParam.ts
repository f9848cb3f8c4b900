// One `parameters:` entry → a ParamSpec with an explicit distribution, plus every problem with it.
import { CONFIG_KEYS, suggestKey, isConfigKey, isNumericKey, valueProblem } from './configKeys';
import { normalCdf } from '../search/tpe/normalMath';
import type { RawProblem } from './schemaCheck';
import { DISTRIBUTIONS, type Distribution, type ParamSpec } from './types';

type Field = 'value' | 'values' | 'probabilities' | 'min' | 'max' | 'mu' | 'sigma' | 'q';

/** The fields each distribution reads (W&B's meanings). */
const FIELDS: Record<Distribution, Field[]> = {
  constant: ['value'],
  categorical: ['values', 'probabilities'],
  int_uniform: ['min', 'max'],
  uniform: ['min', 'max'],
  q_uniform: ['min', 'max', 'q'],
  log_uniform: ['min', 'max'],
  log_uniform_values: ['min', 'max'],
  q_log_uniform_values: ['min', 'max', 'q'],
  inv_log_uniform_values: ['min', 'max'],
  normal: ['mu', 'sigma'],
  q_normal: ['mu', 'sigma', 'q'],
  log_normal: ['mu', 'sigma'],
  q_log_normal: ['mu', 'sigma', 'q'],
};
const LOG_RANGE = new Set<Distribution>(['log_uniform_values', 'q_log_uniform_values', 'inv_log_uniform_values']);
/** Distributions that only produce integers when q is an integer, or always (int_uniform). */
const INTEGER_SAFE = (d: Distribution, q: number | undefined) => d === 'int_uniform' || (d.startsWith('q_') && Number.isInteger(q ?? 1));

export function normalizeParam(key: string, raw: unknown): { param?: ParamSpec; problems: RawProblem[] } {
  const at = (field?: string | number, index?: number): (string | number)[] =>
    ['parameters', key, ...(field === undefined ? [] : [field]), ...(index === undefined ? [] : [index])];
  if (!isConfigKey(key)) {
    const message = `unknown parameter; ${suggestKey(key)}`;
    return { problems: [{ path: at(), at: 'key', message }] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { problems: [] }; // the schema reports it
  const entry = raw as Record<string, unknown>;
  const problems: RawProblem[] = [];
  const distribution = inferDistribution(entry);
  if (!distribution) {
    problems.push({ path: at(), at: 'value', message: 'needs value, values, or a distribution with min/max or mu/sigma' });
    return { problems };
  }
  if (!DISTRIBUTIONS.includes(distribution)) return { problems }; // the schema reports the unknown name
  for (const field of Object.keys(entry) as Field[]) {
    if (field !== ('distribution' as Field) && !FIELDS[distribution].includes(field)) {
      problems.push({ path: at(field), at: 'key', message: `"${field}" is not used by distribution ${distribution} (it reads ${FIELDS[distribution].join(', ')})` });
    }
  }
  const param: ParamSpec = { distribution };
  for (const field of FIELDS[distribution]) if (entry[field] !== undefined) (param as unknown as Record<string, unknown>)[field] = entry[field];
  problems.push(...rangeProblems(param, at));
  problems.push(...valueProblems(key, param, at));
  if (distribution.startsWith('q_')) param.q ??= 1;
  if (distribution.includes('normal')) {
    param.mu ??= 0;
    param.sigma ??= 1;
  }
  return { param, problems };
}

function inferDistribution(entry: Record<string, unknown>): Distribution | undefined {
  if (typeof entry.distribution === 'string') return entry.distribution as Distribution;
  if ('values' in entry) return 'categorical';
  if ('value' in entry) return 'constant';
  if ('min' in entry && 'max' in entry) return Number.isInteger(entry.min) && Number.isInteger(entry.max) ? 'int_uniform' : 'uniform';
  return undefined;
}

type At = (field?: string | number, index?: number) => (string | number)[];

function rangeProblems(p: ParamSpec, at: At): RawProblem[] {
  const out: RawProblem[] = [];
  const fields = FIELDS[p.distribution];
  const missing = (f: Field) => fields.includes(f) && p[f] === undefined;
  if (p.distribution === 'constant' && missing('value')) out.push({ path: at(), at: 'value', message: 'distribution constant needs value' });
  if (p.distribution === 'categorical' && missing('values')) out.push({ path: at(), at: 'value', message: 'distribution categorical needs values' });
  for (const f of ['min', 'max'] as const) if (missing(f)) out.push({ path: at(), at: 'value', message: `distribution ${p.distribution} needs ${f}` });
  const { min, max } = p;
  if (typeof min === 'number' && typeof max === 'number') {
    if (min >= max) out.push({ path: at('min'), at: 'value', message: `must be below max (${min} ≥ ${max})` });
    if (p.distribution === 'int_uniform') {
      if (!Number.isInteger(min)) out.push({ path: at('min'), at: 'value', message: 'int_uniform needs an integer min' });
      if (!Number.isInteger(max)) out.push({ path: at('max'), at: 'value', message: 'int_uniform needs an integer max' });
    }
    if (LOG_RANGE.has(p.distribution) && min <= 0) out.push({ path: at('min'), at: 'value', message: `${p.distribution} needs min > 0 (got ${min})` });
  }
  if (p.probabilities) out.push(...probabilityProblems(p, at));
  return out;
}

function probabilityProblems(p: ParamSpec, at: At): RawProblem[] {
  const probs = p.probabilities ?? [];
  if (!Array.isArray(p.values) || probs.some((x) => typeof x !== 'number')) return [];
  if (probs.length !== p.values.length) {
    return [{ path: at('probabilities'), at: 'value', message: `has ${probs.length} entries for ${p.values.length} values` }];
  }
  if (probs.some((x) => x < 0)) return [{ path: at('probabilities'), at: 'value', message: 'must not be negative' }];
  const sum = probs.reduce((a, b) => a + b, 0);
  return Math.abs(sum - 1) > 1e-6 ? [{ path: at('probabilities'), at: 'value', message: `must sum to 1 (they sum to ${Number(sum.toPrecision(6))})` }] : [];
}

/** The values the parameter produces must suit the RunConfig key it sets. */
function valueProblems(key: string, p: ParamSpec, at: At): RawProblem[] {
  if (p.distribution === 'constant') {
    const why = p.value === undefined ? undefined : valueProblem(key, p.value);
    return why ? [{ path: at('value'), at: 'value', message: why }] : [];
  }
  if (p.distribution === 'categorical') {
    if (!Array.isArray(p.values)) return [];
    return p.values.flatMap((v, i) => {
      const why = valueProblem(key, v);
      return why ? [{ path: at('values', i), at: 'value' as const, message: why }] : [];
    });
  }
  if (!isNumericKey(key)) {
    return [{ path: at('distribution'), at: 'value', message: `${key} takes ${describe(key)}, not numbers from distribution ${p.distribution}; use values` }];
  }
  if (CONFIG_KEYS[key].kind === 'int' && !INTEGER_SAFE(p.distribution, p.q)) {
    return [{ path: at('distribution'), at: 'value', message: `${key} takes integers; use int_uniform, a q_ distribution with an integer q, or values` }];
  }
  const below = belowMinimumChance(key, p);
  if (below > 0.001) {
    const message = `${key} takes ${describe(key)}, but this distribution falls below that ${(below * 100).toPrecision(2)} % of the time (use log_normal, or a uniform range)`;
    return [{ path: at('distribution'), at: 'value', message }];
  }
  return (['min', 'max'] as const).flatMap((f) => {
    const bound = p[f];
    // log_uniform bounds are exponents; a non-integer int_uniform bound is reported by rangeProblems.
    if (p.distribution === 'log_uniform' || typeof bound !== 'number' || (p.distribution === 'int_uniform' && !Number.isInteger(bound))) return [];
    const why = valueProblem(key, bound);
    return why ? [{ path: at(f), at: 'value' as const, message: why }] : [];
  });
}

/** The chance a normal / q_normal parameter gives a value the key does not accept (0 for other distributions). */
function belowMinimumChance(key: string, p: ParamSpec): number {
  const spec = CONFIG_KEYS[key];
  if ((p.distribution !== 'normal' && p.distribution !== 'q_normal') || (spec.kind !== 'int' && spec.kind !== 'number')) return 0;
  const { mu = 0, sigma = 1 } = p;
  if (typeof mu !== 'number' || typeof sigma !== 'number' || !(sigma > 0)) return 0;
  // q_normal rounds, so anything above min − q/2 still rounds to an acceptable value.
  const limit = p.distribution === 'q_normal' ? spec.min - (p.q ?? 1) / 2 : spec.min;
  return normalCdf(limit, mu, sigma);
}

function describe(key: string): string {
  const spec = CONFIG_KEYS[key];
  switch (spec.kind) {
    case 'int': return `integers ≥ ${spec.min}`;
    case 'number': return `numbers ${spec.exclusive ? '>' : '≥'} ${spec.min}`;
    case 'bool': return 'true or false';
    case 'string': return 'a string';
    case 'enum': return `one of ${spec.options.join(', ')}`;
    case 'intList': return 'a list of positive integers';
  }
}
