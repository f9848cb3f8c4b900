// Datasets: 'cifar10' (the official binary release, downloaded once), 'folder:PATH' (any folder of
// images, decoded once and cached) and 'sample' (the small real sample shipped in data/sample).
import { isAbsolute, resolve } from 'node:path';
import type { DataConfig } from '../../shared/runConfig';
import type { DatasetSplits, LoadOptions } from './types';
import { loadCifar10 } from './cifar10/loadCifar10';
import { loadFolder } from './folder/loadFolder';
import { sampleDatasetDir } from './packageRoot';
import { checkDataConfig } from './checkDataConfig';

export type { ImageSet, DatasetSplits, LoadOptions, LoadProgress } from './types';
export { defaultCacheDir } from './cacheDir';
export { decodeImageFile, type DecodedImage } from './decode';
export { sampleDatasetDir } from './packageRoot';

/** Loads a dataset and splits it 80/10/10 by a shuffle seeded with data.splitSeed. */
export async function loadDataset(data: DataConfig, options: LoadOptions = {}): Promise<DatasetSplits> {
  checkDataConfig(data);
  if (data.dataset === 'cifar10') return loadCifar10(data, options);
  if (data.dataset === 'sample') return loadFolder(sampleDatasetDir(), data, options);
  if (data.dataset.startsWith('folder:')) {
    const path = data.dataset.slice('folder:'.length);
    if (path === '') throw new Error(`data.dataset 'folder:' needs a path, e.g. 'folder:images/'`);
    return loadFolder(isAbsolute(path) ? path : resolve(options.baseDir ?? process.cwd(), path), data, options);
  }
  throw new Error(`data.dataset '${data.dataset}' is not known: use 'cifar10', 'sample' or 'folder:PATH'`);
}
