// Direct access to a backend's tensor memory, for the kernels that are plain loops: on wasm the
// views point into the wasm heap (no copy in or out), on cpu they are the backend's own arrays.
import * as tf from '@tensorflow/tfjs';
import type { ProjectBackend } from './kernelCall';

interface WasmHeapBackend extends ProjectBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
}

interface CpuBackend extends ProjectBackend {
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: Float32Array): tf.TensorInfo;
}

const isWasm = (backend: ProjectBackend): backend is WasmHeapBackend => 'typedArrayFromHeap' in backend;

/**
 * A new float32 output of `shape`, zero-filled unless `zeroed` is false (for a caller that writes
 * every element). Take views (below) only after every allocation: a wasm allocation can grow (and so
 * detach) the heap.
 */
export function newOutput(backend: ProjectBackend, shape: number[], zeroed = true): tf.TensorInfo {
  if (isWasm(backend)) {
    const out = backend.makeOutput(shape, 'float32');
    if (zeroed) backend.typedArrayFromHeap(out).fill(0);
    return out;
  }
  const size = shape.reduce((a, b) => a * b, 1);
  return (backend as CpuBackend).makeTensorInfo(shape, 'float32', new Float32Array(size));
}

/** The float32 data of `info` (a view, not a copy). */
export function view(backend: ProjectBackend, info: tf.TensorInfo): Float32Array {
  if (info.dtype !== 'float32') throw new Error(`expected a float32 tensor, got ${info.dtype}`);
  if (isWasm(backend)) return backend.typedArrayFromHeap(info);
  return backend.readSync(info.dataId) as Float32Array;
}
