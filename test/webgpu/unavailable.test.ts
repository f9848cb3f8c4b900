// Without the optional `webgpu` package, or without a GPU driver, the rung is skipped with the
// reason, not a crash. The loader is bundled as the trainer is and run in a child process.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(__dirname, '..', '..');

interface Report { adapter?: unknown; threw?: string; logs: string[] }

/** Bundles the fixture into `dir` and runs it there; returns what it printed. */
async function loadIn(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<Report> {
  await build({
    entryPoints: [join(__dirname, 'fixtures', 'loadAndReport.ts')], outfile: join(dir, 'load.js'),
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['@tensorflow/*', 'webgpu'], logLevel: 'silent',
  });
  const out = execFileSync(process.execPath, [join(dir, 'load.js')], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(out.trim()) as Report;
}

describe('webgpu: unavailable', () => {
  const dirs: string[] = [];
  const tempDir = () => dirs[dirs.push(mkdtempSync(join(tmpdir(), 'aelab-nowebgpu-'))) - 1];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('without the optional package: returns null and logs that webgpu is not installed', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'node_modules'));
    for (const name of readdirSync(join(root, 'node_modules'))) {
      if (name !== 'webgpu' && name !== '.bin') symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name));
    }
    const report = await loadIn(dir);
    assert.equal(report.threw, undefined);
    assert.equal(report.adapter, null);
    assert.equal(report.logs.length, 1);
    assert.match(report.logs[0], /^webgpu: the optional package 'webgpu' is not installed or its dawn\.node does not load \(.*webgpu/);
  });

  it('without a Vulkan driver: returns null and logs that there is no adapter', async function () {
    if (process.platform !== 'linux') this.skip();
    const dir = tempDir();
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    // The Vulkan loader reads its driver list from here: a file that does not exist leaves none.
    const report = await loadIn(dir, { ...process.env, VK_DRIVER_FILES: join(dir, 'none.json'), VK_ICD_FILENAMES: join(dir, 'none.json') });
    assert.equal(report.threw, undefined);
    assert.equal(report.adapter, null);
    assert.deepEqual(report.logs, ['webgpu: no WebGPU adapter (no Vulkan, Metal or D3D12 driver found)']);
  });
});
