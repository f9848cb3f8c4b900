// Builds the sidebar's Sweeps tree from the store's data. Pure (no vscode import) so it is unit-tested directly;
// sweepTree.ts turns these nodes into TreeItems.
import { metricGoal } from '../../shared/metricNames';
import type { RunRecord, RunStatus, StoreData, SweepRecord } from '../../shared/storeSchema';
import { plannedRuns } from '../store/sweepProgress';

export interface RunNode {
  kind: 'run';
  id: string;
  run: RunRecord;
  label: string;
  description: string;
  tooltip: string;
  /** Codicon id; "~spin" animates it. */
  icon: string;
  /** Drives the context menu's `when` clauses: run.running, run.finished, … */
  contextValue: string;
}

export interface SweepNode {
  kind: 'sweep';
  id: string;
  sweep?: SweepRecord;
  label: string;
  description: string;
  tooltip: string;
  icon: string;
  contextValue: string;
  runs: RunNode[];
}

export const RUN_STATUS_ICONS: Record<RunStatus, string> = {
  queued: 'clock',
  running: 'sync~spin',
  finished: 'pass',
  pruned: 'circle-slash',
  failed: 'error',
  stopped: 'debug-stop',
  interrupted: 'warning',
};

const SWEEP_STATUS_ICONS: Record<SweepRecord['status'], string> = {
  running: 'sync~spin',
  finished: 'pass-filled',
  stopped: 'debug-stop',
  failed: 'error',
  interrupted: 'warning',
};

/** The pseudo-sweep that holds runs started on their own (`aelab train`). */
export const SINGLE_RUNS_ID = '__single_runs__';

export function formatMetric(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  const magnitude = Math.abs(value);
  return magnitude !== 0 && (magnitude < 0.001 || magnitude >= 100000) ? value.toExponential(3) : String(Number(value.toPrecision(4)));
}

export function runNode(run: RunRecord, metricName: string): RunNode {
  const epochs = run.config?.train?.epochs;
  const value = run.summary?.[metricName];
  const parts = [`${metricName} ${formatMetric(value)}`, `epoch ${run.epoch}${epochs ? `/${epochs}` : ''}`];
  if (run.status !== 'finished' && run.status !== 'running') parts.push(run.status);
  const params = Object.entries(run.params ?? {}).map(([key, v]) => `${key} = ${JSON.stringify(v)}`);
  const tooltip = [
    `${run.name} (${run.id}): ${run.status}`,
    ...(params.length > 0 ? params : ['(no sweep parameters)']),
    ...(run.backend ? [`backend: ${run.backend}`] : []),
    ...(run.error ? [`error: ${run.error.message}`] : []),
  ].join('\n');
  return {
    kind: 'run', id: run.id, run, label: run.name || run.id, description: parts.join(' · '), tooltip,
    icon: RUN_STATUS_ICONS[run.status] ?? 'question', contextValue: `run.${run.status}`,
  };
}

/** The best run of a list by a metric, or undefined when none has it yet. */
export function bestRun(runs: RunRecord[], metricName: string, goal = metricGoal(metricName)): RunRecord | undefined {
  let best: RunRecord | undefined;
  for (const run of runs) {
    const value = run.summary?.[metricName];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const bestValue = best?.summary[metricName];
    if (bestValue === undefined || (goal === 'minimize' ? value < bestValue : value > bestValue)) best = run;
  }
  return best;
}

const DONE: RunStatus[] = ['finished', 'pruned', 'failed', 'stopped'];

export function sweepNode(sweep: SweepRecord, runs: RunRecord[]): SweepNode {
  const metric = sweep.metric?.name ?? 'val_loss';
  const best = bestRun(runs, metric, sweep.metric?.goal);
  const done = runs.filter((r) => DONE.includes(r.status)).length;
  const progress = `${done}/${Math.max(plannedRuns(sweep.spec) ?? runs.length, runs.length)} runs`;
  const description = [progress, best ? `best ${metric} ${formatMetric(best.summary[metric])}` : undefined, sweep.status]
    .filter(Boolean).join(' · ');
  return {
    kind: 'sweep', id: sweep.id, sweep, label: sweep.name || sweep.id, description,
    tooltip: `${sweep.name} (${sweep.id}): ${sweep.status}\nmetric: ${metric} (${sweep.metric?.goal ?? metricGoal(metric)})\n${progress}`,
    icon: SWEEP_STATUS_ICONS[sweep.status] ?? 'beaker', contextValue: `sweep.${sweep.status}`,
    runs: runs.map((run) => runNode(run, metric)),
  };
}

/** Newest sweep first; its runs in creation order; runs without a sweep under a "Single runs" group at the end. */
export function buildTree(data: StoreData): SweepNode[] {
  const bySweep = new Map<string, RunRecord[]>();
  for (const run of data.runs) {
    const key = run.sweepId && data.sweeps.some((s) => s.id === run.sweepId) ? run.sweepId : SINGLE_RUNS_ID;
    bySweep.set(key, [...(bySweep.get(key) ?? []), run]);
  }
  const byCreation = (a: { createdAt: string }, b: { createdAt: string }) => a.createdAt.localeCompare(b.createdAt);
  const nodes = [...data.sweeps].sort((a, b) => -byCreation(a, b))
    .map((sweep) => sweepNode(sweep, [...(bySweep.get(sweep.id) ?? [])].sort(byCreation)));
  const singles = [...(bySweep.get(SINGLE_RUNS_ID) ?? [])].sort(byCreation);
  if (singles.length > 0) {
    nodes.push({
      kind: 'sweep', id: SINGLE_RUNS_ID, label: 'Single runs', description: `${singles.length} runs`,
      tooltip: 'Runs started on their own (Start Run, aelab train)', icon: 'beaker', contextValue: 'singleRuns',
      runs: singles.map((run) => runNode(run, 'val_loss')),
    });
  }
  return nodes;
}
