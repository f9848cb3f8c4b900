// One controller's run of a sweep: asks the searcher for configurations, keeps `concurrency` trainers busy,
// records each through recordRun, feeds every epoch's metric to ASHA, and ends the sweep when the target is
// reached, run_cap is reached, the search is exhausted, a stop is requested, or runs keep failing.
import type { RunRecord, SweepRecord, SweepStatus } from '../../shared/storeSchema';
import { storePaths } from '../../shared/storeSchema';
import type { EpochMessage } from '../../shared/trainerMessages';
import type { ExperimentStore } from '../../store';
import { recordRun } from '../../store/runRecorder';
import type { TrainerProcess } from '../../trainer/process';
import { AshaScheduler } from '../asha';
import { SlotPool, WarmTrainers } from '../pool';
import { createSearcher } from '../search';
import { applyParams, sweepRunConfig, type SweepSpec } from '../spec';
import { defaultConcurrency } from './concurrency';
import { watchStopRequests } from './stopWatcher';
import type { SweepSetup } from './sweepSetup';
import { TrialBook } from './trialBook';
import type { RunSweepOptions, SweepEndReason, SweepEvent } from './types';

type Params = Record<string, unknown>;

export class SweepSession {
  private readonly store: ExperimentStore;
  private readonly sweep: SweepRecord;
  private readonly spec: SweepSpec;
  private readonly book: TrialBook;
  private readonly pool: SlotPool;
  private readonly trainers: WarmTrainers;
  private readonly searcher: ReturnType<typeof createSearcher>;
  private readonly asha?: AshaScheduler;
  private readonly queue: { params: Params; requeuedFrom?: string }[];
  private readonly active = new Map<string, TrainerProcess>();
  private readonly pruned = new Set<string>();
  private ending?: SweepEndReason;
  private wake: () => void = () => undefined;
  private liveBest?: number;
  private consecutiveFailures = 0;
  private runNumber: number;

  constructor(private readonly options: RunSweepOptions, setup: SweepSetup, stored: RunRecord[]) {
    this.store = options.store;
    this.sweep = setup.sweep;
    this.spec = setup.spec;
    this.queue = [...setup.requeue];
    this.book = new TrialBook(this.sweep.metric);
    for (const run of stored) this.book.addStored(run, this.store.file(storePaths.metrics(run.id)));
    this.runNumber = stored.length;
    this.pool = new SlotPool(options.concurrency ?? this.spec.concurrency ?? defaultConcurrency(sweepRunConfig(this.spec).backend));
    this.trainers = new WarmTrainers(this.pool.size);
    this.searcher = createSearcher(this.spec, this.sweep.seed);
    this.fastForwardSearcher(stored);
    const early = this.spec.earlyTerminate;
    if (early) {
      this.asha = new AshaScheduler({ minIter: early.minIter, eta: early.eta, maxIter: early.maxIter, goal: this.sweep.metric.goal });
      // Rungs remember what earlier runs reached, so later decisions match an uninterrupted sweep.
      for (const trial of this.book.all().filter((t) => t.status !== 'interrupted')) {
        trial.values.forEach((v, epoch) => v !== undefined && this.asha?.report(trial.runId, epoch, v));
      }
    }
  }

  get concurrency(): number {
    return this.pool.size;
  }

  async run(): Promise<SweepRecord> {
    const abort = () => this.stopAll('stopped');
    this.options.signal?.addEventListener('abort', abort);
    if (this.options.signal?.aborted) abort();
    const unwatch = watchStopRequests(this.store, this.sweep.id, this.options.pollMs ?? 1000, {
      stopSweep: () => this.stopAll('stopped'),
      stopRun: (runId) => this.active.get(runId)?.stop('user'),
      activeRunIds: () => [...this.active.keys()],
    });
    try {
      await this.fillSlots();
      await this.pool.drain();
    } catch (error) {
      this.stopAll('failures');
      await this.pool.drain();
      await this.finish('failed', 'failures');
      throw error;
    } finally {
      this.trainers.dispose();
      unwatch();
      this.options.signal?.removeEventListener('abort', abort);
    }
    const status: SweepStatus = this.ending === 'stopped' ? 'stopped' : this.ending === 'failures' ? 'failed' : 'finished';
    return this.finish(status, this.ending ?? 'exhausted');
  }

  private async fillSlots(): Promise<void> {
    while (!this.ending) {
      const woken = new Promise<void>((resolve) => (this.wake = resolve));
      await Promise.race([this.pool.waitForSlot(), woken]);
      if (this.ending) return;
      const next = this.nextParams();
      if (!next) return;
      await this.launch(next.params, next.requeuedFrom);
    }
  }

  private nextParams(): { params: Params; requeuedFrom?: string } | undefined {
    const requeued = this.queue.shift();
    if (requeued) return requeued;
    if (this.spec.runCap !== undefined && this.book.countTowardsCap() >= this.spec.runCap) {
      this.ending = 'run_cap';
      return undefined;
    }
    const params = this.searcher.next(this.book.history());
    if (params === null) this.ending = 'exhausted';
    return params === null ? undefined : { params };
  }

