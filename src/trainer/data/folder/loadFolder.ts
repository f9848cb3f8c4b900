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
  const images = await decodeFolder(folder, files, size, options);
  try {
    await writeCachedImages(cacheFile, key, folder, images);
  } catch (error) {
    // A read-only or full cache only costs the next run a decode; the run itself can go on.
    options.log?.(`could not write the decoded-images cache ${cacheFile}: ${(error as Error).message}`);
  }
  return { images, fromCache: false };
}
