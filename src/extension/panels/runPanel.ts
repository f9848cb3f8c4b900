// The run panel: loss curves growing live, PSNR/SSIM, throughput, configuration, grid images, a failed run's log.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { storePaths, type RunRecord } from '../../shared/storeSchema';
import type { GridImage } from '../../shared/webviewMessages';
import { listGridImages } from '../store/mediaFiles';
import { readLogTail } from '../store/logTail';
import { MetricsCache } from '../store/metricsCache';
import type { StoreService } from '../store/storeService';
import { PanelBase, type PanelContext } from './panelBase';

export const RUN_VIEW_TYPE = 'aelab.run';

export class RunPanel extends PanelBase {
  private static readonly open = new Map<string, RunPanel>();
  private readonly metrics: MetricsCache;
  private lastSignature = '';

  static show(runId: string, store: StoreService, context: PanelContext): RunPanel {
    const existing = RunPanel.open.get(runId);
    if (existing && !existing.isDisposed) {
      existing.panel.reveal();
      return existing;
    }
    const run = store.current.runs.find((r) => r.id === runId);
    const panel = vscode.window.createWebviewPanel(RUN_VIEW_TYPE, `Run ${run?.name ?? runId}`, vscode.ViewColumn.Active, {});
    return new RunPanel(panel, runId, store, context);
  }

  /** Restores a panel after a window reload (the serializer hands back the old webview). */
  static restore(panel: vscode.WebviewPanel, runId: string, store: StoreService, context: PanelContext): RunPanel {
    return new RunPanel(panel, runId, store, context);
  }

  private constructor(panel: vscode.WebviewPanel, readonly runId: string, private readonly store: StoreService, context: PanelContext) {
    super(panel, context, 'run');
    this.metrics = new MetricsCache(context.storeDir);
    RunPanel.open.set(runId, this);
    this.disposables.push({ dispose: () => RunPanel.open.delete(runId) });
    this.disposables.push(store.onDidChange(() => void this.sendAppend()));
    this.watchMetricsSize();
  }

  /**
   * File events can be late or dropped (seen in code-server under load), and an appended metrics line does
   * not touch db.json: a cheap size check a few times a second keeps the curves live within half a second.
   */
  private watchMetricsSize(): void {
    const file = join(this.context.storeDir, storePaths.metrics(this.runId));
    let lastSize = -1;
    const timer = setInterval(() => {
      if (!this.isReady) return;
      void stat(file).then((s) => {
        if (lastSize !== -1 && s.size !== lastSize) void this.sendAppend();
        lastSize = s.size;
      }, () => undefined);
    }, 200);
    this.disposables.push({ dispose: () => clearInterval(timer) });
  }

  private get run(): RunRecord | undefined {
    return this.store.current.runs.find((r) => r.id === this.runId);
  }

  protected async sendState(): Promise<void> {
    const run = this.run;
    if (!run) return;
    await this.metrics.update(this.runId);
    const [images, logTail] = await Promise.all([this.images(), this.logTail(run)]);
    this.post({ type: 'runState', view: { run, lines: this.metrics.lines(this.runId), images, logTail } });
  }

  private async sendAppend(): Promise<void> {
    const run = this.run;
    if (!run || !this.isReady) return;
    const { added, reset } = await this.metrics.update(this.runId);
    if (reset) return this.sendState();
    const [images, logTail] = await Promise.all([this.images(), this.logTail(run)]);
    // Store changes of other runs (a sweep's siblings) leave this panel alone.
    const signature = JSON.stringify([run.status, run.epoch, run.summary, run.error, images.length, logTail.length]);
    if (added.length === 0 && signature === this.lastSignature) return;
    this.lastSignature = signature;
    this.post({ type: 'runAppend', run, lines: added, images, logTail });
  }

  private async images(): Promise<GridImage[]> {
    const files = await listGridImages(this.context.storeDir, this.runId);
    return files.map((file) => ({ epoch: file.epoch, uri: this.asWebviewUri(file.path) }));
  }

  private async logTail(run: RunRecord): Promise<string> {
    if (run.status !== 'failed' && run.status !== 'interrupted') return '';
    return readLogTail(join(this.context.storeDir, storePaths.log(this.runId)));
  }
}
