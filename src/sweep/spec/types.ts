// The parsed, normalised form of a sweep file: what the controller, the searchers and the extension use.
// Plain JSON (no classes) so it can be stored as SweepRecord.spec as is.
import type { Task } from '../../shared/runConfig';

export type SweepMethod = 'grid' | 'random' | 'bayes';
export type Goal = 'minimize' | 'maximize';

export const DISTRIBUTIONS = [
  'constant', 'categorical', 'int_uniform', 'uniform', 'q_uniform', 'log_uniform', 'log_uniform_values',
  'q_log_uniform_values', 'inv_log_uniform_values', 'normal', 'q_normal', 'log_normal', 'q_log_normal',
] as const;
export type Distribution = (typeof DISTRIBUTIONS)[number];

/** One parameter after normalisation: `value` became constant, `values` categorical, bare min/max (int_)uniform. */
export interface ParamSpec {
  distribution: Distribution;
  /** constant */
  value?: unknown;
  /** categorical */
  values?: unknown[];
  /** categorical: the chance of each value (sums to 1); absent = equal chances. */
  probabilities?: number[];
  /** uniform-family bounds, in the parameter's own units (for log_uniform: exponents, as in W&B). */
  min?: number;
  max?: number;
  /** normal-family: mean and standard deviation (for log_normal: of the logarithm). */
  mu?: number;
  sigma?: number;
  /** Quantisation step of the q_* distributions (default 1). */
  q?: number;
}

export interface SweepMetric {
  /** One of ALL_METRICS (src/shared/metricNames.ts). */
  name: string;
  goal: Goal;
  /** The sweep ends once a run reaches this value. */
  target?: number;
}

/** Early termination, always expressed as ASHA rungs: epochs minIter·eta^k (below maxIter when given). */
export interface EarlyTerminateSpec {
  /** What the file said: W&B's 'hyperband' keys map onto the same asynchronous successive halving. */
  type: 'hyperband' | 'asha';
  minIter: number;
  eta: number;
  maxIter?: number;
}

/** Options of the TPE searcher (method bayes); the file's `bayes:` block. */
export interface BayesOptions {
  /** Random trials before TPE takes over (Optuna's n_startup_trials, default 10). */
  startupTrials: number;
  /** Candidates drawn from l(x) per parameter, the best l/g ratio wins (Optuna's n_ei_candidates, default 24). */
  eiCandidates: number;
}

export interface SweepSpec {
  name: string;
  description?: string;
  method: SweepMethod;
  metric: SweepMetric;
  /** Keyed by dotted RunConfig path ("train.learningRate"), in file order. */
  parameters: Record<string, ParamSpec>;
  earlyTerminate?: EarlyTerminateSpec;
  runCap?: number;
  task: Task;
  /** 'cifar10', 'sample' or 'folder:ABSOLUTE_PATH' (a relative folder is resolved against the sweep file's folder). */
  dataset: string;
  concurrency?: number;
  /** Absent: the controller picks one and records it with the sweep. */
  seed?: number;
  /** Fixed RunConfig overrides for every run, by dotted path (the file's `base:`, nested or dotted). */
  base: Record<string, unknown>;
  bayes: BayesOptions;
  /** Absolute path of the file it came from, when it came from a file. */
  sourcePath?: string;
}

/** Parameter values chosen for one run, by dotted RunConfig path. */
export type Params = Record<string, unknown>;
