// The grid images a run has written so far: runs/<id>/media/epoch-0001.png …
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { storePaths } from '../../shared/storeSchema';

export interface MediaFile { epoch: number; path: string }

export async function listGridImages(storeDir: string, runId: string): Promise<MediaFile[]> {
  const dir = join(storeDir, storePaths.media(runId));
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => ({ name, match: /^epoch-(\d+)\.png$/.exec(name) }))
    .filter((entry) => entry.match !== null)
    .map((entry) => ({ epoch: Number(entry.match![1]), path: join(dir, entry.name) }))
    .sort((a, b) => a.epoch - b.epoch);
}
