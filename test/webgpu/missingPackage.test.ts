// Without the optional `webgpu` package the rung is skipped with the reason, not a crash: the
// loader is bundled as the trainer is, and run from a folder whose node_modules lacks `webgpu`.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(__dirname, '..', '..');

describe('webgpu: without the optional package', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aelab-nowebgpu-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('returns null and logs that webgpu is not installed', async () => {
    mkdirSync(join(dir, 'node_modules'));
    for (const name of readdirSync(join(root, 'node_modules'))) {
      if (name !== 'webgpu' && name !== '.bin') symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name));
    }
    await build({
      entryPoints: [join(__dirname, 'fixtures', 'loadAndReport.ts')], outfile: join(dir, 'load.js'),
      bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['@tensorflow/*', 'webgpu'], logLevel: 'silent',
    });
    const out = execFileSync(process.execPath, [join(dir, 'load.js')], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    const report = JSON.parse(out.trim()) as { adapter?: unknown; threw?: string; logs: string[] };
    assert.equal(report.threw, undefined);
    assert.equal(report.adapter, null);
    assert.deepEqual(report.logs.length, 1);
    assert.match(report.logs[0], /^webgpu: the optional package 'webgpu' is not installed or its dawn\.node does not load \(.*webgpu/);
  });
});
