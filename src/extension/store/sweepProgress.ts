// Sweep progress for the status bar and the progress notification (pure: unit-tested without VS Code).
import type { StoreData, SweepRecord } from '../../shared/storeSchema';

/** Runs done (finished, pruned, failed, stopped) of the cap (run_cap, else the runs there are). */
export function sweepCounts(data: StoreData, sweep: SweepRecord): { done: number; cap: number } {
  const runs = data.runs.filter((r) => r.sweepId === sweep.id);
  const done = runs.filter((r) => ['finished', 'pruned', 'failed', 'stopped'].includes(r.status)).length;
  const cap = typeof sweep.spec?.run_cap === 'number' ? sweep.spec.run_cap : Math.max(runs.length, 1);
  return { done, cap };
}

export function sweepProgressText(data: StoreData): { text: string; sweepId: string } | undefined {
  const running = data.sweeps.filter((s) => s.status === 'running').sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const sweep = running[0];
  if (!sweep) return undefined;
  const { done, cap } = sweepCounts(data, sweep);
  const more = running.length > 1 ? ` (+${running.length - 1})` : '';
  return { text: `$(sync~spin) ${sweep.name}: ${done}/${cap} runs${more}`, sweepId: sweep.id };
}

/** The sweep a controller started from `specPath` at or after `startedAt` created (the newest such), if any yet. */
export function findStartedSweep(data: StoreData, specPath: string, startedAt: number): SweepRecord | undefined {
  return data.sweeps
    .filter((s) => s.specPath === specPath && Date.parse(s.createdAt) >= startedAt - 1000)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}
