// Model factories: one fresh model per call, built from the run configuration's options.
import type * as tf from '@tensorflow/tfjs';
import type { ModelConfig, RunConfig } from '../../shared/runConfig';
import { buildAutoencoder } from './autoencoder';

export { downsamplingFactor, resolveArchitecture, type Architecture } from './architecture';

/** RGB (or `channels`) in, the same out with sigmoid: the seed's baseline with the default options (4,911 parameters). */
export function buildReconstructModel(model: ModelConfig, channels = 3, seed?: number): tf.LayersModel {
  return buildAutoencoder(model, { inChannels: channels, outChannels: channels, outActivation: 'sigmoid', name: 'reconstruct', seed });
}

/**
 * Y (luma, 1 channel) in. colorTarget 'iq': 2 channels, tanh, meaning I/0.5957 and Q/0.5226 (see color/yiq.ts
 * for the exact scale); 'rgb': 3 channels, sigmoid (the seed's grey→RGB variant).
 */
export function buildColorizeModel(model: ModelConfig, seed?: number): tf.LayersModel {
  if (model.colorTarget !== 'iq' && model.colorTarget !== 'rgb') {
    throw new Error(`model.colorTarget must be 'iq' or 'rgb', got ${JSON.stringify(model.colorTarget)}`);
  }
  const iq = model.colorTarget === 'iq';
  return buildAutoencoder(model, { inChannels: 1, outChannels: iq ? 2 : 3, outActivation: iq ? 'tanh' : 'sigmoid', name: `colorize_${model.colorTarget}`, seed });
}

/** The model for a run: dispatches on task, seeds initialisation with train.seed. */
export function buildModel(config: RunConfig): tf.LayersModel {
  const seed = config.train?.seed;
  if (config.task === 'reconstruct') return buildReconstructModel(config.model, 3, seed);
  if (config.task === 'colorize') return buildColorizeModel(config.model, seed);
  throw new Error(`task must be 'reconstruct' or 'colorize', got ${JSON.stringify((config as { task: unknown }).task)}`);
}
