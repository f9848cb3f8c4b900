import { homedir } from 'node:os';
import { join } from 'node:path';

/** $AELAB_CACHE_DIR, else $XDG_CACHE_HOME/aelab, else ~/.cache/aelab. */
export function defaultCacheDir(): string {
  if (process.env.AELAB_CACHE_DIR) return process.env.AELAB_CACHE_DIR;
  if (process.env.XDG_CACHE_HOME) return join(process.env.XDG_CACHE_HOME, 'aelab');
  return join(homedir(), '.cache', 'aelab');
}
