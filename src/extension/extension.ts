// Autoencoder Lab's VS Code extension: glue over the engine. It starts controllers through the CLI, watches
// the store, and renders; no TensorFlow.js is loaded here. Everything created is disposed with the extension.
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { Lab } from './lab';
import { registerSerializers } from './panels/serializers';
import { readSettings } from './settings';
import { createStatusBar } from './statusBar';
import { StoreService } from './store/storeService';
import { registerSweepDiagnostics } from './sweepFiles/sweepDiagnostics';
import { SweepTreeProvider } from './tree/sweepTree';

export function activate(context: vscode.ExtensionContext): void {
  const store = new StoreService(readSettings().storeDir);
  const lab = new Lab(context, store);
  const tree = new SweepTreeProvider(store);
  context.subscriptions.push(
    store, tree,
    vscode.window.createTreeView('aelab.sweeps', { treeDataProvider: tree, canSelectMany: true, showCollapseAll: true }),
    ...registerCommands(lab),
    ...registerSerializers(store, () => lab.panelContext()),
    createStatusBar(store),
    registerSweepDiagnostics(),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('aelab.storeFolder') && store.setStoreDir(readSettings().storeDir)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void store.refresh()),
  );
  void store.refresh();
}

export function deactivate(): void {
  // Nothing to stop: controllers are detached on purpose and keep running (a window reload re-attaches).
}
