// Per-kernel profile of one training step of the baseline autoencoder (batch 64, Adam, MSE),
// the way the project's loop runs it (the runner's trainStep: optimizer.minimize, no model.fit).
// Usage: npx tsx bench/profileStep.ts [wasm|cpu] [--stock]   (--stock: without the speed kernels)
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../src/trainer/backend';
import { registerProjectKernels } from '../src/trainer/kernels';
import { defaultRunConfig } from '../src/shared/runConfig';
import { buildReconstructModel } from '../src/trainer/models';
import { lossFunction } from '../src/trainer/train/loss';
import { createTaskAdapter } from '../src/trainer/train/taskAdapter';
import { trainStep } from '../src/trainer/train/trainStep';
import { createOptimizer } from '../src/trainer/train/optimizer';

async function main(): Promise<void> {
  const backend = (process.argv[2] ?? 'wasm') as 'wasm' | 'cpu';
  await initBackend(backend);
  if (process.argv.includes('--stock')) registerProjectKernels(backend, { speed: false });
  const config = defaultRunConfig();
  const model = buildReconstructModel(config.model, 3, 1);
  const task = createTaskAdapter(config);
  const optimizer = createOptimizer({ optimizer: 'adam', learningRate: 1e-3, momentum: 0 }); // as the trainer makes it (fused on wasm)
  const loss = lossFunction('mse');
  const x = tf.randomUniform([64, 32, 32, 3]) as tf.Tensor4D;
  const step = () => tf.dispose(trainStep(model, optimizer, loss, task, x));
  for (let i = 0; i < 5; i++) step();
  // The machine is shared: take the fastest of several rounds (wall and CPU time), and each kernel's
  // fastest of several profiled steps.
  let ms = Infinity;
  let cpuMs = Infinity;
  for (let round = 0; round < 6; round++) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < 5; i++) step();
    const cpuUsed = process.cpuUsage(cpu0);
    ms = Math.min(ms, (performance.now() - t0) / 5);
    cpuMs = Math.min(cpuMs, (cpuUsed.user + cpuUsed.system) / 1000 / 5);
  }
  const byKernel = new Map<string, { ms: number; calls: number }>();
  for (let round = 0; round < 4; round++) {
    const perKernel = new Map<string, { ms: number; calls: number }>();
    for (const k of (await tf.profile(step)).kernels) {
      const e = perKernel.get(k.name) ?? { ms: 0, calls: 0 };
      e.ms += k.kernelTimeMs as number;
      e.calls += 1;
      perKernel.set(k.name, e);
    }
    for (const [name, e] of perKernel) if (!byKernel.has(name) || byKernel.get(name)!.ms > e.ms) byKernel.set(name, e);
  }
  byKernel.delete('fusedConv2d__op'); // the op wrapper around FusedConv2D: counted in the kernel already
  const rows = [...byKernel.entries()].sort((a, b) => b[1].ms - a[1].ms);
  const total = rows.reduce((s, [, e]) => s + e.ms, 0);
  console.log(`${backend}: ${ms.toFixed(1)} ms/step wall, best of 6 rounds (${(64000 / ms).toFixed(0)} images/s), ${cpuMs.toFixed(1)} CPU-ms/step (${(64000 / cpuMs).toFixed(0)} images/CPU-s); kernels total ${total.toFixed(1)} ms (profiled step)`);
  console.log('| kernel | calls | ms/step | share |\n|---|---|---|---|');
  for (const [name, e] of rows) console.log(`| ${name} | ${e.calls} | ${e.ms.toFixed(2)} | ${((100 * e.ms) / total).toFixed(0)} % |`);
  tf.dispose(x);
}

main().catch((err) => { console.error(err); process.exit(1); });
