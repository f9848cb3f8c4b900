import type { DataConfig } from '../../shared/runConfig';

/** Rejects values no loader could use, naming the key. */
export function checkDataConfig(data: DataConfig): void {
  if (typeof data.dataset !== 'string') throw new Error(`data.dataset must be a string, got ${JSON.stringify(data.dataset)}`);
  if (!Number.isInteger(data.imageSize) || data.imageSize < 1 || data.imageSize > 4096) {
    throw new Error(`data.imageSize must be an integer from 1 to 4096, got ${JSON.stringify(data.imageSize)}`);
  }
  if (!Number.isInteger(data.limit) || data.limit < 0 || data.limit === 1 || data.limit === 2) {
    throw new Error(`data.limit must be 0 (all images) or a whole number ≥ 3 (one image each for train, validation and test), got ${JSON.stringify(data.limit)}`);
  }
  if (!Number.isInteger(data.splitSeed)) throw new Error(`data.splitSeed must be an integer, got ${JSON.stringify(data.splitSeed)}`);
}
