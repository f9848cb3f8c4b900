// The backward pass of 2-D max pooling, written straight into the backend's memory (wasm's own kernel
// is slow and starts its running max at the smallest positive float, so windows whose maximum is
// ≤ 0 get no gradient). Each dy value goes to the first maximum of its window (TensorFlow's rule);
// padded positions never win.
import * as tf from '@tensorflow/tfjs';
import type { ProjectBackend } from './kernelCall';
import { newOutput, view } from './memory';
import { heapOffset, wasmKernelsFor } from './wasm/kernelsModule';

/**
 * The 2×2, stride-2 pool over an even-sized input (the models' MaxPool 2): windows tile the input, so
 * every dx element is written once (dy at its window's first maximum, else 0) with no zero fill.
 */
function pool2x2Grad(be: ProjectBackend, dy: tf.TensorInfo, input: tf.TensorInfo): tf.TensorInfo {
  const [batch, inH, inW, ch] = input.shape;
  const out = newOutput(be, input.shape, false);
  const simd = wasmKernelsFor(be); // wasm: the same rule in C, 4 channels at a time (poolResize.c)
  if (simd !== undefined) {
    simd.max_pool_2x2_grad(heapOffset(be, input), heapOffset(be, dy), heapOffset(be, out), batch, inH, inW, ch);
    return out;
  }
  const dx = view(be, out);
  const x = view(be, input);
  const g = view(be, dy);
  const row = inW * ch;
  let gi = 0;
  for (let b = 0; b < batch; b++) {
    for (let r = 0; r < inH; r += 2) {
      const top = (b * inH + r) * row;
      for (let c = 0; c < inW; c += 2) {
        const p00 = top + c * ch;
        for (let k = 0; k < ch; k++, gi++) {
          const a = p00 + k;
          const v00 = x[a], v01 = x[a + ch], v10 = x[a + row], v11 = x[a + row + ch];
          // First maximum in row-major order wins, as in TensorFlow.
          let at = 0;
          let best = v00;
          if (v01 > best) { best = v01; at = 1; }
          if (v10 > best) { best = v10; at = 2; }
          if (v11 > best) at = 3;
          const d = g[gi];
          dx[a] = at === 0 ? d : 0;
          dx[a + ch] = at === 1 ? d : 0;
          dx[a + row] = at === 2 ? d : 0;
          dx[a + row + ch] = at === 3 ? d : 0;
        }
      }
    }
  }
  return out;
}

export function maxPoolGradKernel(backendName: string): tf.KernelConfig {
  const kernelFunc: tf.KernelFunc = ({ inputs, backend, attrs }) => {
    const { dy, input } = inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
    const a = attrs as unknown as tf.MaxPoolGradAttrs;
    const be = backend as ProjectBackend;
    const info = tf.backend_util.computePool2DInfo(input.shape as [number, number, number, number], a.filterSize, a.strides, 1, a.pad, a.dimRoundingMode);
    const { batchSize, inHeight, inWidth, inChannels: ch, outHeight, outWidth, strideHeight, strideWidth, filterHeight, filterWidth } = info;
    const { top, left } = info.padInfo;
    const tiles = filterHeight === 2 && filterWidth === 2 && strideHeight === 2 && strideWidth === 2 && top === 0 && left === 0;
    if (tiles && inHeight === 2 * outHeight && inWidth === 2 * outWidth) return pool2x2Grad(be, dy, input);
    const out = newOutput(be, input.shape);
    const dx = view(be, out);
    const x = view(be, input);
    const g = view(be, dy);
    let gi = 0;
    for (let b = 0; b < batchSize; b++) {
      const image = b * inHeight * inWidth * ch;
      for (let r = 0; r < outHeight; r++) {
        const r0 = Math.max(0, r * strideHeight - top);
        const r1 = Math.min(inHeight, r * strideHeight - top + filterHeight);
        for (let c = 0; c < outWidth; c++) {
          const c0 = Math.max(0, c * strideWidth - left);
          const c1 = Math.min(inWidth, c * strideWidth - left + filterWidth);
          for (let k = 0; k < ch; k++) {
            let best = -Infinity;
            let at = -1;
            for (let i = r0; i < r1; i++) {
              for (let j = c0; j < c1; j++) {
                const p = image + (i * inWidth + j) * ch + k;
                if (x[p] > best || at < 0) { best = x[p]; at = p; }
              }
            }
            if (at >= 0) dx[at] += g[gi];
            gi++;
          }
        }
      }
    }
    return out;
  };
  return { kernelName: tf.MaxPoolGrad, backendName, kernelFunc };
}
