// Warm trainer processes (a sweep's runs one after another in one process) against small real child
// scripts that speak the trainer protocol: hand-over, per-run messages, crashes, stale stops, letting go.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultRunConfig, type RunConfig } from '../../../src/shared/runConfig';
import type { TrainerToController } from '../../../src/shared/trainerMessages';
import { WarmTrainers } from '../../../src/sweep/pool';
import { TrainerProcess, type TrainerProcessOptions } from '../../../src/trainer/process';

// Says who it is in a log line, then finishes; epochs 99 crashes, epochs 98 goes idle without a 'done'.
const WARM_CHILD = `
let runs = 0, stops = 0;
process.on('message', (m) => {
  if (m.type === 'stop') { stops++; return; }
  runs++;
  process.send({ type: 'log', level: 'info', message: [m.runId, runs, process.pid, m.afterRun, stops].join(' ') });
  if (m.config.train.epochs === 99) process.exit(1);
  if (m.config.train.epochs !== 98) process.send({ type: 'done', status: 'finished', summary: { test_mse: runs }, bestEpoch: 1 });
  if (m.afterRun === 'wait') process.send({ type: 'idle' }); else process.exit(0);
});
process.on('disconnect', () => process.exit(0));`;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const exited = async (pid: number) => {
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  return !alive(pid);
};

describe('warm trainers (one process, several runs)', () => {
  let dir: string;
  let script: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'aelab-warm-'));
    script = join(dir, 'warm.js');
    writeFileSync(script, WARM_CHILD);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const config = (epochs = 1): RunConfig => {
    const c = defaultRunConfig();
    c.train = { ...c.train, epochs };
    return c;
  };
  const options = (runId: string, epochs = 1): TrainerProcessOptions => ({ runId, runDir: dir, config: config(epochs), trainerScript: script });
  /** The child's log line of a run: [runId, its run number in the process, pid, afterRun, stops received]. */
  function logOf(trainer: TrainerProcess): Promise<string[]> {
    return new Promise((resolve) => trainer.on('message', (m: TrainerToController) => m.type === 'log' && resolve(m.message.split(' '))));
  }

  it("a kept-alive run completes cleanly at 'idle', and its process carries the next run", async () => {
    const first = TrainerProcess.start({ ...options('r1'), keepAlive: true });
    const firstMessages: TrainerToController[] = [];
    first.on('message', (m) => firstMessages.push(m));
    const completion = await first.completed;
    assert.equal(completion.error, undefined);
    assert.equal(completion.idle, true);
    assert.equal(completion.exitCode, null);
    assert.equal(completion.done?.summary.test_mse, 1);
    assert.deepEqual(firstMessages.map((m) => m.type), ['log', 'done'], "'idle' is the end of the run, not a message to record");
    first.stop('user'); // a stop for a run that is over must not reach the next one
    const idle = first.takeIdleChild();
    assert.ok(idle);
    assert.equal(first.takeIdleChild(), undefined, 'handed over once');

    const second = TrainerProcess.startOn(idle, options('r2'));
    const log = logOf(second);
    first.kill(); // the old run no longer owns the process
    const secondDone = await second.completed;
    assert.deepEqual(await log, ['r2', '2', String(first.pid), 'wait', '0']);
    assert.equal(second.pid, first.pid);
    assert.equal(secondDone.error, undefined);
    assert.equal(secondDone.done?.summary.test_mse, 2);
    assert.equal(firstMessages.length, 2, "the second run's messages go to the second run only");
    second.takeIdleChild()!.child.disconnect();
    assert.ok(await exited(first.pid!), 'an idle trainer exits when let go');
  });

  it("'idle' without a 'done' fails the run", async () => {
    const trainer = TrainerProcess.start({ ...options('r1', 98), keepAlive: true });
    const completion = await trainer.completed;
    assert.match(completion.error?.message ?? '', /went idle without finishing its run/);
    assert.equal(trainer.takeIdleChild(), undefined, 'not handed to another run');
    assert.ok(await exited(trainer.pid!), 'and let go');
  });

  it('WarmTrainers runs a series on one process; a crash costs only its own run and process', async () => {
    const warm = new WarmTrainers(1);
    try {
      const pids: number[] = [];
      for (const [runId, epochs] of [['a', 1], ['b', 1], ['crash', 99], ['c', 1], ['d', 1]] as const) {
        const trainer = warm.start(options(runId, epochs));
        const completion = await trainer.completed;
        warm.giveBack(trainer);
        assert.equal(completion.error === undefined, epochs !== 99, runId);
        pids.push(trainer.pid!);
      }
      assert.equal(pids[1], pids[0]);
      assert.equal(pids[2], pids[0], 'the crashing run started on the warm process');
      assert.notEqual(pids[3], pids[2], 'after the crash a new process');
      assert.equal(pids[4], pids[3]);
      assert.ok(!alive(pids[0]));
      assert.equal(warm.idleCount, 1);
      warm.dispose();
      assert.ok(await exited(pids[4]), 'dispose lets the idle process go');
      assert.equal(warm.idleCount, 0);
    } finally {
      warm.dispose();
    }
  });

  it('dispose() also lets go the process of a run that was never given back', async () => {
    const warm = new WarmTrainers(2);
    const trainer = warm.start(options('forgotten'));
    warm.dispose();
    const completion = await trainer.completed;
    assert.equal(completion.idle, true);
    assert.ok(await exited(trainer.pid!));
  });

  it('keeps at most maxIdle processes: two runs at once with room for one idle leave one process', async () => {
    const warm = new WarmTrainers(1);
    try {
      const trainers = [warm.start(options('x')), warm.start(options('y'))];
      await Promise.all(trainers.map((t) => t.completed.then(() => warm.giveBack(t))));
      assert.notEqual(trainers[0].pid, trainers[1].pid);
      assert.equal(warm.idleCount, 1);
      for (let i = 0; i < 100 && trainers.every((t) => alive(t.pid!)); i++) await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(trainers.map((t) => alive(t.pid!)).sort(), [false, true], 'one kept, one let go');
      const next = warm.start(options('z'));
      await next.completed;
      warm.giveBack(next);
      assert.ok(trainers.some((t) => t.pid === next.pid), 'the next run starts on the kept one');
    } finally {
      warm.dispose();
    }
  });
});
