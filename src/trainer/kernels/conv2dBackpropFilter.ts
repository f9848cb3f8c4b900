// The filter gradient of a 2-D convolution, missing from the wasm backend (tensorflow/tfjs#8474)
// and very slow on cpu. It is itself one convolution, so it runs on the backend's fast conv path:
//   dW[kh,kw,ci,co] = Σ_b,oh,ow x[b, oh·s+kh−pad, ow·s+kw−pad, ci] · dy[b,oh,ow,co]
// "x as images": xᵀ[ci,h,w,b] convolved with the filter dyᵀ[oh,ow,b,co] dilated by the stride gives
// dWᵀ[ci,kh,kw,co] (any stride, any padding). "dy as images" (stride 1, Ci > Co): dyᵀ[co,oh,ow,b]
// convolved with the filter xᵀ[h,w,b,ci] gives dW flipped, [co,kh,kw,ci]; XNNPACK is faster when the
// conv's output channels are the larger side. NHWC only (what tfjs layers use).
import * as tf from '@tensorflow/tfjs';
import { callKernel, pair, release, type ProjectBackend } from './kernelCall';
import { newOutput, view } from './memory';
import { heapOffset, wasmKernelsFor } from './wasm/kernelsModule';

type Info = ReturnType<typeof tf.backend_util.computeConv2DInfo>;
type Call = (name: string, inputs: Record<string, tf.TensorInfo>, attrs?: Record<string, unknown>) => tf.TensorInfo;

function xAsImages(call: Call, be: ProjectBackend, x: tf.TensorInfo, dy: tf.TensorInfo, info: Info, strides: [number, number]): tf.TensorInfo {
  const { filterHeight: kh, filterWidth: kw, inChannels: ci, outChannels: co } = info;
  const [sh, sw] = strides;
  const { top, left } = info.padInfo;
  // Pad the far side just enough for the dilated dy to cover kh × kw output positions.
  const bottom = Math.max(0, kh + (info.outHeight - 1) * sh - info.inHeight - top);
  const right = Math.max(0, kw + (info.outWidth - 1) * sw - info.inWidth - left);
  const xT = call('Transpose', { x }, { perm: [3, 1, 2, 0] });
  const dyT = call('Transpose', { x: dy }, { perm: [1, 2, 0, 3] });
  const conv = call('Conv2D', { x: xT, filter: dyT }, { strides: [1, 1], dilations: [sh, sw], dataFormat: 'NHWC', pad: [[0, 0], [top, bottom], [left, right], [0, 0]] });
  release(be, xT, dyT);
  let cropped = conv;
  if (conv.shape[1] !== kh || conv.shape[2] !== kw) {
    cropped = call('Slice', { x: conv }, { begin: [0, 0, 0, 0], size: [ci, kh, kw, co] });
    release(be, conv);
  }
  const dw = call('Transpose', { x: cropped }, { perm: [1, 2, 0, 3] });
  release(be, cropped);
  return dw;
}

function dyAsImages(call: Call, be: ProjectBackend, x: tf.TensorInfo, dy: tf.TensorInfo, info: Info): tf.TensorInfo {
  const { filterHeight: kh, filterWidth: kw, inChannels: ci, outChannels: co } = info;
  const { top, bottom, left, right } = info.padInfo;
  const dyT = call('Transpose', { x: dy }, { perm: [3, 1, 2, 0] });
  const xT = call('Transpose', { x }, { perm: [1, 2, 0, 3] });
  const flipped = call('Conv2D', { x: dyT, filter: xT }, { strides: [1, 1], dilations: [1, 1], dataFormat: 'NHWC', pad: [[0, 0], [kh - 1 - top, kh - 1 - bottom], [kw - 1 - left, kw - 1 - right], [0, 0]] });
  release(be, dyT, xT);
  // flipped[o, kh−1−i, kw−1−j, c] = dW[i, j, c, o]
  const out = newOutput(be, [kh, kw, ci, co]);
  const dw = view(be, out);
  const f = view(be, flipped);
  for (let o = 0; o < co; o++) for (let i = 0; i < kh; i++) for (let j = 0; j < kw; j++) {
    const src = ((o * kh + (kh - 1 - i)) * kw + (kw - 1 - j)) * ci;
    const dst = (i * kw + j) * ci * co + o;
    for (let c = 0; c < ci; c++) dw[dst + c * co] = f[src + c];
  }
  release(be, flipped);
  return out;
}

/**
 * wasm: the project's own SIMD kernel (wasm/filterGrad.c) straight on tfjs's heap, when one channel
 * count is a multiple of 4 (its vector side); undefined otherwise, for the conv formulations.
 */
function inWasmMemory(be: ProjectBackend, x: tf.TensorInfo, dy: tf.TensorInfo, info: Info): tf.TensorInfo | undefined {
  const { filterHeight: kh, filterWidth: kw, inChannels: ci, outChannels: co } = info;
  if (co % 4 !== 0 && ci % 4 !== 0) return undefined;
  const kernels = wasmKernelsFor(be);
  if (kernels === undefined) return undefined;
  const out = newOutput(be, [kh, kw, ci, co]);
  const failed = kernels.filter_grad(heapOffset(be, x), heapOffset(be, dy), heapOffset(be, out), info.batchSize, info.inHeight, info.inWidth, ci,
    info.outHeight, info.outWidth, co, kh, kw, info.strideHeight, info.strideWidth, info.padInfo.top, info.padInfo.left);
  if (failed !== 0) throw new Error(`Conv2DBackpropFilter (wasm kernel): unsupported channels ${ci} -> ${co}`);
  return out;
}

/** Options for tests and benchmarks: `native: false` keeps the wasm SIMD kernel out. */
export function conv2dBackpropFilterKernel(backendName: string, options: { native?: boolean } = {}): tf.KernelConfig {
  const kernelFunc: tf.KernelFunc = ({ inputs, backend, attrs }) => {
    const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
    const a = attrs as unknown as tf.Conv2DBackpropFilterAttrs;
    if (a.dataFormat === 'NCHW') throw new Error('Conv2DBackpropFilter (project kernel): only NHWC is supported');
    const be = backend as ProjectBackend;
    const call: Call = (name, ins, at) => callKernel(backendName, be, name, ins, at);
    const info = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], a.filterShape, a.strides, 1, a.pad, a.dimRoundingMode);
    const native = backendName === 'wasm' && (options.native ?? true) ? inWasmMemory(be, x, dy, info) : undefined;
    if (native !== undefined) return native;
    const strides = pair(a.strides);
    const { top, bottom, left, right } = info.padInfo;
    const padsFit = top < info.filterHeight && bottom < info.filterHeight && left < info.filterWidth && right < info.filterWidth;
    const dyFirst = strides[0] === 1 && strides[1] === 1 && padsFit && info.inChannels > info.outChannels;
    return dyFirst ? dyAsImages(call, be, x, dy, info) : xAsImages(call, be, x, dy, info, strides);
  };
  return { kernelName: tf.Conv2DBackpropFilter, backendName, kernelFunc };
}
