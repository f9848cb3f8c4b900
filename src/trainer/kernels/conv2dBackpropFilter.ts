// The filter gradient of a 2-D convolution, missing from the wasm backend (tensorflow/tfjs#8474)
// and very slow on cpu. It is itself one convolution, so it runs on the backend's fast conv path:
//   dW[kh,kw,ci,co] = Σ_b,oh,ow x[b, oh·s+kh−pad, ow·s+kw−pad, ci] · dy[b,oh,ow,co]
// Seen as images xᵀ[ci,h,w,b] convolved with the "filter" dyᵀ[oh,ow,b,co] dilated by the stride,
// the output is dWᵀ[ci,kh,kw,co]. Any stride, any padding; NHWC only (what tfjs layers use).
import * as tf from '@tensorflow/tfjs';
import { callKernel, pair, release, type ProjectBackend } from './kernelCall';

export function conv2dBackpropFilterKernel(backendName: string): tf.KernelConfig {
  const kernelFunc = ({ inputs, backend, attrs }: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap }) => {
    const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
    const a = attrs as unknown as tf.Conv2DBackpropFilterAttrs;
    if (a.dataFormat === 'NCHW') throw new Error('Conv2DBackpropFilter (project kernel): only NHWC is supported');
    const be = backend as ProjectBackend;
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number], a.filterShape, a.strides, 1, a.pad, a.dimRoundingMode);
    const [kh, kw, ci, co] = a.filterShape;
    const [sh, sw] = pair(a.strides);
    const { top, left } = info.padInfo;
    // Pad the far side just enough for the dilated dy to cover kh × kw output positions.
    const bottom = Math.max(0, kh + (info.outHeight - 1) * sh - info.inHeight - top);
    const right = Math.max(0, kw + (info.outWidth - 1) * sw - info.inWidth - left);

    const xT = callKernel(backendName, be, 'Transpose', { x }, { perm: [3, 1, 2, 0] });
    const dyT = callKernel(backendName, be, 'Transpose', { x: dy }, { perm: [1, 2, 0, 3] });
    const conv = callKernel(backendName, be, 'Conv2D', { x: xT, filter: dyT }, {
      strides: [1, 1], dilations: [sh, sw], dataFormat: 'NHWC',
      pad: [[0, 0], [top, bottom], [left, right], [0, 0]],
    });
    release(be, xT, dyT);
    let cropped = conv;
    if (conv.shape[1] !== kh || conv.shape[2] !== kw) {
      cropped = callKernel(backendName, be, 'Slice', { x: conv }, { begin: [0, 0, 0, 0], size: [ci, kh, kw, co] });
      release(be, conv);
    }
    const dw = callKernel(backendName, be, 'Transpose', { x: cropped }, { perm: [1, 2, 0, 3] });
    release(be, cropped);
    return dw;
  };
  return { kernelName: tf.Conv2DBackpropFilter, backendName, kernelFunc };
}
