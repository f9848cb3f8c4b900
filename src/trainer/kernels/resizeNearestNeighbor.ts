// UpSampling2D's forward pass (nearest ×2) on wasm as one C copy per pixel (wasm/poolResize.c);
// every other size or rounding mode goes to the stock kernel.
import * as tf from '@tensorflow/tfjs';
import { stockRunner, type ProjectBackend } from './kernelCall';
import { newOutput } from './memory';
import { nearestSources } from './resizeNearestNeighborGrad';
import { heapOffset, wasmKernelsFor } from './wasm/kernelsModule';

const doubles = (inSize: number, outSize: number, a: tf.ResizeNearestNeighborAttrs) =>
  outSize === 2 * inSize && nearestSources(inSize, outSize, a.alignCorners, a.halfPixelCenters).every((s, o) => s === o >> 1);

export function resizeNearestNeighborKernel(backendName: string, stock: tf.KernelConfig): tf.KernelConfig {
  const runStock = stockRunner(stock);
  const kernelFunc: tf.KernelFunc = (args) => {
    const { images } = args.inputs as { images: tf.TensorInfo };
    const a = args.attrs as unknown as tf.ResizeNearestNeighborAttrs;
    const be = args.backend as ProjectBackend;
    const simd = wasmKernelsFor(be);
    const [batch, h, w, c] = images.shape;
    const [outH, outW] = a.size;
    if (simd === undefined || images.dtype !== 'float32' || !doubles(h, outH, a) || !doubles(w, outW, a)) return runStock(args);
    const out = newOutput(be, [batch, outH, outW, c], false);
    simd.resize_2x(heapOffset(be, images), heapOffset(be, out), batch, h, w, c);
    return out;
  };
  return { kernelName: tf.ResizeNearestNeighbor, backendName, kernelFunc };
}
