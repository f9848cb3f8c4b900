// Default pool size: every core for CPU backends (wasm/cpu/tensorflow run one thread per trainer in Node),
// one trainer for a GPU backend (several processes on one GPU fight over its memory).
import { availableParallelism } from 'node:os';
import type { BackendName } from '../../shared/runConfig';

export function defaultConcurrency(backend: BackendName): number {
  return backend === 'tensorflow-gpu' || backend === 'webgpu' ? 1 : Math.max(1, availableParallelism());
}
