// The status bar item: the running sweep's progress; a click opens its panel.
import * as vscode from 'vscode';
import type { StoreData } from '../shared/storeSchema';
import type { StoreService } from './store/storeService';
import { sweepProgressText } from './store/sweepProgress';

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
