// Reads runs/<id>/metrics.jsonl incrementally: a panel keeps the byte offset it has read up to and asks only
// for what was appended since, so a live run with 100,000 lines costs one small read per change.
import { open } from 'node:fs/promises';
import type { MetricLine } from '../../shared/storeSchema';

/** `restarted`: the file was shorter than the offset (rewritten), so `lines` are read from its start. */
export interface MetricsChunk { lines: MetricLine[]; offset: number; restarted: boolean }

/** Complete lines from `offset` on; a partly written last line is left for the next read. */
export async function readMetricsFrom(file: string, offset: number): Promise<MetricsChunk> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], offset, restarted: false };
    throw error;
  }
  try {
    const { size } = await handle.stat();
    // A file shorter than the offset was rewritten (e.g. by store repair): read it again from the start.
    const restarted = size < offset;
    const start = restarted ? 0 : offset;
    if (size === start) return { lines: [], offset: start, restarted };
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    const lastNewline = buffer.lastIndexOf(0x0a);
    if (lastNewline < 0) return { lines: [], offset: start, restarted };
    return { lines: parseMetricLines(buffer.subarray(0, lastNewline).toString('utf8')), offset: start + lastNewline + 1, restarted };
  } finally {
    await handle.close();
  }
}

/** Parses JSONL text; lines that are not metric lines (torn by a crash) are skipped rather than fatal. */
export function parseMetricLines(text: string): MetricLine[] {
  const lines: MetricLine[] = [];
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') continue;
    try {
      const line = JSON.parse(raw) as MetricLine;
      if (typeof line?.epoch === 'number' && typeof line.values === 'object' && line.values !== null) lines.push(line);
    } catch {
      // a torn line: keep the rest
    }
  }
  return lines;
}
