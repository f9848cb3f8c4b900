// The CIFAR-10 binary format: records of 3,073 bytes (1 label byte, then the 1,024 red, 1,024 green
// and 1,024 blue bytes of a 32×32 image, row-major), planar; the trainer wants NHWC.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const CIFAR_SIZE = 32;
const PLANE = CIFAR_SIZE * CIFAR_SIZE;
export const RECORD_BYTES = 1 + 3 * PLANE;

/** The batch files' contents, in order, each checked to be whole records (the first bad file in order is named). */
export async function readBatches(dir: string, files: readonly string[]): Promise<Buffer[]> {
  const buffers = await Promise.all(files.map((file) => readFile(join(dir, file))));
  buffers.forEach((buffer, i) => {
    if (buffer.length === 0 || buffer.length % RECORD_BYTES !== 0) {
      const path = join(dir, files[i]);
      throw new Error(`${path} is not a CIFAR-10 batch: ${buffer.length} bytes is not a whole number of ${RECORD_BYTES}-byte records`);
    }
  });
  return buffers;
}

/** Writes record `record` of `batch` as 32×32×3 NHWC bytes into out at offset. */
export function recordToNhwc(batch: Buffer, record: number, out: Uint8Array, offset: number): void {
  const start = record * RECORD_BYTES + 1;
  for (let p = 0; p < PLANE; p++) {
    out[offset + p * 3] = batch[start + p];
    out[offset + p * 3 + 1] = batch[start + PLANE + p];
    out[offset + p * 3 + 2] = batch[start + 2 * PLANE + p];
  }
}

/** (batch, record) of every image across the batches, in file order. */
export function recordLocations(batches: readonly Buffer[]): { batch: number; record: number }[] {
  return batches.flatMap((buffer, batch) => Array.from({ length: buffer.length / RECORD_BYTES }, (_, record) => ({ batch, record })));
}
