// The 80/10/10 split of the assignment: shuffle everything with the split seed, keep the first
// `limit`, then cut train / validation / test in that order.
import { seededShuffle } from './shuffle';

export interface SplitCounts {
  train: number;
  validation: number;
  test: number;
}

/** Validation and test get 10 % each (at least one image), train the rest. */
export function splitCounts(total: number): SplitCounts {
  if (total < 3) throw new Error(`a dataset needs at least 3 images to split into train/validation/test, got ${total}`);
  const validation = Math.max(1, Math.floor(total * 0.1));
  const test = Math.max(1, Math.floor(total * 0.1));
  return { train: total - validation - test, validation, test };
}

/** The items to use, in split order: shuffled by `seed`, then cut to `limit` (0 = all). */
export function chooseForSplit<T>(items: readonly T[], seed: number, limit: number): T[] {
  const shuffled = seededShuffle(items, seed);
  return limit > 0 ? shuffled.slice(0, limit) : shuffled;
}

/** Cuts an already shuffled list into the three parts. */
export function cutSplits<T>(items: readonly T[]): { train: T[]; validation: T[]; test: T[] } {
  const counts = splitCounts(items.length);
  return {
    train: items.slice(0, counts.train),
    validation: items.slice(counts.train, counts.train + counts.validation),
    test: items.slice(counts.train + counts.validation),
  };
}
