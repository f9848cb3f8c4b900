// Runs a short CLI command (stop, export, repair, delete) to completion and reports its failure clearly.
import * as vscode from 'vscode';
import { runCli } from '../cli/cliProcess';
import type { Lab } from '../lab';

export async function runCliOrThrow(lab: Lab, args: string[], title: string): Promise<string> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `Autoencoder Lab: ${title}` },
    () => runCli(lab.cli(), args),
  );
  if (result.code !== 0) {
    const reason = result.stderr.trim().split('\n').slice(-3).join(' ') || `exit code ${result.code}`;
    throw new Error(`${title} failed: ${reason}`);
  }
  await lab.store.refresh();
  return result.stdout;
}
