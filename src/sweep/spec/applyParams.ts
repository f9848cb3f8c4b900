// Turning a sweep and one trial's parameters into the RunConfig the trainer gets.
import { defaultRunConfig, type RunConfig } from '../../shared/runConfig';
import { isConfigKey } from './configKeys';
import type { SweepSpec } from './types';

/** A copy of `base` with each dotted key set; an unknown key throws (parameters were validated with the file). */
export function applyParams(base: RunConfig, params: Record<string, unknown>): RunConfig {
  const config = structuredClone(base);
  for (const [key, value] of Object.entries(params)) {
    if (!isConfigKey(key)) throw new Error(`applyParams: "${key}" is not a run configuration key`);
    const parts = key.split('.');
    let node = config as unknown as Record<string, unknown>;
    for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
    node[parts[parts.length - 1]] = structuredClone(value);
  }
  return config;
}

/** The configuration every run of the sweep starts from: the task's defaults, the dataset, then `base`. */
export function sweepRunConfig(spec: SweepSpec): RunConfig {
  const config = defaultRunConfig(spec.task);
  config.data.dataset = spec.dataset;
  return applyParams(config, spec.base);
}
