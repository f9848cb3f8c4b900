import assert from 'node:assert/strict';
import { join } from 'node:path';
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
});
