// Store records for the extension's unit tests, with the defaults a real run has.
import { defaultRunConfig } from '../../../src/shared/runConfig';
import type { RunRecord, StoreData, SweepRecord } from '../../../src/shared/storeSchema';

export function makeRun(over: Partial<RunRecord> & { id: string }): RunRecord {
  return {
    name: over.id, status: 'finished', config: defaultRunConfig(), params: {}, summary: {}, epoch: 0,
    host: 'test', createdAt: '2026-12-04T10:00:00.000Z', ...over,
  };
}

export function makeSweep(over: Partial<SweepRecord> & { id: string }): SweepRecord {
  return {
    name: over.id, status: 'running', spec: {}, seed: 0, metric: { name: 'val_loss', goal: 'minimize' },
    host: 'test', createdAt: '2026-12-04T10:00:00.000Z', ...over,
  };
}

export function makeStore(sweeps: SweepRecord[], runs: RunRecord[]): StoreData {
  return { version: 1, sweeps, runs };
}
