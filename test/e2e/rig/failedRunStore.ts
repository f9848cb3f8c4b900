// A store holding one failed run (error, log, one epoch of metrics), written as the store engine writes it.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultRunConfig } from '../../../src/shared/runConfig';
import { storePaths, type StoreData } from '../../../src/shared/storeSchema';

export const FAILED_RUN = { id: 'r0fixture0001abcde', name: 'broken-run', message: 'Out of memory while allocating the batch', logLine: 'RangeError: Array buffer allocation failed' };

export function createFailedRunWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aelab-ws-untrusted-'));
  const store = join(dir, '.aelab');
  const createdAt = '2026-12-04T10:00:00.000Z';
  const data: StoreData = {
    version: 1,
    sweeps: [{ id: 's0fixture0001abcde', name: 'fixture-sweep', status: 'failed', spec: { run_cap: 1 }, seed: 0, metric: { name: 'val_loss', goal: 'minimize' }, host: 'ci', createdAt }],
    runs: [{
      id: FAILED_RUN.id, sweepId: 's0fixture0001abcde', name: FAILED_RUN.name, status: 'failed', config: defaultRunConfig(),
      params: { 'train.batchSize': 4096 }, summary: { loss: 0.05, val_loss: 0.06 }, epoch: 1, host: 'ci', createdAt,
      error: { message: FAILED_RUN.message, exitCode: 1 },
    }],
  };
  mkdirSync(join(store, storePaths.runDir(FAILED_RUN.id)), { recursive: true });
  writeFileSync(join(store, storePaths.db), JSON.stringify(data, null, 2));
  writeFileSync(join(store, storePaths.metrics(FAILED_RUN.id)), `${JSON.stringify({ kind: 'epoch', epoch: 1, time: createdAt, values: { loss: 0.05, val_loss: 0.06 } })}\n`);
  writeFileSync(join(store, storePaths.log(FAILED_RUN.id)), `epoch 1 done\nepoch 2: allocating batch\n${FAILED_RUN.logLine}\n    at new ArrayBuffer\n`);
  return dir;
}
