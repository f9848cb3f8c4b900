// 'AelabConvBiasRelu': ReLU(conv2d(x, filter) + bias) as one kernel with its own gradient. Under a gradient
// tape tfjs runs a ReLU conv layer as Conv2D, Add and Relu forward and Step, Cast, Multiply and Sum
// backward (its fused op fuses only where no gradient is taken): each a pass over the layer's output, and
// the sum before the ReLU kept for the backward pass. Here the forward is the backend's FusedConv2D (on
// wasm one C pass, kernels/conv2d.ts), and the backward turns dy into the ReLU's and the bias's gradients
// in one pass (AelabReluBiasGrad on wasm, tfjs ops elsewhere) before the two convolution gradients tfjs's
// own Conv2D gradient runs; the tape keeps x, the filter and the output. The same arithmetic in the same
// order as the unfused layer, so the same bits (on wasm, where XNNPACK rather than the C kernel takes the
// convolution, it adds the bias first: equal within rounding). models/reluConv2d.ts runs it where registered.
import * as tf from '@tensorflow/tfjs';
import { RELU_BIAS_GRAD } from './reluBiasGrad';

export const CONV_BIAS_RELU = 'AelabConvBiasRelu';

export interface ConvBiasReluAttrs {
  strides: [number, number];
  pad: 'same' | 'valid';
}

const convAttrs = (a: ConvBiasReluAttrs) => ({ strides: a.strides, pad: a.pad, dataFormat: 'NHWC', dimRoundingMode: undefined });

export function convBiasReluKernel(backendName: string): tf.KernelConfig {
  const kernelFunc: tf.KernelFunc = ({ inputs, backend, attrs }) => {
    const fused = tf.getKernel(tf.FusedConv2D, backendName);
    if (fused === undefined) throw new Error(`${CONV_BIAS_RELU} needs FusedConv2D on backend '${backendName}'`);
    const fusedAttrs = { ...convAttrs(attrs as unknown as ConvBiasReluAttrs), dilations: [1, 1], activation: 'relu' };
    return fused.kernelFunc({ inputs, backend, attrs: fusedAttrs as unknown as tf.NamedAttrMap });
  };
  return { kernelName: CONV_BIAS_RELU, backendName, kernelFunc };
}

/** [dy × step(y), its sum over batch, height and width]. */
function reluBiasGrad(dy: tf.Tensor4D, y: tf.Tensor4D): [tf.Tensor4D, tf.Tensor1D] {
  if (tf.getKernel(RELU_BIAS_GRAD, tf.getBackend()) !== undefined) {
    return tf.engine().runKernel(RELU_BIAS_GRAD, { dy, y }, {}) as unknown as [tf.Tensor4D, tf.Tensor1D];
  }
  const dyAct = tf.mul(dy, tf.step(y)) as tf.Tensor4D;
  return [dyAct, tf.sum(dyAct, [0, 1, 2])];
}

/** The gradient: each input's part runs only if the tape needs it (not x's for a model's first layer). */
export const convBiasReluGradient: tf.GradConfig = {
  kernelName: CONV_BIAS_RELU,
  inputsToSave: ['x', 'filter'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const [x, filter, y] = saved as tf.Tensor4D[];
    const conv = convAttrs(attrs as unknown as ConvBiasReluAttrs);
    // Made here, not in a closure: the engine frees what a closure makes but does not return.
    const [dyAct, biasGrad] = reluBiasGrad(dy as tf.Tensor4D, y);
    const run = (name: string, inputs: tf.NamedTensorMap, extra: object) => tf.engine().runKernel(name, inputs, { ...conv, ...extra } as unknown as tf.NamedAttrMap) as tf.Tensor;
    return {
      x: () => run(tf.Conv2DBackpropInput, { dy: dyAct, filter }, { inputShape: x.shape }),
      filter: () => run(tf.Conv2DBackpropFilter, { x, dy: dyAct }, { filterShape: filter.shape }),
      bias: () => biasGrad,
    };
  },
};

/** ReLU(conv2d(x, filter) + bias), 'NHWC', dilation 1, through the kernel above. */
export function convBiasRelu(x: tf.Tensor4D, filter: tf.Tensor4D, bias: tf.Tensor1D, attrs: ConvBiasReluAttrs): tf.Tensor4D {
  return tf.engine().runKernel(CONV_BIAS_RELU, { x, filter, bias }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor4D;
}
