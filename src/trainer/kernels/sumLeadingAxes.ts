// Sum over every axis but the last (the bias gradients: dy summed over batch, height and width) on
// wasm as one C pass of column sums (wasm/bias.c); any other Sum goes to the stock kernel.
import * as tf from '@tensorflow/tfjs';
import { stockRunner, type ProjectBackend } from './kernelCall';
import { newOutput } from './memory';
import { heapOffset, wasmKernelsFor } from './wasm/kernelsModule';

export function sumLeadingAxesKernel(backendName: string, stock: tf.KernelConfig): tf.KernelConfig {
  const runStock = stockRunner(stock);
  const kernelFunc: tf.KernelFunc = (args) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    const a = args.attrs as unknown as tf.SumAttrs;
    const be = args.backend as ProjectBackend;
    const simd = wasmKernelsFor(be);
    const rank = x.shape.length;
    const axes = tf.util.parseAxisParam(a.axis, x.shape).sort((p, q) => p - q);
    const leading = rank >= 2 && axes.length === rank - 1 && axes.every((axis, i) => axis === i);
    if (simd === undefined || x.dtype !== 'float32' || !leading) return runStock(args);
    const channels = x.shape[rank - 1];
    const out = newOutput(be, a.keepDims ? [...x.shape.slice(0, -1).map(() => 1), channels] : [channels], false);
    simd.sum_rows(heapOffset(be, x), heapOffset(be, out), tf.util.sizeFromShape(x.shape) / channels, channels);
    return out;
  };
  return { kernelName: tf.Sum, backendName, kernelFunc };
}
