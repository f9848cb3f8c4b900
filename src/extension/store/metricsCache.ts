// Every run's metric lines read so far, with the byte offset reached, shared by the open panels so a change
// to the store costs one incremental read per run shown.
import { join } from 'node:path';
import type { MetricLine } from '../../shared/storeSchema';
import { storePaths } from '../../shared/storeSchema';
import { readMetricsFrom } from './metricsFile';

interface Entry { offset: number; lines: MetricLine[] }

export class MetricsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<void>>();

  constructor(private readonly storeDir: string) {}

  /** All lines of a run known so far (after the last update). */
  lines(runId: string): MetricLine[] {
    return this.entries.get(runId)?.lines ?? [];
  }

  /** Reads what was appended since the last update; returns only the new lines (all lines if the file was rewritten). */
  update(runId: string): Promise<{ added: MetricLine[]; reset: boolean }> {
    // Store changes arrive in bursts: two reads from the same offset would add the same lines twice, so the
    // reads of one run are queued one after another.
    const next = (this.pending.get(runId) ?? Promise.resolve()).then(() => this.readAppended(runId));
    const settled = next.then(() => undefined, () => undefined);
    this.pending.set(runId, settled);
    void settled.then(() => this.pending.get(runId) === settled && this.pending.delete(runId));
    return next;
  }

  private async readAppended(runId: string): Promise<{ added: MetricLine[]; reset: boolean }> {
    const entry = this.entries.get(runId) ?? { offset: 0, lines: [] };
    const chunk = await readMetricsFrom(join(this.storeDir, storePaths.metrics(runId)), entry.offset);
    const lines = chunk.restarted ? chunk.lines : entry.lines.concat(chunk.lines);
    this.entries.set(runId, { offset: chunk.offset, lines });
    return { added: chunk.lines, reset: chunk.restarted };
  }

  /** Epoch lines only (what sweep and compare views plot). */
  epochLines(runId: string): MetricLine[] {
    return this.lines(runId).filter((line) => line.kind === 'epoch');
  }
}
