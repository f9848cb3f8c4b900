// 'cifar10': all 60,000 images of the official binary release (5 training batches + the test
// batch, pooled and split 80/10/10 like the assignment), downloaded and extracted once into the cache.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { DataConfig } from '../../../shared/runConfig';
import { defaultCacheDir } from '../cacheDir';
import { withCacheLock } from '../cacheLock';
import { chooseForSplit, cutSplits } from '../split';
import { describeCounts } from '../imageSet';
import type { DatasetSplits, LoadOptions } from '../types';
import { downloadVerified } from './download';
import { BATCHES_FOLDER, BATCH_FILES, extractBatches, hasAllBatches } from './extract';
import { readBatches, recordLocations } from './parse';
import { buildImageSet } from './buildImageSet';

export const CIFAR10_URL = 'https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz';
export const CIFAR10_MD5 = 'c32a1d4ab5d03f1284b67883e8d87530';
const ARCHIVE = 'cifar-10-binary.tar.gz';

export async function loadCifar10(data: DataConfig, options: LoadOptions): Promise<DatasetSplits> {
  const dir = join(options.cacheDir ?? defaultCacheDir(), 'cifar10');
  const batchesDir = join(dir, BATCHES_FOLDER);
  let fromCache = hasAllBatches(batchesDir);
  if (!fromCache) {
    fromCache = await withCacheLock(join(dir, 'download'), options, async () => {
      if (hasAllBatches(batchesDir)) return true; // another process filled the cache while we waited
      await fetchAndExtract(dir, batchesDir, options);
      return false;
    });
  }

  options.onProgress?.({ phase: 'parse', done: 0, total: BATCH_FILES.length });
  const batches = await readBatches(batchesDir, BATCH_FILES);
  const chosen = chooseForSplit(recordLocations(batches), data.splitSeed, data.limit);
  const parts = cutSplits(chosen);
  const splits = {
    train: await buildImageSet(batches, parts.train, data.imageSize, options),
    validation: await buildImageSet(batches, parts.validation, data.imageSize, options),
    test: await buildImageSet(batches, parts.test, data.imageSize, options),
  };
  options.onProgress?.({ phase: 'parse', done: BATCH_FILES.length, total: BATCH_FILES.length });
  const source = fromCache ? `cache hit ${batchesDir}` : `downloaded into ${dir}`;
  const description = `cifar10: ${chosen.length} images at ${data.imageSize}×${data.imageSize} (${describeCounts(splits)}; ${source})`;
  options.log?.(description);
  return { ...splits, skipped: [], description };
}

/** Downloads the archive unless a verified copy is already cached, then extracts the batches. */
async function fetchAndExtract(dir: string, batchesDir: string, options: LoadOptions): Promise<void> {
  const archive = join(dir, ARCHIVE);
  const expectedMd5 = (options.cifar10Md5 ?? CIFAR10_MD5).toLowerCase();
  if (existsSync(archive) && (await md5OfFile(archive)) !== expectedMd5) {
    options.log?.(`cached ${archive} does not match MD5 ${expectedMd5}; downloading it again`);
    await rm(archive, { force: true });
  }
  if (!existsSync(archive)) await downloadVerified(options.cifar10Url ?? CIFAR10_URL, archive, expectedMd5, options);
  await extractBatches(archive, batchesDir, options);
}

async function md5OfFile(path: string): Promise<string> {
  const hash = createHash('md5');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}
