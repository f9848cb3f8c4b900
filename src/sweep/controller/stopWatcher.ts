// Watches the store for stop requests written by other processes (`aelab stop`, the extension): the
// sweep's own, or one of the runs this controller is running.
import type { ExperimentStore } from '../../store';

export interface StopWatcherHandlers {
  stopSweep: () => void;
  stopRun: (runId: string) => void;
  activeRunIds: () => string[];
}

export function watchStopRequests(store: ExperimentStore, sweepId: string, pollMs: number, on: StopWatcherHandlers): () => void {
  const seen = new Set<string>();
  let busy = false;
  const check = async () => {
    if (busy) return;
    busy = true;
    try {
      const data = await store.read();
      if (data.sweeps.find((s) => s.id === sweepId)?.stopRequest) on.stopSweep();
      const active = new Set(on.activeRunIds());
      for (const run of data.runs) {
        if (run.stopRequest && active.has(run.id) && !seen.has(run.id)) {
          seen.add(run.id);
          on.stopRun(run.id);
        }
      }
    } catch {
      // A store being repaired or briefly unreadable: look again at the next tick.
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void check(), pollMs);
  timer.unref();
  return () => clearInterval(timer);
}
