// Chooses the sweep file to start: the file the command was invoked on, one found in the workspace, or a new
// one copied from the extension's templates (examples/) into the workspace and opened for editing.
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { looksLikeSweep } from '../sweepFiles/looksLikeSweep';

const SWEEP_GLOB = '**/*.{yaml,yml,json}';
const EXCLUDE = '**/{node_modules,.aelab,.git,dist}/**';

type Choice = vscode.QuickPickItem & { uri?: vscode.Uri; template?: string };

export async function pickSweepFile(extensionPath: string, given?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (given instanceof vscode.Uri) return given;
  const found = await findSweepFiles();
  const templates = await listTemplates(extensionPath);
  const items: Choice[] = [
    ...found.sort((a, b) => a.fsPath.localeCompare(b.fsPath))
      .map((uri) => ({ label: vscode.workspace.asRelativePath(uri), description: 'sweep file', uri })),
    ...(templates.length > 0 ? [{ label: 'New from a template', kind: vscode.QuickPickItemKind.Separator }] : []),
    ...templates.map((name) => ({ label: `$(new-file) ${name}`, description: 'copy this template into the workspace and open it', template: name })),
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Pick a sweep file to start, or create one from a template' });
  if (!picked) return undefined;
  if (picked.uri) return picked.uri;
  if (picked.template) await createFromTemplate(extensionPath, picked.template);
  return undefined;
}

async function findSweepFiles(): Promise<vscode.Uri[]> {
  const files = await vscode.workspace.findFiles(SWEEP_GLOB, EXCLUDE, 500);
  const checks = await Promise.all(files.map(async (uri) => {
    try {
      return looksLikeSweep(uri.fsPath, (await readFile(uri.fsPath, 'utf8')).slice(0, 20000)) ? uri : undefined;
    } catch {
      return undefined;
    }
  }));
  return checks.filter((uri): uri is vscode.Uri => uri !== undefined);
}

async function listTemplates(extensionPath: string): Promise<string[]> {
  try {
    return (await readdir(path.join(extensionPath, 'examples'))).filter((name) => /\.(ya?ml|json)$/.test(name)).sort();
  } catch {
    return [];
  }
}

/** Copies a template into the workspace under a name not yet taken, and opens it. */
async function createFromTemplate(extensionPath: string, name: string): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) throw new Error('Open a folder first: the new sweep file is created in the workspace.');
  const { name: base, ext } = path.parse(name);
  let target = vscode.Uri.joinPath(folder, name);
  for (let i = 2; await exists(target); i++) target = vscode.Uri.joinPath(folder, `${base}-${i}${ext}`);
  await vscode.workspace.fs.copy(vscode.Uri.file(path.join(extensionPath, 'examples', name)), target);
  await vscode.window.showTextDocument(target);
  void vscode.window.showInformationMessage(`Created ${vscode.workspace.asRelativePath(target)}: edit it, then run "Autoencoder Lab: Start Sweep".`);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
