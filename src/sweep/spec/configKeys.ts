// The RunConfig leaves a sweep may set (parameters and base), by dotted path, with the kind of value each takes.
// `task` is the sweep's own top-level key and `version` is not a setting, so neither is listed.
import type { Activation, BackendName, ColorTarget, LossName, OptimizerName } from '../../shared/runConfig';

type ValueKind =
  | { kind: 'int'; min: number }
  | { kind: 'number'; min: number; exclusive?: boolean }
  | { kind: 'bool' }
  | { kind: 'string' }
  | { kind: 'enum'; options: readonly string[] }
  | { kind: 'intList' };

const activations: readonly Activation[] = ['relu', 'elu', 'selu', 'leakyRelu', 'tanh', 'swish'];
const optimizers: readonly OptimizerName[] = ['adam', 'sgd', 'rmsprop'];
const losses: readonly LossName[] = ['mse', 'mae'];
const colorTargets: readonly ColorTarget[] = ['iq', 'rgb'];
const backends: readonly BackendName[] = ['auto', 'tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm', 'cpu'];

export const CONFIG_KEYS: Readonly<Record<string, ValueKind>> = {
  'model.filters': { kind: 'intList' },
  'model.latentChannels': { kind: 'int', min: 1 },
  'model.decoderFilters': { kind: 'intList' },
  'model.stages': { kind: 'int', min: 1 },
  'model.kernelSize': { kind: 'int', min: 1 },
  'model.activation': { kind: 'enum', options: activations },
  'model.batchNorm': { kind: 'bool' },
  'model.colorTarget': { kind: 'enum', options: colorTargets },
  'train.optimizer': { kind: 'enum', options: optimizers },
  'train.learningRate': { kind: 'number', min: 0, exclusive: true },
  'train.momentum': { kind: 'number', min: 0 },
  'train.batchSize': { kind: 'int', min: 1 },
  'train.epochs': { kind: 'int', min: 1 },
  'train.loss': { kind: 'enum', options: losses },
  'train.seed': { kind: 'int', min: 0 },
  'data.dataset': { kind: 'string' },
  'data.imageSize': { kind: 'int', min: 1 },
  'data.limit': { kind: 'int', min: 0 },
  'data.splitSeed': { kind: 'int', min: 0 },
  backend: { kind: 'enum', options: backends },
};

export const CONFIG_KEY_NAMES: readonly string[] = Object.keys(CONFIG_KEYS);

export function isConfigKey(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(CONFIG_KEYS, key);
}

/** "did you mean …?" for a near miss in case, then the full list. */
export function suggestKey(key: string): string {
  const near = CONFIG_KEY_NAMES.find((k) => k.toLowerCase() === key.toLowerCase());
  return `${near ? `did you mean ${near}? ` : ''}valid keys: ${CONFIG_KEY_NAMES.join(', ')}`;
}

/** Whether a key takes plain numbers (so numeric distributions may drive it). */
export function isNumericKey(key: string): boolean {
  const kind = CONFIG_KEYS[key]?.kind;
  return kind === 'int' || kind === 'number';
}

/** Why `value` cannot be set at `key`, or undefined when it can. */
export function valueProblem(key: string, value: unknown): string | undefined {
  const spec = CONFIG_KEYS[key];
  if (!spec) return `unknown key`;
  const shown = JSON.stringify(value);
  switch (spec.kind) {
    case 'int':
      return Number.isInteger(value) && (value as number) >= spec.min ? undefined : `${shown} is not an integer ≥ ${spec.min}`;
    case 'number': {
      const ok = typeof value === 'number' && Number.isFinite(value) && (spec.exclusive ? value > spec.min : value >= spec.min);
      return ok ? undefined : `${shown} is not a number ${spec.exclusive ? '>' : '≥'} ${spec.min}`;
    }
    case 'bool':
      return typeof value === 'boolean' ? undefined : `${shown} is not true or false`;
    case 'string':
      return typeof value === 'string' && value !== '' ? undefined : `${shown} is not a non-empty string`;
    case 'enum':
      return spec.options.includes(value as string) ? undefined : `${shown} is not one of ${spec.options.join(', ')}`;
    case 'intList': {
      const ok = Array.isArray(value) && value.length > 0 && value.every((v) => Number.isInteger(v) && v >= 1);
      return ok ? undefined : `${shown} is not a non-empty list of positive integers`;
    }
  }
}
