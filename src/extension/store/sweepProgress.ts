// The running sweep's progress line for the status bar (pure: unit-tested without VS Code).
import type { StoreData } from '../../shared/storeSchema';

export function sweepProgressText(data: StoreData): { text: string; sweepId: string } | undefined {
  const running = data.sweeps.filter((s) => s.status === 'running').sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const sweep = running[0];
  if (!sweep) return undefined;
  const runs = data.runs.filter((r) => r.sweepId === sweep.id);
  const done = runs.filter((r) => ['finished', 'pruned', 'failed', 'stopped'].includes(r.status)).length;
  const cap = typeof sweep.spec?.run_cap === 'number' ? sweep.spec.run_cap : runs.length;
  const more = running.length > 1 ? ` (+${running.length - 1})` : '';
  return { text: `$(sync~spin) ${sweep.name}: ${done}/${cap} runs${more}`, sweepId: sweep.id };
}
