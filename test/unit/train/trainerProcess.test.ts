// TrainerProcess against small real child scripts: message validation, stderr tail, and each way a
// trainer can end badly (no 'done', out of memory, ignoring 'stop').
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultRunConfig } from '../../../src/shared/runConfig';
import type { TrainerToController } from '../../../src/shared/trainerMessages';
import { TrainerProcess, type TrainerProcessOptions } from '../../../src/trainer/process';

const DONE = `{ type: 'done', status: 'finished', summary: { test_mse: 0.01 }, bestEpoch: 1 }`;

describe('TrainerProcess (parent side of the trainer)', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'aelab-proc-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  function start(name: string, source: string, extra: Partial<TrainerProcessOptions> = {}) {
    const script = join(dir, `${name}.js`);
    writeFileSync(script, source);
    const trainer = TrainerProcess.start({ runId: 'r1', runDir: dir, config: defaultRunConfig(), trainerScript: script, ...extra });
    const messages: TrainerToController[] = [];
    const invalid: unknown[] = [];
    trainer.on('message', (m) => messages.push(m));
    trainer.on('invalidMessage', (m) => invalid.push(m));
    return { trainer, messages, invalid };
  }

  it("sends 'start', passes on valid messages, drops invalid ones, keeps stderr", async () => {
    const { trainer, messages, invalid } = start('echo', `
      process.on('message', (m) => {
        process.stderr.write('loading ' + m.runId + '\\n');
        process.send({ type: 'progress', epoch: 1 });
        process.send({ type: 'log', level: 'info', message: 'got ' + m.type + ' ' + m.config.task });
        process.send(${DONE}, () => process.exit(0));
      });`);
    const completion = await trainer.completed;
    assert.deepEqual(messages.map((m) => m.type), ['log', 'done']);
    assert.deepEqual(messages[0], { type: 'log', level: 'info', message: 'got start reconstruct' });
    assert.deepEqual(invalid, [{ type: 'progress', epoch: 1 }]);
    assert.equal(completion.error, undefined);
    assert.equal(completion.exitCode, 0);
    assert.equal(completion.done?.summary.test_mse, 0.01);
    assert.match(completion.stderrTail, /loading r1/);
  });

  it("an exit without 'done' is an error, even with code 0; the child's own report wins", async () => {
    const silent = await start('silent', `process.on('message', () => process.exit(0));`).trainer.completed;
    assert.match(silent.error?.message ?? '', /exited with code 0 without finishing/);
    const reported = await start('reported', `process.on('message', () => {
      process.send({ type: 'error', message: 'boom', stack: 'Error: boom\\n    at here' }, () => process.exit(1));
    });`).trainer.completed;
    assert.equal(reported.error?.message, 'boom');
    assert.equal(reported.error?.childStack, 'Error: boom\n    at here');
    assert.equal(reported.error?.exitCode, 1);
  });

  it('a missing trainer bundle or node binary is a clear error', async () => {
    assert.throws(() => TrainerProcess.start({ runId: 'r1', runDir: dir, config: defaultRunConfig(), trainerScript: join(dir, 'missing.js') }), /missing\.js not found; run `npm run build` first/);
    const { trainer } = start('fine', `process.on('message', () => process.exit(0));`, { nodePath: join(dir, 'no-node') });
    const completion = await trainer.completed;
    assert.match(completion.error?.message ?? '', /could not start: .*no-node ENOENT/);
  });

  it('out of memory is reported as such, with the stderr tail', async () => {
    const { trainer } = start('oom', `process.on('message', () => { const keep = []; for (;;) keep.push(new Array(1e5).fill(Math.random())); });`, { execArgv: ['--max-old-space-size=24'] });
    const completion = await trainer.completed;
    assert.match(completion.error?.message ?? '', /ran out of memory/);
    assert.match(completion.stderrTail, /heap out of memory/);
  });

  it("stop() sends 'stop'; a trainer that ignores it and SIGTERM is killed after the grace period", async () => {
    const { trainer, messages } = start('stubborn', `
      process.on('SIGTERM', () => process.send({ type: 'log', level: 'warn', message: 'ignoring SIGTERM' }));
      process.on('message', (m) => process.send({ type: 'log', level: 'info', message: 'got ' + m.type }));
      setInterval(() => {}, 1000);`, { stopGraceMs: 300 });
    await new Promise<void>((resolve) => trainer.on('message', () => resolve()));
    const startedAt = Date.now();
    trainer.stop('user');
    const completion = await trainer.completed;
    assert.deepEqual(messages.map((m) => m.type === 'log' && m.message), ['got start', 'got stop', 'ignoring SIGTERM']);
    assert.equal(completion.signal, 'SIGKILL');
    assert.match(completion.error?.message ?? '', /did not stop in time and was killed/);
    assert.ok(Date.now() - startedAt >= 550, 'SIGKILL only after twice the grace period');
  });
});
