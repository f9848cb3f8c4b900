// Start Sweep, Start Run, Resume Sweep: each starts a detached controller through the CLI (it outlives a
// window reload; the extension re-attaches by watching the store).
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { formatProblem, parseSweepText, SweepFileError } from '../../sweep/spec';
import { startDetached } from '../cli/cliProcess';
import { guarded, type Lab } from '../lab';
import { followSweep, reportControllerExit } from './followSweep';
import { pickSweep, type Target } from './pickers';
import { pickSweepFile } from './sweepFilePick';

export function registerStartCommands(lab: Lab): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('aelab.startSweep', guarded((uri?: vscode.Uri) => startSweep(lab, uri))),
    vscode.commands.registerCommand('aelab.startRun', guarded((uri?: vscode.Uri) => startRun(lab, uri))),
    vscode.commands.registerCommand('aelab.resumeSweep', guarded((target?: Target) => resumeSweep(lab, target))),
  ];
}

async function startSweep(lab: Lab, given?: vscode.Uri): Promise<void> {
  lab.requireTrust('Starting a sweep');
  const storeDir = lab.requireStoreDir();
  const file = await pickSweepFile(lab.context.extensionPath, given);
  if (!file) return;
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
  if (document?.isDirty) await document.save();
  checkSweepFile(file.fsPath, await readFile(file.fsPath, 'utf8'));
  const log = lab.controllerLog('sweep');
  const label = vscode.workspace.asRelativePath(file);
  const startedAt = Date.now();
  startDetached(lab.cli(), ['sweep', file.fsPath, '--store', storeDir, ...concurrencyArgs(), '--json'], log,
    (code) => void reportControllerExit(code, `Sweep ${label}`, log));
  followSweep(lab, file.fsPath, startedAt, label);
  await vscode.commands.executeCommand('aelab.sweeps.focus');
}

async function startRun(lab: Lab, given?: vscode.Uri): Promise<void> {
  lab.requireTrust('Starting a run');
  const storeDir = lab.requireStoreDir();
  let file = given instanceof vscode.Uri ? given : undefined;
  if (!file) {
    const picked = await vscode.window.showOpenDialog({
      title: 'Run configuration (JSON or YAML)', canSelectMany: false, filters: { 'Run configuration': ['json', 'yaml', 'yml'] },
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    });
    file = picked?.[0];
  }
  if (!file) return;
  const backend = lab.settings.backend;
  const args = ['train', '--config', file.fsPath, '--store', storeDir, ...(backend !== 'auto' ? ['--set', `backend=${backend}`] : []), '--json'];
  const log = lab.controllerLog('run');
  const label = vscode.workspace.asRelativePath(file);
  startDetached(lab.cli(), args, log, (code) => void reportControllerExit(code, `Run of ${label}`, log));
  void vscode.window.showInformationMessage(`Run of ${label} started.`);
  await vscode.commands.executeCommand('aelab.sweeps.focus');
}

/** The same check the CLI makes, before starting anything: every problem with its line, in one message. */
function checkSweepFile(fileName: string, text: string): void {
  try {
    parseSweepText(text, fileName);
  } catch (error) {
    if (!(error instanceof SweepFileError)) throw error;
    throw new Error(`${vscode.workspace.asRelativePath(fileName)} is not a valid sweep file: ${error.problems.map(formatProblem).join('; ')}`);
  }
}

/** --concurrency only when the user set aelab.defaultConcurrency; otherwise the sweep file (or the CLI) decides. */
function concurrencyArgs(): string[] {
  const inspected = vscode.workspace.getConfiguration('aelab').inspect<number>('defaultConcurrency');
  const value = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
  return typeof value === 'number' ? ['--concurrency', String(value)] : [];
}

async function resumeSweep(lab: Lab, target?: Target): Promise<void> {
  lab.requireTrust('Resuming a sweep');
  const storeDir = lab.requireStoreDir();
  const sweep = await pickSweep(lab.store, target, ['interrupted', 'stopped', 'failed']);
  if (!sweep) return;
  const log = lab.controllerLog('resume');
  startDetached(lab.cli(), ['sweep', '--resume', sweep.id, '--store', storeDir, ...concurrencyArgs(), '--json'], log,
    (code) => void reportControllerExit(code, `Resuming ${sweep.name}`, log));
  void vscode.window.showInformationMessage(`Resuming sweep ${sweep.name}.`);
}
