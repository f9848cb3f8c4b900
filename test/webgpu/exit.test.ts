// After a webgpu run the process ends by itself with code 0: Dawn keeps nothing alive.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { runNode } from './runNode';

describe('webgpu: process exit', () => {
  it('ends with code 0 after training, without process.exit or disposal', async () => {
    const started = Date.now();
    const result = await runNode(['--require', 'tsx/cjs', join(__dirname, 'fixtures', 'trainThenReturn.ts')], 120_000);
    assert.equal(result.signal, null, `killed after ${Date.now() - started} ms: the process did not end by itself`);
    assert.equal(result.code, 0, result.stderr.slice(-2000));
    const report = JSON.parse(result.stdout.trim()) as { backend: string; loss: number[] };
    assert.equal(report.backend, 'webgpu');
    assert.equal(report.loss.length, 2);
    assert.ok(report.loss.every((l) => l > 0 && l < 0.5), `losses ${report.loss}`);
  });
});
