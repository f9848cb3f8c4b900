// `aelab store repair`: rebuilds db.json from the record copies in the run and sweep folders.
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { STORE_SCHEMA_VERSION, storePaths, type RunRecord, type StoreData, type SweepRecord } from '../shared/storeSchema';
import { withFileLock } from './lock';
import { ExperimentStore } from './experimentStore';
import { openIndex, parseStoreText } from './storeIndex';

export interface RepairReport {
  runs: number;
  sweeps: number;
  /** Record files that could not be read, with the reason. */
  skipped: { file: string; reason: string }[];
  /** Where the old db.json was copied, if it was corrupt. */
  corruptCopy?: string;
}

export async function repairStore(dir: string): Promise<RepairReport> {
  const storeDir = resolve(dir);
  const dbPath = join(storeDir, storePaths.db);
  const report: RepairReport = { runs: 0, sweeps: 0, skipped: [] };
  await withFileLock(dbPath, join(storeDir, storePaths.lock), async () => {
    report.corruptCopy = await corruptCopyOf(dbPath, storeDir);
    const runs = await readRecords<RunRecord>(join(storeDir, 'runs'), 'run.json', report.skipped);
    const sweeps = await readRecords<SweepRecord>(join(storeDir, 'sweeps'), 'sweep.json', report.skipped);
    const data: StoreData = { version: STORE_SCHEMA_VERSION, sweeps: sortById(sweeps), runs: sortById(runs) };
    // We hold the lock already: write through the adapter, not ExperimentStore.update.
    const index = openIndex(dbPath, storeDir);
    index.data = data;
    await index.write();
    report.runs = runs.length;
    report.sweeps = sweeps.length;
  });
  await ExperimentStore.open(storeDir); // proves the new index reads back
  return report;
}

/** If db.json exists and does not parse, parseStoreText keeps a copy; return where. */
async function corruptCopyOf(dbPath: string, storeDir: string): Promise<string | undefined> {
  if (!existsSync(dbPath)) return undefined;
  try {
    await parseStoreText(await readFile(dbPath, 'utf8'), dbPath, storeDir);
    return undefined;
  } catch (error) {
    const copy = (error as { copy?: string }).copy;
    if (copy !== undefined) return copy;
    throw error; // a newer schema version: repairing would throw that store's data away
  }
}

async function readRecords<T extends { id: string }>(parent: string, fileName: string, skipped: RepairReport['skipped']): Promise<T[]> {
  const entries = await readdir(parent, { withFileTypes: true }).catch(() => []);
  const records: T[] = [];
  for (const entry of entries.filter((e) => e.isDirectory())) {
    const file = join(parent, entry.name, fileName);
    try {
      const record = JSON.parse(await readFile(file, 'utf8')) as T;
      if (record.id !== entry.name) throw new Error(`its id ${JSON.stringify(record.id)} does not match the folder`);
      records.push(record);
    } catch (error) {
      skipped.push({ file, reason: (error as Error).message });
    }
  }
  return records;
}

const sortById = <T extends { id: string }>(records: T[]): T[] => records.sort((a, b) => a.id.localeCompare(b.id));
