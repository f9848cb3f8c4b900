// Several trainers of a sweep start at once and may all find the cache empty; this inter-process lock
// (proper-lockfile: a lock directory kept fresh by heartbeats, taken over when its holder dies) makes
// one of them download or decode while the others wait, then find the cache filled.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as lockfile from 'proper-lockfile';
import type { LoadOptions } from './types';

const STALE_MS = 15_000;
// Downloading CIFAR-10 can take minutes, so a waiter keeps trying as long as the holder's heartbeat is alive.
const RETRIES = { forever: true, factor: 1.5, minTimeout: 50, maxTimeout: 1000, randomize: true };

/** Runs fn while holding the lock `lockPath` (a path in the cache). */
export async function withCacheLock<T>(lockPath: string, options: LoadOptions, fn: () => Promise<T>): Promise<T> {
  await mkdir(dirname(lockPath), { recursive: true });
  let compromised: Error | undefined;
  const release = await lockfile.lock(lockPath, {
    lockfilePath: `${lockPath}.lock`,
    realpath: false,
    stale: STALE_MS,
    retries: RETRIES,
    // The default throws from a timer and kills the process; the work stays valid (files are renamed
    // into place), so only report it.
    onCompromised: (error) => {
      compromised = error;
      options.log?.(`the cache lock ${lockPath}.lock was lost: ${error.message}`);
    },
  });
  try {
    return await fn();
  } finally {
    if (!compromised) await release().catch(() => undefined);
  }
}
