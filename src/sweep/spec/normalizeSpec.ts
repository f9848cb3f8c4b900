// The whole file → SweepSpec with defaults filled in, plus the semantic problems the schema cannot express.
import { existsSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, resolve } from 'node:path';
import { ALL_METRICS, metricGoal } from '../../shared/metricNames';
import type { Task } from '../../shared/runConfig';
import { flattenBase } from './flattenBase';
import { finiteValues } from './finiteValues';
import { normalizeParam } from './normalizeParam';
import type { RawProblem } from './schemaCheck';
import type { EarlyTerminateSpec, Goal, ParamSpec, SweepMethod, SweepSpec } from './types';

/** Grids beyond this are almost surely a mistake (a continuous range typed as int_uniform). */
export const MAX_GRID_SIZE = 100_000;

type Raw = Record<string, unknown>;
const obj = (v: unknown): Raw => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw) : {});
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function normalizeSpec(data: Raw, fileName: string): { spec: SweepSpec; problems: RawProblem[] } {
  const problems: RawProblem[] = [];
  const method = (str(data.method) ?? 'random') as SweepMethod;
  const parameters: Record<string, ParamSpec> = {};
  for (const [key, raw] of Object.entries(obj(data.parameters))) {
    const result = normalizeParam(key, raw);
    problems.push(...result.problems);
    if (result.param) parameters[key] = result.param;
  }
  if (method === 'grid') problems.push(...gridProblems(parameters));
  const base = flattenBase(obj(data.base));
  problems.push(...base.problems);
  for (const key of Object.keys(base.values)) {
    if (key in parameters) problems.push({ path: ['parameters', key], at: 'key', message: `is also fixed in base (${key}); keep one` });
  }
  const dataset = datasetOf(data.dataset, fileName, problems);
  const bayes = obj(data.bayes);
  const spec: SweepSpec = {
    name: str(data.name) ?? (basename(fileName, extname(fileName)) || 'sweep'),
    description: str(data.description),
    method,
    metric: metricOf(obj(data.metric), problems),
    parameters,
    earlyTerminate: data.early_terminate === undefined ? undefined : earlyTerminateOf(obj(data.early_terminate), problems),
    runCap: num(data.run_cap),
    task: (str(data.task) ?? 'reconstruct') as Task,
    dataset,
    concurrency: num(data.concurrency),
    seed: num(data.seed),
    base: base.values,
    bayes: { startupTrials: num(bayes.startup_trials) ?? 10, eiCandidates: num(bayes.ei_candidates) ?? 24 },
  };
  if (spec.description === undefined) delete spec.description;
  return { spec, problems };
}

function metricOf(raw: Raw, problems: RawProblem[]): SweepSpec['metric'] {
  const name = str(raw.name) ?? 'val_loss';
  if (!ALL_METRICS.includes(name)) {
    problems.push({ path: ['metric', 'name'], at: 'value', message: `unknown metric "${name}"; the trainer logs: ${ALL_METRICS.join(', ')}` });
  }
  const goal = (str(raw.goal) ?? metricGoal(name)) as Goal;
  const target = num(raw.target);
  return target === undefined ? { name, goal } : { name, goal, target };
}

/** W&B hyperband: min_iter, or max_iter and s (first rung max_iter / eta^s); asha: min_iter (default 1). */
function earlyTerminateOf(raw: Raw, problems: RawProblem[]): EarlyTerminateSpec | undefined {
  const type = str(raw.type) === 'asha' ? 'asha' : 'hyperband';
  const eta = num(raw.eta) ?? 3;
  const maxIter = num(raw.max_iter);
  let minIter = num(raw.min_iter);
  const s = num(raw.s);
  if (minIter === undefined && s !== undefined) {
    if (maxIter === undefined) {
      problems.push({ path: ['early_terminate', 's'], at: 'key', message: 's needs max_iter' });
      return undefined;
    }
    minIter = Math.max(1, Math.round(maxIter / eta ** s));
  }
  if (minIter === undefined) {
    if (type === 'hyperband') {
      problems.push({ path: ['early_terminate'], at: 'value', message: 'hyperband needs min_iter, or max_iter and s' });
      return undefined;
    }
    minIter = 1;
  }
  if (maxIter !== undefined && maxIter < minIter) {
    problems.push({ path: ['early_terminate', 'max_iter'], at: 'value', message: `must be at least min_iter (${maxIter} < ${minIter})` });
  }
  return maxIter === undefined ? { type, minIter, eta } : { type, minIter, eta, maxIter };
}

function datasetOf(raw: unknown, fileName: string, problems: RawProblem[]): string {
  const dataset = str(raw) ?? 'sample';
  if (!dataset.startsWith('folder:')) return dataset;
  const folder = dataset.slice('folder:'.length);
  const absolute = isAbsolute(folder) ? folder : resolve(dirname(fileName), folder);
  if (!existsSync(absolute)) problems.push({ path: ['dataset'], at: 'value', message: `folder not found: ${absolute}` });
  return `folder:${absolute}`;
}

function gridProblems(parameters: Record<string, ParamSpec>): RawProblem[] {
  const problems: RawProblem[] = [];
  let size = 1;
  for (const [key, param] of Object.entries(parameters)) {
    const values = finiteValues(param);
    if (!values) {
      const message = `method grid needs a finite set of values; distribution ${param.distribution} is continuous (use values, int_uniform or a q_ distribution with min/max)`;
      problems.push({ path: ['parameters', key, 'distribution'], at: 'value', message });
    } else size *= Math.max(1, values.length);
    if (param.probabilities) problems.push({ path: ['parameters', key, 'probabilities'], at: 'key', message: 'probabilities do not apply to method grid' });
  }
  if (size > MAX_GRID_SIZE) problems.push({ path: ['parameters'], at: 'key', message: `the grid has ${size} combinations (more than ${MAX_GRID_SIZE})` });
  return problems;
}
