// Open Run, Open Sweep, Compare Runs: the panels.
import * as vscode from 'vscode';
import { guarded, type Lab } from '../lab';
import { ComparePanel } from '../panels/comparePanel';
import { RunPanel } from '../panels/runPanel';
import { SweepPanel } from '../panels/sweepPanel';
import { pickRun, pickSweep, type Target } from './pickers';

export function registerOpenCommands(lab: Lab): vscode.Disposable[] {
  const context = () => {
    const value = lab.panelContext();
    if (!value) throw new Error('Open a folder first: panels show the workspace\'s experiment store.');
    return value;
  };
  return [
    vscode.commands.registerCommand('aelab.openRun', guarded(async (target?: Target) => {
      const run = await pickRun(lab.store, target);
      if (run) RunPanel.show(run.id, lab.store, context());
    })),
    vscode.commands.registerCommand('aelab.openSweep', guarded(async (target?: Target) => {
      const sweep = await pickSweep(lab.store, target);
      if (sweep) SweepPanel.show(sweep.id, lab.store, context());
    })),
    vscode.commands.registerCommand('aelab.compareRuns', guarded(async (first?: Target | string[], selected?: Target[]) => {
      const ids = await compareTargets(lab, first, selected);
      if (ids) ComparePanel.show(ids, lab.store, context());
    })),
  ];
}

/** From the tree (clicked node + multi-selection), a webview (ids), or a multi-select quick pick. */
async function compareTargets(lab: Lab, first?: Target | string[], selected?: Target[]): Promise<string[] | undefined> {
  const idOf = (t: Target) => (typeof t === 'string' ? t : t?.id);
  if (Array.isArray(first)) return first;
  const fromTree = (selected && selected.length > 1 ? selected : []).map(idOf).filter((id): id is string => !!id)
    .filter((id) => lab.store.current.runs.some((r) => r.id === id));
  if (fromTree.length > 1) return fromTree;
  const picked = await vscode.window.showQuickPick(
    lab.store.current.runs.map((run) => ({ label: run.name, description: run.status, detail: run.id, picked: run.id === idOf(first as Target) })),
    { canPickMany: true, placeHolder: 'Pick the runs to compare (two or more)' },
  );
  if (!picked) return undefined;
  if (picked.length < 2) throw new Error('pick at least two runs to compare');
  return picked.map((item) => item.detail);
}
