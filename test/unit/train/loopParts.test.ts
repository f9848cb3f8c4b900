// The pieces of the loop: batches straight from uint8 pixels, the seeded order, losses and optimizers.
import { strict as assert } from 'node:assert';
import * as tf from '@tensorflow/tfjs';
import { batchRanges, fillBatch } from '../../../src/trainer/train/batches';
import { lossFunction } from '../../../src/trainer/train/loss';
import { createOptimizer } from '../../../src/trainer/train/optimizer';
import { epochOrder } from '../../../src/trainer/train/shuffle';
import { float32Bits } from '../kernels/reference';

describe('training loop parts', () => {
  before(async () => { await tf.setBackend('cpu'); });

  it('fillBatch copies the chosen images in order, scaled to [0, 1]', () => {
    // Three 1×1 images: (0,51,102), (153,204,255), (255,0,0).
    const split = { pixels: Uint8Array.from([0, 51, 102, 153, 204, 255, 255, 0, 0]), count: 3, size: 1 };
    assert.deepEqual(fillBatch(split, [2, 0, 1], 0, 2), Float32Array.from([1, 0, 0, 0, 0.2, 0.4]));
    assert.deepEqual(fillBatch(split, null, 1, 2), Float32Array.from([0.6, 0.8, 1]));
    assert.deepEqual(batchRanges(10, 4), [[0, 4], [4, 8], [8, 10]]);
  });

  it('each epoch has its own order, the same for the same seed, and a permutation', () => {
    const a = epochOrder(50, 7, 1);
    assert.deepEqual(a, epochOrder(50, 7, 1));
    assert.notDeepEqual(a, epochOrder(50, 7, 2));
    assert.notDeepEqual(a, epochOrder(50, 8, 1));
    assert.deepEqual([...a].sort((x, y) => x - y), Array.from({ length: 50 }, (_, i) => i));
  });

  it('mse and mae losses match hand-computed values', () => {
    const target = tf.tensor([0, 0.5, 1, 1]);
    const output = tf.tensor([0.5, 0.5, 0, 1]);
    const mse = lossFunction('mse')(target, output);
    const mae = lossFunction('mae')(target, output);
    assert.ok(Math.abs(mse.dataSync()[0] - (0.25 + 1) / 4) < 1e-7);
    assert.ok(Math.abs(mae.dataSync()[0] - 1.5 / 4) < 1e-7);
    tf.dispose([target, output, mse, mae]);
  });

  it('mse and mae losses give tfjs\'s own value and output gradient bit for bit, and free what they make', () => {
    const target = tf.randomUniform([4, 6, 5, 3], 0, 1, 'float32', 1);
    const output = tf.randomUniform([4, 6, 5, 3], -0.5, 1.5, 'float32', 2);
    const stock = { mse: (t: tf.Tensor, o: tf.Tensor) => tf.mean(tf.squaredDifference(t, o)), mae: (t: tf.Tensor, o: tf.Tensor) => tf.mean(tf.abs(tf.sub(t, o))) };
    const dy = tf.scalar(0.7);
    for (const name of ['mse', 'mae'] as const) {
      const before = tf.memory().numTensors;
      // The target made inside the differentiated function, as the colorize task makes its IQ target.
      const ours = tf.valueAndGrad((o: tf.Tensor) => lossFunction(name)(tf.add(target, 0), o))(output, dy);
      const theirs = tf.valueAndGrad((o: tf.Tensor) => stock[name](target, o) as tf.Scalar)(output, dy);
      assert.deepEqual(float32Bits(ours.value), float32Bits(theirs.value), `${name} value`);
      assert.deepEqual(float32Bits(ours.grad), float32Bits(theirs.grad), `${name} gradient`);
      assert.ok(ours.grad.dataSync().some((g) => g > 0) && ours.grad.dataSync().some((g) => g < 0), 'gradients of both signs');
      tf.dispose([ours.value, ours.grad, theirs.value, theirs.grad]);
      assert.equal(tf.memory().numTensors, before, `${name}: tensors left`);
    }
    tf.dispose([target, output, dy]);
  });

  it('adam, sgd (plain and with momentum) and rmsprop each minimise a quadratic; bad settings are named', () => {
    for (const optimizer of ['adam', 'sgd', 'rmsprop'] as const) {
      for (const momentum of optimizer === 'sgd' ? [0, 0.9] : [0]) {
        const x = tf.variable(tf.scalar(3));
        const opt = createOptimizer({ optimizer, learningRate: 0.05, momentum });
        for (let i = 0; i < 100; i++) tf.dispose(opt.minimize(() => x.square() as tf.Scalar, true) ?? []);
        assert.ok(Math.abs(x.dataSync()[0]) < 1, `${optimizer} (momentum ${momentum}) moved x from 3 to ${x.dataSync()[0]}`);
        if (optimizer === 'sgd') assert.equal(opt.getClassName(), momentum > 0 ? 'Momentum' : 'SGD');
        opt.dispose();
        x.dispose();
      }
    }
    assert.throws(() => createOptimizer({ optimizer: 'adamw' as never, learningRate: 0.1, momentum: 0 }), /train\.optimizer must be one of adam, sgd, rmsprop; got "adamw"/);
    assert.throws(() => createOptimizer({ optimizer: 'adam', learningRate: 0, momentum: 0 }), /train\.learningRate must be a positive number/);
  });
});
