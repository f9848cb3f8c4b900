// The project's kernels, registered over (or next to) the stock ones of the wasm and cpu backends.
// Each one is checked numerically in test/unit/kernels/.
import * as tf from '@tensorflow/tfjs';
import { conv2dBackpropFilterKernel } from './conv2dBackpropFilter';
import { resizeNearestNeighborGradKernel } from './resizeNearestNeighborGrad';

/** Replaces the registered kernel of the same name and backend, if any. */
function replaceKernel(config: tf.KernelConfig): void {
  if (tf.getKernel(config.kernelName, config.backendName) !== undefined) tf.unregisterKernel(config.kernelName, config.backendName);
  tf.registerKernel(config);
}

const kernelsFor: Record<string, (backendName: string) => tf.KernelConfig[]> = {
  wasm: (name) => [conv2dBackpropFilterKernel(name), resizeNearestNeighborGradKernel(name)],
  cpu: (name) => [conv2dBackpropFilterKernel(name), resizeNearestNeighborGradKernel(name)],
};

/** Registers the project's kernels for `backendName` ('wasm' or 'cpu'; others have none). Idempotent. */
export function registerProjectKernels(backendName: string): string[] {
  const configs = kernelsFor[backendName]?.(backendName) ?? [];
  for (const config of configs) replaceKernel(config);
  return configs.map((c) => c.kernelName);
}
