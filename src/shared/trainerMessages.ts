// The trainer ↔ controller boundary: the messages that cross the child process's IPC channel.
// One discriminated union per direction; each side validates what arrives before acting on it.
import type { RunConfig } from './runConfig';

/** Metric values keyed by name (loss, val_loss, val_mse, val_psnr, val_ssim, …; see metricNames.ts). */
export type MetricValues = Record<string, number>;

// ── Sent by the controller (parent) to the trainer (child) ──────────────────────────────────────
export interface StartMessage {
  type: 'start';
  runId: string;
  runDir: string;
  config: RunConfig;
  /** After the run: 'exit' (default), or 'wait' for the next 'start' (a sweep's warm trainer; see 'idle'). */
  afterRun?: 'exit' | 'wait';
}
/** Ends the run after the current batch; metrics and checkpoints written so far are kept. */
export interface StopMessage { type: 'stop'; reason: 'user' | 'pruned' }
export type ControllerToTrainer = StartMessage | StopMessage;

// ── Sent by the trainer (child) to the controller (parent) ──────────────────────────────────────
export interface AdapterInfo { vendor: string; architecture: string; description: string; isFallbackAdapter: boolean }
export interface StartedMessage {
  type: 'started';
  backend: string;
  adapter?: AdapterInfo;
  parameterCount: number;
  sizes: { train: number; validation: number; test: number };
  /** Images the loader skipped (corrupt or unreadable), with their file names. */
  skipped: string[];
}
export interface ProgressMessage { type: 'progress'; epoch: number; batch: number; batches: number; loss: number; imagesPerSec: number }
export interface EpochMessage { type: 'epoch'; epoch: number; metrics: MetricValues; seconds: number }
export interface ImageMessage { type: 'image'; epoch: number; path: string }
export interface CheckpointMessage { type: 'checkpoint'; epoch: number; kind: 'best' | 'last'; path: string }
export interface DoneMessage {
  type: 'done';
  status: 'finished' | 'stopped';
  /** Final metrics: test_mse, test_psnr, test_ssim, and the best epoch's validation metrics. */
  summary: MetricValues;
  bestEpoch: number;
}
export interface LogMessage { type: 'log'; level: 'info' | 'warn'; message: string }
/** After 'done' of a run started with afterRun 'wait': the run is over, the trainer is idle until the next 'start'. */
export interface IdleMessage { type: 'idle' }
/** The child's own report of a fatal error, sent before it exits non-zero. */
export interface ErrorMessage { type: 'error'; message: string; stack?: string }
export type TrainerToController =
  | StartedMessage | ProgressMessage | EpochMessage | ImageMessage | CheckpointMessage | DoneMessage | LogMessage | IdleMessage | ErrorMessage;

// ── Validation at arrival ────────────────────────────────────────────────────────────────────────
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isMetrics = (v: unknown): v is MetricValues => isObject(v) && Object.values(v).every(isNum);

const trainerMessageChecks: Record<TrainerToController['type'], (m: Record<string, unknown>) => boolean> = {
  started: (m) => isStr(m.backend) && isNum(m.parameterCount) && isObject(m.sizes) && Array.isArray(m.skipped),
  progress: (m) => isNum(m.epoch) && isNum(m.batch) && isNum(m.batches) && isNum(m.loss) && isNum(m.imagesPerSec),
  epoch: (m) => isNum(m.epoch) && isMetrics(m.metrics) && isNum(m.seconds),
  image: (m) => isNum(m.epoch) && isStr(m.path),
  checkpoint: (m) => isNum(m.epoch) && (m.kind === 'best' || m.kind === 'last') && isStr(m.path),
  done: (m) => (m.status === 'finished' || m.status === 'stopped') && isMetrics(m.summary) && isNum(m.bestEpoch),
  log: (m) => (m.level === 'info' || m.level === 'warn') && isStr(m.message),
  idle: () => true,
  error: (m) => isStr(m.message) && (m.stack === undefined || isStr(m.stack)),
};

export function isTrainerToController(value: unknown): value is TrainerToController {
  if (!isObject(value) || !isStr(value.type) || !(value.type in trainerMessageChecks)) return false;
  return trainerMessageChecks[value.type as TrainerToController['type']](value);
}

export function isControllerToTrainer(value: unknown): value is ControllerToTrainer {
  if (!isObject(value)) return false;
  if (value.type === 'stop') return value.reason === 'user' || value.reason === 'pruned';
  const afterRunOk = value.afterRun === undefined || value.afterRun === 'exit' || value.afterRun === 'wait';
  return value.type === 'start' && isStr(value.runId) && isStr(value.runDir) && isObject(value.config) && afterRunOk;
}
