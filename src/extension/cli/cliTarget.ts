// Where the CLI is and how to run it, from the settings and the extension's own folder.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Settings } from '../settings';
import type { CliTarget } from './cliProcess';

export function cliTarget(context: vscode.ExtensionContext, settings: Settings): CliTarget {
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? context.extensionPath;
  const env: Record<string, string> = { AELAB_BACKEND: settings.backend, AELAB_CONCURRENCY: String(settings.concurrency) };
  if (settings.nodeExecutable) env.AELAB_NODE = settings.nodeExecutable;
  return { node: settings.nodeExecutable || process.execPath, cli: path.join(context.extensionPath, 'dist', 'cli.js'), cwd, env };
}
