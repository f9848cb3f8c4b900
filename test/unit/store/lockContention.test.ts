import assert from 'node:assert/strict';
import { mkdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { defaultRunConfig } from '../../../src/shared/runConfig';
import { ExperimentStore } from '../../../src/store';
import { runTsChild, tempDir } from './helpers';

describe('store: inter-process lock', function () {
  this.timeout(180_000);

  it('loses none of 2 × 200 concurrent read-modify-writes from two processes', async () => {
    const { dir, remove } = tempDir('lock');
    try {
      await ExperimentStore.open(dir);
      const script = join(__dirname, 'fixtures', 'hammerStore.ts');
      const results = await Promise.all([runTsChild(script, [dir, 'a', '200']), runTsChild(script, [dir, 'b', '200'])]);
      for (const r of results) assert.equal(r.code, 0, r.stderr);
      const data = (await (await ExperimentStore.open(dir)).read()) as unknown as { hammer: string[] };
      assert.equal(data.hammer.length, 400);
      for (const tag of ['a', 'b']) {
        const mine = data.hammer.filter((item) => item.startsWith(`${tag}-`));
        // Every update present, and each process's updates in the order it made them.
        assert.deepEqual(mine, Array.from({ length: 200 }, (_, i) => `${tag}-${i}`));
      }
    } finally {
      remove();
    }
  });

  it('takes over a lock left by a killed process once it is stale, and waits while it is fresh', async () => {
    const { dir, remove } = tempDir('stale');
    try {
      const store = await ExperimentStore.open(dir);
      const lockDir = join(dir, 'db.json.lock');
      mkdirSync(lockDir); // what a writer killed mid-update leaves behind
      const old = new Date(Date.now() - 60_000);
      utimesSync(lockDir, old, old);
      const run = await store.createRun({ config: defaultRunConfig() });
      assert.equal((await store.listRuns()).length, 1, 'the stale lock was taken over');
      mkdirSync(lockDir); // a fresh lock: a live writer holds it
      let done = false;
      const patched = store.patchRun(run.id, { epoch: 1 }).then(() => (done = true));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(done, false, 'the update waits for the holder');
      utimesSync(lockDir, old, old); // the holder stopped refreshing it (died)
      await patched;
      assert.equal((await store.getRun(run.id))?.epoch, 1);
    } finally {
      remove();
    }
  });
});
