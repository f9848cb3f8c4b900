// After a webgpu run the process ends by itself with code 0: Dawn keeps nothing alive.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

function runNode(args: string[], timeoutMs: number): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

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
