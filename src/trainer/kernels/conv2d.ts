// The forward convolution on wasm in the project's C kernels (wasm/conv2d.c, straight on tfjs's
// heap): NHWC, dilation 1, float32, and either output channels a multiple of 4 or fewer than 4
// output channels with input channels a multiple of 4 (an RGB output layer). XNNPACK re-creates its
// operator and repacks the filter on every call here (the weights change every step). FusedConv2D
// gets the same convolution with a per-channel bias and a ReLU applied in C as the sums are stored;
// other biases and activations go through the backend's own kernels.
// Every other case stays on the stock kernels.
import * as tf from '@tensorflow/tfjs';
import { callKernel, pair, release, stockRunner, type ProjectBackend } from './kernelCall';
import { newOutput, view } from './memory';
import { CONV_FLAGS, heapOffset, wasmKernelsFor } from './wasm/kernelsModule';

type ConvAttrs = Pick<tf.Conv2DAttrs, 'strides' | 'pad' | 'dataFormat' | 'dilations' | 'dimRoundingMode'>;

/** w [kh][kw][ci][co] as [kh][kw][co][ci], for the narrow kernel (a new tensor the caller frees). */
function transposedFilter(be: ProjectBackend, filter: tf.TensorInfo): tf.TensorInfo {
  const [kh, kw, ci, co] = filter.shape;
  const out = newOutput(be, [kh, kw, co, ci], false);
  const w = view(be, filter);
  const wT = view(be, out);
  for (let t = 0; t < kh * kw; t++) for (let c = 0; c < ci; c++) for (let o = 0; o < co; o++) wT[(t * co + o) * ci + c] = w[(t * ci + c) * co + o];
  return out;
}

/**
 * conv2d(x, filter) (+ bias, a float32 tensor of Co values, when given; then a ReLU when `relu`) in the
 * C kernels, or undefined when they do not claim the case.
 */
export function convInWasm(be: ProjectBackend, x: tf.TensorInfo, filter: tf.TensorInfo, a: ConvAttrs, bias?: tf.TensorInfo, relu = false): tf.TensorInfo | undefined {
  const simd = wasmKernelsFor(be);
  const [dh, dw] = pair(a.dilations ?? 1);
  const [, , ci, co] = filter.shape;
  const wide = co % 4 === 0;
  const narrow = co < 4 && ci % 4 === 0;
  if (simd === undefined || a.dataFormat === 'NCHW' || dh !== 1 || dw !== 1 || x.dtype !== 'float32' || !(wide || narrow)) return undefined;
  const info = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], filter.shape as [number, number, number, number], a.strides, 1, a.pad, a.dimRoundingMode);
  const weights = wide ? filter : transposedFilter(be, filter);
  const out = newOutput(be, info.outShape, false);
  const run = wide ? simd.conv2d : simd.conv2d_narrow;
  run(heapOffset(be, x), heapOffset(be, weights), heapOffset(be, out), info.batchSize, info.inHeight, info.inWidth, ci,
    info.outHeight, info.outWidth, co, info.filterHeight, info.filterWidth, info.strideHeight, info.strideWidth, info.padInfo.top, info.padInfo.left,
    bias ? heapOffset(be, bias) : 0, (bias ? CONV_FLAGS.bias : 0) | (relu ? CONV_FLAGS.relu : 0));
  if (weights !== filter) release(be, weights);
  return out;
}

export function conv2dKernel(backendName: string, stock: tf.KernelConfig): tf.KernelConfig {
  const runStock = stockRunner(stock);
  const kernelFunc: tf.KernelFunc = (args) => {
    const { x, filter } = args.inputs as { x: tf.TensorInfo; filter: tf.TensorInfo };
    return convInWasm(args.backend as ProjectBackend, x, filter, args.attrs as unknown as tf.Conv2DAttrs) ?? runStock(args);
  };
  return { kernelName: tf.Conv2D, backendName, kernelFunc };
}

/** The fused activations that are one unary kernel of the backend. */
const ACTIVATION_KERNELS: Record<string, string | null> = { linear: null, relu: tf.Relu, relu6: tf.Relu6, elu: tf.Elu, sigmoid: tf.Sigmoid };

export function fusedConv2dKernel(backendName: string, stock: tf.KernelConfig): tf.KernelConfig {
  const runStock = stockRunner(stock);
  const kernelFunc: tf.KernelFunc = (args) => {
    const { x, filter, bias } = args.inputs as { x: tf.TensorInfo; filter: tf.TensorInfo; bias?: tf.TensorInfo };
    const a = args.attrs as unknown as tf.FusedConv2DAttrs;
    const be = args.backend as ProjectBackend;
    const activation = ACTIVATION_KERNELS[a.activation ?? 'linear'];
    if (activation === undefined) return runStock(args);
    // A bias of one value per output channel is added in C; any other shape broadcasts through Add.
    const biasInC = bias !== undefined && bias.dtype === 'float32' && tf.util.sizeFromShape(bias.shape) === filter.shape[3];
    const reluInC = a.activation === 'relu' && (bias === undefined || biasInC);
    const conv = convInWasm(be, x, filter, a, biasInC ? bias : undefined, reluInC);
    if (conv === undefined) return runStock(args);
    if (reluInC) return conv;
    let out = conv;
    if (bias !== undefined && !biasInC) {
      out = callKernel(backendName, be, tf.Add, { a: conv, b: bias });
      release(be, conv);
    }
    if (activation === null) return out;
    const activated = callKernel(backendName, be, activation, { x: out });
    release(be, out);
    return activated;
  };
  return { kernelName: tf.FusedConv2D, backendName, kernelFunc };
}
