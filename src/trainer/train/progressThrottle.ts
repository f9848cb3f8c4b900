// Progress messages are throttled (at most a few a second): a message per batch would flood the
// IPC channel and the store on a fast backend.

export function createThrottle(intervalMs: number, now: () => number = Date.now): () => boolean {
  let last = -Infinity;
  return () => {
    const t = now();
    if (t - last < intervalMs) return false;
    last = t;
    return true;
  };
}
