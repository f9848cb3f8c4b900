// CPU time of the filter gradient per layer of the baseline (batch 64), and its parts: the two input
// transposes and the convolution with its operator already cached (what packing costs is the rest).
// Usage: npx tsx bench/profileFilterGrad.ts
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../src/trainer/backend';

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Mean CPU ms of `f` over 20 calls after 3 warm-ups. */
function time(f: () => tf.Tensor): string {
  for (let i = 0; i < 3; i++) f().dispose();
  const t = cpuMs();
  for (let i = 0; i < 20; i++) f().dispose();
  return ((cpuMs() - t) / 20).toFixed(2);
}

async function main(): Promise<void> {
  await initBackend('wasm');
  const layers = [[32, 3, 8], [16, 8, 12], [8, 12, 16], [16, 16, 12], [32, 12, 3]];
  console.log('| layer | kernel | transpose x | transpose dy | conv, x as images | conv, dy as images |\n|---|---|---|---|---|---|');
  for (const [s, ci, co] of layers) {
    const x = tf.randomNormal([64, s, s, ci]) as tf.Tensor4D;
    const dy = tf.randomNormal([64, s, s, co]) as tf.Tensor4D;
    const xT = x.transpose([3, 1, 2, 0]) as tf.Tensor4D;
    const dyT = dy.transpose([1, 2, 0, 3]) as tf.Tensor4D;
    const xF = x.transpose([1, 2, 0, 3]) as tf.Tensor4D;
    const dyI = dy.transpose([3, 1, 2, 0]) as tf.Tensor4D;
    const same: [[number, number], [number, number], [number, number], [number, number]] = [[0, 0], [1, 1], [1, 1], [0, 0]];
    const kernel = time(() => tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { strides: 1, pad: 'same', dataFormat: 'NHWC', filterShape: [3, 3, ci, co] }) as tf.Tensor);
    const cells = [kernel, time(() => x.transpose([3, 1, 2, 0])), time(() => dy.transpose([1, 2, 0, 3])), time(() => tf.conv2d(xT, dyT, 1, same)), time(() => tf.conv2d(dyI, xF, 1, same))];
    console.log(`| 64×${s}×${s}×${ci} → ${co} | ${cells.join(' | ')} |`);
    tf.dispose([x, dy, xT, dyT, xF, dyI]);
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
