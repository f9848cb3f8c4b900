// Error squiggles for YAML sweep files, from the same parser the CLI uses (JSON files also get the JSON
// Schema through contributes.jsonValidation).
import * as vscode from 'vscode';
import { parseSweepText, SweepFileError } from '../../sweep/spec';
import { looksLikeSweep } from './looksLikeSweep';

export function isSweepDocument(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'file' && looksLikeSweep(document.fileName, document.getText());
}

export function sweepDiagnostics(document: vscode.TextDocument): vscode.Diagnostic[] {
  try {
    parseSweepText(document.getText(), document.fileName);
    return [];
  } catch (error) {
    if (!(error instanceof SweepFileError)) {
      return [new vscode.Diagnostic(new vscode.Range(0, 0, 0, 1), (error as Error).message, vscode.DiagnosticSeverity.Error)];
    }
    return error.problems.map((problem) => {
      const line = Math.max(0, Math.min(problem.line - 1, document.lineCount - 1));
      const text = document.lineAt(line).text;
      const start = Math.max(0, Math.min(problem.column - 1, text.length));
      // Underline from the column to the end of the line's content (at least one character).
      const end = Math.max(start + 1, text.trimEnd().length);
      const diagnostic = new vscode.Diagnostic(new vscode.Range(line, start, line, end),
        problem.path ? `${problem.path}: ${problem.message}` : problem.message, vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'Autoencoder Lab';
      return diagnostic;
    });
  }
}

export function registerSweepDiagnostics(): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('aelab-sweep');
  const timers = new Map<string, NodeJS.Timeout>();
  const check = (document: vscode.TextDocument) => {
    if (!isSweepDocument(document)) return;
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => {
      timers.delete(key);
      collection.set(document.uri, sweepDiagnostics(document));
    }, 250));
  };
  vscode.workspace.textDocuments.forEach(check);
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((event) => check(event.document)),
    vscode.workspace.onDidCloseTextDocument((document) => collection.delete(document.uri)),
    { dispose: () => timers.forEach((timer) => clearTimeout(timer)) },
  );
}
