// Instantiates kernels.wasm (the project's C kernels, built by build.sh) on tfjs-backend-wasm's own
// WebAssembly.Memory (the emscripten module exports it), so the kernels read and write tensors where
// tfjs keeps them: no copies. Pointers are byte offsets into that heap.
import type * as tf from '@tensorflow/tfjs';
import { KERNELS_WASM_BASE64 } from './kernelsBinary';

export interface WasmKernels {
  /** conv2d.c: y = conv2d(x, w), then + bias and ReLU as `flags` says (CONV_FLAGS), dilation 1; returns 1 (does nothing) unless Co is a multiple of 4. */
  conv2d(x: number, w: number, y: number, batch: number, inH: number, inW: number, inC: number,
    outH: number, outW: number, outC: number, kh: number, kw: number, strideH: number, strideW: number,
    padTop: number, padLeft: number, bias: number, flags: number): number;
  /** conv2d.c: the same for 1-3 output channels with Ci a multiple of 4, weights as [kh][kw][co][ci]. */
  conv2d_narrow(x: number, wT: number, y: number, batch: number, inH: number, inW: number, inC: number,
    outH: number, outW: number, outC: number, kh: number, kw: number, strideH: number, strideW: number,
    padTop: number, padLeft: number, bias: number, flags: number): number;
  /** filterGrad.c: dW (zeroed) of x and dy; returns 1 (does nothing) unless Co or Ci is a multiple of 4. */
  filter_grad(x: number, dy: number, dw: number, batch: number, inH: number, inW: number, inC: number,
    outH: number, outW: number, outC: number, kh: number, kw: number, strideH: number, strideW: number,
    padTop: number, padLeft: number): number;
  /** poolResize.c: MaxPool 2×2/stride-2 gradient; H and W (even) are the input's. */
  max_pool_2x2_grad(x: number, dy: number, dx: number, batch: number, inH: number, inW: number, channels: number): void;
  /** poolResize.c: UpSampling ×2 gradient; H and W are the (small) input's. */
  resize_2x_grad(dy: number, dx: number, batch: number, inH: number, inW: number, channels: number): void;
  /** poolResize.c: UpSampling ×2 forward; H and W are the input's. */
  resize_2x(x: number, y: number, batch: number, inH: number, inW: number, channels: number): void;
  /** bias.c: out[c] = Σ_r x[r, c] over a rows × channels matrix. */
  sum_rows(x: number, out: number, rows: number, channels: number): void;
  /** bias.c: dyAct = dy where y > 0 (else 0) and biasGrad[c] = Σ_r dyAct[r, c], over a rows × channels matrix. */
  relu_bias_grad(dy: number, y: number, dyAct: number, biasGrad: number, rows: number, channels: number): void;
  /** bias.c: y[r, c] = x[r, c] + bias[c]. */
  add_bias(x: number, bias: number, y: number, rows: number, channels: number): void;
  /** adam.c: one Adam step of n floats (tfjs's arithmetic, operation for operation); accBeta1/2 are scalars in the heap. */
  adam_update(x: number, m: number, v: number, g: number, accBeta1: number, accBeta2: number, xOut: number, mOut: number, vOut: number,
    n: number, beta1: number, oneMinusBeta1: number, beta2: number, oneMinusBeta2: number, epsilon: number, negLr: number): void;
}

/** conv2d.c's `flags`: add the bias, apply a ReLU. */
export const CONV_FLAGS = { bias: 1, relu: 2 } as const;

/** The slice of tfjs-backend-wasm's backend this needs. */
interface WasmBackendMemory {
  wasm: { asm: { memory?: WebAssembly.Memory } };
  getMemoryOffset(dataId: object): number;
}

let compiled: WebAssembly.Module | undefined;
const instances = new WeakMap<WebAssembly.Memory, WasmKernels>();

/** The kernels bound to `backend`'s memory, or undefined when it has none (e.g. the cpu backend). */
export function wasmKernelsFor(backend: tf.KernelBackend): WasmKernels | undefined {
  const memory = (backend as unknown as Partial<WasmBackendMemory>).wasm?.asm?.memory;
  if (!(memory instanceof WebAssembly.Memory)) return undefined;
  let kernels = instances.get(memory);
  if (kernels === undefined) {
    compiled ??= new WebAssembly.Module(Buffer.from(KERNELS_WASM_BASE64, 'base64'));
    kernels = new WebAssembly.Instance(compiled, { env: { memory } }).exports as unknown as WasmKernels;
    instances.set(memory, kernels);
  }
  return kernels;
}

/** Byte offset of a tensor's data in the wasm heap. */
export function heapOffset(backend: tf.KernelBackend, info: tf.TensorInfo): number {
  return (backend as unknown as WasmBackendMemory).getMemoryOffset(info.dataId);
}
