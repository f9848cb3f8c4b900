// 'AelabReluBiasGrad' (wasm only): the backward of ReLU(conv + bias) from the layer's output y, as one C
// pass (wasm/bias.c): [dyAct, biasGrad] with dyAct = dy × step(y) and biasGrad its sum over every axis
// but the channels. convBiasRelu.ts calls it where it is registered and tfjs ops elsewhere.
import * as tf from '@tensorflow/tfjs';
import type { ProjectBackend } from './kernelCall';
import { newOutput } from './memory';
import { heapOffset, wasmKernelsFor } from './wasm/kernelsModule';

export const RELU_BIAS_GRAD = 'AelabReluBiasGrad';

export function reluBiasGradKernel(backendName: string): tf.KernelConfig {
  const kernelFunc: tf.KernelFunc = (args) => {
    const { dy, y } = args.inputs as { dy: tf.TensorInfo; y: tf.TensorInfo };
    const be = args.backend as ProjectBackend;
    const simd = wasmKernelsFor(be);
    if (simd === undefined) throw new Error(`${RELU_BIAS_GRAD} needs the wasm backend`);
    if (dy.dtype !== 'float32' || y.dtype !== 'float32' || !tf.util.arraysEqual(dy.shape, y.shape) || y.shape.length < 2) {
      throw new Error(`${RELU_BIAS_GRAD}: dy and y must be float32 of one shape (rank ≥ 2), got ${dy.dtype} [${dy.shape}] and ${y.dtype} [${y.shape}]`);
    }
    const channels = y.shape[y.shape.length - 1];
    const outs = [newOutput(be, y.shape, false), newOutput(be, [channels], false)];
    simd.relu_bias_grad(heapOffset(be, dy), heapOffset(be, y), heapOffset(be, outs[0]), heapOffset(be, outs[1]), tf.util.sizeFromShape(y.shape) / channels, channels);
    return outs;
  };
  return { kernelName: RELU_BIAS_GRAD, backendName, kernelFunc };
}
