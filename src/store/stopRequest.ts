// `aelab stop RUN|SWEEP`: writes a stop request into the store (the owning controller polls for it, which
// also works across machines sharing a folder) and signals the process when it runs on this host.
import { hostname } from 'node:os';
import type { StopRequest } from '../shared/storeSchema';
import type { ExperimentStore } from './experimentStore';
import { isAlive, processMentions } from './processes';

export interface StopOutcome {
  kind: 'run' | 'sweep';
  id: string;
  /** What was done, for the user: "requested", "signalled pid 123", "already finished". */
  actions: string[];
}

export async function requestStop(store: ExperimentStore, id: string): Promise<StopOutcome> {
  const request: StopRequest = { at: new Date().toISOString(), by: 'user', host: hostname(), pid: process.pid };
  const data = await store.read();
  const run = data.runs.find((r) => r.id === id);
  const sweep = data.sweeps.find((s) => s.id === id);
  if (!run && !sweep) throw new Error(`no run or sweep with id ${id} in ${store.dbPath}`);
  if (run) {
    if (run.status !== 'running' && run.status !== 'queued') return { kind: 'run', id, actions: [`already ${run.status}`] };
    const updated = await store.patchRun(id, (r) => (r.status === 'queued' ? { stopRequest: request, status: 'stopped', endedAt: request.at } : { stopRequest: request }));
    const actions = ['stop requested in the store'];
    // SIGTERM makes the trainer stop after its batch, keeping its checkpoints (src/trainer/child.ts).
    if (updated.status === 'running' && updated.pid !== undefined && updated.host === hostname() && processMentions(updated.pid, id)) {
      process.kill(updated.pid, 'SIGTERM');
      actions.push(`sent SIGTERM to trainer pid ${updated.pid}`);
    }
    return { kind: 'run', id, actions };
  }
  if (sweep!.status !== 'running') return { kind: 'sweep', id, actions: [`already ${sweep!.status}`] };
  const updated = await store.patchSweep(id, { stopRequest: request });
  const actions = ['stop requested in the store'];
  // The controller (aelab sweep) stops every run gracefully on SIGTERM.
  if (updated.controllerPid !== undefined && updated.host === hostname() && isAlive(updated.controllerPid)) {
    process.kill(updated.controllerPid, 'SIGTERM');
    actions.push(`sent SIGTERM to controller pid ${updated.controllerPid}`);
  }
  return { kind: 'sweep', id, actions };
}
