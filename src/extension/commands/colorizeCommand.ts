// Colorize Image: explorer context menu on png/jpg/jpeg/webp → `aelab colorize` in a child process (cancellable
// progress notification), never overwriting without asking, then original / grey / result side by side.
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunRecord } from '../../shared/storeSchema';
import { lastJsonLine, runCli } from '../cli/cliProcess';
import { guarded, type Lab } from '../lab';
import { formatMetric } from '../tree/treeModel';
import { COLORIZABLE, colorizedPath, greyPath, rankColorizers } from './colorizeModel';

export function registerColorizeCommand(lab: Lab): vscode.Disposable {
  return vscode.commands.registerCommand('aelab.colorizeImage', guarded((uri?: vscode.Uri) => colorize(lab, uri)));
}

async function colorize(lab: Lab, given?: vscode.Uri): Promise<void> {
  lab.requireTrust('Colorizing');
  const storeDir = lab.requireStoreDir();
  const image = given instanceof vscode.Uri ? given : vscode.window.activeTextEditor?.document.uri ?? (await pickImage());
  if (!image) return;
  if (!COLORIZABLE.test(image.fsPath)) throw new Error(`${path.basename(image.fsPath)}: not a PNG, JPEG or WebP image`);
  const run = await pickColorizer(lab);
  if (!run) return;
  const out = await outputPath(image.fsPath);
  if (!out) return;
  const greyDir = path.join(tmpdir(), 'aelab-colorize');
  mkdirSync(greyDir, { recursive: true });
  // --force: the user already agreed to overwrite (outputPath asked); the grey copy is ours to replace.
  const args = ['colorize', image.fsPath, '--run', run.id, '--out', out, '--grey-out', greyPath(image.fsPath, greyDir), '--force', '--store', storeDir, '--json'];
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Colorizing ${path.basename(image.fsPath)} with ${run.name}`, cancellable: true },
    (_progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return runCli(lab.cli(), args, abort.signal);
    },
  );
  if (result.code === null) return; // cancelled
  if (result.code !== 0) {
    throw new Error(`colorizing ${path.basename(image.fsPath)} failed: ${result.stderr.trim().split('\n').slice(-2).join(' ') || `exit code ${result.code}`}`);
  }
  await showSideBySide(image, lastJsonLine(result.stdout), out);
}

async function pickImage(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { Images: ['png', 'jpg', 'jpeg', 'webp'] } });
  return picked?.[0];
}

async function pickColorizer(lab: Lab): Promise<RunRecord | undefined> {
  const ranked = rankColorizers(lab.store.current.runs);
  if (ranked.length === 1) return ranked[0];
  if (ranked.length === 0) {
    const train = await vscode.window.showWarningMessage('No trained colorizer in the store yet. Train one (a colorize sweep)?', 'Train a Colorizer');
    if (train) await vscode.commands.executeCommand('aelab.startSweep');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    ranked.map((run, i) => ({
      label: `${i === 0 ? '$(star-full) ' : ''}${run.name}`, run,
      description: `val_loss ${formatMetric(run.summary?.val_loss)} · test_mse ${formatMetric(run.summary?.test_mse)}`,
      detail: Object.entries(run.params ?? {}).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ') || run.id,
    })),
    { placeHolder: 'Several colorizers: pick one (the best by validation loss is first)' },
  );
  return picked?.run;
}

/** The default output, or — when it exists — overwrite / another name / cancel. */
async function outputPath(image: string): Promise<string | undefined> {
  const out = colorizedPath(image);
  if (!existsSync(out)) return out;
  const answer = await vscode.window.showWarningMessage(`${path.basename(out)} already exists.`, { modal: true }, 'Overwrite', 'Save As…');
  if (answer === 'Overwrite') return out;
  if (answer !== 'Save As…') return undefined;
  const chosen = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(out), filters: { PNG: ['png'] } });
  return chosen?.fsPath;
}

async function showSideBySide(image: vscode.Uri, json: Record<string, unknown> | undefined, out: string): Promise<void> {
  const grey = typeof json?.greyOutPath === 'string' && existsSync(json.greyOutPath) ? json.greyOutPath : undefined;
  const result = typeof json?.outPath === 'string' ? json.outPath : out;
  const views = [image, ...(grey ? [vscode.Uri.file(grey)] : []), vscode.Uri.file(result)];
  for (const [i, uri] of views.entries()) {
    await vscode.commands.executeCommand('vscode.open', uri, { viewColumn: i + 1, preview: false });
  }
}
