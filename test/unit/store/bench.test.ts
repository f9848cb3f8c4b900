import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runTsChild } from './helpers';

describe('bench:store', function () {
  this.timeout(60_000);
  it('runs at toy sizes and ends with a RESULT line carrying its figures', async () => {
    const result = await runTsChild(join(__dirname, '../../../bench/store.ts'), ['--points', '2000', '--runs', '30']);
    assert.equal(result.code, 0, result.stderr);
    const last = result.stdout.trim().split('\n').at(-1)!;
    assert.match(last, /^RESULT /);
    const figures = JSON.parse(last.slice('RESULT '.length));
    assert.equal(figures.metrics.lines, 2000);
    assert.equal(figures.index.runs, 30);
    assert.ok(figures.metrics.linesPerSecond > 0 && figures.index.listMs > 0);
  });
});
