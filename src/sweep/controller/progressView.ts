// How `aelab sweep` shows progress: a live table in a terminal (log-update redraws it in place), one plain
// line per event when output is piped, or one JSON object a line with --json.
import logUpdate from 'log-update';
import Table from 'cli-table3';
import { formatNumber } from '../../store/views';
import type { SweepEvent } from './types';

export interface SweepProgressView {
  event(event: SweepEvent): void;
  close(): void;
}

export function createProgressView(mode: 'json' | 'table' | 'lines', out: NodeJS.WritableStream = process.stdout): SweepProgressView {
  if (mode === 'json') return { event: (e) => out.write(`${JSON.stringify(e)}\n`), close: () => undefined };
  if (mode === 'lines') return { event: (e) => out.write(`${describeEvent(e)}\n`), close: () => undefined };
  return new LiveTable();
}

interface RowState { name: string; status: string; epoch: number; value?: number; params: string }

class LiveTable implements SweepProgressView {
  private readonly rows = new Map<string, RowState>();
  private header = '';
  private metric = 'metric';
  private best?: { runId: string; value: number };

  event(e: SweepEvent): void {
    if (e.type === 'sweep-started') {
      this.metric = e.metric.name;
      this.header = `sweep ${e.sweepId} "${e.name}" (${e.method}, ${e.metric.goal} ${e.metric.name}, seed ${e.seed}, ${e.concurrency} at once)`;
    } else if (e.type === 'run-started') {
      this.rows.set(e.runId, { name: e.name, status: 'running', epoch: 0, params: formatParams(e.params) });
    } else if (e.type === 'run-epoch') {
      const row = this.rows.get(e.runId);
      if (row) Object.assign(row, { epoch: e.epoch, ...(e.value !== undefined ? { value: e.value } : {}) });
    } else if (e.type === 'run-pruned' || e.type === 'run-ended') {
      const row = this.rows.get(e.runId);
      if (row) row.status = e.type === 'run-pruned' ? 'pruning' : e.status;
    } else if (e.type === 'best') {
      this.best = { runId: e.runId, value: e.value };
    }
    if (e.type === 'sweep-ended') {
      logUpdate(this.render());
      logUpdate.done();
      process.stdout.write(`${describeEvent(e)}\n`);
    } else {
      logUpdate(this.render());
    }
  }

  close(): void {
    logUpdate.done();
  }

  private render(): string {
    const table = new Table({ head: ['run', 'status', 'epoch', this.metric, 'params'], style: { head: [], border: [], compact: true } });
    // Only what fits the terminal (log-update cuts from the top otherwise): the latest runs, a count of the rest.
    const fit = Math.max(3, (process.stdout.rows || 24) - 8);
    const entries = [...this.rows];
    for (const [id, row] of entries.slice(-fit)) table.push([`${row.name} ${id}`, row.status, String(row.epoch), formatNumber(row.value), row.params]);
    const hidden = entries.length > fit ? `\n… and ${entries.length - fit} earlier run(s) (aelab runs --sweep ID lists them all)` : '';
    const best = this.best ? `best so far: ${formatNumber(this.best.value)} (run ${this.best.runId})` : 'best so far: —';
    return `${this.header}\n${table.toString()}${hidden}\n${best}`;
  }
}

const formatParams = (params: Record<string, unknown>) =>
  Object.entries(params).map(([k, v]) => `${k}=${typeof v === 'number' ? formatNumber(v) : JSON.stringify(v)}`).join(' ');

/** One line for an event, for logs and piped output. */
export function describeEvent(e: SweepEvent): string {
  switch (e.type) {
    case 'sweep-started':
      return `sweep ${e.sweepId} ${e.resumed ? 'resumed' : 'started'}: "${e.name}", ${e.method}, ${e.metric.goal} ${e.metric.name}, seed ${e.seed}, concurrency ${e.concurrency}`;
    case 'run-interrupted':
      return `run ${e.runId} was interrupted; it will run again`;
    case 'run-started':
      return `run ${e.runId} (${e.name}) started: ${formatParams(e.params)}${e.requeuedFrom ? ` (re-queued from ${e.requeuedFrom})` : ''}`;
    case 'run-epoch':
      return `run ${e.runId} epoch ${e.epoch}${e.value !== undefined ? `: ${formatNumber(e.value)}` : ''}`;
    case 'run-pruned':
      return `run ${e.runId} pruned at epoch ${e.epoch} (${formatNumber(e.value)})`;
    case 'run-ended':
      return `run ${e.runId} ${e.status} after ${e.epochs} epoch(s)${e.value !== undefined ? `: ${formatNumber(e.value)}` : ''}${e.error ? `: ${e.error}` : ''}`;
    case 'best':
      return `best so far: ${formatNumber(e.value)} (run ${e.runId})`;
    case 'sweep-ended':
      return `sweep ${e.sweepId} ${e.status} (${e.reason.replace('_', ' ')}), ${e.runs} run(s)${e.bestRunId ? `, best run ${e.bestRunId}: ${formatNumber(e.bestValue)}` : ''}`;
  }
}
