// The sweep controller's entry point (used by `aelab sweep` and, through the CLI, by the extension).
import type { SweepRecord } from '../../shared/storeSchema';
import { sweepRunConfig } from '../spec';
import { resolveDefaultConcurrency, probeAutoBackend } from './concurrency';
import { SweepSession } from './sweepSession';
import { resumeSweep, startSweep } from './sweepSetup';
import type { RunSweepOptions } from './types';

/** Runs a new sweep (`spec`) or resumes one (`resumeId`) to its end; resolves with the final sweep record. */
export async function runSweep(options: RunSweepOptions): Promise<SweepRecord> {
  const { store } = options;
  if (!options.spec && !options.resumeId) throw new Error('runSweep needs a sweep spec or a sweep id to resume');
  const setup = options.resumeId ? await resumeSweep(store, options.resumeId) : await startSweep(store, options.spec!);
  const stored = await store.listRuns({ sweepId: setup.sweep.id });
  // Without a concurrency from the caller or the sweep file, one trainer per GPU or one per core.
  const concurrency = options.concurrency ?? setup.spec.concurrency
    ?? (await resolveDefaultConcurrency(sweepRunConfig(setup.spec).backend, () => probeAutoBackend(options.trainer)));
  const session = new SweepSession({ ...options, concurrency }, setup, stored);
  const { sweep } = setup;
  session.emit({
    type: 'sweep-started',
    sweepId: sweep.id,
    name: sweep.name,
    method: setup.spec.method,
    metric: sweep.metric,
    seed: sweep.seed,
    concurrency: session.concurrency,
    resumed: Boolean(options.resumeId),
  });
  for (const runId of setup.interrupted) session.emit({ type: 'run-interrupted', sweepId: sweep.id, runId });
  return session.run();
}
