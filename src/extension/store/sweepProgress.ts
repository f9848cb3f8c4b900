// Sweep progress for the status bar and the progress notification (pure: unit-tested without VS Code).
import type { StoreData, SweepRecord } from '../../shared/storeSchema';

/** Runs done (finished, pruned, failed, stopped) of the cap (run_cap, else the runs there are). */
export function sweepCounts(data: StoreData, sweep: SweepRecord): { done: number; cap: number } {
  const runs = data.runs.filter((r) => r.sweepId === sweep.id);
  const done = runs.filter((r) => ['finished', 'pruned', 'failed', 'stopped'].includes(r.status)).length;
  const planned = plannedRuns(sweep.spec);
  return { done, cap: Math.max(planned ?? runs.length, runs.length, 1) };
}

/** run_cap, else a grid's size (the product of its parameters' value counts), else unknown. */
export function plannedRuns(spec: Record<string, unknown> | undefined): number | undefined {
  const cap = typeof spec?.run_cap === 'number' ? spec.run_cap : undefined;
  if (spec?.method !== 'grid' || typeof spec.parameters !== 'object' || spec.parameters === null) return cap;
  let size = 1;
  for (const param of Object.values(spec.parameters as Record<string, { values?: unknown[]; value?: unknown }>)) {
    if (Array.isArray(param?.values)) size *= param.values.length;
    else if (!(param && 'value' in param)) return cap; // a distribution: the grid's size is not known here
  }
  return cap === undefined ? size : Math.min(cap, size);
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
