// GPU failures made visible. tfjs-backend-webgpu never looks at WebGPU's errors: an allocation the
// device cannot make, or a tensor larger than one buffer binding may be, is only reported as an
// 'uncapturederror' event while the computation silently yields zeros. We record the first such
// error of a device and fail the next tensor read with it, so a run stops instead of training on garbage.

export type GpuErrorKind = 'out-of-memory' | 'too-large' | 'device-lost' | 'internal' | 'validation';

export class WebGpuError extends Error {
  constructor(readonly kind: GpuErrorKind, message: string) {
    super(message);
    this.name = 'WebGpuError';
  }
}

const TOO_LARGE = /larger than the maximum|exceeds the max|maxBufferSize|maxStorageBufferBindingSize/i;

/** Turns a WebGPU GPUError (from an 'uncapturederror' event) into a WebGpuError with one line of Dawn's text. */
export function fromGpuError(gpuError: { message: string; constructor: { name: string } }): WebGpuError {
  const line = gpuError.message.split('\n')[0];
  const name = gpuError.constructor.name;
  const kind: GpuErrorKind =
    name === 'GPUOutOfMemoryError' ? 'out-of-memory'
      : TOO_LARGE.test(gpuError.message) ? 'too-large'
        : name === 'GPUInternalError' ? 'internal' : 'validation';
  return new WebGpuError(kind, `WebGPU ${kind}: ${line}`);
}

interface ReadingBackend { read(dataId: object): Promise<unknown> }

/**
 * Listens for the device's uncaptured errors and its loss, and makes `backend.read` (what
 * tensor.data() calls) reject with the first of them. Returns a getter for that first error.
 */
export function watchDeviceErrors(device: GPUDevice, backend: ReadingBackend): () => WebGpuError | undefined {
  let first: WebGpuError | undefined;
  device.addEventListener('uncapturederror', (event) => {
    first ??= fromGpuError((event as GPUUncapturedErrorEvent).error);
  });
  // 'destroyed' is our own disposeWebgpu(); any other reason is a driver reset or a crash.
  void device.lost.then((info) => {
    if (info.reason !== 'destroyed') first ??= new WebGpuError('device-lost', `WebGPU device lost: ${info.message || info.reason}`);
  });
  const read = backend.read.bind(backend);
  backend.read = async (dataId) => {
    const values = await read(dataId);
    if (first) throw first;
    return values;
  };
  return () => first;
}

const OUT_OF_MEMORY = /out of memory|\bOOM\b|failed to allocate|allocation failed/i;

/**
 * A message for a failed run that says what to change. GPU memory and size errors (WebGPU's,
 * and tfjs-node-gpu's "OOM when allocating") name the batch size; any other error keeps its message.
 */
export function describeGpuError(error: unknown, batchSize: number): string {
  const message = error instanceof Error ? error.message : String(error);
  const kind = error instanceof WebGpuError ? error.kind : OUT_OF_MEMORY.test(message) ? 'out-of-memory' : undefined;
  const smaller = `lower train.batchSize (try ${Math.max(1, Math.floor(batchSize / 2))}), the image size or the model's filters`;
  switch (kind) {
    case 'out-of-memory':
      return `Out of memory at batch size ${batchSize}: ${smaller}, or run fewer runs at once (sweep concurrency). (${message.split('\n')[0]})`;
    case 'too-large':
      return `At batch size ${batchSize} a tensor is larger than this GPU allows in one buffer: ${smaller}. (${message})`;
    case 'device-lost':
      return `The GPU device was lost at batch size ${batchSize} (a driver reset, often from running out of memory): ${smaller}. (${message})`;
    case 'internal':
    case 'validation':
      return `GPU error at batch size ${batchSize}: ${message}`;
    default:
      return message;
  }
}

/** The same error with describeGpuError's message (stack kept), for a trainer's fatal-error path. */
export function withBatchSizeAdvice(error: unknown, batchSize: number | undefined): unknown {
  if (error instanceof Error && batchSize !== undefined) error.message = describeGpuError(error, batchSize);
  return error;
}
