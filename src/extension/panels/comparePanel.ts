// Compare: the curves of selected runs overlaid, and a diff of their configurations.
import * as vscode from 'vscode';
import type { MetricLine } from '../../shared/storeSchema';
import { MetricsCache } from '../store/metricsCache';
import type { StoreService } from '../store/storeService';
import { PanelBase, type PanelContext } from './panelBase';

export const COMPARE_VIEW_TYPE = 'aelab.compare';

export class ComparePanel extends PanelBase {
  private readonly metrics: MetricsCache;

  static show(runIds: string[], store: StoreService, context: PanelContext): ComparePanel {
    const panel = vscode.window.createWebviewPanel(COMPARE_VIEW_TYPE, `Compare ${runIds.length} runs`, vscode.ViewColumn.Active, {});
    return new ComparePanel(panel, runIds, store, context);
  }

  static restore(panel: vscode.WebviewPanel, runIds: string[], store: StoreService, context: PanelContext): ComparePanel {
    return new ComparePanel(panel, runIds, store, context);
  }

  private constructor(panel: vscode.WebviewPanel, readonly runIds: string[], private readonly store: StoreService, context: PanelContext) {
    super(panel, context, 'compare');
    this.metrics = new MetricsCache(context.storeDir);
    this.disposables.push(store.onDidChange(() => void this.sendState()));
  }

  protected async sendState(): Promise<void> {
    if (!this.isReady) return;
    const runs = this.runIds.map((id) => this.store.current.runs.find((r) => r.id === id)).filter((r) => r !== undefined);
    await Promise.all(runs.map((run) => this.metrics.update(run.id)));
    const series: Record<string, MetricLine[]> = {};
    for (const run of runs) series[run.id] = this.metrics.epochLines(run.id);
    this.post({ type: 'compareState', runs, series });
  }
}
