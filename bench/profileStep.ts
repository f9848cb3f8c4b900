// Per-kernel profile of one training step of the baseline autoencoder (batch 64, Adam, MSE),
// the way the project's loop runs it (optimizer.minimize on a batch tensor, no model.fit).
// Usage: npx tsx bench/profileStep.ts [wasm|cpu] [--stock]   (--stock: without the speed kernels)
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../src/trainer/backend';
import { registerProjectKernels } from '../src/trainer/kernels';
import { defaultRunConfig } from '../src/shared/runConfig';
import { buildReconstructModel } from '../src/trainer/models';
import { lossFunction } from '../src/trainer/train/loss';

async function main(): Promise<void> {
  const backend = (process.argv[2] ?? 'wasm') as 'wasm' | 'cpu';
  await initBackend(backend);
  if (process.argv.includes('--stock')) registerProjectKernels(backend, { speed: false });
  const model = buildReconstructModel(defaultRunConfig().model, 3, 1);
  const optimizer = tf.train.adam(1e-3);
  const loss = lossFunction('mse');
  const x = tf.randomUniform([64, 32, 32, 3]) as tf.Tensor4D;
  const step = () => tf.dispose(optimizer.minimize(() => loss(x, model.apply(x, { training: true }) as tf.Tensor), true) ?? []);
  for (let i = 0; i < 5; i++) step();
  const steps = 10;
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) step();
  const ms = (performance.now() - t0) / steps;
  const profile = await tf.profile(step);
  const byKernel = new Map<string, { ms: number; calls: number }>();
  for (const k of profile.kernels) {
    const e = byKernel.get(k.name) ?? { ms: 0, calls: 0 };
    e.ms += k.kernelTimeMs as number;
    e.calls += 1;
    byKernel.set(k.name, e);
  }
  const rows = [...byKernel.entries()].sort((a, b) => b[1].ms - a[1].ms);
  const total = rows.reduce((s, [, e]) => s + e.ms, 0);
  console.log(`${backend}: ${ms.toFixed(1)} ms/step = ${(64000 / ms).toFixed(0)} images/s; kernels total ${total.toFixed(1)} ms (profiled step)`);
  console.log('| kernel | calls | ms/step | share |\n|---|---|---|---|');
  for (const [name, e] of rows) console.log(`| ${name} | ${e.calls} | ${e.ms.toFixed(2)} | ${((100 * e.ms) / total).toFixed(0)} % |`);
  tf.dispose(x);
}

main().catch((err) => { console.error(err); process.exit(1); });
