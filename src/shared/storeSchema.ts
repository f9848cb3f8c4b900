// The shape of the experiment store (design.md): db.json indexes sweeps and runs; time series and
// artefacts live in runs/<id>/. The extension reads these types; src/store writes them.
import type { RunConfig } from './runConfig';
import type { AdapterInfo, MetricValues } from './trainerMessages';

export const STORE_SCHEMA_VERSION = 1;
export const DEFAULT_STORE_DIR = '.aelab';

export type RunStatus = 'queued' | 'running' | 'finished' | 'pruned' | 'failed' | 'stopped' | 'interrupted';
export type SweepStatus = 'running' | 'finished' | 'stopped' | 'failed' | 'interrupted';

export interface RunRecord {
  id: string;
  /** Absent for a run started on its own (`aelab train`). */
  sweepId?: string;
  name: string;
  status: RunStatus;
  config: RunConfig;
  /** The sweep parameters that chose this run's configuration (dotted keys). */
  params: Record<string, unknown>;
  /** Latest epoch metrics while running; final metrics (incl. test_*) once done. */
  summary: MetricValues;
  epoch: number;
  bestEpoch?: number;
  backend?: string;
  adapter?: AdapterInfo;
  host: string;
  pid?: number;
  createdAt: string;
  startedAt?: string;
  endedAt?: string;
  error?: { message: string; stack?: string; stderrTail?: string; exitCode?: number | null };
  /** Set by `aelab stop` (any process); the controller that owns the run watches for it. */
  stopRequest?: StopRequest;
  /** For a run re-queued by `aelab sweep --resume`: the interrupted run it replaces. */
  requeuedFrom?: string;
}

export interface StopRequest { at: string; by: 'user'; host: string; pid: number }

export interface SweepRecord {
  id: string;
  name: string;
  status: SweepStatus;
  /** The parsed sweep file, as run. */
  spec: Record<string, unknown>;
  specPath?: string;
  seed: number;
  metric: { name: string; goal: 'minimize' | 'maximize'; target?: number };
  /** Process id of the controller that runs the sweep (for stop / re-attach). */
  controllerPid?: number;
  host: string;
  createdAt: string;
  endedAt?: string;
  bestRunId?: string;
  /** Set by `aelab stop SWEEP` (any process); the controller watches for it and stops every run. */
  stopRequest?: StopRequest;
}

export interface StoreData {
  version: number;
  sweeps: SweepRecord[];
  runs: RunRecord[];
}

/** One line of runs/<id>/metrics.jsonl. */
export interface MetricLine {
  /** 'batch' lines are throttled progress; 'epoch' lines carry the epoch's full metrics; 'test' the final ones. */
  kind: 'batch' | 'epoch' | 'test';
  epoch: number;
  step?: number;
  time: string;
  values: MetricValues;
}

/** Paths inside a store folder, relative to it. */
export const storePaths = {
  db: 'db.json',
  lock: 'db.json.lock',
  runDir: (runId: string) => `runs/${runId}`,
  metrics: (runId: string) => `runs/${runId}/metrics.jsonl`,
  media: (runId: string) => `runs/${runId}/media`,
  /** One PNG grid per epoch: media/epoch-0001.png … */
  mediaFile: (runId: string, epoch: number) => `runs/${runId}/media/epoch-${String(epoch).padStart(4, '0')}.png`,
  model: (runId: string, kind: 'best' | 'last') => `runs/${runId}/model/${kind}`,
  log: (runId: string) => `runs/${runId}/output.log`,
  /** A copy of the run's record, rewritten on every change, from which `aelab store repair` rebuilds db.json. */
  runRecord: (runId: string) => `runs/${runId}/run.json`,
  /** Likewise for a sweep's record. */
  sweepRecord: (sweepId: string) => `sweeps/${sweepId}/sweep.json`,
};
