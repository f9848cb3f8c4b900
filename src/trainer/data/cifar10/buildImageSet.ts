import { forEachConcurrent } from '../concurrency';
import { resizeSquareRgb } from '../decode';
import type { ImageSet, LoadOptions } from '../types';
import { CIFAR_SIZE, recordToNhwc } from './parse';

export interface RecordLocation {
  batch: number;
  record: number;
}

/** The NHWC images of the given records, rescaled when size is not CIFAR-10's 32. */
export async function buildImageSet(batches: readonly Buffer[], records: readonly RecordLocation[], size: number, options: LoadOptions): Promise<ImageSet> {
  const bytes = size * size * 3;
  const pixels = new Uint8Array(records.length * bytes);
  if (size === CIFAR_SIZE) {
    records.forEach(({ batch, record }, i) => recordToNhwc(batches[batch], record, pixels, i * bytes));
    return { pixels, count: records.length, size };
  }
  await forEachConcurrent(
    records,
    8,
    async ({ batch, record }, i) => {
      const original = new Uint8Array(CIFAR_SIZE * CIFAR_SIZE * 3);
      recordToNhwc(batches[batch], record, original, 0);
      pixels.set(await resizeSquareRgb(original, CIFAR_SIZE, size), i * bytes);
    },
    options.signal,
  );
  return { pixels, count: records.length, size };
}
