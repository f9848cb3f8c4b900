// The building blocks of the autoencoders: a 'same' convolution with optional batch norm and activation.
import * as tf from '@tensorflow/tfjs';
import type { Activation } from '../../shared/runConfig';
import { ReluConv2D } from './reluConv2d';

export interface ConvOptions {
  filters: number;
  kernelSize: number;
  activation: Activation | 'sigmoid';
  batchNorm: boolean;
  name: string;
  /** Seeds the kernel initialiser so a run's weights are reproducible; undefined = unseeded. */
  seed?: number;
}

type LayersActivation = Exclude<Activation, 'leakyRelu'> | 'sigmoid' | 'linear';

function activationLayer(activation: Activation | 'sigmoid', name: string): tf.layers.Layer {
  // tfjs-layers has no 'leakyRelu' activation string, only the LeakyReLU layer (alpha 0.3, as Keras).
  if (activation === 'leakyRelu') return tf.layers.leakyReLU({ name });
  return tf.layers.activation({ activation, name });
}

/** conv → [BN] → activation. Without BN the activation sits inside the conv (the seed's layer list exactly). */
export function convBlock(input: tf.SymbolicTensor, opts: ConvOptions): tf.SymbolicTensor {
  const fused = !opts.batchNorm && opts.activation !== 'leakyRelu';
  const convActivation: LayersActivation = fused ? (opts.activation as LayersActivation) : 'linear';
  const args = {
    filters: opts.filters,
    kernelSize: opts.kernelSize,
    padding: 'same' as const,
    activation: convActivation,
    kernelInitializer: tf.initializers.glorotUniform({ seed: opts.seed }),
    name: opts.name,
  };
  // A ReLU conv is one tape node in training (reluConv2d.ts); it is saved as a plain Conv2D.
  const conv = convActivation === 'relu' ? new ReluConv2D(args) : tf.layers.conv2d(args);
  let out = conv.apply(input) as tf.SymbolicTensor;
  if (fused) return out;
  // Batch norm after the conv and before the activation (Ioffe & Szegedy's placement).
  if (opts.batchNorm) out = tf.layers.batchNormalization({ name: `${opts.name}_bn` }).apply(out) as tf.SymbolicTensor;
  return activationLayer(opts.activation, `${opts.name}_${opts.activation}`).apply(out) as tf.SymbolicTensor;
}
