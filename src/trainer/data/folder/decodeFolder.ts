// Decodes the chosen files of a folder dataset into one NHWC block, skipping (not failing on)
// files that cannot be decoded.
import { join } from 'node:path';
import { decodeSquare } from '../decode';
import { forEachConcurrent } from '../concurrency';
import { progressReporter } from '../progress';
import type { LoadOptions } from '../types';
import type { CachedImages, SkippedFile } from './tensorCache';

const DECODE_CONCURRENCY = 8;

export async function decodeFolder(folder: string, files: readonly string[], size: number, options: LoadOptions): Promise<CachedImages> {
  const bytes = size * size * 3;
  const decoded: (Uint8Array | null)[] = new Array(files.length).fill(null);
  const skipped: SkippedFile[] = [];
  const report = progressReporter('decode', files.length, options);
  let done = 0;
  report(0);
  await forEachConcurrent(
    files,
    DECODE_CONCURRENCY,
    async (file, index) => {
      try {
        decoded[index] = await decodeSquare(join(folder, file), size);
      } catch (error) {
        skipped.push({ file, reason: (error as Error).message.replace(/^cannot decode image .*?: /, '') });
      }
      report(++done);
    },
    options.signal,
  );
  const kept = files.filter((_, index) => decoded[index] !== null);
  const pixels = new Uint8Array(kept.length * bytes);
  let offset = 0;
  for (const image of decoded) {
    if (image === null) continue;
    pixels.set(image, offset);
    offset += bytes;
  }
  skipped.sort((a, b) => (a.file < b.file ? -1 : 1));
  return { size, files: kept, skipped, pixels };
}
