// Stop Run / Stop Sweep: `aelab stop ID` asks the owning controller to stop (it keeps what was written).
import * as vscode from 'vscode';
import { guarded, type Lab } from '../lab';
import { pickRun, pickSweep, type Target } from './pickers';
import { runCliOrThrow } from './runCliCommand';

export function registerStopCommands(lab: Lab): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('aelab.stopRun', guarded(async (target?: Target) => {
      const run = await pickRun(lab.store, target, ['running', 'queued']);
      if (!run) return;
      await runCliOrThrow(lab, ['stop', run.id, '--store', lab.requireStoreDir()], `Stop run ${run.name}`);
    })),
    vscode.commands.registerCommand('aelab.stopSweep', guarded(async (target?: Target) => {
      const sweep = await pickSweep(lab.store, target, ['running']);
      if (!sweep) return;
      await runCliOrThrow(lab, ['stop', sweep.id, '--store', lab.requireStoreDir()], `Stop sweep ${sweep.name}`);
    })),
  ];
}
