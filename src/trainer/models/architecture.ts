// Resolves a ModelConfig into the concrete layer plan (filters per stage, decoder filters), validating
// every key so a bad sweep value fails with a message that names it instead of deep inside tfjs.
import type { Activation, ModelConfig } from '../../shared/runConfig';

export interface Architecture {
  stages: number;
  /** One conv per encoder stage, each followed by MaxPool 2. */
  encoderFilters: number[];
  latentChannels: number;
  /** Convs after every up-sampling but the last (length stages - 1). */
  decoderFilters: number[];
  kernelSize: number;
  activation: Activation;
  batchNorm: boolean;
}

const ACTIVATIONS: readonly Activation[] = ['relu', 'elu', 'selu', 'leakyRelu', 'tanh', 'swish'];

function positiveInt(value: unknown, key: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new Error(`model.${key} must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Truncates `values` to `length` or extends it by repeating its last value (as ModelConfig documents). */
export function fitLength(values: number[], length: number): number[] {
  if (length === 0) return [];
  const out = values.slice(0, length);
  while (out.length < length) out.push(out[out.length - 1]);
  return out;
}

function filterList(value: unknown, key: string): number[] {
  if (!Array.isArray(value)) throw new Error(`model.${key} must be an array of positive integers, got ${JSON.stringify(value)}`);
  return value.map((v, i) => positiveInt(v, `${key}[${i}]`));
}

export function resolveArchitecture(model: ModelConfig): Architecture {
  const filters = filterList(model.filters, 'filters');
  if (filters.length === 0) throw new Error('model.filters must list at least one filter count');
  const stages = model.stages === undefined ? filters.length : positiveInt(model.stages, 'stages');
  const encoderFilters = fitLength(filters, stages);
  // The default decoder mirrors the encoder: [8, 12] → decoder [12] (the seed's baseline).
  const decoderSource = model.decoderFilters === undefined ? [...encoderFilters].reverse() : filterList(model.decoderFilters, 'decoderFilters');
  if (decoderSource.length === 0 && stages > 1) throw new Error('model.decoderFilters must not be empty when stages > 1');
  if (!ACTIVATIONS.includes(model.activation)) {
    throw new Error(`model.activation must be one of ${ACTIVATIONS.join(', ')}, got ${JSON.stringify(model.activation)}`);
  }
  if (typeof model.batchNorm !== 'boolean') throw new Error(`model.batchNorm must be true or false, got ${JSON.stringify(model.batchNorm)}`);
  return {
    stages,
    encoderFilters,
    latentChannels: positiveInt(model.latentChannels, 'latentChannels'),
    decoderFilters: fitLength(decoderSource, stages - 1),
    kernelSize: positiveInt(model.kernelSize, 'kernelSize'),
    activation: model.activation,
    batchNorm: model.batchNorm,
  };
}

/** Height and width of a model's input must be multiples of this (2 per stage of MaxPool/UpSample). */
export function downsamplingFactor(model: ModelConfig): number {
  return 2 ** resolveArchitecture(model).stages;
}
