// Identity without a copy: the output shares the input's memory (reference counted), as the cpu
// backend already does; wasm's own Identity copies every time (34 calls a training step).
import * as tf from '@tensorflow/tfjs';
import type { ProjectBackend } from './kernelCall';

export function identityKernel(backendName: string): tf.KernelConfig {
  const kernelFunc: tf.KernelFunc = ({ inputs, backend }) => {
    const { x } = inputs as { x: tf.TensorInfo };
    (backend as ProjectBackend).incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  };
  return { kernelName: tf.Identity, backendName, kernelFunc };
}
