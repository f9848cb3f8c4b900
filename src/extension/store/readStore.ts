// Reads db.json as plain JSON: the extension host only ever reads the store (writes go through the CLI,
// under the store's lock), and lowdb's ESM-only build would be a heavy way to parse one file.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { STORE_SCHEMA_VERSION, storePaths, type StoreData } from '../../shared/storeSchema';

export const EMPTY_STORE: StoreData = { version: STORE_SCHEMA_VERSION, sweeps: [], runs: [] };

export class StoreReadError extends Error {}

/** The store's data, or an empty store when the folder or db.json does not exist yet. */
export async function readStore(storeDir: string): Promise<StoreData> {
  const file = join(storeDir, storePaths.db);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_STORE;
    throw error;
  }
  return parseStore(text, file);
}

export function parseStore(text: string, file: string): StoreData {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new StoreReadError(`${file}: not valid JSON (${(error as Error).message}); run "Autoencoder Lab: Repair Store"`);
  }
  const record = data as Partial<StoreData>;
  if (typeof record !== 'object' || record === null || !Array.isArray(record.runs) || !Array.isArray(record.sweeps)) {
    throw new StoreReadError(`${file}: expected an object with "sweeps" and "runs" arrays`);
  }
  if (typeof record.version === 'number' && record.version > STORE_SCHEMA_VERSION) {
    throw new StoreReadError(`${file}: store version ${record.version} is newer than this extension understands (${STORE_SCHEMA_VERSION}); update Autoencoder Lab`);
  }
  return record as StoreData;
}
