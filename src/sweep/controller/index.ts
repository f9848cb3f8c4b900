// The sweep controller: runs a sweep's trainers in a pool, records them, prunes with ASHA, survives faults.
export { runSweep } from './runSweep';
export { defaultConcurrency } from './concurrency';
export type { RunSweepOptions, SweepEvent, SweepEndReason } from './types';
