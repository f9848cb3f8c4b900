import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const runBench = (...args: string[]) =>
  spawnSync(process.execPath, [require.resolve('tsx/cli'), join(root, 'bench', 'sweep.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('npm run bench:sweep', () => {
  it('runs with tiny settings and ends with a RESULT line holding every variant', () => {
    const out = runBench('--seeds', '2', '--max-trials', '300');
    assert.equal(out.status, 0, out.stderr);
    const lines = out.stdout.trim().split('\n');
    const last = lines[lines.length - 1];
    assert.match(last, /^RESULT \{/);
    const result = JSON.parse(last.slice('RESULT '.length));
    assert.deepEqual(Object.keys(result.variants), ['random', 'random+asha', 'tpe', 'tpe+asha']);
    for (const v of Object.values(result.variants) as { epochs: number[]; reached: number }[]) {
      assert.equal(v.epochs.length, 2);
      assert.ok(v.epochs.every((e) => e > 0));
    }
    assert.equal(result.ratio, result.variants['tpe+asha'].medianEpochs / result.variants.random.medianEpochs);
    assert.ok(lines.some((l) => /^tpe\+asha\s+median/.test(l)), 'prints a figure per variant');
  });

  it('refuses a bad option with a clear message', () => {
    const out = runBench('--seeds', 'many');
    assert.notEqual(out.status, 0);
    assert.match(out.stderr, /--seeds needs a positive integer \(got many\)/);
  });
});
