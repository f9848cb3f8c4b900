import type { LoadOptions, LoadProgress } from './types';

const MIN_INTERVAL_MS = 200;

/** Reports progress of one phase at most every 200 ms (and always at the start and the end). */
export function progressReporter(phase: LoadProgress['phase'], total: number, options: LoadOptions): (done: number) => void {
  let last = -Infinity;
  return (done) => {
    if (!options.onProgress) return;
    const now = Date.now();
    if (done !== 0 && done !== total && now - last < MIN_INTERVAL_MS) return;
    last = now;
    options.onProgress({ phase, done, total });
  };
}
