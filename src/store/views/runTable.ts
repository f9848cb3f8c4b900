// Plain-text tables of runs and sweeps for the terminal (cli-table3, no colours so output pipes cleanly).
import Table from 'cli-table3';
import type { RunRecord, SweepRecord } from '../../shared/storeSchema';

export function formatNumber(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  if (Number.isInteger(value) && Math.abs(value) < 1e6) return String(value);
  return Math.abs(value) >= 1e4 || (Math.abs(value) < 1e-3 && value !== 0) ? value.toExponential(3) : value.toPrecision(4);
}

const plainTable = (head: string[]) => new Table({ head, style: { head: [], border: [], compact: true } });

/** One line a run: id, name, status, epoch, the chosen metric (default val_loss), params. */
export function runTable(runs: RunRecord[], metric = 'val_loss'): string {
  const table = plainTable(['run', 'name', 'status', 'epoch', metric, 'params']);
  for (const run of runs) {
    const params = Object.entries(run.params).map(([k, v]) => `${k}=${typeof v === 'number' ? formatNumber(v) : JSON.stringify(v)}`).join(' ');
    table.push([run.id, run.name, run.status, String(run.epoch), formatNumber(run.summary[metric]), params]);
  }
  return table.toString();
}

export function sweepTable(sweeps: SweepRecord[], runs: RunRecord[]): string {
  const table = plainTable(['sweep', 'name', 'status', 'metric', 'runs', 'best run', 'created']);
  for (const sweep of sweeps) {
    const mine = runs.filter((r) => r.sweepId === sweep.id);
    table.push([sweep.id, sweep.name, sweep.status, `${sweep.metric.name} (${sweep.metric.goal})`, String(mine.length), sweep.bestRunId ?? '', sweep.createdAt]);
  }
  return table.toString();
}
