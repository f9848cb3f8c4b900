// Inference on the GPU: `aelab colorize`'s colorizeImage on webgpu gives the same picture as on
// wasm, for a photo larger than the training images (padding, full-resolution convolutions).
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { PNG } from 'pngjs';
import { initBackend } from '../../src/trainer/backend';
import { disposeWebgpu, loadWebgpuBackend } from '../../src/trainer/backend/webgpu';
import { colorizeImage } from '../../src/trainer/inference/colorizeImage';
import { repoRoot, runNode } from './runNode';

/** A 200×120 test card: smooth colour gradients and a few hard edges. */
function writeTestCard(path: string): void {
  const png = new PNG({ width: 200, height: 120 });
  for (let y = 0; y < 120; y++) for (let x = 0; x < 200; x++) {
    const i = (y * 200 + x) * 4;
    png.data.set([Math.round((x / 199) * 255), Math.round((y / 119) * 255), (x + y) % 64 < 32 ? 200 : 40, 255], i);
  }
  writeFileSync(path, PNG.sync.write(png));
}

describe('webgpu: colorize inference', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aelab-webgpu-colorize-'));
  let modelDir: string;
  const image = join(dir, 'card.png');

  before(async () => {
    const sets = ['train.epochs=1', 'data.limit=40', 'train.batchSize=8', 'backend=wasm'].flatMap((s) => ['--set', s]);
    const run = await runNode([join(repoRoot, 'dist', 'cli.js'), 'train', '--task', 'colorize', '--store', dir, '--json', ...sets], 240_000);
    assert.equal(run.code, 0, run.stdout.slice(-1500) + run.stderr.slice(-1500));
    modelDir = join((JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { runDir: string }).runDir, 'model', 'best');
    writeTestCard(image);
  });
  after(() => {
    disposeWebgpu();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the same full-size picture as wasm, within 2 levels a pixel', async () => {
    await initBackend('wasm');
    await colorizeImage({ imagePath: image, modelDir, outPath: join(dir, 'wasm.png') });
    assert.ok(await loadWebgpuBackend({ allowFallbackAdapter: true }));
    const result = await colorizeImage({ imagePath: image, modelDir, outPath: join(dir, 'webgpu.png') });
    assert.equal(tf.getBackend(), 'webgpu');
    assert.deepEqual([result.width, result.height], [200, 120]);
    const [a, b] = ['webgpu.png', 'wasm.png'].map((f) => PNG.sync.read(readFileSync(join(dir, f))));
    assert.deepEqual([a.width, a.height], [200, 120]);
    assert.deepEqual([b.width, b.height], [200, 120]);
    const maxDiff = a.data.reduce((m, v, i) => Math.max(m, Math.abs(v - b.data[i])), 0);
    assert.ok(maxDiff <= 2, `pixels differ by up to ${maxDiff} levels`);
    // Not a blank or grey picture: the colorizer put some colour in.
    const spread = a.data.reduce((m, v, i) => (i % 4 === 3 ? m : Math.max(m, Math.abs(v - a.data[i - (i % 4)]))), 0);
    assert.ok(spread > 0, 'the output has no colour at all');
  });
});
