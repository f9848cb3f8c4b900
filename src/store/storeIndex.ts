// Reading and writing db.json through lowdb (its TextFile adapter writes via steno: temp file + rename,
// so a reader never sees a half-written index). Parsing checks the schema version and the shape.
import { copyFile, readFile, readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Low } from 'lowdb';
import { TextFile } from 'lowdb/node';
import { STORE_SCHEMA_VERSION, type StoreData } from '../shared/storeSchema';
import { StoreCorruptError, StoreVersionError } from './errors';

export const emptyStoreData = (): StoreData => ({ version: STORE_SCHEMA_VERSION, sweeps: [], runs: [] });

/** Parses db.json text; a newer version or a malformed file raises a clear error (keeping a copy of a corrupt file). */
export async function parseStoreText(text: string, file: string, storeDir: string): Promise<StoreData> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StoreCorruptError(file, (error as Error).message, await keepCorruptCopy(file, text), storeDir);
  }
  const data = value as Partial<StoreData> | null;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new StoreCorruptError(file, 'it is not a JSON object', await keepCorruptCopy(file, text), storeDir);
  }
  if (typeof data.version === 'number' && data.version > STORE_SCHEMA_VERSION) {
    throw new StoreVersionError(file, data.version, STORE_SCHEMA_VERSION);
  }
  const problem =
    data.version !== STORE_SCHEMA_VERSION ? `"version" is ${JSON.stringify(data.version)}, expected ${STORE_SCHEMA_VERSION}` :
    !Array.isArray(data.runs) ? '"runs" is not an array' :
    !Array.isArray(data.sweeps) ? '"sweeps" is not an array' : undefined;
  if (problem) throw new StoreCorruptError(file, problem, await keepCorruptCopy(file, text), storeDir);
  return data as StoreData;
}

/** Copies the bad text to db.json.corrupt-<time>, unless the newest such copy already holds the same text. */
async function keepCorruptCopy(file: string, text: string): Promise<string | undefined> {
  const prefix = `${basename(file)}.corrupt-`;
  const copies = (await readdir(dirname(file)).catch(() => [])).filter((name) => name.startsWith(prefix)).sort();
  const newest = copies.at(-1);
  if (newest && (await readFile(join(dirname(file), newest), 'utf8').catch(() => undefined)) === text) {
    return join(dirname(file), newest);
  }
  const copy = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    await copyFile(file, copy);
    return copy;
  } catch {
    return undefined;
  }
}

/** A lowdb database over db.json whose reads go through parseStoreText (lowdb's TextFile writes atomically via steno). */
export function openIndex(file: string, storeDir: string): Low<StoreData> {
  const text = new TextFile(file);
  return new Low<StoreData>(
    {
      read: async () => {
        const raw = await text.read();
        return raw === null ? emptyStoreData() : parseStoreText(raw, file, storeDir);
      },
      write: (data) => text.write(`${JSON.stringify(data, null, 1)}\n`),
    },
    emptyStoreData(),
  );
}
