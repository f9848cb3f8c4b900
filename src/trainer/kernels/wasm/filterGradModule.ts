// Instantiates filterGrad.wasm on tfjs-backend-wasm's own WebAssembly.Memory (the emscripten module
// exports it), so the kernel reads x and dy and writes dW where tfjs keeps them: no copies.
import type * as tf from '@tensorflow/tfjs';
import { FILTER_GRAD_WASM_BASE64 } from './filterGradBinary';

/** What the C function takes: byte offsets into the heap, then the geometry. Returns 0 when done. */
export type FilterGradFn = (
  x: number, dy: number, dw: number, batch: number, inH: number, inW: number, inC: number,
  outH: number, outW: number, outC: number, kh: number, kw: number, strideH: number, strideW: number,
  padTop: number, padLeft: number,
) => number;

/** The slice of tfjs-backend-wasm's backend this needs. */
export interface WasmBackendMemory {
  wasm: { asm: { memory?: WebAssembly.Memory } };
  getMemoryOffset(dataId: object): number;
}

let compiled: WebAssembly.Module | undefined;
const instances = new WeakMap<WebAssembly.Memory, FilterGradFn>();

/** The kernel bound to `backend`'s memory, or undefined when that memory cannot be reached. */
export function filterGradFor(backend: tf.KernelBackend): FilterGradFn | undefined {
  const memory = (backend as unknown as Partial<WasmBackendMemory>).wasm?.asm?.memory;
  if (!(memory instanceof WebAssembly.Memory)) return undefined;
  let fn = instances.get(memory);
  if (fn === undefined) {
    compiled ??= new WebAssembly.Module(Buffer.from(FILTER_GRAD_WASM_BASE64, 'base64'));
    const instance = new WebAssembly.Instance(compiled, { env: { memory } });
    fn = instance.exports.filter_grad as FilterGradFn;
    instances.set(memory, fn);
  }
  return fn;
}

/** Byte offset of a tensor's data in the wasm heap. */
export function heapOffset(backend: tf.KernelBackend, info: tf.TensorInfo): number {
  return (backend as unknown as WasmBackendMemory).getMemoryOffset(info.dataId);
}
