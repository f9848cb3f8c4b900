import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { loadDataset, type DatasetSplits, type ImageSet } from '../../../src/trainer/data';

const fixtures = join(__dirname, '..', '..', 'fixtures', 'data');

/** A solid 16×16 image whose red value (10 × its number) tells it apart, in the given format. */
async function writeSolid(path: string, n: number): Promise<void> {
  const image = sharp({ create: { width: 16, height: 16, channels: 3, background: { r: 10 * n, g: 100, b: 200 } } });
  if (path.endsWith('.png')) await image.png().toFile(path);
  else if (path.endsWith('.webp')) await image.webp({ lossless: true }).toFile(path);
  else await image.jpeg({ quality: 100 }).toFile(path);
}

/** Red value of each image (all pixels of a solid image agree; checked). */
function reds(set: ImageSet): number[] {
  const bytes = set.size * set.size * 3;
  return Array.from({ length: set.count }, (_, i) => {
    const image = set.pixels.subarray(i * bytes, (i + 1) * bytes);
    for (let p = 0; p < bytes; p += 3) assert.ok(Math.abs(image[p] - image[0]) <= 2, `image ${i} is not solid`);
    return image[0];
  });
}

const allReds = (s: DatasetSplits) => [...reds(s.train), ...reds(s.validation), ...reds(s.test)];

