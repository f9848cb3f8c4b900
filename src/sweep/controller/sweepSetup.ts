// Starting a new sweep record, or taking over an existing one for --resume.
import { hostname } from 'node:os';
import { randomInt } from 'node:crypto';
import type { RunRecord, SweepRecord } from '../../shared/storeSchema';
import type { ExperimentStore } from '../../store';
import { isAlive, processMentions } from '../../store/processes';
import type { SweepSpec } from '../spec';

export interface SweepSetup {
  sweep: SweepRecord;
  spec: SweepSpec;
  /** Runs to start again first (same params), each replacing an interrupted run. */
  requeue: { params: Record<string, unknown>; requeuedFrom: string }[];
  interrupted: string[];
}

export async function startSweep(store: ExperimentStore, spec: SweepSpec): Promise<SweepSetup> {
  const sweep = await store.createSweep({
    name: spec.name,
    spec: spec as unknown as Record<string, unknown>,
    ...(spec.sourcePath ? { specPath: spec.sourcePath } : {}),
    seed: spec.seed ?? randomInt(2 ** 31 - 1),
    metric: { ...spec.metric },
    controllerPid: process.pid,
  });
  return { sweep, spec, requeue: [], interrupted: [] };
}

/** Marks the runs a dead controller left queued or running as interrupted and lists them for re-queuing. */
export async function resumeSweep(store: ExperimentStore, sweepId: string): Promise<SweepSetup> {
  const found = await store.getSweep(sweepId);
  if (!found) throw new Error(`no sweep with id ${sweepId} in ${store.dbPath}`);
  if (found.status === 'running' && found.host === hostname() && found.controllerPid !== undefined && isAlive(found.controllerPid)) {
    throw new Error(`sweep ${sweepId} is still running (controller pid ${found.controllerPid}); stop it first with \`aelab stop ${sweepId}\``);
  }
  const runs = await store.listRuns({ sweepId });
  const interrupted: string[] = [];
  for (const run of runs.filter((r) => r.status === 'running' || r.status === 'queued')) {
    killLeftoverTrainer(run);
    await store.patchRun(run.id, { status: 'interrupted', endedAt: new Date().toISOString() });
    interrupted.push(run.id);
  }
  const replaced = new Set(runs.map((r) => r.requeuedFrom));
  const requeue = (await store.listRuns({ sweepId }))
    .filter((r) => r.status === 'interrupted' && !replaced.has(r.id))
    .map((r) => ({ params: r.params, requeuedFrom: r.id }));
  const sweep = await store.patchSweep(sweepId, { status: 'running', controllerPid: process.pid, host: hostname(), endedAt: undefined, stopRequest: undefined });
  return { sweep, spec: sweep.spec as unknown as SweepSpec, requeue, interrupted };
}

/**
 * A trainer whose controller was killed stops on its own when its IPC channel closes; one that has not yet
 * is killed here, but only if its command line shows it is that run's trainer (a reused pid is left alone).
 */
function killLeftoverTrainer(run: RunRecord): void {
  if (run.pid !== undefined && run.host === hostname() && processMentions(run.pid, run.id)) process.kill(run.pid, 'SIGKILL');
}
