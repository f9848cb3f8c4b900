// Export Sweep, Repair Store, Reveal Run Folder, Delete Run.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { storePaths } from '../../shared/storeSchema';
import { guarded, type Lab } from '../lab';
import { pickRun, pickSweep, type Target } from './pickers';
import { runCliOrThrow } from './runCliCommand';

export function registerStoreCommands(lab: Lab): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('aelab.exportSweep', guarded((target?: Target) => exportSweep(lab, target))),
    vscode.commands.registerCommand('aelab.repairStore', guarded(async () => {
      lab.requireTrust('Repairing the store');
      const out = await runCliOrThrow(lab, ['store', 'repair', '--store', lab.requireStoreDir()], 'Repair store');
      void vscode.window.showInformationMessage(`Store repaired. ${out.trim().split('\n').slice(-1)[0] ?? ''}`);
    })),
    vscode.commands.registerCommand('aelab.revealRunFolder', guarded(async (target?: Target) => {
      const run = await pickRun(lab.store, target);
      if (!run) return;
      const folder = vscode.Uri.file(path.join(lab.requireStoreDir(), storePaths.runDir(run.id)));
      const inWorkspace = vscode.workspace.getWorkspaceFolder(folder) !== undefined;
      await vscode.commands.executeCommand(inWorkspace ? 'revealInExplorer' : 'revealFileInOS', folder);
    })),
    vscode.commands.registerCommand('aelab.deleteRun', guarded((target?: Target) => deleteRun(lab, target))),
    vscode.commands.registerCommand('aelab.refresh', () => lab.store.refresh()),
  ];
}

async function exportSweep(lab: Lab, target?: Target): Promise<void> {
  const sweep = await pickSweep(lab.store, target);
  if (!sweep) return;
  const format = await vscode.window.showQuickPick(['CSV', 'JSON'], { placeHolder: `Export ${sweep.name} as` });
  if (!format) return;
  const ext = format.toLowerCase();
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const out = await vscode.window.showSaveDialog({
    defaultUri: folder && vscode.Uri.joinPath(folder, `${sweep.name}.${ext}`), filters: { [format]: [ext] },
  });
  if (!out) return;
  await runCliOrThrow(lab, ['export', sweep.id, `--${ext}`, '--out', out.fsPath, '--store', lab.requireStoreDir()], `Export ${sweep.name}`);
  const open = await vscode.window.showInformationMessage(`Exported ${sweep.name} to ${vscode.workspace.asRelativePath(out)}.`, 'Open');
  if (open) await vscode.window.showTextDocument(out);
}

async function deleteRun(lab: Lab, target?: Target): Promise<void> {
  lab.requireTrust('Deleting a run');
  const run = await pickRun(lab.store, target);
  if (!run) return;
  if (run.status === 'running' || run.status === 'queued') throw new Error(`run ${run.name} is ${run.status}: stop it before deleting it`);
  const answer = await vscode.window.showWarningMessage(
    `Delete run ${run.name}? Its metrics, images and checkpoints are removed from the store.`, { modal: true }, 'Delete',
  );
  if (answer !== 'Delete') return;
  // The store's own API: it takes the store's inter-process lock around the change.
  const { ExperimentStore } = await import('../../store');
  const store = await ExperimentStore.open(lab.requireStoreDir());
  await store.deleteRun(run.id);
  await lab.store.refresh();
}
