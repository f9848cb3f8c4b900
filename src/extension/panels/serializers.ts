// Restores open panels after a window reload: each webview keeps {runId | sweepId | runIds} in its state.
import * as vscode from 'vscode';
import type { StoreService } from '../store/storeService';
import { COMPARE_VIEW_TYPE, ComparePanel } from './comparePanel';
import type { PanelContext } from './panelBase';
import { RUN_VIEW_TYPE, RunPanel } from './runPanel';
import { SWEEP_VIEW_TYPE, SweepPanel } from './sweepPanel';

interface SavedState { runId?: unknown; sweepId?: unknown; runIds?: unknown }

const isId = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9_-]{1,100}$/.test(v);

export function registerSerializers(store: StoreService, panelContext: () => PanelContext | undefined): vscode.Disposable[] {
  const restore = (make: (panel: vscode.WebviewPanel, state: SavedState, context: PanelContext) => boolean) => ({
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
      await store.refresh();
      const context = panelContext();
      // Nothing valid to show (no store, or a state from elsewhere): close rather than show a blank panel.
      if (!context || typeof state !== 'object' || state === null || !make(panel, state as SavedState, context)) panel.dispose();
    },
  });
  return [
    vscode.window.registerWebviewPanelSerializer(RUN_VIEW_TYPE, restore((panel, s, c) => isId(s.runId) && !!RunPanel.restore(panel, s.runId, store, c))),
    vscode.window.registerWebviewPanelSerializer(SWEEP_VIEW_TYPE, restore((panel, s, c) => isId(s.sweepId) && !!SweepPanel.restore(panel, s.sweepId, store, c))),
    vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW_TYPE, restore((panel, s, c) =>
      Array.isArray(s.runIds) && s.runIds.every(isId) && !!ComparePanel.restore(panel, s.runIds, store, c))),
  ];
}
