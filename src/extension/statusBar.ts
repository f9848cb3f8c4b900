// The status bar item: the running sweep's progress; a click opens its panel.
import * as vscode from 'vscode';
import type { StoreData } from '../shared/storeSchema';
import type { StoreService } from './store/storeService';

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

export function createStatusBar(store: StoreService): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('aelab.sweepProgress', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Autoencoder Lab sweep';
  const update = (data: StoreData) => {
    const progress = sweepProgressText(data);
    if (!progress) return item.hide();
    item.text = progress.text;
    item.tooltip = 'Autoencoder Lab: open the running sweep';
    item.command = { command: 'aelab.openSweep', title: 'Open Sweep', arguments: [progress.sweepId] };
    item.show();
  };
  update(store.current);
  const subscription = store.onDidChange(update);
  return vscode.Disposable.from(item, subscription);
}
