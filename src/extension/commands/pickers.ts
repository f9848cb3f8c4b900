// Resolves a command's target: a tree node or id passed in, or else a quick pick of the store's records.
import * as vscode from 'vscode';
import type { RunRecord, RunStatus, SweepRecord } from '../../shared/storeSchema';
import type { StoreService } from '../store/storeService';
import { formatMetric } from '../tree/treeModel';

/** Tree nodes carry a record; palettes and webviews pass ids. */
export type Target = string | { id: string } | undefined;

const idOf = (target: Target): string | undefined => (typeof target === 'string' ? target : target?.id);

export async function pickRun(store: StoreService, target: Target, statuses?: RunStatus[]): Promise<RunRecord | undefined> {
  const runs = store.current.runs;
  const id = idOf(target);
  if (id) {
    const run = runs.find((r) => r.id === id);
    if (!run) throw new Error(`no run "${id}" in the store`);
    return run;
  }
  const candidates = runs.filter((r) => !statuses || statuses.includes(r.status));
  if (candidates.length === 0) throw new Error(statuses ? `no ${statuses.join(' or ')} run in the store` : 'the store has no runs yet');
  const picked = await vscode.window.showQuickPick(
    candidates.map((run) => ({ label: run.name, description: `${run.status} · val_loss ${formatMetric(run.summary?.val_loss)}`, detail: run.id, run })),
    { placeHolder: 'Pick a run' },
  );
  return picked?.run;
}

export async function pickSweep(store: StoreService, target: Target, statuses?: SweepRecord['status'][]): Promise<SweepRecord | undefined> {
  const sweeps = store.current.sweeps;
  const id = idOf(target);
  if (id) {
    const sweep = sweeps.find((s) => s.id === id);
    if (!sweep) throw new Error(`no sweep "${id}" in the store`);
    return sweep;
  }
  const candidates = sweeps.filter((s) => !statuses || statuses.includes(s.status));
  if (candidates.length === 0) throw new Error(statuses ? `no ${statuses.join(' or ')} sweep in the store` : 'the store has no sweeps yet');
  const picked = await vscode.window.showQuickPick(
    candidates.map((sweep) => ({ label: sweep.name, description: sweep.status, detail: sweep.id, sweep })),
    { placeHolder: 'Pick a sweep' },
  );
  return picked?.sweep;
}
