// Watches the store folder and keeps the latest db.json in memory; everything that shows the store listens to
// onDidChange. Changes are coalesced (a sweep writes several files per epoch) but delivered within ~150 ms.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { StoreData } from '../../shared/storeSchema';
import { EMPTY_STORE, readStore } from './readStore';

const COALESCE_MS = 120;

/** The context keys the package.json `when` clauses use. */
function setStoreContexts(data: StoreData): void {
  const set = (key: string, value: boolean) => void vscode.commands.executeCommand('setContext', key, value);
  set('aelab.activated', true);
  set('aelab.storeEmpty', data.runs.length === 0 && data.sweeps.length === 0);
  set('aelab.sweepRunning', data.sweeps.some((s) => s.status === 'running'));
  set('aelab.runRunning', data.runs.some((r) => r.status === 'running' || r.status === 'queued'));
  set('aelab.sweepResumable', data.sweeps.some((s) => s.status === 'interrupted' || s.status === 'stopped' || s.status === 'failed'));
}

export class StoreService implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<StoreData>();
  readonly onDidChange = this.emitter.event;
  private data: StoreData = EMPTY_STORE;
  private watcher: vscode.FileSystemWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private poll: NodeJS.Timeout | undefined;
  private lastError = '';

  constructor(public storeDir: string | undefined) {
    this.watch();
  }

  get current(): StoreData {
    return this.data;
  }

  /** Points the service at another store folder (the setting changed). */
  setStoreDir(storeDir: string | undefined): void {
    this.storeDir = storeDir;
    this.watch();
    this.scheduleRefresh();
  }

  async refresh(): Promise<StoreData> {
    if (!this.storeDir) return this.data;
    try {
      this.data = await readStore(this.storeDir);
      this.lastError = '';
    } catch (error) {
      // Report a broken store once, not on every file event; keep showing the last good data.
      const message = (error as Error).message;
      if (message !== this.lastError) void vscode.window.showErrorMessage(`Autoencoder Lab: ${message}`);
      this.lastError = message;
    }
    setStoreContexts(this.data);
    this.emitter.fire(this.data);
    return this.data;
  }

  scheduleRefresh(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, COALESCE_MS);
  }

  private watch(): void {
    this.watcher?.dispose();
    clearInterval(this.poll);
    if (!this.storeDir) return;
    this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(this.storeDir), '**/*'));
    this.watcher.onDidCreate(() => this.scheduleRefresh());
    this.watcher.onDidChange(() => this.scheduleRefresh());
    this.watcher.onDidDelete(() => this.scheduleRefresh());
    // File events can be dropped (store outside the workspace, network drives): while something runs, also
    // look once a second.
    // Otherwise a cheap check of db.json's size and time catches a dropped event for a change of the index.
    this.poll = setInterval(() => {
      if (this.data.runs.some((r) => r.status === 'running' || r.status === 'queued')) return this.scheduleRefresh();
      void this.indexChanged().then((changed) => changed && this.scheduleRefresh());
    }, 1000);
  }

  private lastIndexStamp = '';

  private async indexChanged(): Promise<boolean> {
    if (!this.storeDir) return false;
    const stamp = await stat(join(this.storeDir, 'db.json')).then((s) => `${s.size}:${s.mtimeMs}`, () => 'absent');
    const changed = this.lastIndexStamp !== '' && stamp !== this.lastIndexStamp;
    this.lastIndexStamp = stamp;
    return changed;
  }

  dispose(): void {
    this.watcher?.dispose();
    clearTimeout(this.timer);
    clearInterval(this.poll);
    this.emitter.dispose();
  }
}
