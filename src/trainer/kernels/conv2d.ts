// The forward convolution on wasm in the project's C kernel (wasm/conv2d.c, straight on tfjs's heap)
// when it applies: NHWC, dilation 1, float32, output channels a multiple of 4. XNNPACK re-creates
// its operator and repacks the filter on every call here (the weights change every step). Every
// other case, and FusedConv2D, stays on the stock kernel.
import * as tf from '@tensorflow/tfjs';
import { pair, stockRunner, type ProjectBackend } from './kernelCall';
import { newOutput } from './memory';
import { heapOffset, wasmKernelsFor } from './wasm/kernelsModule';

export function conv2dKernel(backendName: string, stock: tf.KernelConfig): tf.KernelConfig {
  const runStock = stockRunner(stock);
  const kernelFunc: tf.KernelFunc = (args) => {
    const { x, filter } = args.inputs as { x: tf.TensorInfo; filter: tf.TensorInfo };
    const a = args.attrs as unknown as tf.Conv2DAttrs;
    const be = args.backend as ProjectBackend;
    const simd = wasmKernelsFor(be);
    const [dh, dw] = pair(a.dilations ?? 1);
    const claimed = simd !== undefined && a.dataFormat !== 'NCHW' && dh === 1 && dw === 1 && x.dtype === 'float32' && filter.shape[3] % 4 === 0;
    if (!claimed) return runStock(args);
    const info = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], filter.shape as [number, number, number, number], a.strides, 1, a.pad, a.dimRoundingMode);
    const out = newOutput(be, info.outShape, false);
    simd.conv2d(heapOffset(be, x), heapOffset(be, filter), heapOffset(be, out), info.batchSize, info.inHeight, info.inWidth, info.inChannels,
      info.outHeight, info.outWidth, info.outChannels, info.filterHeight, info.filterWidth, info.strideHeight, info.strideWidth, info.padInfo.top, info.padInfo.left);
    return out;
  };
  return { kernelName: tf.Conv2D, backendName, kernelFunc };
}
