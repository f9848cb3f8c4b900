// FusedAdamOptimizer against tf.train.adam: the same variables after several steps, bit for bit on wasm
// (one C pass per variable, wasm/adam.c) and on cpu (where it is tf.train.adam's own code); the same
// moments and iteration count through getWeights (what a checkpoint would save); no tensor left behind.
import { strict as assert } from 'node:assert';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../src/trainer/backend';
import { ADAM_UPDATE } from '../../../src/trainer/kernels/adamUpdate';
import { FusedAdamOptimizer } from '../../../src/trainer/train/fusedAdam';
import { createOptimizer } from '../../../src/trainer/train/optimizer';
import { seededRandom, signedValues } from './reference';

const SHAPES = [[3, 3, 3, 8], [8], [5, 3], [1], [7, 9, 2]];

/** Runs `steps` steps of `optimizer` on fresh variables (same seed each time); returns their values and its weights. */
async function train(optimizer: tf.Optimizer, steps: number): Promise<{ values: Float32Array[]; weights: Float32Array[]; iterations: number }> {
  const rand = seededRandom(77);
  const vars = SHAPES.map((shape, i) => tf.variable(tf.tensor(Float32Array.from(signedValues(shape.reduce((a, b) => a * b, 1), rand)), shape), true, `w${i}-${Math.random()}`));
  const targets = SHAPES.map((shape) => tf.tensor(Float32Array.from(signedValues(shape.reduce((a, b) => a * b, 1), rand)), shape));
  for (let s = 0; s < steps; s++) {
    // A loss with gradients of both signs and different scales per variable (one gradient exactly zero in places).
    tf.dispose(optimizer.minimize(() => tf.addN(vars.map((v, i) => tf.sum(tf.mul(tf.square(tf.sub(v, targets[i])), i + 1)).add(tf.sum(tf.relu(v))))) as tf.Scalar) ?? []);
  }
  const weights = await optimizer.getWeights();
  const out = {
    values: vars.map((v) => v.dataSync() as Float32Array),
    weights: weights.slice(1).map((w) => w.tensor.dataSync() as Float32Array),
    iterations: weights[0].tensor.dataSync()[0],
  };
  tf.dispose([...vars, ...targets]);
  return out;
}

for (const backend of ['wasm', 'cpu'] as const) {
  describe(`FusedAdamOptimizer on ${backend}`, () => {
    before(async () => { await initBackend(backend); });

    it(`gives tf.train.adam's variables, moments and iterations bit for bit after 7 steps${backend === 'wasm' ? ' (one C pass per variable)' : ' (its own code)'}`, async () => {
      assert.equal(tf.getKernel(ADAM_UPDATE, backend) !== undefined, backend === 'wasm');
      const stock = tf.train.adam(0.01);
      const fused = new FusedAdamOptimizer(0.01);
      const want = await train(stock, 7);
      const before = tf.memory().numTensors;
      const got = await train(fused, 7);
      assert.equal(got.iterations, want.iterations);
      got.values.forEach((v, i) => assert.deepEqual(v, want.values[i], `variable ${i}`));
      got.weights.forEach((w, i) => assert.deepEqual(w, want.weights[i], `moment ${i}`));
      const initial = await train(tf.train.adam(0.01), 0);
      assert.ok(want.values.every((v, i) => v.some((x, j) => x !== initial.values[i][j])), 'every variable moved');
      stock.dispose();
      fused.dispose();
      assert.ok(tf.memory().numTensors <= before, `no tensor left behind (${before} → ${tf.memory().numTensors})`);
    });

    it("is the optimizer a run's `adam` gets", () => {
      const optimizer = createOptimizer({ optimizer: 'adam', learningRate: 0.01, momentum: 0 });
      assert.ok(optimizer instanceof FusedAdamOptimizer);
      optimizer.dispose();
    });

    if (backend === 'wasm') {
      it('runs one update kernel per variable: no Sqrt, Div or Square kernels left', async () => {
        const v = tf.variable(tf.ones([6]));
        const optimizer = new FusedAdamOptimizer(0.1);
        const { kernels } = await tf.profile(() => tf.dispose(optimizer.minimize(() => tf.sum(tf.mul(v, v)) as tf.Scalar) ?? []));
        const names = kernels.map((k) => k.name);
        assert.equal(names.filter((n) => n === ADAM_UPDATE).length, 1, names.join(' '));
        for (const stock of ['Sqrt', 'RealDiv', 'Square']) assert.ok(!names.includes(stock), `${stock} in ${names.join(' ')}`);
        tf.dispose(v);
        optimizer.dispose();
      });

      it('refuses moments whose shape differs from the variable, naming both', () => {
        const x = tf.zeros([4]);
        const bad = tf.zeros([5]);
        assert.throws(() => tf.engine().runKernel(ADAM_UPDATE, { x, m: bad, v: x, g: x, accBeta1: tf.scalar(0.9), accBeta2: tf.scalar(0.999) }, { beta1: 0.9, beta2: 0.999, epsilon: 1e-7, learningRate: 0.1 }),
          /AelabAdamUpdate: m must be float32 of shape \[4\], got float32 \[5\]/);
        tf.dispose([x, bad]);
      });
    }
  });
}