describe('folder dataset', () => {
  let work: string;
  let folder: string;
  let cache: string;
  const config = (extra = {}) => ({ dataset: `folder:${folder}`, imageSize: 8, limit: 0, splitSeed: 1, ...extra });

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'aelab-folder-'));
    folder = join(work, 'images');
    // Class sub-folders, a flat file, three formats, a corrupt JPEG, and files that are not images.
    mkdirSync(join(folder, 'cats'), { recursive: true });
    mkdirSync(join(folder, 'dogs'), { recursive: true });
    for (let n = 1; n <= 10; n++) await writeSolid(join(folder, 'cats', `c${n}.png`), n);
    for (let n = 11; n <= 19; n++) await writeSolid(join(folder, 'dogs', `d${n}.webp`), n);
    await writeSolid(join(folder, 'top.jpg'), 20);
    copyFileSync(join(fixtures, 'corrupt.jpg'), join(folder, 'dogs', 'broken.jpg'));
    writeFileSync(join(folder, 'notes.txt'), 'not an image');
    writeFileSync(join(folder, '.DS_Store'), 'finder junk');
  });
  after(() => rmSync(work, { recursive: true, force: true }));
  beforeEach(() => (cache = mkdtempSync(join(work, 'cache-'))));

  it('decodes every image once, resized, and skips the corrupt one with its name logged', async () => {
    const log: string[] = [];
    const splits = await loadDataset(config(), { cacheDir: cache, log: (m) => log.push(m) });
    assert.deepEqual([splits.train.count, splits.validation.count, splits.test.count], [16, 2, 2]);
    assert.equal(splits.train.size, 8);
    assert.equal(splits.train.pixels.length, 16 * 8 * 8 * 3);
    const expected = Array.from({ length: 20 }, (_, i) => 10 * (i + 1));
    assert.deepEqual(allReds(splits).sort((a, b) => a - b).map((r) => Math.round(r / 10) * 10), expected);
    assert.deepEqual(splits.skipped, ['dogs/broken.jpg']);
    assert.ok(log.some((m) => m.includes('skipped unreadable image dogs/broken.jpg')), log.join('\n'));
    assert.match(splits.description, /20 images at 8×8 .*1 unreadable skipped; decoded/);
  });

  it('reads the decoded-images cache the second time instead of decoding', async () => {
    const first = await loadDataset(config(), { cacheDir: cache });
    const log: string[] = [];
    const second = await loadDataset(config(), { cacheDir: cache, log: (m) => log.push(m) });
    assert.match(second.description, /cache hit/);
    assert.deepEqual(second.train.pixels, first.train.pixels);
    assert.deepEqual(second.skipped, ['dogs/broken.jpg'], 'skipped files are remembered');
    assert.ok(log.some((m) => m.includes('dogs/broken.jpg')), 'and logged again');

    // Proof without timing: paint the cached pixels; a load that decoded would not see the paint.
    const [cacheFile] = readdirSync(join(cache, 'folders')).map((f) => join(cache, 'folders', f));
    const bytes = readFileSync(cacheFile);
    const pixelsStart = 4 + bytes.readUInt32LE(0);
    bytes.fill(77, pixelsStart);
    writeFileSync(cacheFile, bytes);
    const painted = await loadDataset(config(), { cacheDir: cache });
    assert.ok(painted.train.pixels.every((v) => v === 77));

    // A changed file (new mtime) makes a new cache entry: decoded again, real pixels back.
    utimesSync(join(folder, 'cats', 'c1.png'), new Date(), new Date(Date.now() + 5000));
    const redecoded = await loadDataset(config(), { cacheDir: cache });
    assert.match(redecoded.description, /decoded/);
    assert.deepEqual(redecoded.train.pixels, first.train.pixels);
    assert.equal(readdirSync(join(cache, 'folders')).filter((f) => !f.endsWith('.aeimg')).length, 0, 'no temp files left');
  });

  it('decodes again when the cache file is damaged (cut short)', async () => {
    const first = await loadDataset(config(), { cacheDir: cache });
    const [cacheFile] = readdirSync(join(cache, 'folders')).map((f) => join(cache, 'folders', f));
    const bytes = readFileSync(cacheFile);
    writeFileSync(cacheFile, bytes.subarray(0, bytes.length - 100));
    const again = await loadDataset(config(), { cacheDir: cache });
    assert.match(again.description, /decoded/);
    assert.deepEqual(again.train.pixels, first.train.pixels);
    // Rewritten whole: the next load is a cache hit with the same pixels. (Its byte length may differ from the
    // first write's: the skipped file's reason is libvips' error text, which can vary between decodes.)
    const third = await loadDataset(config(), { cacheDir: cache });
    assert.match(third.description, /cache hit/);
    assert.deepEqual(third.train.pixels, first.train.pixels);
  });

  it('splits deterministically by splitSeed and applies the limit before the split', async () => {
    const a = await loadDataset(config(), { cacheDir: cache });
    const b = await loadDataset(config(), { cacheDir: mkdtempSync(join(work, 'other-cache-')) });
    const c = await loadDataset(config({ splitSeed: 2 }), { cacheDir: cache });
    assert.deepEqual(reds(a.test), reds(b.test));
    assert.deepEqual(reds(a.train), reds(b.train));
    assert.notDeepEqual([...reds(a.validation), ...reds(a.test)], [...reds(c.validation), ...reds(c.test)]);
    const limited = await loadDataset(config({ limit: 10 }), { cacheDir: cache });
    // 10 files are chosen; the corrupt one may be among them (then it is the one skipped).
    const total = limited.train.count + limited.validation.count + limited.test.count;
    assert.equal(total, 10 - limited.skipped.length);
    assert.deepEqual([limited.validation.count, limited.test.count], [1, 1]);
    const other = await loadDataset(config({ limit: 10, splitSeed: 5 }), { cacheDir: cache });
    assert.notDeepEqual(allReds(other).sort(), allReds(limited).sort(), 'another seed chooses other images');
  });

  it('resolves a relative path against baseDir', async () => {
    const splits = await loadDataset({ ...config(), dataset: 'folder:images/cats' }, { cacheDir: cache, baseDir: work });
    assert.deepEqual(allReds(splits).sort((a, b) => a - b), [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  });

  it('names the folder when it is missing, has no images, or has no usable image', async () => {
    const missing = join(work, 'nowhere');
    await assert.rejects(loadDataset(config({ dataset: `folder:${missing}` }), { cacheDir: cache }), new RegExp(`dataset folder ${missing} cannot be read: it does not exist`));
    const empty = join(work, 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, 'readme.txt'), 'x');
    await assert.rejects(loadDataset(config({ dataset: `folder:${empty}` }), { cacheDir: cache }), new RegExp(`dataset folder ${empty} has no PNG, JPEG or WebP images`));
    const broken = join(work, 'broken');
    mkdirSync(broken);
    for (const name of ['a.jpg', 'b.jpg', 'c.png']) copyFileSync(join(fixtures, 'corrupt.jpg'), join(broken, name));
    await assert.rejects(loadDataset(config({ dataset: `folder:${broken}` }), { cacheDir: cache }), new RegExp(`dataset folder ${broken} has no usable image: all 3 image files failed to decode`));
    await writeSolid(join(broken, 'good.png'), 1);
    await assert.rejects(loadDataset(config({ dataset: `folder:${broken}` }), { cacheDir: cache }), new RegExp(`dataset folder ${broken} has 1 usable image\\(s\\); .* at least 3`));
  });

  it('rejects bad data settings naming the key', async () => {
    await assert.rejects(loadDataset(config({ imageSize: 0 }), { cacheDir: cache }), /data\.imageSize must be an integer/);
    await assert.rejects(loadDataset(config({ limit: -1 }), { cacheDir: cache }), /data\.limit must be/);
    await assert.rejects(loadDataset(config({ limit: 2 }), { cacheDir: cache }), /data\.limit must be 0 .* or a whole number ≥ 3/);
    await assert.rejects(loadDataset(config({ dataset: 'mnist' }), { cacheDir: cache }), /data\.dataset 'mnist' is not known/);
    await assert.rejects(loadDataset(config({ dataset: 'folder:' }), { cacheDir: cache }), /'folder:' needs a path/);
  });

  it('stops when its signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(loadDataset(config(), { cacheDir: cache, signal: controller.signal }), { name: 'AbortError' });
    const left = (readdirSync(cache, { recursive: true }) as string[]).filter((f) => /\.(aeimg|tmp|lock)$/.test(f));
    assert.deepEqual(left, [], 'an aborted load leaves no cache file, temp file or lock');
  });
});
