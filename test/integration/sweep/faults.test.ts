// `aelab sweep` as a real process: a controller killed with SIGKILL and resumed; a malformed sweep file.
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExperimentStore } from '../../../src/store';
import { ensureBuilt, runCli, spawnSweep, tempDir, writeSweep } from './helpers';

describe('aelab sweep: faults', function () {
  this.timeout(180_000);
  let dir: string;
  let remove: () => void;
  before(() => ensureBuilt());
  beforeEach(() => ({ dir, remove } = tempDir('faults')));
  afterEach(() => remove());

  it('a controller killed with SIGKILL mid-sweep is resumed: interrupted runs re-queued and finished, finished runs kept', async () => {
    const storeDir = join(dir, 'store');
    const file = writeSweep(dir, 'resume', { concurrency: 2, run_cap: 4 }, 3);
    let finishedBeforeKill = 0;
    let sweepId = '';
    // Kill once one run has finished and another has started after it (so at least one is mid-training).
    const { exited } = spawnSweep([file, '--store', storeDir], (event, child) => {
      if (event.type === 'sweep-started') sweepId = event.sweepId as string;
      if (event.type === 'run-ended' && event.status === 'finished') finishedBeforeKill++;
      if (event.type === 'run-epoch' && finishedBeforeKill >= 1 && event.epoch === 1) child.kill('SIGKILL');
    });
    const killed = await exited;
    assert.equal(killed.signal, 'SIGKILL', killed.stderr);
    const store = await ExperimentStore.open(storeDir);
    const before = await store.listRuns({ sweepId });
    const finished = before.filter((r) => r.status === 'finished');
    const leftRunning = before.filter((r) => r.status === 'running' || r.status === 'queued');
    assert.ok(finished.length >= 1 && leftRunning.length >= 1, JSON.stringify(before.map((r) => r.status)));
    assert.equal((await store.getSweep(sweepId))?.status, 'running');

    const resumed = await runCli(['sweep', '--resume', sweepId, '--store', storeDir, '--json']);
    assert.equal(resumed.code, 0, resumed.stderr);
    const events = resumed.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(events[0].type, 'sweep-started');
    assert.equal(events[0].resumed, true);
    const after = await store.listRuns({ sweepId });
    for (const run of finished) assert.deepEqual(after.find((r) => r.id === run.id), run, 'finished runs are kept as they were');
    for (const run of leftRunning) {
      assert.equal(after.find((r) => r.id === run.id)?.status, 'interrupted');
      const successor = after.find((r) => r.requeuedFrom === run.id);
      assert.ok(successor, `run ${run.id} was re-queued`);
      assert.deepEqual(successor.params, run.params);
      assert.equal(successor.status, 'finished');
    }
    // run_cap counts runs, not interruptions: 4 that count, all finished.
    const counted = after.filter((r) => r.status !== 'interrupted');
    assert.equal(counted.length, 4);
    assert.ok(counted.every((r) => r.status === 'finished'), JSON.stringify(after.map((r) => r.status)));
    assert.equal((await store.getSweep(sweepId))?.status, 'finished');
  });

  it('`aelab stop SWEEP` from another process stops every run and ends the sweep as stopped (exit 130)', async () => {
    const storeDir = join(dir, 'store');
    const file = writeSweep(dir, 'halt', { concurrency: 2, run_cap: 6 }, 8);
    let stopping: ReturnType<typeof runCli> | undefined;
    const { exited } = spawnSweep([file, '--store', storeDir], (event) => {
      if (event.type === 'run-epoch' && !stopping) stopping = runCli(['stop', event.sweepId as string, '--store', storeDir]);
    });
    const result = await exited;
    const stop = await stopping!;
    assert.match(stop.stdout, /sweep s\w+: stop requested in the store; sent SIGTERM to controller pid \d+/);
    assert.equal(result.code, 130, result.stderr);
    const last = JSON.parse(result.stdout.trim().split('\n').at(-1)!);
    assert.deepEqual([last.type, last.status, last.reason], ['sweep-ended', 'stopped', 'stopped']);
    const store = await ExperimentStore.open(storeDir);
    const runs = await store.listRuns();
    assert.equal(runs.length, 2, 'no run started after the stop');
    for (const run of runs) assert.ok(run.status === 'stopped' && run.epoch < 8, `${run.status} at epoch ${run.epoch}`);
    assert.equal((await store.listSweeps())[0].status, 'stopped');
  });

  it('refuses to resume a sweep whose controller is still alive', async () => {
    const storeDir = join(dir, 'store');
    const store = await ExperimentStore.open(storeDir);
    const sweep = await store.createSweep({ name: 'live', spec: {}, seed: 1, metric: { name: 'val_loss', goal: 'minimize' }, controllerPid: process.pid });
    const result = await runCli(['sweep', '--resume', sweep.id, '--store', storeDir]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, new RegExp(`sweep ${sweep.id} is still running \\(controller pid ${process.pid}\\)`));
  });

  it('a malformed sweep file exits with code 2, lists every problem with line and column, and starts nothing', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      ['name: bad', 'method: annealing', 'metric:', '  name: accuracy', 'parameters:', '  train.learningRate:', '    min: 0.1', '    max: 0.01', ''].join('\n'),
    );
    const storeDir = join(dir, 'store');
    const result = await runCli(['sweep', file, '--store', storeDir]);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /method.*\(line 2, column \d+\)/);
    assert.match(result.stderr, /metric\.name.*accuracy.*\(line 4, column \d+\)/s);
    assert.match(result.stderr, /parameters\.train\.learningRate.*\(line [67], column \d+\)/);
    assert.equal(existsSync(join(storeDir, 'db.json')), false, 'no store was touched');
  });
});
