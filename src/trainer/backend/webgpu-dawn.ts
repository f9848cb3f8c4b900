// Dawn's Node bindings (the optional npm package `webgpu`) made into the browser-like globals that
// @tensorflow/tfjs-backend-webgpu expects: the WebGPU classes on globalThis and `navigator.gpu`.

/** What `navigator.gpu` is: Dawn's GPU object, typed to what this project calls on it. */
export type DawnGpu = GPU;

interface InstalledGpu { gpu: DawnGpu; createdNavigator: boolean }
let installed: InstalledGpu | undefined;

/** Node 20 has no `navigator`; Node ≥ 21 has one without `gpu`. (The DOM typings claim it always exists.) */
const nodeGlobal = globalThis as unknown as { navigator?: Record<string, unknown> };
const globalNavigator = () => nodeGlobal.navigator;

/**
 * Loads `webgpu` (ESM-only, hence the dynamic import), assigns its globals and sets `navigator.gpu`.
 * Throws when the package is missing or dawn.node cannot load (glibc, libvulkan.so.1).
 */
export async function installNavigatorGpu(dawnOptions: string[] = []): Promise<DawnGpu> {
  if (installed) return installed.gpu;
  const dawn = (await import('webgpu')) as { create(options: string[]): DawnGpu; globals: object };
  Object.assign(globalThis, dawn.globals);
  const createdNavigator = globalNavigator() === undefined;
  if (createdNavigator) nodeGlobal.navigator = {};
  const gpu = dawn.create(dawnOptions);
  globalNavigator()!.gpu = gpu;
  installed = { gpu, createdNavigator };
  return gpu;
}

/**
 * Drops the references to Dawn's GPU object: while `navigator.gpu` holds it, Dawn may keep the
 * process alive (crbug 387965810). Removes `navigator` too when we created it.
 */
export function releaseNavigatorGpu(): void {
  if (!installed) return;
  const nav = globalNavigator();
  if (nav && nav.gpu === installed.gpu) delete nav.gpu;
  if (installed.createdNavigator) delete nodeGlobal.navigator;
  installed = undefined;
}

/** The first line of an error's message, for one-line log entries. */
export function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0];
}
