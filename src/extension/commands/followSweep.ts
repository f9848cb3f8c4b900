// After Start Sweep: a cancellable progress notification that follows the sweep through the store (cancel =
// `aelab stop`), and a clear error with the controller's last output if it exits with a failure.
import * as vscode from 'vscode';
import { readLogTail } from '../store/logTail';
import { findStartedSweep, sweepCounts } from '../store/sweepProgress';
import type { Lab } from '../lab';
import { runCli } from '../cli/cliProcess';

/** Shows the controller's failure (it ran detached, so its stderr went to `logFile`). */
export async function reportControllerExit(code: number | null, what: string, logFile: string): Promise<void> {
  if (code === 0 || code === null) return;
  const tail = (await readLogTail(logFile, 2000)).trim().split('\n').filter((l) => !l.startsWith('{')).slice(-4).join(' ');
  const open = await vscode.window.showErrorMessage(`Autoencoder Lab: ${what} failed (exit code ${code}): ${tail || 'no output'}`, 'Open Log');
  if (open) await vscode.window.showTextDocument(vscode.Uri.file(logFile));
}

export function followSweep(lab: Lab, specPath: string, startedAt: number, label: string): void {
  void vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Sweep ${label}`, cancellable: true },
    (progress, token) => new Promise<void>((resolve) => {
      let sweepId: string | undefined;
      let reported = 0;
      const subscription = lab.store.onDidChange((data) => {
        const sweep = sweepId ? data.sweeps.find((s) => s.id === sweepId) : findStartedSweep(data, specPath, startedAt);
        if (!sweep) return;
        sweepId = sweep.id;
        const { done, cap } = sweepCounts(data, sweep);
        const percent = Math.min(100, (100 * done) / cap);
        progress.report({ message: `${done}/${cap} runs`, increment: percent - reported });
        reported = percent;
        if (sweep.status !== 'running') finish();
      });
      // A controller that never records its sweep has failed (reportControllerExit says why).
      const giveUp = setTimeout(() => sweepId || finish(), 120_000);
      const finish = () => {
        clearTimeout(giveUp);
        subscription.dispose();
        resolve();
      };
      token.onCancellationRequested(() => {
        if (sweepId) void runCli(lab.cli(), ['stop', sweepId, '--store', lab.requireStoreDir()]);
        finish();
      });
    }),
  );
}
