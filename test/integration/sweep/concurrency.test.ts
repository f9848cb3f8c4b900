// The pool's default size: one trainer per GPU, one per core otherwise; under 'auto' a real trainer process
// is asked which backend it would pick here (`dist/trainer.js --probe-backend`).
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { BACKEND_NAMES } from '../../../src/shared/runConfig';
import { probeAutoBackend, resolveDefaultConcurrency } from '../../../src/sweep/controller/concurrency';
import { ensureBuilt } from './helpers';

describe('sweep default concurrency', function () {
  this.timeout(90_000);
  before(() => ensureBuilt());
  const cores = Math.max(1, availableParallelism());

  it('one run at a time when auto resolves to a GPU backend, every core for a CPU one', async () => {
    assert.equal(await resolveDefaultConcurrency('auto', async () => 'webgpu'), 1);
    assert.equal(await resolveDefaultConcurrency('auto', async () => 'tensorflow-gpu'), 1);
    assert.equal(await resolveDefaultConcurrency('auto', async () => 'wasm'), cores);
    assert.equal(await resolveDefaultConcurrency('auto', async () => undefined), cores, 'a failed probe counts as CPU');
    const notCalled = async () => assert.fail('a forced backend needs no probe');
    assert.equal(await resolveDefaultConcurrency('webgpu', notCalled), 1);
    assert.equal(await resolveDefaultConcurrency('wasm', notCalled), cores);
  });

  it('the real trainer reports the backend auto picks, and a broken trainer script reads as unknown', async () => {
    const backend = await probeAutoBackend();
    assert.ok(backend && backend !== 'auto' && (BACKEND_NAMES as readonly string[]).includes(backend), `probed ${backend}`);
    assert.equal(await probeAutoBackend({ trainerScript: '/nonexistent/trainer.js' }), undefined);
  });
});
