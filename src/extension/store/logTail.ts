// The last lines of a run's output.log, shown under a failed run's error.
import { open } from 'node:fs/promises';

export async function readLogTail(file: string, maxBytes = 4096): Promise<string> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return '';
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, maxBytes);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const text = buffer.toString('utf8');
    // Drop a line cut in half by the byte window.
    return size > maxBytes ? text.slice(text.indexOf('\n') + 1) : text;
  } finally {
    await handle.close();
  }
}
