// Sweep file text → SweepSpec, or a SweepFileError listing every problem with its line, column and key path.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { SweepFileError, type SweepProblem } from './errors';
import { normalizeSpec } from './normalizeSpec';
import { joinPath, locate } from './positions';
import { schemaProblems } from './schemaCheck';
import type { SweepSpec } from './types';

/** YAML or JSON (JSON is YAML, so one parser gives positions for both). fileName resolves relative dataset folders. */
export function parseSweepText(text: string, fileName: string): SweepSpec {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new SweepFileError(fileName, doc.errors.map((e) => {
      const { line, col } = lines.linePos(e.pos[0]);
      const message = e.code === 'MULTIPLE_DOCS' ? 'a sweep file holds one YAML document; a second one starts here (---)' : e.message.split('\n')[0];
      return { path: '', line, column: col, message };
    }));
  }
  const data: unknown = doc.toJS();
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new SweepFileError(fileName, [{ path: '', line: 1, column: 1, message: 'a sweep file is a mapping of keys: method, parameters, metric, …' }]);
  }
  const { spec, problems: semantic } = normalizeSpec(data as Record<string, unknown>, fileName);
  const problems: SweepProblem[] = [...schemaProblems(data), ...semantic].map((p) => ({
    path: joinPath(p.path),
    ...locate(doc, lines, p.path, p.at),
    message: p.message,
  }));
  if (problems.length > 0) throw new SweepFileError(fileName, sortAndDedupe(problems));
  return spec;
}

export async function loadSweepFile(path: string): Promise<SweepSpec> {
  const absolute = resolve(path);
  const text = await readFile(absolute, 'utf8');
  return { ...parseSweepText(text, absolute), sourcePath: absolute };
}

function sortAndDedupe(problems: SweepProblem[]): SweepProblem[] {
  const seen = new Set<string>();
  return problems
    .filter((p) => {
      const key = `${p.path}|${p.message}`;
      return !seen.has(key) && Boolean(seen.add(key));
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}
