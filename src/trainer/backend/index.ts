// Chooses the TensorFlow.js backend a trainer runs on. 'auto' walks the ladder from fastest to most
// portable and takes the first rung whose package loads, initialises and passes the self-test;
// a forced backend that fails is an error that says why.
import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../../shared/runConfig';
import type { AdapterInfo } from '../../shared/trainerMessages';
import { registerProjectKernels } from '../kernels';
import { selfTestProblem } from './selfTest';
import { loadWebgpuBackend } from './webgpu';

export interface BackendInfo { name: string; adapter?: AdapterInfo }

type Rung = Exclude<BackendName, 'auto'>;
/** Fastest first. */
export const BACKEND_LADDER: Rung[] = ['tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm', 'cpu'];

/** Loads an optional package; its absence is an ordinary outcome, reported as a reason. */
function loadOptional(pkg: string): void {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(pkg);
  } catch (err) {
    throw new Error(`${pkg} is not installed or does not load (${(err as Error).message.split('\n')[0]})`);
  }
}

async function activate(tfName: string): Promise<void> {
  let ok = false;
  try {
    ok = await tf.setBackend(tfName);
  } catch (err) {
    throw new Error(`TensorFlow.js backend '${tfName}' failed to initialise: ${(err as Error).message}`);
  }
  if (!ok) throw new Error(`TensorFlow.js backend '${tfName}' failed to initialise`);
  await tf.ready();
}

/** webgpu runs its own (asynchronous) self-test; a software adapter is taken only when forced. */
async function tryWebgpu(forced: boolean): Promise<BackendInfo> {
  let why = 'webgpu: unavailable';
  const adapter = await loadWebgpuBackend({ allowFallbackAdapter: forced, log: (m) => { why = m; } });
  if (adapter === null) throw new Error(why.replace(/^webgpu: /, ''));
  return { name: 'webgpu', adapter };
}

/**
 * tfjs's cpu backend prints "install our node backend" on its first tensor. Here the ladder has already
 * tried the native backends and logged why each was skipped (or cpu was asked for), so the banner is only
 * noise in every cpu run's log. It is a private flag: should tfjs rename it, the banner simply returns.
 */
function skipNodeBackendBanner(): void {
  const cpu = tf.backend() as unknown as { firstUse?: boolean };
  if (cpu.firstUse === true) cpu.firstUse = false;
}

/** Makes `rung` the active backend or throws why it cannot be. */
async function tryRung(rung: Rung, forced: boolean): Promise<BackendInfo> {
  if (rung === 'webgpu') return tryWebgpu(forced);
  if (rung === 'tensorflow-gpu' || rung === 'tensorflow') {
    loadOptional(rung === 'tensorflow-gpu' ? '@tensorflow/tfjs-node-gpu' : '@tensorflow/tfjs-node');
    await activate('tensorflow');
  } else if (rung === 'wasm') {
    loadOptional('@tensorflow/tfjs-backend-wasm');
    registerProjectKernels('wasm');
    await activate('wasm');
  } else if (rung === 'cpu') {
    registerProjectKernels('cpu');
    await activate('cpu');
    skipNodeBackendBanner();
  } else {
    throw new Error(`backend '${String(rung)}' is not known: use auto, ${BACKEND_LADDER.join(', ')}`);
  }
  const problem = selfTestProblem();
  if (problem !== undefined) throw new Error(`backend '${rung}' failed its self-test: ${problem}`);
  return { name: rung };
}

/**
 * Initialises `preferred` (or, for 'auto', the first working rung of BACKEND_LADDER) and returns
 * what is in use. `log` hears why each skipped rung was skipped.
 */
export async function initBackend(preferred: BackendName, log: (m: string) => void = () => {}): Promise<BackendInfo> {
  if (preferred !== 'auto') {
    try {
      return await tryRung(preferred, true);
    } catch (err) {
      throw new Error(`backend '${preferred}' was requested but cannot be used: ${(err as Error).message}`);
    }
  }
  const reasons: string[] = [];
  for (const rung of BACKEND_LADDER) {
    try {
      return await tryRung(rung, false);
    } catch (err) {
      reasons.push(`${rung}: ${(err as Error).message}`);
      log(`backend ${rung} skipped: ${(err as Error).message}`);
    }
  }
  throw new Error(`no TensorFlow.js backend works here:\n  ${reasons.join('\n  ')}`);
}
