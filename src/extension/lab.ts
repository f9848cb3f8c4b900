// What the commands share: the store, the settings, how to run the CLI, and the panels' context.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { WebviewToExtension } from '../shared/webviewMessages';
import { cliTarget } from './cli/cliTarget';
import type { CliTarget } from './cli/cliProcess';
import type { PanelContext } from './panels/panelBase';
import { readSettings, type Settings } from './settings';
import type { StoreService } from './store/storeService';

export class Lab {
  constructor(readonly context: vscode.ExtensionContext, readonly store: StoreService) {}

  get settings(): Settings {
    return readSettings();
  }

  /** The store folder, or an error the user sees when no folder is open. */
  requireStoreDir(): string {
    const dir = this.store.storeDir;
    if (!dir) throw new Error('Open a folder first: the experiment store lives in the workspace (setting aelab.storeFolder).');
    return dir;
  }

  /** Starting anything runs code from the workspace's files: never in an untrusted workspace. */
  requireTrust(action: string): void {
    if (!vscode.workspace.isTrusted) throw new Error(`${action} is disabled in an untrusted workspace (runs stay visible). Trust the workspace to start training.`);
  }

  cli(): CliTarget {
    return cliTarget(this.context, this.settings);
  }

  /** A log file for a detached controller's stdout/stderr (the extension's log folder, not the store). */
  controllerLog(label: string): string {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    return path.join(this.context.logUri.fsPath, `${label}-${stamp}.log`);
  }

  panelContext(): PanelContext | undefined {
    const storeDir = this.store.storeDir;
    if (!storeDir) return undefined;
    return { extensionUri: this.context.extensionUri, storeDir, onRequest: (message) => void this.onWebviewRequest(message) };
  }

  private async onWebviewRequest(message: Exclude<WebviewToExtension, { type: 'ready' }>): Promise<void> {
    if (message.type === 'openRun') await vscode.commands.executeCommand('aelab.openRun', message.runId);
    else if (message.type === 'compareRuns') await vscode.commands.executeCommand('aelab.compareRuns', message.runIds);
    else if (message.type === 'stopRun') await vscode.commands.executeCommand('aelab.stopRun', message.runId);
  }
}

/** Wraps a command so a thrown error becomes an error notification instead of a silent failure. */
export function guarded<A extends unknown[]>(fn: (...args: A) => Promise<unknown> | unknown) {
  return async (...args: A): Promise<void> => {
    try {
      await fn(...args);
    } catch (error) {
      void vscode.window.showErrorMessage(`Autoencoder Lab: ${(error as Error).message}`);
    }
  };
}
