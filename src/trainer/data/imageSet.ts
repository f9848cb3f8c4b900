import type { ImageSet } from './types';
import { cutSplits } from './split';

/** Copies the images at `indices` (in that order) out of an NHWC block into a new ImageSet. */
export function gatherImages(block: Uint8Array, size: number, indices: readonly number[]): ImageSet {
  const bytes = size * size * 3;
  const pixels = new Uint8Array(indices.length * bytes);
  indices.forEach((index, i) => pixels.set(block.subarray(index * bytes, (index + 1) * bytes), i * bytes));
  return { pixels, count: indices.length, size };
}

/** Splits an NHWC block whose images are listed (by index) in split order. */
export function splitBlock(block: Uint8Array, size: number, order: readonly number[]): { train: ImageSet; validation: ImageSet; test: ImageSet } {
  const parts = cutSplits(order);
  return {
    train: gatherImages(block, size, parts.train),
    validation: gatherImages(block, size, parts.validation),
    test: gatherImages(block, size, parts.test),
  };
}

/** "1600/200/200" for the run log. */
export function describeCounts(splits: { train: ImageSet; validation: ImageSet; test: ImageSet }): string {
  return `${splits.train.count}/${splits.validation.count}/${splits.test.count} train/validation/test`;
}
