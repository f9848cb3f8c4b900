import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastJsonLine, runCli, startDetached, type CliTarget } from '../../../src/extension/cli/cliProcess';

// A stand-in CLI script (a real Node process): prints its arguments as JSON, or sleeps when asked.
const SCRIPT = `
const args = process.argv.slice(2);
if (args[0] === 'sleep') setTimeout(() => {}, 60000);
else if (args[0] === 'fail') { process.stderr.write('aelab: no run "x"\\n'); process.exit(2); }
else { process.stdout.write('progress text\\n' + JSON.stringify({ args, backend: process.env.AELAB_BACKEND }) + '\\n'); }
`;

describe('extension CLI processes', () => {
  let dir: string;
  let target: CliTarget;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'aelab-cli-'));
    writeFileSync(join(dir, 'cli.js'), SCRIPT);
    target = { node: process.execPath, cli: join(dir, 'cli.js'), cwd: dir, env: { AELAB_BACKEND: 'wasm' } };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('passes arguments as an array (spaces and quotes intact) and the settings as environment', async () => {
    const result = await runCli(target, ['colorize', 'my photo "1".png', '--out', 'a b.png']);
    assert.equal(result.code, 0);
    assert.deepEqual(lastJsonLine(result.stdout), { args: ['colorize', 'my photo "1".png', '--out', 'a b.png'], backend: 'wasm' });
  });

  it('reports the exit code and stderr of a failure', async () => {
    const result = await runCli(target, ['fail']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /no run "x"/);
  });

  it('kills the process when cancelled', async () => {
    const abort = new AbortController();
    const started = Date.now();
    setTimeout(() => abort.abort(), 200);
    const result = await runCli(target, ['sleep'], abort.signal);
    assert.equal(result.code, null);
    assert.ok(Date.now() - started < 5000);
  });

  it('starts a detached controller in its own process group, output to a log file', async () => {
    const log = join(dir, 'logs', 'sweep.log');
    const pid = startDetached(target, ['sweep', 'file.yaml', '--json'], log);
    assert.ok(pid > 0);
    for (let i = 0; i < 50 && !readFileSync(log, 'utf8').includes('}'); i++) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(lastJsonLine(readFileSync(log, 'utf8'))?.args, ['sweep', 'file.yaml', '--json']);
  });

  it('finds the last JSON object among progress lines', () => {
    assert.deepEqual(lastJsonLine('a\n{"x":1}\nb\n{"y":2}\n\n'), { y: 2 });
    assert.equal(lastJsonLine('nothing here\n[1,2]'), undefined);
  });
});