  private async launch(params: Params, requeuedFrom?: string): Promise<void> {
    const config = applyParams(sweepRunConfig(this.spec), params);
    const name = `${this.sweep.name}-${++this.runNumber}`;
    const run = await this.store.createRun({ config, sweepId: this.sweep.id, params, name, ...(requeuedFrom ? { requeuedFrom } : {}) });
    this.book.add(run.id, params).status = 'running';
    const trainer = this.trainers.start({ runId: run.id, runDir: this.store.runDir(run.id), config, ...this.options.trainer });
    this.active.set(run.id, trainer);
    let freeSlot: () => void = () => undefined;
    const slotFreed = new Promise<void>((resolve) => (freeSlot = resolve));
    trainer.on('message', (message) => message.type === 'epoch' && this.onEpoch(run.id, message, trainer, freeSlot));
    const done = recordRun(this.store, run.id, trainer, { stoppedStatus: () => (this.pruned.has(run.id) ? 'pruned' : 'stopped') })
      .then(({ run: ended }) => this.onEnded(ended))
      .finally(() => {
        this.active.delete(run.id);
        this.trainers.giveBack(trainer);
        freeSlot();
      });
    this.pool.add({ slotFreed, done });
    this.emit({ type: 'run-started', sweepId: this.sweep.id, runId: run.id, name, params, ...(requeuedFrom ? { requeuedFrom } : {}) });
  }

  private onEpoch(runId: string, message: EpochMessage, trainer: TrainerProcess, freeSlot: () => void): void {
    const value = this.book.epoch(runId, message.epoch, message.metrics);
    this.emit({ type: 'run-epoch', sweepId: this.sweep.id, runId, epoch: message.epoch, ...(value !== undefined ? { value } : {}), metrics: message.metrics });
    if (value === undefined) return;
    if (this.liveBest === undefined || this.book.better(value, this.liveBest)) {
      this.liveBest = value;
      this.emit({ type: 'best', sweepId: this.sweep.id, runId, value });
    }
    if (this.book.reachesTarget(value)) {
      // Stop launching; runs already going finish normally.
      this.ending ??= 'target';
      this.wake();
    }
    if (this.asha?.report(runId, message.epoch, value) === 'prune' && !this.pruned.has(runId) && this.ending !== 'stopped') {
      this.pruned.add(runId);
      trainer.stop('pruned');
      freeSlot(); // the next run starts now, while this one finishes its batch
      this.emit({ type: 'run-pruned', sweepId: this.sweep.id, runId, epoch: message.epoch, value });
    }
  }

  private async onEnded(run: RunRecord): Promise<void> {
    const trial = this.book.get(run.id);
    if (!trial) return;
    trial.status = run.status;
    trial.final = run.summary[this.sweep.metric.name];
    const value = this.book.value(trial);
    this.emit({ type: 'run-ended', sweepId: this.sweep.id, runId: run.id, status: run.status, ...(value !== undefined ? { value } : {}), epochs: trial.epochs, ...(run.error ? { error: run.error.message } : {}) });
    this.consecutiveFailures = run.status === 'failed' ? this.consecutiveFailures + 1 : 0;
    // A trainer that fails every time (bad data path, broken backend) must not loop forever.
    if (this.consecutiveFailures >= Math.max(3, this.pool.size)) this.stopAll('failures');
    const best = this.book.best();
    if (best && best.runId !== (await this.store.getSweep(this.sweep.id))?.bestRunId) {
      await this.store.patchSweep(this.sweep.id, { bestRunId: best.runId });
    }
  }

  private stopAll(reason: SweepEndReason): void {
    if (this.ending !== 'stopped' && this.ending !== 'failures') this.ending = reason;
    for (const trainer of this.active.values()) trainer.stop('user');
    this.wake();
  }

  private async finish(status: SweepStatus, reason: SweepEndReason): Promise<SweepRecord> {
    const best = this.book.best();
    const sweep = await this.store.patchSweep(this.sweep.id, { status, endedAt: new Date().toISOString(), ...(best ? { bestRunId: best.runId } : {}) });
    this.emit({ type: 'sweep-ended', sweepId: sweep.id, status, reason, ...(best ? { bestRunId: best.runId, bestValue: best.value } : {}), runs: this.book.all().length });
    return sweep;
  }

  /** On resume, replays the proposals the searcher already made so it continues its sequence, not restarts it. */
  private fastForwardSearcher(stored: RunRecord[]): void {
    const proposed = stored.filter((r) => !r.requeuedFrom).sort((a, b) => a.id.localeCompare(b.id));
    const history = this.book.history();
    proposed.forEach((_, i) => this.searcher.next(history.slice(0, i)));
  }

  emit(event: SweepEvent): void {
    this.options.onEvent?.(event);
  }
}
