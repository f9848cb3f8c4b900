// runs/<id>/metrics.jsonl: one JSON object a line, appended as each point arrives.
import { closeSync, fstatSync, ftruncateSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { MetricLine } from '../shared/storeSchema';

export class MetricsWriter {
  private fd: number | undefined;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'a+');
    dropTornTail(this.fd);
  }

  /** Writes the line straight to the file (no user-space buffer), so a crash loses at most this line. */
  append(line: MetricLine): void {
    if (this.fd === undefined) throw new Error(`metrics file ${this.path} is closed`);
    writeSync(this.fd, `${JSON.stringify(line)}\n`);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** A writer killed mid-line left a partial line at the end: cut it so new lines start clean. */
function dropTornTail(fd: number): void {
  const size = fstatSync(fd).size;
  if (size === 0) return;
  const tail = Buffer.alloc(Math.min(size, 64 * 1024));
  readSync(fd, tail, 0, tail.length, size - tail.length);
  if (tail[tail.length - 1] === 0x0a) return;
  const lastNewline = tail.lastIndexOf(0x0a);
  // A torn line longer than 64 KiB is not a metrics line either; keep whole lines only.
  ftruncateSync(fd, lastNewline < 0 ? Math.max(0, size - tail.length) : size - tail.length + lastNewline + 1);
}

/**
 * Reads every line of a metrics file. A torn last line (the writer was killed mid-write) is dropped;
 * a bad line anywhere else is an error naming the file and line. A missing file has no lines.
 */
export function readMetrics(path: string): MetricLine[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const split = text.split('\n');
  const lines = split.at(-1) === '' ? split.slice(0, -1) : split;
  const result: MetricLine[] = [];
  lines.forEach((line, i) => {
    try {
      result.push(JSON.parse(line) as MetricLine);
    } catch (error) {
      if (i === lines.length - 1) return;
      throw new Error(`${path}:${i + 1}: not a metrics line (${(error as Error).message})`);
    }
  });
  return result;
}
