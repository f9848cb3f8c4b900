// What a searcher sees of the sweep so far, and what it proposes.
import type { Params } from '../spec/types';

export type { Params };

export interface TrialResult {
  params: Params;
  /** The objective (the sweep metric): the final value when finished, the last reported one when pruned or stopped; undefined while running or when failed. */
  value?: number;
  /** A RunStatus: queued | running | finished | pruned | failed | stopped | interrupted. */
  status: string;
  /** Epochs the run completed (ranks pruned runs: the longer-lived is the better). */
  epochsRun: number;
}

export interface Searcher {
  /**
   * The next trial's parameters, or null when the search is over (grid exhausted, run_cap reached).
   * `history` holds every trial proposed so far, running ones included, in the order they were proposed.
   * run_cap counts every trial but interrupted ones (their re-queued copies count instead).
   */
  next(history: TrialResult[]): Params | null;
}

/** Uniform in [0, 1). */
export type Rng = () => number;
