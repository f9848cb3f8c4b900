// Add where one side is a per-channel bias (one value per last-axis entry, e.g. [C] or [1,1,1,C])
// and the other a full float32 tensor: on wasm one C pass (wasm/bias.c); tfjs-wasm's broadcasting
// Add took ~10× a same-shape add (1.1 ms a step for the baseline's 4 conv biases). Anything else
// goes to the stock kernel.
import * as tf from '@tensorflow/tfjs';
import { stockRunner, type ProjectBackend } from './kernelCall';
import { newOutput } from './memory';
import { heapOffset, wasmKernelsFor } from './wasm/kernelsModule';

/** True when `bias` holds one value per channel of `full` and broadcasts only along the leading axes. */
function isChannelBias(full: tf.TensorInfo, bias: tf.TensorInfo): boolean {
  const channels = full.shape[full.shape.length - 1];
  if (full.shape.length < 2 || bias.shape.length > full.shape.length || bias.shape[bias.shape.length - 1] !== channels) return false;
  return bias.shape.slice(0, -1).every((d) => d === 1) && full.dtype === 'float32' && bias.dtype === 'float32';
}

export function addBiasKernel(backendName: string, stock: tf.KernelConfig): tf.KernelConfig {
  const runStock = stockRunner(stock);
  const kernelFunc: tf.KernelFunc = (args) => {
    const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    const be = args.backend as ProjectBackend;
    const simd = wasmKernelsFor(be);
    const [full, bias] = isChannelBias(a, b) ? [a, b] : isChannelBias(b, a) ? [b, a] : [undefined, undefined];
    if (simd === undefined || full === undefined || bias === undefined || tf.util.sizeFromShape(full.shape) === tf.util.sizeFromShape(bias.shape)) return runStock(args);
    const channels = full.shape[full.shape.length - 1];
    const out = newOutput(be, full.shape, false);
    simd.add_bias(heapOffset(be, full), heapOffset(be, bias), heapOffset(be, out), tf.util.sizeFromShape(full.shape) / channels, channels);
    return out;
  };
  return { kernelName: tf.Add, backendName, kernelFunc };
}
