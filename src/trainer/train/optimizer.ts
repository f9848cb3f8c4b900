// The optimizer a run's configuration names (adam, sgd with momentum, rmsprop), at its learning rate.
import * as tf from '@tensorflow/tfjs';
import type { TrainConfig } from '../../shared/runConfig';
import { FusedAdamOptimizer } from './fusedAdam';

export function createOptimizer(train: Pick<TrainConfig, 'optimizer' | 'learningRate' | 'momentum'>): tf.Optimizer {
  if (!(train.learningRate > 0)) throw new Error(`train.learningRate must be a positive number, got ${train.learningRate}`);
  switch (train.optimizer) {
    case 'adam':
      return new FusedAdamOptimizer(train.learningRate); // tf.train.adam's defaults and arithmetic, fewer kernels on wasm
    case 'sgd':
      // Plain SGD when momentum is 0, otherwise classical momentum (Keras' SGD(momentum=…)).
      return train.momentum > 0 ? tf.train.momentum(train.learningRate, train.momentum) : tf.train.sgd(train.learningRate);
    case 'rmsprop':
      return tf.train.rmsprop(train.learningRate);
    default:
      throw new Error(`train.optimizer must be one of adam, sgd, rmsprop; got ${JSON.stringify(train.optimizer)}`);
  }
}
