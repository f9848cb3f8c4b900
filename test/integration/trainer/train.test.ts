// `aelab train` end to end: the real CLI forks the real dist/trainer.js on the shipped sample, and the
// store is read back (db.json, metrics.jsonl, the PNG grid, checkpoints that reload and predict);
// crashes (a throw inside the trainer, kill -9) and Ctrl-C are recorded as such.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { PNG } from 'pngjs';
import { storePaths } from '../../../src/shared/storeSchema';
import { ExperimentStore, readMetrics } from '../../../src/store';
import { initBackend } from '../../../src/trainer/backend';
import { loadModelFromDir } from '../../../src/trainer/checkpoint';
import { buildBundles, runCli, startCli } from './cli';

const quick = ['--dataset', 'sample', '--set', 'data.limit=160', '--set', 'train.epochs=1', '--set', 'train.batchSize=16'];

describe('aelab train (real trainer process, shipped sample)', function () {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const store = () => join(dir, 'store');

  before(() => buildBundles());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'aelab-train-it-'));
    env = { AELAB_CACHE_DIR: join(dir, 'cache') };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('trains one epoch and records it: db.json, metrics.jsonl, a PNG grid, checkpoints that reload and predict', async () => {
    const { code, lines, stderr } = await runCli(['train', ...quick, '--store', store(), '--json'], env);
    assert.equal(code, 0, stderr);
    const summary = lines.at(-1) as { type: string; runId: string; runDir: string; status: string };
    assert.equal(summary.type, 'summary');
    assert.equal(summary.status, 'finished');
    assert.deepEqual([...new Set(lines.map((l) => l.type))].filter((t) => t !== 'log'), ['started', 'progress', 'epoch', 'image', 'checkpoint', 'done', 'summary']);

    const s = await ExperimentStore.open(store());
    const run = await s.getRun(summary.runId);
    assert.ok(run && run.status === 'finished' && run.epoch === 1 && run.bestEpoch === 1 && run.backend === 'wasm' && run.endedAt);
    assert.ok(run.summary.test_mse > 0 && run.summary.test_mse < 0.2, JSON.stringify(run.summary));
    assert.equal(run.config.train.epochs, 1, '--set reached the run configuration');

    const metrics = readMetrics(s.file(storePaths.metrics(run.id)));
    assert.deepEqual(metrics.filter((m) => m.kind !== 'batch').map((m) => m.kind), ['epoch', 'test']);
    assert.ok(metrics.some((m) => m.kind === 'batch' && m.values.loss > 0));
    assert.ok(metrics[metrics.length - 1].values.test_ssim > 0);
    assert.match(readFileSync(s.file(storePaths.log(run.id)), 'utf8'), /backend wasm, 4911 parameters/);

    const png = PNG.sync.read(readFileSync(s.file(storePaths.mediaFile(run.id, 1))));
    assert.ok(png.width >= 16 * 32 && png.height >= 2 * 32, `grid ${png.width}×${png.height}`);
    const values = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4 * 97) values.add(png.data[i] * 65536 + png.data[i + 1] * 256 + png.data[i + 2]);
    assert.ok(values.size > 100, `the grid is not blank (${values.size} distinct colours sampled)`);

    await initBackend('wasm');
    for (const kind of ['best', 'last'] as const) {
      const model = await loadModelFromDir(s.file(storePaths.model(run.id, kind)));
      const out = tf.tidy(() => model.predict(tf.randomUniform([2, 32, 32, 3], 0, 1, 'float32', 3)) as tf.Tensor);
      assert.deepEqual(out.shape, [2, 32, 32, 3]);
      const data = await out.data();
      assert.ok(data.every((v) => v >= 0 && v <= 1), 'sigmoid output');
      tf.dispose(out);
      model.dispose();
    }
  });

  it('a run whose trainer throws is recorded as failed, with the error and the stderr tail', async () => {
    const { code, lines } = await runCli(['train', ...quick, '--dataset', `folder:${join(dir, 'no-such-folder')}`, '--store', store(), '--json'], env);
    assert.notEqual(code, 0);
    const error = lines.find((l) => l.type === 'error') as { message: string; stack: string };
    assert.match(error.message, /no-such-folder/);
    const run = (await (await ExperimentStore.open(store())).listRuns())[0];
    assert.equal(run.status, 'failed');
    assert.match(run.error?.message ?? '', /no-such-folder/);
    assert.match(run.error?.stderrTail ?? '', /no-such-folder[\s\S]*at /, 'the stack is in the stderr tail');
    assert.equal(run.error?.exitCode, 1);
  });

  it('kill -9 of the trainer is recorded as failed ("killed by SIGKILL")', async () => {
    const cli = startCli(['train', ...quick, '--set', 'train.epochs=50', '--store', store(), '--json'], env);
    await cli.waitForLine((l) => l.type === 'progress');
    const s = await ExperimentStore.open(store());
    const [running] = await s.listRuns();
    assert.equal(running.status, 'running');
    process.kill(running.pid as number, 'SIGKILL');
    assert.equal(await cli.exited, 1);
    const run = await s.getRun(running.id);
    assert.equal(run?.status, 'failed');
    assert.match(run?.error?.message ?? '', /killed by SIGKILL/);
  });

  it('Ctrl-C stops after the current batch: status stopped, "last" checkpoint kept, exit code 130', async () => {
    const cli = startCli(['train', ...quick, '--set', 'train.epochs=50', '--store', store(), '--json'], env);
    await cli.waitForLine((l) => l.type === 'epoch');
    cli.child.kill('SIGINT');
    assert.equal(await cli.exited, 130, cli.stderr());
    const done = cli.lines.find((l) => l.type === 'done');
    assert.equal(done?.status, 'stopped');
    const summary = cli.lines.at(-1) as { runId: string; status: string };
    assert.equal(summary.status, 'stopped');
    const s = await ExperimentStore.open(store());
    const run = await s.getRun(summary.runId);
    assert.ok(run && run.status === 'stopped' && run.epoch >= 1);
    assert.ok(JSON.parse(readFileSync(join(s.file(storePaths.model(run.id, 'last')), 'model.json'), 'utf8')).modelTopology);
  });

  it('SIGTERM to the trainer also stops it after the current batch (recorded as stopped, not failed)', async () => {
    const cli = startCli(['train', ...quick, '--set', 'train.epochs=50', '--store', store(), '--json'], env);
    await cli.waitForLine((l) => l.type === 'progress');
    const s = await ExperimentStore.open(store());
    const [running] = await s.listRuns();
    process.kill(running.pid as number, 'SIGTERM');
    assert.equal(await cli.exited, 130, cli.stderr());
    const run = await s.getRun(running.id);
    assert.equal(run?.status, 'stopped');
    assert.equal(cli.lines.filter((l) => l.type === 'checkpoint' && l.kind === 'last').length >= 1, true);
  });
});
