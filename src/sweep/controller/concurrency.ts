// Default pool size: every core for CPU backends (wasm/cpu/tensorflow run one thread per trainer in Node),
// one trainer for a GPU backend (several processes on one GPU fight over its memory). Under 'auto' the
// backend the trainers will pick is found by asking a trainer process once (`--probe-backend`).
import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import type { BackendName } from '../../shared/runConfig';
import { defaultTrainerScript } from '../../trainer/process';

export function defaultConcurrency(backend: BackendName): number {
  return backend === 'tensorflow-gpu' || backend === 'webgpu' ? 1 : Math.max(1, availableParallelism());
}

export interface ProbeTarget { trainerScript?: string; nodePath?: string }

/** The backend a trainer chooses for 'auto' on this machine; undefined when the probe fails. */
export function probeAutoBackend(target: ProbeTarget = {}): Promise<BackendName | undefined> {
  const script = target.trainerScript ?? defaultTrainerScript();
  return new Promise((resolve) => {
    execFile(target.nodePath ?? process.execPath, [script, '--probe-backend'], { timeout: 60_000 }, (error, stdout) => {
      if (error) return resolve(undefined);
      try {
        resolve((JSON.parse(stdout.trim().split('\n').pop() ?? '') as { backend?: BackendName }).backend);
      } catch {
        resolve(undefined);
      }
    });
  });
}

/** defaultConcurrency of the backend the runs will really use; a failed probe counts as a CPU backend. */
export async function resolveDefaultConcurrency(backend: BackendName, probe: () => Promise<BackendName | undefined> = probeAutoBackend): Promise<number> {
  return defaultConcurrency(backend === 'auto' ? ((await probe()) ?? 'cpu') : backend);
}
