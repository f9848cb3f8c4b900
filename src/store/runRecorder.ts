// Persists one trainer process's events into the store: metrics.jsonl lines (throttled batch points,
// epoch and test lines), run record patches (status, epoch, summary, backend, times, error) and
// output.log (the trainer's stderr plus its log messages). Used by `aelab train` and by sweeps alike.
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { storePaths, type RunRecord, type RunStatus } from '../shared/storeSchema';
import type { TrainerToController } from '../shared/trainerMessages';
import type { TrainerCompletion, TrainerProcess } from '../trainer/process';
import type { ExperimentStore, RunPatch } from './experimentStore';
import { MetricsWriter } from './metricsFile';

export interface RecordRunOptions {
  /** Batch lines at most this often (ms); epoch and test lines are always written. */
  batchIntervalMs?: number;
  /** The status a stopped run gets (a sweep that pruned the run says 'pruned'); default 'stopped'. */
  stoppedStatus?: () => RunStatus;
}

export interface RecordedRun {
  run: RunRecord;
  completion: TrainerCompletion;
}

/** Records `trainer` into run `runId` until it exits; resolves once every write is done. */
export async function recordRun(store: ExperimentStore, runId: string, trainer: TrainerProcess, options: RecordRunOptions = {}): Promise<RecordedRun> {
  const metrics = new MetricsWriter(store.file(storePaths.metrics(runId)));
  const logPath = store.file(storePaths.log(runId));
  mkdirSync(dirname(logPath), { recursive: true });
  const log = createWriteStream(logPath, { flags: 'a' });
  // Patches go through the store's lock one after another, in the order the events came.
  let patches: Promise<unknown> = Promise.resolve();
  const patch = (p: RunPatch) => (patches = patches.then(() => store.patchRun(runId, p)));
  const batchInterval = options.batchIntervalMs ?? 1000;
  let lastBatchLine = -Infinity;

  trainer.on('started', ({ pid }) => patch({ status: 'running', pid, startedAt: new Date().toISOString() }));
  trainer.on('output', (text) => log.write(text));
  trainer.on('invalidMessage', (raw) => log.write(`[recorder] ignored an invalid trainer message: ${JSON.stringify(raw)}\n`));
  trainer.on('message', (message) => {
    const time = new Date().toISOString();
    const line = describe(message);
    if (line) log.write(`[${message.type}] ${line}\n`);
    if (message.type === 'started') patch({ backend: message.backend, ...(message.adapter ? { adapter: message.adapter } : {}) });
    if (message.type === 'progress' && Date.now() - lastBatchLine >= batchInterval) {
      lastBatchLine = Date.now();
      const step = (message.epoch - 1) * message.batches + message.batch;
      metrics.append({ kind: 'batch', epoch: message.epoch, step, time, values: { loss: message.loss, images_per_sec: message.imagesPerSec } });
    }
    if (message.type === 'epoch') {
      metrics.append({ kind: 'epoch', epoch: message.epoch, time, values: message.metrics });
      patch({ epoch: message.epoch, summary: message.metrics });
    }
    if (message.type === 'done') {
      const test = Object.fromEntries(Object.entries(message.summary).filter(([key]) => key.startsWith('test_')));
      if (Object.keys(test).length > 0) metrics.append({ kind: 'test', epoch: message.bestEpoch, time, values: test });
      patch({ summary: message.summary, bestEpoch: message.bestEpoch });
    }
  });

  const completion = await trainer.completed;
  await patches.catch(() => undefined);
  metrics.close();
  if (completion.error) log.write(`[recorder] run failed: ${completion.error.message}\n`);
  await new Promise<void>((resolve) => log.end(resolve));
  const run = await store.patchRun(runId, { ...finalPatch(completion, options), endedAt: new Date().toISOString() });
  return { run, completion };
}

function finalPatch(completion: TrainerCompletion, options: RecordRunOptions): RunPatch {
  const { error, done } = completion;
  if (error) {
    const stack = error.childStack;
    return { status: 'failed', error: { message: error.message, ...(stack ? { stack } : {}), stderrTail: error.stderrTail, exitCode: error.exitCode } };
  }
  const status: RunStatus = done?.status === 'stopped' ? (options.stoppedStatus?.() ?? 'stopped') : 'finished';
  return { status };
}

/** One output.log line for the messages worth reading later (not progress: that is in metrics.jsonl). */
function describe(message: TrainerToController): string | undefined {
  switch (message.type) {
    case 'started':
      return `backend ${message.backend}, ${message.parameterCount} parameters, images train ${message.sizes.train} / validation ${message.sizes.validation} / test ${message.sizes.test}`;
    case 'log':
      return `${message.level}: ${message.message}`;
    case 'epoch':
      return `epoch ${message.epoch}: ${Object.entries(message.metrics).map(([k, v]) => `${k}=${v.toPrecision(5)}`).join(' ')}`;
    case 'checkpoint':
      return `epoch ${message.epoch}: saved ${message.kind} checkpoint ${message.path}`;
    case 'image':
      return `epoch ${message.epoch}: wrote ${message.path}`;
    case 'done':
      return `${message.status}, best epoch ${message.bestEpoch}`;
    case 'error':
      return message.stack ?? message.message;
    default:
      return undefined;
  }
}
