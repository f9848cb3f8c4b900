// The real trainer through the real CLI (`aelab train`, dist/cli.js forking dist/trainer.js) on
// webgpu and on wasm, same configuration: the same store artefacts, the same numbers, exit code 0.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { PNG } from 'pngjs';
import { disposeWebgpu, loadWebgpuBackend } from '../../src/trainer/backend/webgpu';
import { repoRoot, runNode } from './runNode';

const cli = join(repoRoot, 'dist', 'cli.js');
const SETS = ['train.epochs=1', 'data.limit=40', 'train.batchSize=8', 'train.seed=3'];

interface TrainResult { code: number | null; stderr: string; summary: { status: string; backend: string; runDir: string; summary: Record<string, number> } }

async function train(store: string, backend: string, sets = SETS): Promise<TrainResult> {
  const args = [cli, 'train', '--store', store, '--json', '--set', `backend=${backend}`, ...sets.flatMap((s) => ['--set', s])];
  const { code, stdout, stderr } = await runNode(args, 240_000);
  try {
    return { code, stderr, summary: JSON.parse(stdout.trim().split('\n').at(-1) ?? '') };
  } catch {
    throw new Error(`no JSON summary (exit ${code}): ${stdout.slice(-1000)}\n${stderr.slice(-2000)}`);
  }
}

/** Every file under runDir, relative to it, so two runs compare. */
function artefacts(runDir: string): string[] {
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
  return walk(runDir).map((f) => relative(runDir, f)).sort();
}

const metricLines = (runDir: string) => readFileSync(join(runDir, 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; values: Record<string, number> });
const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('webgpu: the real trainer via `aelab train --set backend=webgpu`', () => {
  const store = mkdtempSync(join(tmpdir(), 'aelab-webgpu-'));
  let gpu: TrainResult;
  let wasm: TrainResult;

  before(async () => {
    assert.ok(statSync(cli).isFile(), 'dist/cli.js is missing: run `npm run build`');
    wasm = await train(store, 'wasm');
    gpu = await train(store, 'webgpu');
  });
  after(() => rmSync(store, { recursive: true, force: true }));

  it('finishes, exits 0 and records the backend and its adapter', () => {
    assert.equal(gpu.code, 0, `${JSON.stringify(gpu.summary)}\n${gpu.stderr.slice(-2000)}`);
    assert.equal(gpu.summary.status, 'finished');
    assert.equal(gpu.summary.backend, 'webgpu');
    const db = JSON.parse(readFileSync(join(store, 'db.json'), 'utf8')) as { runs: { backend?: string; adapter?: Record<string, unknown> }[] };
    const record = db.runs.find((r) => r.backend === 'webgpu');
    assert.ok(record?.adapter, 'the run record has no adapter');
    assert.equal(typeof record.adapter.description, 'string');
    assert.equal(typeof record.adapter.isFallbackAdapter, 'boolean');
  });

  it('writes the same artefacts as a wasm run', () => {
    assert.equal(wasm.code, 0, `${JSON.stringify(wasm.summary)}\n${wasm.stderr.slice(-2000)}`);
    const files = artefacts(gpu.summary.runDir);
    assert.deepEqual(files, artefacts(wasm.summary.runDir));
    for (const f of ['metrics.jsonl', 'media/epoch-0001.png', 'model/best/model.json', 'model/last/weights.bin']) assert.ok(files.includes(f), f);
    assert.deepEqual(metricLines(gpu.summary.runDir).map((l) => l.kind), metricLines(wasm.summary.runDir).map((l) => l.kind));
  });

  it('computes the same metrics and image grid as wasm', () => {
    for (const key of ['loss', 'val_mse', 'val_psnr', 'val_ssim', 'test_mse', 'test_ssim']) {
      const a = gpu.summary.summary[key];
      const b = wasm.summary.summary[key];
      assert.ok(relErr(a, b) < 1e-4, `${key}: webgpu ${a}, wasm ${b}`);
    }
    const [a, b] = [gpu, wasm].map((r) => PNG.sync.read(readFileSync(join(r.summary.runDir, 'media', 'epoch-0001.png'))));
    assert.deepEqual([a.width, a.height], [b.width, b.height]);
    const maxDiff = a.data.reduce((m, v, i) => Math.max(m, Math.abs(v - b.data[i])), 0);
    assert.ok(maxDiff <= 2, `grid pixels differ by up to ${maxDiff} levels`);
  });

  it('fails a batch too large for the GPU with a message naming the batch size', async function () {
    // The first conv's output, batch × 128² × 8 floats, must exceed one buffer binding.
    assert.ok(await loadWebgpuBackend({ allowFallbackAdapter: true }));
    const limit = (tf.backend() as unknown as { device: GPUDevice }).device.limits.maxStorageBufferBindingSize;
    disposeWebgpu();
    const batch = Math.floor(limit / (128 * 128 * 8 * 4)) + 1;
    if (batch > 512) this.skip(); // a real GPU: gigabytes per binding, not worth the memory here
    const sets = ['train.epochs=1', `data.limit=${Math.ceil(batch / 0.8) + 10}`, 'data.imageSize=128', `train.batchSize=${batch}`];
    const result = await train(store, 'webgpu', sets);
    assert.equal(result.code, 1);
    assert.equal(result.summary.status, 'failed');
    const message = (result.summary as unknown as { error: string }).error;
    assert.match(message, new RegExp(`^At batch size ${batch} a tensor is larger than this GPU allows in one buffer: lower train\\.batchSize \\(try ${Math.floor(batch / 2)}\\)`));
  });
});
