// Start Sweep, Start Run, Resume Sweep: each starts a detached controller through the CLI (it outlives a
// window reload; the extension re-attaches by watching the store).
import * as vscode from 'vscode';
import { startDetached } from '../cli/cliProcess';
import { guarded, type Lab } from '../lab';
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
  const pid = startDetached(lab.cli(), ['sweep', file.fsPath, '--store', storeDir, ...concurrencyArgs(), '--json'], lab.controllerLog('sweep'));
  void vscode.window.showInformationMessage(`Sweep ${vscode.workspace.asRelativePath(file)} started (controller pid ${pid}).`);
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
  const pid = startDetached(lab.cli(), args, lab.controllerLog('run'));
  void vscode.window.showInformationMessage(`Run of ${vscode.workspace.asRelativePath(file)} started (pid ${pid}).`);
  await vscode.commands.executeCommand('aelab.sweeps.focus');
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
  startDetached(lab.cli(), ['sweep', '--resume', sweep.id, '--store', storeDir, ...concurrencyArgs(), '--json'], lab.controllerLog('resume'));
  void vscode.window.showInformationMessage(`Resuming sweep ${sweep.name}.`);
}
