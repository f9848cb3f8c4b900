// What the controller knows of each run of its sweep: params, status and the metric it reported per epoch.
// It feeds the searcher's history and keeps "best so far". Rebuilt from the store on --resume.
import type { RunRecord, RunStatus, SweepRecord } from '../../shared/storeSchema';
import { readMetrics } from '../../store';
import type { TrialResult } from '../search/types';

export interface Trial {
  runId: string;
  params: Record<string, unknown>;
  status: RunStatus;
  epochs: number;
  /** The best per-epoch value of the sweep's metric so far (for "best so far" while runs go on). */
  best?: number;
  /** The latest per-epoch value. */
  last?: number;
  /** The final value from the run's summary (for test_* metrics, which only exist there). */
  final?: number;
  /** The sweep metric's value per epoch (index = epoch), to replay into ASHA on resume. */
  values: (number | undefined)[];
}

export class TrialBook {
  private readonly trials = new Map<string, Trial>();

  constructor(private readonly metric: SweepRecord['metric']) {}

  /** Adds a run already in the store, reading its metrics.jsonl for the per-epoch values. */
  addStored(run: RunRecord, metricsPath: string): void {
    const trial = this.add(run.id, run.params);
    trial.status = run.status;
    for (const line of readMetrics(metricsPath)) if (line.kind === 'epoch') this.epoch(run.id, line.epoch, line.values);
    trial.final = run.summary[this.metric.name];
  }

  add(runId: string, params: Record<string, unknown>): Trial {
    const trial: Trial = { runId, params, status: 'queued', epochs: 0, values: [] };
    this.trials.set(runId, trial);
    return trial;
  }

  get(runId: string): Trial | undefined {
    return this.trials.get(runId);
  }

  /** Records an epoch's metrics; returns the sweep metric's value, if the epoch carried it. */
  epoch(runId: string, epoch: number, metrics: Record<string, number>): number | undefined {
    const trial = this.trials.get(runId);
    if (!trial) return undefined;
    const latest = epoch >= trial.epochs;
    trial.epochs = Math.max(trial.epochs, epoch);
    const value = metrics[this.metric.name];
    if (value === undefined || !Number.isFinite(value)) return undefined;
    trial.values[epoch] = value;
    if (latest) trial.last = value;
    if (trial.best === undefined || this.better(value, trial.best)) trial.best = value;
    return value;
  }

  /**
   * The run's objective (TrialResult.value): the final value when finished (the summary's, i.e. the best epoch's
   * or the test metric), the last reported one when pruned or stopped; none while running or when failed.
   */
  value(trial: Trial): number | undefined {
    if (trial.status === 'finished') return trial.final ?? trial.last;
    return trial.status === 'pruned' || trial.status === 'stopped' ? trial.last : undefined;
  }

  better(a: number, b: number): boolean {
    return this.metric.goal === 'minimize' ? a < b : a > b;
  }

  reachesTarget(value: number): boolean {
    const { target, goal } = this.metric;
    return target !== undefined && (goal === 'minimize' ? value <= target : value >= target);
  }

  /** The history the searcher sees: every run of the sweep (failed, interrupted and running ones without a value). */
  history(): TrialResult[] {
    return [...this.trials.values()].map((t) => {
      const value = this.value(t);
      return { params: t.params, ...(value !== undefined ? { value } : {}), status: t.status, epochsRun: t.epochs };
    });
  }

  all(): Trial[] {
    return [...this.trials.values()];
  }

  best(): { runId: string; value: number } | undefined {
    let best: { runId: string; value: number } | undefined;
    for (const trial of this.trials.values()) {
      const value = this.value(trial);
      if (value !== undefined && (!best || this.better(value, best.value))) best = { runId: trial.runId, value };
    }
    return best;
  }

  /** Runs that count towards run_cap: all but those interrupted (their re-queued copy counts instead). */
  countTowardsCap(): number {
    return [...this.trials.values()].filter((t) => t.status !== 'interrupted').length;
  }
}
