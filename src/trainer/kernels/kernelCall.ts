// Kernels here are built from other kernels of the same backend, called directly (not through tf ops),
// so nothing is recorded on the gradient tape and every intermediate can be freed at once.
import * as tf from '@tensorflow/tfjs';

/** The slice of a backend these kernels use (both the wasm and the cpu backend have it). */
export interface ProjectBackend extends tf.KernelBackend {
  disposeData(dataId: object, force?: boolean): boolean;
  incRef(dataId: object): void;
}

export type Attrs = Record<string, unknown>;

/** Runs backend kernel `name` of `backendName` on `inputs`; the caller owns (and frees) the result. */
export function callKernel(
  backendName: string,
  backend: ProjectBackend,
  name: string,
  inputs: Record<string, tf.TensorInfo>,
  attrs: Attrs = {},
): tf.TensorInfo {
  const config = tf.getKernel(name, backendName);
  if (config === undefined) throw new Error(`kernel '${name}' is not registered for backend '${backendName}'`);
  return config.kernelFunc({ inputs, backend, attrs: attrs as tf.NamedAttrMap }) as tf.TensorInfo;
}

/** Frees intermediate results made by callKernel. */
export function release(backend: ProjectBackend, ...infos: tf.TensorInfo[]): void {
  for (const info of infos) backend.disposeData(info.dataId);
}

/** [height, width] of a stride/size attribute that may be a single number. */
export function pair(value: number | [number, number]): [number, number] {
  return typeof value === 'number' ? [value, value] : value;
}

/**
 * Runs a replaced stock kernel (for the cases a project kernel does not claim). It is no longer
 * registered, so the backend does not run its setup (wasm: binding the C function): done once here.
 */
export function stockRunner(stock: tf.KernelConfig): tf.KernelFunc {
  let ready = false;
  return (args) => {
    if (!ready) stock.setupFunc?.(args.backend);
    ready = true;
    return stock.kernelFunc(args);
  };
}
