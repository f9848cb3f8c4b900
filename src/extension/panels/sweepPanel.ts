// The sweep panel: runs table, parallel coordinates, parameter importance, metric vs time, progress.
import * as vscode from 'vscode';
import type { MetricLine } from '../../shared/storeSchema';
import { MetricsCache } from '../store/metricsCache';
import type { StoreService } from '../store/storeService';
import { PanelBase, type PanelContext } from './panelBase';

export const SWEEP_VIEW_TYPE = 'aelab.sweep';

export class SweepPanel extends PanelBase {
  private static readonly open = new Map<string, SweepPanel>();
  private readonly metrics: MetricsCache;

  static show(sweepId: string, store: StoreService, context: PanelContext): SweepPanel {
    const existing = SweepPanel.open.get(sweepId);
    if (existing && !existing.isDisposed) {
      existing.panel.reveal();
      return existing;
    }
    const sweep = store.current.sweeps.find((s) => s.id === sweepId);
    const panel = vscode.window.createWebviewPanel(SWEEP_VIEW_TYPE, `Sweep ${sweep?.name ?? sweepId}`, vscode.ViewColumn.Active, {});
    return new SweepPanel(panel, sweepId, store, context);
  }

  static restore(panel: vscode.WebviewPanel, sweepId: string, store: StoreService, context: PanelContext): SweepPanel {
    return new SweepPanel(panel, sweepId, store, context);
  }

  private constructor(panel: vscode.WebviewPanel, readonly sweepId: string, private readonly store: StoreService, context: PanelContext) {
    super(panel, context, 'sweep');
    this.metrics = new MetricsCache(context.storeDir);
    SweepPanel.open.set(sweepId, this);
    this.disposables.push({ dispose: () => SweepPanel.open.delete(sweepId) });
    this.disposables.push(store.onDidChange(() => void this.sendState()));
  }

  protected async sendState(): Promise<void> {
    const sweep = this.store.current.sweeps.find((s) => s.id === this.sweepId);
    if (!sweep || !this.isReady) return;
    const runs = this.store.current.runs.filter((r) => r.sweepId === this.sweepId);
    await Promise.all(runs.map((run) => this.metrics.update(run.id)));
    const series: Record<string, MetricLine[]> = {};
    for (const run of runs) series[run.id] = this.metrics.epochLines(run.id);
    this.post({ type: 'sweepState', sweep, runs, series });
  }
}
