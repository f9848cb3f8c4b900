// The journeys through VS Code's API, inside desktop VS Code (the code-server journeys drive the UI instead).
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

const folder = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
const db = () => JSON.parse(readFileSync(join(folder(), '.aelab', 'db.json'), 'utf8')) as { runs: { id: string; status: string }[] };
const tabLabels = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 180_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = probe();
      if (value) return value;
    } catch { /* not there yet */ }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('Autoencoder Lab in desktop VS Code', () => {
  it('runs a sweep, opens a run, compares, colorizes and underlines a broken sweep file', async () => {
    await vscode.commands.executeCommand('aelab.startSweep', vscode.Uri.file(join(folder(), 'e2e-sweep.yaml')));
    const runs = await until('finished runs', () => (db().runs.length === 1 && db().runs.every((r) => r.status === 'finished') ? db().runs : undefined));
    await vscode.commands.executeCommand('aelab.openRun', runs[0].id);
    await until('the run panel', () => tabLabels().find((l) => l.startsWith('Run ')));
    await vscode.commands.executeCommand('aelab.compareRuns', [runs[0].id, runs[0].id]);
    await until('the compare panel', () => tabLabels().find((l) => l.startsWith('Compare ')));
    await vscode.commands.executeCommand('aelab.colorizeImage', vscode.Uri.file(join(folder(), 'photo.jpg')));
    assert.ok(existsSync(join(folder(), 'photo.colorized.png')));
    const bad = await vscode.workspace.openTextDocument(join(folder(), 'bad-sweep.yaml'));
    await vscode.window.showTextDocument(bad);
    const diagnostics = await until('diagnostics', () => {
      const found = vscode.languages.getDiagnostics(bad.uri);
      return found.length > 0 ? found : undefined;
    }, 10_000);
    assert.equal(diagnostics[0].range.start.line, 3);
  });
});
