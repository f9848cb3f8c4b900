// 'folder:PATH' and 'sample': list, choose (seeded shuffle + limit), decode once (cached), split.
import { resolve } from 'node:path';
import type { DataConfig } from '../../../shared/runConfig';
import { defaultCacheDir } from '../cacheDir';
import { chooseForSplit } from '../split';
import { describeCounts, splitBlock } from '../imageSet';
import type { DatasetSplits, LoadOptions } from '../types';
import { listImages } from './listImages';
import { cacheFilePath, cacheKey, readCachedImages, writeCachedImages, type CachedImages } from './tensorCache';
import { decodeFolder } from './decodeFolder';
import { withCacheLock } from '../cacheLock';

export async function loadFolder(folderPath: string, data: DataConfig, options: LoadOptions): Promise<DatasetSplits> {
  const folder = resolve(folderPath);
  const log = options.log ?? (() => {});
  const entries = await listImages(folder);
  if (entries.length === 0) throw new Error(`dataset folder ${folder} has no PNG, JPEG or WebP images`);

  const chosen = chooseForSplit(entries, data.splitSeed, data.limit);
  const inFileOrder = chosen.slice().sort((a, b) => (a.file < b.file ? -1 : 1));
  const key = cacheKey(folder, data.imageSize, inFileOrder);
  const cacheFile = cacheFilePath(options.cacheDir ?? defaultCacheDir(), key);

  const { images, fromCache } = await decodeOrReadCache(folder, inFileOrder.map((e) => e.file), data.imageSize, cacheFile, key, options);
  for (const { file, reason } of images.skipped) log(`skipped unreadable image ${file} in ${folder}: ${reason}`);
  if (images.files.length === 0) {
    throw new Error(`dataset folder ${folder} has no usable image: all ${images.skipped.length} image files failed to decode (first: ${images.skipped[0].file})`);
  }

  const indexOf = new Map(images.files.map((file, index) => [file, index]));
  const order = chosen.map((e) => indexOf.get(e.file)).filter((index): index is number => index !== undefined);
  if (order.length < 3) {
    throw new Error(`dataset folder ${folder} has ${order.length} usable image(s); train, validation and test need at least 3`);
  }
  const splits = splitBlock(images.pixels, data.imageSize, order);
  const skippedNote = images.skipped.length > 0 ? `, ${images.skipped.length} unreadable skipped` : '';
  const source = fromCache ? `cache hit ${cacheFile}` : `decoded, cached in ${cacheFile}`;
  const description = `folder ${folder}: ${order.length} images at ${data.imageSize}×${data.imageSize} (${describeCounts(splits)}${skippedNote}; ${source})`;
  log(description);
  return { ...splits, skipped: images.skipped.map((s) => s.file), description };
}

async function decodeOrReadCache(
  folder: string,
  files: string[],
  size: number,
  cacheFile: string,
  key: string,
  options: LoadOptions,
): Promise<{ images: CachedImages; fromCache: boolean }> {
  const cached = await readCachedImages(cacheFile, key);
  if (cached) return { images: cached, fromCache: true };
  try {
    return await withCacheLock(cacheFile, options, async () => {
      const filledMeanwhile = await readCachedImages(cacheFile, key);
      if (filledMeanwhile) return { images: filledMeanwhile, fromCache: true };
      const images = await decodeFolder(folder, files, size, options);
      await writeCachedImages(cacheFile, key, folder, images).catch((error: Error) => logCacheWriteFailure(cacheFile, error, options));
      return { images, fromCache: false };
    });
  } catch (error) {
    if (!isCacheUnwritable(error)) throw error;
    // A read-only or full cache only costs every run a decode; the run itself can go on.
    logCacheWriteFailure(cacheFile, error as Error, options);
    return { images: await decodeFolder(folder, files, size, options), fromCache: false };
  }
}

function logCacheWriteFailure(cacheFile: string, error: Error, options: LoadOptions): void {
  options.log?.(`could not write the decoded-images cache ${cacheFile}: ${error.message}`);
}

function isCacheUnwritable(error: unknown): boolean {
  return ['EACCES', 'EPERM', 'EROFS', 'ENOSPC'].includes((error as NodeJS.ErrnoException).code ?? '');
}
