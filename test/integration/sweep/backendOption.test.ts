// `aelab sweep --backend NAME` (and AELAB_BACKEND, which the extension's "preferred backend" setting sets)
// forces every run's backend, unless the sweep file fixes one; the run records the backend it really used.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExperimentStore } from '../../../src/store';
import { cliPath, ensureBuilt, tempDir, writeSweep } from './helpers';

describe('aelab sweep --backend', function () {
  this.timeout(120_000);
  let dir: string;
  let remove: () => void;
  before(() => ensureBuilt());
  beforeEach(() => ({ dir, remove } = tempDir('backend')));
  afterEach(() => remove());

  const tinyBase = { train: { epochs: 1, batchSize: 16 }, data: { limit: 60 } };

  async function sweepRuns(file: string, args: string[], env: Record<string, string> = {}) {
    const store = join(dir, 'store');
    const result = spawnSync(process.execPath, [cliPath, 'sweep', file, '--store', store, ...args], {
      encoding: 'utf8', env: { ...process.env, ...env },
    });
    assert.equal(result.status, 0, result.stderr);
    return (await ExperimentStore.open(store)).listRuns();
  }

  it('--backend cpu runs every trainer on cpu and records it', async () => {
    const runs = await sweepRuns(writeSweep(dir, 'b', { run_cap: 1, base: tinyBase }), ['--backend', 'cpu']);
    assert.deepEqual(runs.map((r) => [r.status, r.config.backend, r.backend]), [['finished', 'cpu', 'cpu']]);
    // The ladder's own lines say why no native backend ran; tfjs's "install our node backend" banner is not repeated.
    const log = readFileSync(join(dir, 'store', 'runs', runs[0].id, 'output.log'), 'utf8');
    assert.match(log, /\[started\] backend cpu/);
    assert.doesNotMatch(log, /install our node backend/);
  });

  it('AELAB_BACKEND is the default, and a backend fixed in the sweep file wins over both', async () => {
    const fromEnv = await sweepRuns(writeSweep(dir, 'e', { run_cap: 1, base: tinyBase }), [], { AELAB_BACKEND: 'cpu' });
    assert.equal(fromEnv[0].backend, 'cpu');
    const fixed = await sweepRuns(writeSweep(dir, 'f', { run_cap: 1, base: { ...tinyBase, backend: 'wasm' } }), ['--backend', 'cpu']);
    assert.deepEqual(fixed.filter((r) => r.sweepId === fixed.at(-1)!.sweepId).map((r) => r.backend), ['wasm']);
  });

  it('an unknown backend name is refused before anything starts', () => {
    const result = spawnSync(process.execPath, [cliPath, 'sweep', writeSweep(dir, 'x'), '--store', join(dir, 's'), '--backend', 'tpu'], { encoding: 'utf8' });
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /--backend.*must be one of auto, tensorflow-gpu, webgpu, tensorflow, wasm, cpu/s);
  });
});
