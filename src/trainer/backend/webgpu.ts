// The WebGPU rung of the backend ladder: TensorFlow.js on Dawn (Vulkan, Metal or D3D12) through the
// optional `webgpu` package. We create the adapter and device ourselves rather than through
// tfjs-backend-webgpu's own registration so that the adapter we vet (software or not) is the one
// used, the device can be destroyed, and the backend can be loaded again after disposeWebgpu().
import * as tf from '@tensorflow/tfjs';
import type { AdapterInfo } from '../../shared/trainerMessages';
import { firstLine, installNavigatorGpu, releaseNavigatorGpu } from './webgpu-dawn';
import { describeGpuError, watchDeviceErrors, WebGpuError, withBatchSizeAdvice } from './webgpu-errors';
import { webgpuSelfTestProblem } from './webgpu-selfTest';

export { describeGpuError, WebGpuError, withBatchSizeAdvice };

export interface LoadWebgpuOptions {
  /** A software adapter (lavapipe, SwiftShader) is slower than wasm: only take it when forced. */
  allowFallbackAdapter: boolean;
  log?: (message: string) => void;
}

/** The device in use and its adapter, while the webgpu backend is loaded. */
let session: { device?: GPUDevice; info?: AdapterInfo } = {};

function describeAdapter(adapter: GPUAdapter): AdapterInfo {
  const info = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
  const legacyFallback = (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter;
  return {
    vendor: info.vendor,
    architecture: info.architecture,
    description: info.description || info.device,
    isFallbackAdapter: Boolean(info.isFallbackAdapter ?? legacyFallback),
  };
}

/** The limits tfjs-backend-webgpu asks for: the adapter's own, not WebGPU's small defaults. */
function deviceDescriptor(adapter: GPUAdapter): GPUDeviceDescriptor {
  const l = adapter.limits;
  return {
    requiredLimits: {
      maxComputeWorkgroupStorageSize: l.maxComputeWorkgroupStorageSize,
      maxComputeWorkgroupsPerDimension: l.maxComputeWorkgroupsPerDimension,
      maxStorageBufferBindingSize: l.maxStorageBufferBindingSize,
      maxBufferSize: l.maxBufferSize,
      maxComputeWorkgroupSizeX: l.maxComputeWorkgroupSizeX,
      maxComputeInvocationsPerWorkgroup: l.maxComputeInvocationsPerWorkgroup,
    },
  };
}

/**
 * Makes 'webgpu' the active TensorFlow.js backend and returns its adapter, or returns null after
 * one log line saying why it cannot be used (package or driver missing, no adapter, a software
 * adapter not allowed, a failed self-test). Never leaves a half-initialised backend behind.
 */
export async function loadWebgpuBackend(opts: LoadWebgpuOptions): Promise<AdapterInfo | null> {
  const log = opts.log ?? (() => {});
  if (session.info && tf.findBackend('webgpu')) return reuseSession(session.info, opts, log);
  const refuse = (why: string): null => {
    log(`webgpu: ${why}`);
    disposeWebgpu();
    return null;
  };
  let gpu: GPU;
  try {
    gpu = await installNavigatorGpu();
  } catch (err) {
    return refuse(`the optional package 'webgpu' is not installed or its dawn.node does not load (${firstLine(err)})`);
  }
  // Loaded only now: it checks navigator.gpu when it loads. Its kernels register either way.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { WebGPUBackend } = require('@tensorflow/tfjs-backend-webgpu') as typeof import('@tensorflow/tfjs-backend-webgpu');
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' }).catch(() => null);
  if (!adapter) return refuse('no WebGPU adapter (no Vulkan, Metal or D3D12 driver found)');
  const info = describeAdapter(adapter);
  if (info.isFallbackAdapter && !opts.allowFallbackAdapter) return refuse(softwareAdapterRefusal(info));
  try {
    const gpuDevice = await adapter.requestDevice(deviceDescriptor(adapter));
    session = { device: gpuDevice };
    if (tf.findBackendFactory('webgpu')) tf.removeBackend('webgpu');
    tf.registerBackend('webgpu', () => {
      const backend = new WebGPUBackend(gpuDevice, adapter.info);
      watchDeviceErrors(gpuDevice, backend);
      return backend;
    }, 3);
    if (!(await tf.setBackend('webgpu'))) return refuse('tfjs-backend-webgpu failed to initialise');
  } catch (err) {
    return refuse(`initialisation failed: ${firstLine(err)}`);
  }
  const problem = await webgpuSelfTestProblem().catch((err: unknown) => firstLine(err));
  if (problem !== undefined) return refuse(`failed its self-test on ${info.description}: ${problem}`);
  log(`webgpu: using ${info.description} (${info.vendor}, ${info.architecture}${info.isFallbackAdapter ? ', fallback adapter' : ''})`);
  session.info = info;
  return info;
}

const softwareAdapterRefusal = (info: AdapterInfo) =>
  `the only adapter is a software one (${info.description}), slower than wasm; set backend=webgpu to use it anyway`;

/** A second call in the same process keeps the device, and the tensors on it, rather than replacing it. */
async function reuseSession(info: AdapterInfo, opts: LoadWebgpuOptions, log: (m: string) => void): Promise<AdapterInfo | null> {
  if (info.isFallbackAdapter && !opts.allowFallbackAdapter) {
    log(`webgpu: ${softwareAdapterRefusal(info)}`);
    return null;
  }
  await tf.setBackend('webgpu');
  return info;
}

/**
 * Removes the webgpu backend (its buffers are freed), destroys the device and drops Dawn's GPU
 * object so nothing keeps the process alive. Tensors still on the backend become unusable.
 */
export function disposeWebgpu(): void {
  if (tf.findBackendFactory('webgpu')) tf.removeBackend('webgpu');
  session.device?.destroy();
  session = {};
  releaseNavigatorGpu();
}
