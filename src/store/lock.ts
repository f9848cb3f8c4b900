// The inter-process lock around read-modify-write of db.json (proper-lockfile: a lock directory with mtime
// heartbeats, so a lock left by a killed process goes stale and is taken over).
import * as lockfile from 'proper-lockfile';

const STALE_MS = 10_000;
// Contention between several controllers, a CLI and the extension is short (one small JSON write), so retry
// often with jitter; ~800 tries up to 100 ms apart is over a minute of waiting before giving up.
const RETRIES = { retries: 800, factor: 1.3, minTimeout: 5, maxTimeout: 100, randomize: true };

// Within one process, callers queue here rather than spinning on the lock directory.
const queues = new Map<string, Promise<unknown>>();

export async function withFileLock<T>(file: string, lockPath: string, fn: () => Promise<T>): Promise<T> {
  const previous = queues.get(lockPath) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => lockedCall(file, lockPath, fn));
  queues.set(lockPath, run);
  try {
    return await run;
  } finally {
    if (queues.get(lockPath) === run) queues.delete(lockPath);
  }
}

async function lockedCall<T>(file: string, lockPath: string, fn: () => Promise<T>): Promise<T> {
  let compromised: Error | undefined;
  const release = await lockfile.lock(file, {
    lockfilePath: lockPath,
    realpath: false,
    stale: STALE_MS,
    retries: RETRIES,
    // The default throws from a timer and kills the process; remember it and fail this update instead.
    onCompromised: (error) => {
      compromised = error;
    },
  });
  try {
    const result = await fn();
    if (compromised) throw new Error(`the lock ${lockPath} was lost during the update: ${compromised.message}`);
    return result;
  } finally {
    if (!compromised) await release();
  }
}
