// Checks on processes recorded in the store (controllers, trainers), made before signalling them.
import { readFileSync } from 'node:fs';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether `pid`'s command line mentions `marker` (a trainer is forked with `--run <id>`). Where /proc is
 * missing (not Linux) the answer is "alive", the best that can be known.
 */
export function processMentions(pid: number, marker: string): boolean {
  if (!isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(marker);
  } catch {
    return process.platform !== 'linux';
  }
}
