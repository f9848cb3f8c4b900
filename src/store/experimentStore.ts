// The experiment store: db.json (sweeps and runs, no time series) plus one folder per run. Several processes
// (controllers, the CLI, the extension) share one store: every change is a locked read-modify-write.
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import type { Low } from 'lowdb';
import type { RunConfig } from '../shared/runConfig';
import { storePaths, type RunRecord, type StoreData, type SweepRecord } from '../shared/storeSchema';
import { RecordNotFoundError } from './errors';
import { newId } from './ids';
import { withFileLock } from './lock';
import { writeRecordFile } from './recordFiles';
import { emptyStoreData, openIndex } from './storeIndex';

export interface NewRun {
  config: RunConfig;
  sweepId?: string;
  name?: string;
  params?: Record<string, unknown>;
  requeuedFrom?: string;
}

export type NewSweep = Pick<SweepRecord, 'name' | 'spec' | 'seed' | 'metric'> & Partial<Pick<SweepRecord, 'specPath' | 'controllerPid' | 'status'>>;
export type RunPatch = Partial<Omit<RunRecord, 'id'>>;
export type SweepPatch = Partial<Omit<SweepRecord, 'id'>>;

export class ExperimentStore {
  readonly dbPath: string;
  private readonly index: Low<StoreData>;

  private constructor(readonly dir: string) {
    this.dbPath = join(dir, storePaths.db);
    this.index = openIndex(this.dbPath, dir);
  }

  /** Opens (creating if needed) the store in `dir`; a corrupt or too-new db.json is refused with a clear error. */
  static async open(dir: string): Promise<ExperimentStore> {
    const store = new ExperimentStore(resolve(dir));
    await mkdir(join(store.dir, 'runs'), { recursive: true });
    if (existsSync(store.dbPath)) await store.read();
    else await store.update(() => undefined);
    return store;
  }

  /** Opens a store that must already exist (for commands that only read or change existing records). */
  static async openExisting(dir: string): Promise<ExperimentStore> {
    if (!existsSync(join(resolve(dir), storePaths.db))) {
      throw new Error(`no experiment store at ${resolve(dir)} (no ${storePaths.db}); run a sweep or a training run first, or pass --store DIR`);
    }
    return ExperimentStore.open(dir);
  }

  /** The whole index as it is on disk now (no lock needed: db.json is only ever replaced whole). */
  async read(): Promise<StoreData> {
    // Through the adapter, not index.read(): each caller gets its own copy, so a concurrent read never swaps
    // the object an update is changing.
    return (await this.index.adapter.read()) ?? emptyStoreData();
  }

  /** Locked read-modify-write: `fn` changes `data` in place; its result is returned once the write is done. */
  update<T>(fn: (data: StoreData) => T): Promise<T> {
    return this.locked(async (data) => fn(data));
  }

  async createRun(input: NewRun): Promise<RunRecord> {
    const id = newId('r');
    const run: RunRecord = {
      id,
      ...(input.sweepId ? { sweepId: input.sweepId } : {}),
      name: input.name ?? id,
      status: 'queued',
      config: input.config,
      params: input.params ?? {},
      summary: {},
      epoch: 0,
      host: hostname(),
      createdAt: new Date().toISOString(),
      ...(input.requeuedFrom ? { requeuedFrom: input.requeuedFrom } : {}),
    };
    // run.json first: if the process dies before the index write, `store repair` still finds the run.
    await writeRecordFile(this.file(storePaths.runRecord(id)), run);
    await this.locked(async (data) => void data.runs.push(run));
    return run;
  }

  /** Applies `patch` (or the patch `fn` computes from the current record) and rewrites runs/<id>/run.json. */
  patchRun(id: string, patch: RunPatch | ((run: RunRecord) => RunPatch)): Promise<RunRecord> {
    return this.patchRecord((data) => data.runs, 'run', id, patch, storePaths.runRecord);
  }

  async createSweep(input: NewSweep): Promise<SweepRecord> {
    const sweep: SweepRecord = { id: newId('s'), status: 'running', host: hostname(), createdAt: new Date().toISOString(), ...input };
    await writeRecordFile(this.file(storePaths.sweepRecord(sweep.id)), sweep);
    await this.locked(async (data) => void data.sweeps.push(sweep));
    return sweep;
  }

  patchSweep(id: string, patch: SweepPatch | ((sweep: SweepRecord) => SweepPatch)): Promise<SweepRecord> {
    return this.patchRecord((data) => data.sweeps, 'sweep', id, patch, storePaths.sweepRecord);
  }

  async getRun(id: string): Promise<RunRecord | undefined> {
    return (await this.read()).runs.find((r) => r.id === id);
  }

  async getSweep(id: string): Promise<SweepRecord | undefined> {
    return (await this.read()).sweeps.find((s) => s.id === id);
  }

  async listRuns(filter: { sweepId?: string } = {}): Promise<RunRecord[]> {
    const { runs } = await this.read();
    return filter.sweepId === undefined ? runs : runs.filter((r) => r.sweepId === filter.sweepId);
  }

  async listSweeps(): Promise<SweepRecord[]> {
    return (await this.read()).sweeps;
  }

  /** Removes the run from the index and deletes its folder (metrics, media, checkpoints). */
  async deleteRun(id: string): Promise<void> {
    await this.locked(async (data) => {
      const at = data.runs.findIndex((r) => r.id === id);
      if (at < 0) throw new RecordNotFoundError('run', id, this.dbPath);
      data.runs.splice(at, 1);
    });
    await rm(this.runDir(id), { recursive: true, force: true });
  }

  runDir(id: string): string {
    return this.file(storePaths.runDir(id));
  }

  /** An absolute path inside the store, from one of storePaths' relative paths. */
  file(relative: string): string {
    return join(this.dir, relative);
  }

  private patchRecord<T extends { id: string }>(
    list: (data: StoreData) => T[],
    kind: 'run' | 'sweep',
    id: string,
    patch: Partial<T> | ((record: T) => Partial<T>),
    recordFile: (id: string) => string,
  ): Promise<T> {
    return this.locked(async (data) => {
      const record = list(data).find((r) => r.id === id);
      if (!record) throw new RecordNotFoundError(kind, id, this.dbPath);
      return Object.assign(record, typeof patch === 'function' ? patch(record) : patch);
    }, (record) => writeRecordFile(this.file(recordFile(record.id)), record));
  }

  /** Read-modify-write under the lock; `after` runs with the result while the lock is still held. */
  private locked<T>(fn: (data: StoreData) => Promise<T>, after?: (result: T) => Promise<void>): Promise<T> {
    return withFileLock(this.dbPath, this.file(storePaths.lock), async () => {
      const data = await this.read();
      const result = await fn(data);
      this.index.data = data;
      await this.index.write();
      if (after) await after(result);
      return result;
    });
  }
}
