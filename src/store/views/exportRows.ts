// One flat row a run (parameters, status, summary metrics), for `aelab export` and the runs table.
import { stringify } from 'csv-stringify/sync';
import type { RunRecord } from '../../shared/storeSchema';

export type ExportRow = Record<string, string | number | boolean | null>;

/** Columns: run facts, then `param.<key>` for each parameter, then each summary metric, in first-seen order. */
export function exportRows(runs: RunRecord[]): ExportRow[] {
  return runs.map((run) => {
    const row: ExportRow = {
      run: run.id,
      name: run.name,
      status: run.status,
      epoch: run.epoch,
      best_epoch: run.bestEpoch ?? null,
      backend: run.backend ?? null,
      created_at: run.createdAt,
      ended_at: run.endedAt ?? null,
      error: run.error?.message ?? null,
    };
    for (const [key, value] of Object.entries(run.params)) row[`param.${key}`] = cell(value);
    for (const [key, value] of Object.entries(run.summary)) row[key] = value;
    return row;
  });
}

const cell = (value: unknown): string | number | boolean | null =>
  value === undefined || value === null ? null : typeof value === 'object' ? JSON.stringify(value) : (value as string | number | boolean);

export function columnsOf(rows: ExportRow[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key);
  return [...columns];
}

/** RFC 4180 CSV (csv-stringify quotes commas, quotes and newlines); an empty cell for a missing value. */
export function toCsv(rows: ExportRow[]): string {
  const columns = columnsOf(rows);
  return stringify(rows.map((row) => columns.map((c) => row[c] ?? '')), { header: true, columns, cast: { boolean: (b) => String(b) } });
}
