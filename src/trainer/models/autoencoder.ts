// The convolutional autoencoder both tasks share: encoder (conv + MaxPool per stage), a bottleneck
// conv, decoder (UpSample + conv per stage). Fully convolutional: any H×W that is a multiple of 2^stages.
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from '../../shared/runConfig';
import { resolveArchitecture } from './architecture';
import { convBlock } from './layers';

export interface AutoencoderOptions {
  inChannels: number;
  outChannels: number;
  outActivation: 'sigmoid' | 'tanh';
  name: string;
  /** Seeds weight initialisation (each layer gets seed + its index); undefined = unseeded. */
  seed?: number;
}

export function buildAutoencoder(model: ModelConfig, opts: AutoencoderOptions): tf.LayersModel {
  const arch = resolveArchitecture(model);
  let layerIndex = 0;
  const seed = () => (opts.seed === undefined ? undefined : opts.seed + layerIndex++);
  const hidden = (filters: number, name: string) => ({
    filters, kernelSize: arch.kernelSize, activation: arch.activation, batchNorm: arch.batchNorm, name, seed: seed(),
  });

  const input = tf.input({ shape: [null, null, opts.inChannels], name: 'input' });
  let x = input;
  arch.encoderFilters.forEach((filters, i) => {
    x = convBlock(x, hidden(filters, `enc${i + 1}`));
    x = tf.layers.maxPooling2d({ poolSize: 2, strides: 2, padding: 'valid', name: `pool${i + 1}` }).apply(x) as tf.SymbolicTensor;
  });
  x = convBlock(x, hidden(arch.latentChannels, 'latent'));
  for (let i = 0; i < arch.stages; i++) {
    x = tf.layers.upSampling2d({ size: [2, 2], name: `up${i + 1}` }).apply(x) as tf.SymbolicTensor;
    const last = i === arch.stages - 1;
    x = last
      ? convBlock(x, { filters: opts.outChannels, kernelSize: arch.kernelSize, activation: opts.outActivation, batchNorm: false, name: 'output', seed: seed() })
      : convBlock(x, hidden(arch.decoderFilters[i], `dec${i + 1}`));
  }
  return tf.model({ inputs: input, outputs: x, name: opts.name });
}
