// The sweep controller in this process, driving the REAL trainer (dist/trainer.js) on the shipped sample.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { storePaths } from '../../../src/shared/storeSchema';
import { ExperimentStore, readMetrics } from '../../../src/store';
import { runSweep, type SweepEvent } from '../../../src/sweep/controller';
import { loadSweepFile } from '../../../src/sweep/spec';
import { TrainerProcess } from '../../../src/trainer/process';
import { ensureBuilt, runCli, tempDir, writeSweep } from './helpers';

describe('sweep controller with the real trainer', function () {
  this.timeout(120_000);
  let dir: string;
  let remove: () => void;
  before(() => ensureBuilt());
  beforeEach(() => ({ dir, remove } = tempDir('sweep')));
  afterEach(() => remove());

  async function sweepWith(overrides: Record<string, unknown>, epochs: number, onEvent?: (e: SweepEvent, store: ExperimentStore) => void) {
    const store = await ExperimentStore.open(join(dir, 'store'));
    const spec = await loadSweepFile(writeSweep(dir, 'it', overrides, epochs));
    const events: SweepEvent[] = [];
    const sweep = await runSweep({ store, spec, pollMs: 200, onEvent: (e) => (events.push(e), onEvent?.(e, store)) });
    return { store, sweep, events, runs: await store.listRuns({ sweepId: sweep.id }) };
  }

  it('concurrency 2 runs two trainers at once and records both', async () => {
    const { sweep, events, runs } = await sweepWith({ concurrency: 2, run_cap: 2 }, 2);
    assert.equal(sweep.status, 'finished');
    assert.deepEqual(runs.map((r) => r.status), ['finished', 'finished']);
    const firstEnd = events.findIndex((e) => e.type === 'run-ended');
    assert.equal(events.slice(0, firstEnd).filter((e) => e.type === 'run-started').length, 2, 'both started before either ended');
    const [a, b] = runs.map((r) => [Date.parse(r.startedAt!), Date.parse(r.endedAt!)]);
    assert.ok(a[0] < b[1] && b[0] < a[1], `run intervals overlap: ${JSON.stringify([a, b])}`);
    assert.ok(sweep.bestRunId && runs.some((r) => r.id === sweep.bestRunId));
  });

  it('runs one after another share one warm trainer process, with the numbers a fresh process gives', async () => {
    const { sweep, runs } = await sweepWith({ method: 'grid', parameters: { 'train.learningRate': { values: [0.01, 0.003, 0.005] } }, run_cap: 3 }, 1);
    assert.equal(sweep.status, 'finished');
    assert.deepEqual(runs.map((r) => r.status), ['finished', 'finished', 'finished']);
    assert.equal(new Set(runs.map((r) => r.pid)).size, 1, `one process for all: ${runs.map((r) => r.pid).join(', ')}`);
    const log = readFileSync(join(dir, 'store', storePaths.log(runs[2].id)), 'utf8');
    assert.match(log, /run 3 in this trainer process \(pid \d+\): backend wasm chosen before/);
    // Nothing carries over from earlier runs: the third run again, alone in a new process, gives the same figures.
    const fresh = TrainerProcess.start({ runId: 'fresh', runDir: join(dir, 'fresh'), config: runs[2].config });
    const completion = await fresh.completed;
    assert.equal(completion.error, undefined);
    assert.notEqual(fresh.pid, runs[2].pid);
    for (const key of ['val_loss', 'test_mse', 'test_ssim']) assert.equal(completion.done?.summary[key], runs[2].summary[key], key);
  });

  it('a trainer killed with SIGKILL fails its run with the error, and the sweep goes on', async () => {
    let killed: string | undefined;
    const { sweep, runs } = await sweepWith({ run_cap: 2 }, 3, (e, store) => {
      if (e.type === 'run-epoch' && e.epoch === 1 && !killed) {
        killed = e.runId;
        void store.getRun(e.runId).then((run) => process.kill(run!.pid!, 'SIGKILL'));
      }
    });
    assert.equal(sweep.status, 'finished');
    const dead = runs.find((r) => r.id === killed)!;
    assert.equal(dead.status, 'failed');
    assert.match(dead.error!.message, /SIGKILL/);
    assert.equal(typeof dead.error!.stderrTail, 'string');
    assert.ok(readFileSync(join(dir, 'store', storePaths.log(dead.id)), 'utf8').includes('run failed'));
    const other = runs.find((r) => r.id !== killed)!;
    assert.equal(other.status, 'finished');
    assert.equal(other.epoch, 3);
  });

  it('ASHA prunes a run that is behind at the first rung; it keeps its metrics and the next run starts', async () => {
    // Grid, one at a time: lr 0.01 reaches rung 1 first; lr 1e-5 barely moves, so it is outside the top 1/2 there.
    const { sweep, events, runs } = await sweepWith(
      { method: 'grid', parameters: { 'train.learningRate': { values: [0.01, 0.00001, 0.005] } }, run_cap: 3, early_terminate: { type: 'asha', min_iter: 1, eta: 2 } },
      3,
    );
    assert.equal(sweep.status, 'finished');
    assert.deepEqual(runs.map((r) => r.status).slice(0, 2), ['finished', 'pruned']);
    assert.equal(runs.length, 3, 'the grid went on after the pruned run');
    const pruned = runs[1];
    assert.ok(pruned.epoch < 3, `pruned after epoch ${pruned.epoch}`);
    const lines = readMetrics(join(dir, 'store', storePaths.metrics(pruned.id))).filter((l) => l.kind === 'epoch');
    assert.equal(lines.length, pruned.epoch);
    assert.ok(events.some((e) => e.type === 'run-pruned' && e.runId === pruned.id && e.epoch === 1));
    // Its slot was freed on the decision: the third run started before the pruned one had ended.
    const order = events.map((e) => `${e.type}:${'runId' in e ? e.runId : ''}`);
    assert.ok(order.indexOf(`run-started:${runs[2].id}`) < order.indexOf(`run-ended:${pruned.id}`), order.join('\n'));
  });

  it('ends when a run reaches metric.target: no new runs start', async () => {
    const { sweep, events, runs } = await sweepWith({ metric: { name: 'val_loss', goal: 'minimize', target: 1 }, run_cap: 5 }, 2);
    assert.equal(runs.length, 1);
    assert.equal(runs[0].status, 'finished', 'the run that reached it finishes normally');
    assert.equal(sweep.status, 'finished');
    const last = events.at(-1)!;
    assert.ok(last.type === 'sweep-ended' && last.reason === 'target' && last.bestRunId === runs[0].id);
  });

  it('`aelab stop RUN` from another process stops that run only', async () => {
    let stopping: Promise<unknown> | undefined;
    const { sweep, runs } = await sweepWith({ run_cap: 2 }, 10, (e) => {
      if (e.type === 'run-epoch' && e.epoch === 1 && !stopping) stopping = runCli(['stop', e.runId, '--store', join(dir, 'store')]);
    });
    const result = (await stopping) as { code: number; stdout: string };
    assert.equal(result.code, 0, JSON.stringify(result));
    assert.match(result.stdout, /stop requested in the store; sent SIGTERM to trainer pid \d+/);
    assert.equal(sweep.status, 'finished');
    assert.equal(runs[0].status, 'stopped');
    assert.ok(runs[0].epoch < 10);
    assert.ok(runs[0].stopRequest);
    assert.deepEqual([runs[1].status, runs[1].epoch], ['finished', 10]);
  });
});
