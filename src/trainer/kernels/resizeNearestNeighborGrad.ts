// The backward pass of nearest-neighbour resizing (UpSampling2D). The cpu backend's own kernel
// offsets dy by the input's batch stride instead of dy's, so its gradients are wrong for batch > 1.
// This one is the exact adjoint of the forward op: every dy pixel is added to the source pixel the
// forward pass copied it from (same rounding rules as the forward kernel). One pass over dy.
import * as tf from '@tensorflow/tfjs';
import type { ProjectBackend } from './kernelCall';
import { newOutput, view } from './memory';
import { heapOffset, wasmKernelsFor } from './wasm/kernelsModule';

/** The source index of each output index, as the forward ResizeNearestNeighbor computes it. */
export function nearestSources(inSize: number, outSize: number, alignCorners: boolean, halfPixelCenters: boolean): Int32Array {
  const scale = alignCorners && outSize > 1 ? (inSize - 1) / (outSize - 1) : inSize / outSize;
  const sources = new Int32Array(outSize);
  for (let o = 0; o < outSize; o++) {
    const frac = halfPixelCenters ? scale * (o + 0.5) : scale * o;
    const nearest = Math.min(inSize - 1, alignCorners ? Math.round(frac) : Math.floor(frac));
    sources[o] = halfPixelCenters ? Math.max(0, nearest) : nearest;
  }
  return sources;
}

/** True when output o comes from input o >> 1 (UpSampling2D's ×2): the gradient is a 2×2 block sum. */
const isDoubling = (sources: Int32Array, inSize: number) => sources.length === 2 * inSize && sources.every((s, o) => s === o >> 1);

/** dx[b,r,c,k] = Σ of dy's 2×2 block at (2r, 2c): one write per dx element, no zero fill. */
function sumBlocks2x2(be: ProjectBackend, dy: tf.TensorInfo, shape: number[]): tf.TensorInfo {
  const [batch, inH, inW, depth] = shape;
  const out = newOutput(be, shape, false);
  const simd = wasmKernelsFor(be); // wasm: the same sums in C, 4 channels at a time (poolResize.c)
  if (simd !== undefined) {
    simd.resize_2x_grad(heapOffset(be, dy), heapOffset(be, out), batch, inH, inW, depth);
    return out;
  }
  const dx = view(be, out);
  const g = view(be, dy);
  const dyRow = 2 * inW * depth;
  let di = 0;
  for (let b = 0; b < batch; b++) {
    for (let r = 0; r < inH; r++) {
      const top = (b * 2 * inH + 2 * r) * dyRow;
      for (let c = 0; c < inW; c++) {
        const p = top + 2 * c * depth;
        for (let k = 0; k < depth; k++, di++) dx[di] = g[p + k] + g[p + depth + k] + g[p + dyRow + k] + g[p + dyRow + depth + k];
      }
    }
  }
  return out;
}

export function resizeNearestNeighborGradKernel(backendName: string): tf.KernelConfig {
  const kernelFunc = ({ inputs, backend, attrs }: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap }) => {
    const { images, dy } = inputs as { images: tf.TensorInfo; dy: tf.TensorInfo };
    const { alignCorners, halfPixelCenters } = attrs as unknown as tf.ResizeNearestNeighborAttrs;
    const be = backend as ProjectBackend;
    const [batch, inH, inW, depth] = images.shape;
    const [, outH, outW] = dy.shape;
    const rows = nearestSources(inH, outH, alignCorners, halfPixelCenters);
    const cols = nearestSources(inW, outW, alignCorners, halfPixelCenters);
    if (isDoubling(rows, inH) && isDoubling(cols, inW)) return sumBlocks2x2(be, dy, images.shape);
    const out = newOutput(be, images.shape);
    const dx = view(be, out);
    const g = view(be, dy);
    let gi = 0;
    for (let b = 0; b < batch; b++) {
      for (let r = 0; r < outH; r++) {
        const rowBase = (b * inH + rows[r]) * inW;
        for (let c = 0; c < outW; c++) {
          const base = (rowBase + cols[c]) * depth;
          for (let d = 0; d < depth; d++) dx[base + d] += g[gi++];
        }
      }
    }
    return out;
  };
  return { kernelName: tf.ResizeNearestNeighborGrad, backendName, kernelFunc };
}
