// What runSweep takes and the events it reports (the CLI prints them; `--json` writes one a line).
import type { RunStatus, SweepRecord, SweepStatus } from '../../shared/storeSchema';
import type { ExperimentStore } from '../../store';
import type { TrainerProcessOptions } from '../../trainer/process';
import type { SweepSpec } from '../spec';

export interface RunSweepOptions {
  store: ExperimentStore;
  /** The sweep to start; omitted when resuming. */
  spec?: SweepSpec;
  /** Resume this sweep: runs left running are marked interrupted and re-queued, finished runs are kept. */
  resumeId?: string;
  /** Trainer processes at once; default: the spec's, else the cores for CPU backends, 1 for GPU backends. */
  concurrency?: number;
  /** Aborting stops every run (they end 'stopped') and the sweep ends 'stopped'. */
  signal?: AbortSignal;
  onEvent?: (event: SweepEvent) => void;
  /** How the trainer is started (script, node binary, env, stop grace); for tests and the extension's settings. */
  trainer?: Partial<Pick<TrainerProcessOptions, 'trainerScript' | 'nodePath' | 'execArgv' | 'env' | 'stopGraceMs'>>;
  /** How often the store is checked for stop requests made by other processes (ms, default 1000). */
  pollMs?: number;
}

export type SweepEndReason = 'target' | 'run_cap' | 'exhausted' | 'stopped' | 'failures';

export type SweepEvent =
  | { type: 'sweep-started'; sweepId: string; name: string; method: string; metric: SweepRecord['metric']; seed: number; concurrency: number; resumed: boolean }
  | { type: 'run-interrupted'; sweepId: string; runId: string }
  | { type: 'run-started'; sweepId: string; runId: string; name: string; params: Record<string, unknown>; requeuedFrom?: string }
  | { type: 'run-epoch'; sweepId: string; runId: string; epoch: number; value?: number; metrics: Record<string, number> }
  | { type: 'run-pruned'; sweepId: string; runId: string; epoch: number; value: number }
  | { type: 'run-ended'; sweepId: string; runId: string; status: RunStatus; value?: number; epochs: number; error?: string }
  | { type: 'best'; sweepId: string; runId: string; value: number }
  | { type: 'sweep-ended'; sweepId: string; status: SweepStatus; reason: SweepEndReason; bestRunId?: string; bestValue?: number; runs: number };
