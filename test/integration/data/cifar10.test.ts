import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDataset, type DatasetSplits, type ImageSet } from '../../../src/trainer/data';
import { BATCHES, buildCifarArchive, expectedNhwc, serveFile, type Archive, type FileServer } from './cifarArchive';

const config = (imageSize = 32, limit = 0) => ({ dataset: 'cifar10', imageSize, limit, splitSeed: 42 });

function imagesOf(set: ImageSet): Uint8Array[] {
  const bytes = set.size * set.size * 3;
  return Array.from({ length: set.count }, (_, i) => set.pixels.subarray(i * bytes, (i + 1) * bytes));
}

const allImages = (s: DatasetSplits) => [...imagesOf(s.train), ...imagesOf(s.validation), ...imagesOf(s.test)];

function runNode(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every file left under dir, relative, so a test can say "nothing half-written is left". */
function filesUnder(dir: string): string[] {
  return existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]).sort() : [];
}

describe('cifar10 dataset (a small archive of the official format, served locally)', () => {
  let work: string;
  let archive: Archive;
  let server: FileServer;
  let cache: string;
  const options = (extra = {}) => ({ cacheDir: cache, cifar10Url: server.url, cifar10Md5: archive.md5, ...extra });

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'aelab-cifar-'));
    archive = await buildCifarArchive(join(work, 'archive'), 3);
    server = await serveFile(archive.path);
  });
  after(async () => {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  });
  beforeEach(() => {
    cache = mkdtempSync(join(work, 'cache-'));
    server.setMode('whole');
  });

  it('downloads, verifies, extracts and parses every record into NHWC pixels, split 80/10/10', async () => {
    const progress: { phase: string; done: number; total: number }[] = [];
    const splits = await loadDataset(config(), options({ onProgress: (p: (typeof progress)[0]) => progress.push(p) }));
    assert.equal(archive.records, 18);
    assert.deepEqual([splits.train.count, splits.validation.count, splits.test.count], [16, 1, 1]);
    const found = new Set<number>();
    for (const image of allImages(splits)) {
      const k = image[0] / 7; // red of pixel 0 is 7k
      assert.ok(Number.isInteger(k) && k < 18, `unknown record with red ${image[0]}`);
      assert.deepEqual(image, expectedNhwc(k), `record ${k} converted wrongly`);
      found.add(k);
    }
    assert.equal(found.size, 18, 'every record exactly once');
    const lastDownload = progress.filter((p) => p.phase === 'download').at(-1);
    assert.ok(lastDownload && lastDownload.done === lastDownload.total && lastDownload.total > 0, 'download progress reaches its total');
    assert.deepEqual(filesUnder(join(cache, 'cifar10')), ['cifar-10-batches-bin', ...BATCHES.map((f) => `cifar-10-batches-bin/${f}`), 'cifar-10-binary.tar.gz'].sort());
  });

  it('loads from the cache the second time, without a request, and splits the same way', async () => {
    const first = await loadDataset(config(), options());
    const requests = server.requests();
    const second = await loadDataset(config(), options());
    assert.equal(server.requests(), requests, 'no download the second time');
    assert.match(second.description, /cache hit/);
    assert.deepEqual(second.test.pixels, first.test.pixels);
    const otherSeed = await loadDataset({ ...config(), splitSeed: 7 }, options());
    assert.notDeepEqual(otherSeed.train.pixels, first.train.pixels);
  });

  it('three processes loading at once into an empty cache download the archive once', async () => {
    const before = server.requests();
    const worker = join(__dirname, 'loadWorker.ts');
    const argument = JSON.stringify({ data: config(), options: options() });
    server.setDelay(1500); // the download outlasts the others' start-up, so they find it in progress
    const runs = await Promise.all([1, 2, 3].map(() => runNode(['--require', 'tsx/cjs', worker, argument]))).finally(() => server.setDelay(0));
    for (const run of runs) assert.equal(run.code, 0, run.stderr);
    assert.equal(server.requests() - before, 1);
    assert.equal(runs.filter((run) => run.stdout.includes('downloaded into')).length, 1);
  });

  it('a truncated download is a clear error and leaves nothing in the cache', async () => {
    server.setMode('truncate');
    await assert.rejects(loadDataset(config(), options()), /download of http:\/\/127\.0\.0\.1:\d+\/cifar-10-binary\.tar\.gz broke off after \d+ of \d+ bytes/);
    assert.deepEqual(filesUnder(join(cache, 'cifar10')), []);
    server.setMode('whole');
    assert.equal((await loadDataset(config(), options())).train.count, 16, 'a later load succeeds');
  });

  it('a checksum mismatch is a clear error and leaves nothing in the cache', async () => {
    const wrong = '0'.repeat(32);
    await assert.rejects(loadDataset(config(), options({ cifar10Md5: wrong })), new RegExp(`checksum mismatch .* expected MD5 ${wrong}, got ${archive.md5}`));
    assert.deepEqual(filesUnder(join(cache, 'cifar10')), []);
  });

  it('reports an HTTP error with its status', async () => {
    server.setMode('missing');
    await assert.rejects(loadDataset(config(), options()), /cannot download .* HTTP 404/);
  });

  it('applies the limit and rescales to another image size', async () => {
    const splits = await loadDataset(config(16, 10), options());
    assert.deepEqual([splits.train.count, splits.validation.count, splits.test.count], [8, 1, 1]);
    assert.equal(splits.train.size, 16);
    assert.equal(splits.train.pixels.length, 8 * 16 * 16 * 3);
    for (const image of allImages(splits)) assert.ok(image.some((v) => v > 0), 'rescaled image is not blank');
  });

  it('refuses an archive without all six batch files, naming what is missing, and keeps no half extraction', async () => {
    const partial = await buildCifarArchive(join(work, 'partial'), 2, BATCHES.slice(0, 5));
    const partialServer = await serveFile(partial.path);
    try {
      await assert.rejects(
        loadDataset(config(), { cacheDir: cache, cifar10Url: partialServer.url, cifar10Md5: partial.md5 }),
        /is not the CIFAR-10 binary release: cifar-10-batches-bin\/test_batch\.bin missing/,
      );
      assert.deepEqual(filesUnder(join(cache, 'cifar10')), ['cifar-10-binary.tar.gz']);
    } finally {
      await partialServer.close();
    }
  });

  it('names a batch file that is not whole records', async () => {
    const broken = await buildCifarArchive(join(work, 'broken'), 1, BATCHES, 5);
    const brokenServer = await serveFile(broken.path);
    try {
      await assert.rejects(
        loadDataset(config(), { cacheDir: cache, cifar10Url: brokenServer.url, cifar10Md5: broken.md5 }),
        /data_batch_1\.bin is not a CIFAR-10 batch: 3078 bytes is not a whole number of 3073-byte records/,
      );
    } finally {
      await brokenServer.close();
    }
  });
});
