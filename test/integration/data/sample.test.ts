import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { loadDataset, sampleDatasetDir } from '../../../src/trainer/data';
import { findPackageRoot } from '../../../src/trainer/data/packageRoot';

const root = join(__dirname, '..', '..', '..');

describe('sample dataset (shipped in data/sample)', () => {
  let cache: string;
  before(() => (cache = mkdtempSync(join(tmpdir(), 'aelab-sample-'))));
  after(() => rmSync(cache, { recursive: true, force: true }));

  it('loads all 2,000 real images, 1600/200/200, none blank, none skipped', async () => {
    const splits = await loadDataset({ dataset: 'sample', imageSize: 32, limit: 0, splitSeed: 42 }, { cacheDir: cache });
    assert.deepEqual([splits.train.count, splits.validation.count, splits.test.count], [1600, 200, 200]);
    assert.deepEqual(splits.skipped, []);
    const bytes = 32 * 32 * 3;
    for (let i = 0; i < splits.test.count; i++) {
      const image = splits.test.pixels.subarray(i * bytes, (i + 1) * bytes);
      const mean = image.reduce((sum, v) => sum + v, 0) / bytes;
      const spread = Math.sqrt(image.reduce((sum, v) => sum + (v - mean) ** 2, 0) / bytes);
      assert.ok(spread > 3, `test image ${i} is flat (spread ${spread.toFixed(1)})`);
    }
    const again = await loadDataset({ dataset: 'sample', imageSize: 32, limit: 0, splitSeed: 42 }, { cacheDir: cache });
    assert.match(again.description, /cache hit/);
    assert.deepEqual(again.validation.pixels, splits.validation.pixels);
  });

  it('finds the package root from src, and from a bundle in a folder below the root', async () => {
    assert.equal(findPackageRoot(), root);
    assert.equal(sampleDatasetDir(), join(root, 'data', 'sample'));
    // Bundled like dist/*.js: __dirname is then the bundle's folder, not src/trainer/data.
    const outDir = join(root, '.cache', `sample-probe-${process.pid}`);
    mkdirSync(outDir, { recursive: true });
    try {
      const entry = join(outDir, 'probe.ts');
      writeFileSync(entry, `import { sampleDatasetDir } from ${JSON.stringify(join(root, 'src', 'trainer', 'data', 'packageRoot'))};\nconsole.log(sampleDatasetDir());\n`);
      await build({ entryPoints: [entry], outfile: join(outDir, 'probe.js'), bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent' });
      const run = spawnSync(process.execPath, [join(outDir, 'probe.js')], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout.trim(), join(root, 'data', 'sample'));
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
