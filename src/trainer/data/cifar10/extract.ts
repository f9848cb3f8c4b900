// Extracts the binary batches from cifar-10-binary.tar.gz into a temp folder, then renames it into
// place, so the cache holds either all six batch files or none.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as tar from 'tar';
import { progressReporter } from '../progress';
import type { LoadOptions } from '../types';

export const BATCHES_FOLDER = 'cifar-10-batches-bin';
export const BATCH_FILES = ['data_batch_1.bin', 'data_batch_2.bin', 'data_batch_3.bin', 'data_batch_4.bin', 'data_batch_5.bin', 'test_batch.bin'];

export function hasAllBatches(dir: string): boolean {
  return BATCH_FILES.every((file) => existsSync(join(dir, file)));
}

/** Extracts archive's batch files into destDir (…/cifar-10-batches-bin). */
export async function extractBatches(archive: string, destDir: string, options: LoadOptions): Promise<void> {
  const temp = `${destDir}.${process.pid}.${randomBytes(4).toString('hex')}.extracting`;
  const report = progressReporter('extract', BATCH_FILES.length, options);
  let extracted = 0;
  try {
    await mkdir(temp, { recursive: true });
    report(0);
    await tar.x({
      file: archive,
      cwd: temp,
      filter: (path) => BATCH_FILES.some((file) => path.replace(/^\.\//, '') === `${BATCHES_FOLDER}/${file}`),
      onReadEntry: () => report(++extracted),
    });
    const extractedDir = join(temp, BATCHES_FOLDER);
    const missing = BATCH_FILES.filter((file) => !existsSync(join(extractedDir, file)));
    if (missing.length > 0) throw new Error(`${archive} is not the CIFAR-10 binary release: ${BATCHES_FOLDER}/${missing.join(', ')} missing`);
    await rm(destDir, { recursive: true, force: true });
    await rename(extractedDir, destDir);
  } catch (error) {
    if ((error as Error).message.includes(archive)) throw error;
    throw new Error(`cannot extract ${archive}: ${(error as Error).message}`, { cause: error });
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
