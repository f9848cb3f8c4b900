// The extension's settings (contributes.configuration in package.json), read in one place.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_STORE_DIR } from '../shared/storeSchema';

export interface Settings {
  /** Absolute store folder, or undefined when no folder is open. */
  storeDir: string | undefined;
  concurrency: number;
  backend: string;
  /** Node executable for the CLI and trainers; empty = the editor's own runtime. */
  nodeExecutable: string;
}

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration('aelab');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const storeSetting = config.get<string>('storeFolder', DEFAULT_STORE_DIR) || DEFAULT_STORE_DIR;
  return {
    storeDir: path.isAbsolute(storeSetting) ? storeSetting : folder && path.join(folder, storeSetting),
    concurrency: config.get<number>('defaultConcurrency', 2),
    backend: config.get<string>('preferredBackend', 'auto'),
    nodeExecutable: config.get<string>('nodeExecutable', ''),
  };
}
