// The project's kernels, registered over (or next to) the stock ones of the wasm and cpu backends.
// Correctness kernels are always registered; speed kernels (issue 6) can be switched off to compare.
// Each one is checked numerically in test/unit/kernels/.
import * as tf from '@tensorflow/tfjs';
import { addBiasKernel } from './addBias';
import { adamUpdateKernel } from './adamUpdate';
import { conv2dKernel, fusedConv2dKernel } from './conv2d';
import { conv2dBackpropFilterKernel } from './conv2dBackpropFilter';
import { conv2dBackpropInputKernel } from './conv2dBackpropInput';
import { convBiasReluGradient, convBiasReluKernel } from './convBiasRelu';
import { identityKernel } from './identity';
import { maxPoolGradKernel } from './maxPoolGrad';
import { reluBiasGradKernel } from './reluBiasGrad';
import { resizeNearestNeighborKernel } from './resizeNearestNeighbor';
import { resizeNearestNeighborGradKernel } from './resizeNearestNeighborGrad';
import { sumLeadingAxesKernel } from './sumLeadingAxes';

/** The backend's own kernels, saved the first time the project replaces them. */
const stockKernels = new Map<string, tf.KernelConfig | undefined>();
const key = (kernelName: string, backendName: string) => `${backendName}/${kernelName}`;

function stockKernel(kernelName: string, backendName: string): tf.KernelConfig | undefined {
  if (!stockKernels.has(key(kernelName, backendName))) stockKernels.set(key(kernelName, backendName), tf.getKernel(kernelName, backendName));
  return stockKernels.get(key(kernelName, backendName));
}

function setKernel(kernelName: string, backendName: string, config: tf.KernelConfig | undefined): void {
  stockKernel(kernelName, backendName);
  if (tf.getKernel(kernelName, backendName) !== undefined) tf.unregisterKernel(kernelName, backendName);
  if (config === undefined) return;
  tf.registerKernel(config);
  // A backend runs kernels' setup (wasm: binding the C function) only when it initialises, so an
  // already initialised one needs it here. Not tf.findBackend: for a backend not yet initialised
  // it starts an initialisation each call (wasm: a whole new module instance and heap per kernel).
  const backend = initialisedBackends()[backendName];
  if (backend && config.setupFunc) config.setupFunc(backend);
}

/** The engine's initialised backends by name (its `registry`; no initialisation is started). */
function initialisedBackends(): Record<string, tf.KernelBackend | undefined> {
  return (tf.engine() as unknown as { registry: Record<string, tf.KernelBackend | undefined> }).registry;
}

/** With `speed` false the filter gradient leaves out its wasm C kernel (the conv formulations only). */
function correctnessKernels(backendName: string, speed: boolean): tf.KernelConfig[] {
  return [conv2dBackpropFilterKernel(backendName, { native: speed }), resizeNearestNeighborGradKernel(backendName)];
}

function speedKernels(backendName: string): tf.KernelConfig[] {
  const kernels = [maxPoolGradKernel(backendName)];
  const stockInput = stockKernel(tf.Conv2DBackpropInput, backendName);
  if (stockInput) kernels.push(conv2dBackpropInputKernel(backendName, stockInput));
  kernels.push(convBiasReluKernel(backendName)); // a ReLU conv layer as one kernel (models/reluConv2d.ts)
  if (backendName !== 'wasm') return kernels;
  kernels.push(identityKernel(backendName));
  // Plain copies and sums in the project's C kernels (wasm/); the cases they do not claim run the stock ones.
  const stockResize = stockKernel(tf.ResizeNearestNeighbor, backendName);
  if (stockResize) kernels.push(resizeNearestNeighborKernel(backendName, stockResize));
  const stockConv = stockKernel(tf.Conv2D, backendName);
  if (stockConv) kernels.push(conv2dKernel(backendName, stockConv));
  const stockFused = stockKernel(tf.FusedConv2D, backendName);
  if (stockFused) kernels.push(fusedConv2dKernel(backendName, stockFused));
  const stockAdd = stockKernel(tf.Add, backendName);
  if (stockAdd) kernels.push(addBiasKernel(backendName, stockAdd));
  const stockSum = stockKernel(tf.Sum, backendName);
  if (stockSum) kernels.push(sumLeadingAxesKernel(backendName, stockSum));
  // New kernels, not replacements: FusedAdamOptimizer and convBiasRelu call them where they are registered.
  kernels.push(adamUpdateKernel(backendName), reluBiasGradKernel(backendName));
  return kernels;
}

export interface KernelOptions {
  /** Register the speed kernels too (default true); false puts the stock ones back. */
  speed?: boolean;
}

/** Registers the project's kernels for `backendName` ('wasm' or 'cpu'; others get none). Idempotent. */
export function registerProjectKernels(backendName: string, options: KernelOptions = {}): string[] {
  if (backendName !== 'wasm' && backendName !== 'cpu') return [];
  if (tf.getGradient(convBiasReluGradient.kernelName) === undefined) tf.registerGradient(convBiasReluGradient);
  const registered: string[] = [];
  for (const config of correctnessKernels(backendName, options.speed ?? true)) {
    setKernel(config.kernelName, backendName, config);
    registered.push(config.kernelName);
  }
  for (const config of speedKernels(backendName)) {
    const use = options.speed ?? true;
    setKernel(config.kernelName, backendName, use ? config : stockKernel(config.kernelName, backendName));
    if (use) registered.push(config.kernelName);
  }
  return registered;
}
