// 'AelabAdamUpdate' (wasm only): one Adam step of one variable as one C pass (wasm/adam.c), returning the
// new value and moments [x, m, v]. The optimizer (train/fusedAdam.ts) calls it where it is registered.
import * as tf from '@tensorflow/tfjs';
import type { ProjectBackend } from './kernelCall';
import { newOutput } from './memory';
import { heapOffset, wasmKernelsFor } from './wasm/kernelsModule';

export const ADAM_UPDATE = 'AelabAdamUpdate';

export interface AdamUpdateAttrs { beta1: number; beta2: number; epsilon: number; learningRate: number }

export function adamUpdateKernel(backendName: string): tf.KernelConfig {
  const kernelFunc: tf.KernelFunc = (args) => {
    const { x, m, v, g, accBeta1, accBeta2 } = args.inputs as Record<string, tf.TensorInfo>;
    const { beta1, beta2, epsilon, learningRate } = args.attrs as unknown as AdamUpdateAttrs;
    const be = args.backend as ProjectBackend;
    const simd = wasmKernelsFor(be);
    if (simd === undefined) throw new Error(`${ADAM_UPDATE} needs the wasm backend`);
    for (const [name, t] of Object.entries({ m, v, g })) {
      if (t.dtype !== 'float32' || !tf.util.arraysEqual(t.shape, x.shape)) throw new Error(`${ADAM_UPDATE}: ${name} must be float32 of shape [${x.shape}], got ${t.dtype} [${t.shape}]`);
    }
    const outs = [newOutput(be, x.shape, false), newOutput(be, x.shape, false), newOutput(be, x.shape, false)];
    const at = (t: tf.TensorInfo) => heapOffset(be, t);
    simd.adam_update(at(x), at(m), at(v), at(g), at(accBeta1), at(accBeta2), at(outs[0]), at(outs[1]), at(outs[2]),
      tf.util.sizeFromShape(x.shape), beta1, 1 - beta1, beta2, 1 - beta2, epsilon, -learningRate);
    return outs;
  };
  return { kernelName: ADAM_UPDATE, backendName, kernelFunc };
}
