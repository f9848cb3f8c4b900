// The configuration of one training run: what the CLI, a sweep and the extension all hand to the trainer.
// Every key a sweep may vary lives here; sweep parameters address them by dotted path ("model.kernelSize").

export const RUN_CONFIG_VERSION = 1;

export type Task = 'reconstruct' | 'colorize';
export const BACKEND_NAMES = ['auto', 'tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];
export type Activation = 'relu' | 'elu' | 'selu' | 'leakyRelu' | 'tanh' | 'swish';
export type OptimizerName = 'adam' | 'sgd' | 'rmsprop';
export type LossName = 'mse' | 'mae';
/** What the colorizer predicts from Y: the YIQ chrominance (I, Q), or RGB directly (the seed's grey→RGB comparison). */
export type ColorTarget = 'iq' | 'rgb';

export interface ModelConfig {
  /** Encoder convolution filters, one per down-sampling stage (each conv is followed by MaxPool 2). */
  filters: number[];
  /** Filters of the bottleneck convolution (the latent has latentChannels × (size / 2^stages)²). */
  latentChannels: number;
  /** Filters of the decoder convolutions after each up-sampling but the last; default: the encoder's, mirrored. */
  decoderFilters?: number[];
  /** Number of down/up stages; when it differs from filters.length, filters is truncated or extended with its last value. */
  stages?: number;
  kernelSize: number;
  activation: Activation;
  batchNorm: boolean;
  /** Colorizer only. */
  colorTarget: ColorTarget;
}

export interface TrainConfig {
  optimizer: OptimizerName;
  learningRate: number;
  /** SGD only. */
  momentum: number;
  batchSize: number;
  epochs: number;
  loss: LossName;
  /** Seeds weight initialisation and batch order. */
  seed: number;
}

export interface DataConfig {
  /** 'cifar10', 'sample' (the repo's shipped sample) or 'folder:PATH'. */
  dataset: string;
  /** Square input size in pixels. */
  imageSize: number;
  /** Use at most this many images in all (before the split); 0 = all. */
  limit: number;
  /** Seed of the shuffle that splits train/validation/test 80/10/10. */
  splitSeed: number;
}

export interface RunConfig {
  version: number;
  task: Task;
  model: ModelConfig;
  train: TrainConfig;
  data: DataConfig;
  backend: BackendName;
}

export function defaultRunConfig(task: Task = 'reconstruct'): RunConfig {
  const colorize = task === 'colorize';
  return {
    version: RUN_CONFIG_VERSION,
    task,
    model: colorize
      ? { filters: [32, 16], latentChannels: 16, decoderFilters: [32], kernelSize: 7, activation: 'relu', batchNorm: false, colorTarget: 'iq' }
      : { filters: [8, 12], latentChannels: 16, kernelSize: 3, activation: 'relu', batchNorm: false, colorTarget: 'iq' },
    train: { optimizer: 'adam', learningRate: 0.001, momentum: 0.9, batchSize: 32, epochs: 10, loss: 'mse', seed: 0 },
    data: { dataset: 'sample', imageSize: 32, limit: 0, splitSeed: 42 },
    backend: 'auto',
  };
}
