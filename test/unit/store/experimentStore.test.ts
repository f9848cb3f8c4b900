import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultRunConfig } from '../../../src/shared/runConfig';
import { STORE_SCHEMA_VERSION } from '../../../src/shared/storeSchema';
import { ExperimentStore, RecordNotFoundError, StoreCorruptError, StoreVersionError, newId, repairStore } from '../../../src/store';
import { tempDir } from './helpers';

describe('store: ExperimentStore', () => {
  let dir: string;
  let remove: () => void;
  beforeEach(() => ({ dir, remove } = tempDir('store')));
  afterEach(() => remove());

  it('creates db.json with the schema version, and runs with a folder holding run.json', async () => {
    const store = await ExperimentStore.open(dir);
    assert.equal(JSON.parse(readFileSync(join(dir, 'db.json'), 'utf8')).version, STORE_SCHEMA_VERSION);
    const run = await store.createRun({ config: defaultRunConfig(), params: { 'train.learningRate': 0.01 } });
    assert.equal(run.status, 'queued');
    assert.deepEqual(JSON.parse(readFileSync(join(store.runDir(run.id), 'run.json'), 'utf8')), run);
    const patched = await store.patchRun(run.id, { status: 'running', epoch: 2, summary: { val_loss: 0.5 } });
    assert.equal(patched.status, 'running');
    assert.equal(JSON.parse(readFileSync(join(store.runDir(run.id), 'run.json'), 'utf8')).status, 'running');
    assert.deepEqual((await store.getRun(run.id))?.summary, { val_loss: 0.5 });
    await store.patchRun(run.id, (r) => ({ epoch: r.epoch + 1 }));
    assert.equal((await store.getRun(run.id))?.epoch, 3);
  });

  it('lists runs by sweep, deletes a run with its folder, and names a missing id', async () => {
    const store = await ExperimentStore.open(dir);
    const sweep = await store.createSweep({ name: 's', spec: {}, seed: 1, metric: { name: 'val_loss', goal: 'minimize' } });
    const a = await store.createRun({ config: defaultRunConfig(), sweepId: sweep.id });
    const b = await store.createRun({ config: defaultRunConfig() });
    assert.deepEqual((await store.listRuns({ sweepId: sweep.id })).map((r) => r.id), [a.id]);
    assert.equal((await store.listRuns()).length, 2);
    await store.deleteRun(b.id);
    assert.equal(existsSync(store.runDir(b.id)), false);
    assert.deepEqual((await store.listRuns()).map((r) => r.id), [a.id]);
    await assert.rejects(store.patchRun(b.id, { epoch: 1 }), RecordNotFoundError);
    await assert.rejects(store.patchSweep('nope', {}), /no sweep with id nope/);
  });

  it('makes ids that sort in creation order and never repeat', () => {
    const ids = Array.from({ length: 2000 }, () => newId('r'));
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual([...ids].sort(), ids);
    assert.match(ids[0], /^r[0-9a-z]{16}$/);
  });

  it('refuses a db.json from a newer schema version, naming the file and both versions', async () => {
    writeFileSync(join(dir, 'db.json'), JSON.stringify({ version: STORE_SCHEMA_VERSION + 1, sweeps: [], runs: [] }));
    await assert.rejects(ExperimentStore.open(dir), (error: Error) => {
      assert.ok(error instanceof StoreVersionError);
      assert.match(error.message, new RegExp(`${join(dir, 'db.json').replace(/[/\\]/g, '.')}.*version ${STORE_SCHEMA_VERSION + 1}.*version ${STORE_SCHEMA_VERSION}`));
      return true;
    });
    await assert.rejects(repairStore(dir), StoreVersionError); // repair would throw newer data away
  });

  it('reports a corrupt db.json by name, keeps one copy, and repair rebuilds the index from run folders', async () => {
    const store = await ExperimentStore.open(dir);
    const sweep = await store.createSweep({ name: 's', spec: { method: 'grid' }, seed: 3, metric: { name: 'val_loss', goal: 'minimize' } });
    const run = await store.createRun({ config: defaultRunConfig(), sweepId: sweep.id, params: { a: 1 } });
    await store.patchRun(run.id, { status: 'finished', summary: { test_mse: 0.004 } });
    const before = await store.read();
    writeFileSync(join(dir, 'db.json'), '{"version": 1, "runs": [ {"id": "r1"'); // torn
    for (let i = 0; i < 2; i++) {
      await assert.rejects(store.read(), (error: Error) => {
        assert.ok(error instanceof StoreCorruptError);
        assert.ok(error.message.includes(join(dir, 'db.json')), error.message);
        assert.match(error.message, /aelab store repair/);
        return true;
      });
    }
    const copies = readdirSync(dir).filter((name) => name.startsWith('db.json.corrupt-'));
    assert.equal(copies.length, 1, 'the same corrupt text is copied once');
    assert.equal(readFileSync(join(dir, copies[0]), 'utf8'), '{"version": 1, "runs": [ {"id": "r1"');
    const report = await repairStore(dir);
    assert.deepEqual({ runs: report.runs, sweeps: report.sweeps, skipped: report.skipped }, { runs: 1, sweeps: 1, skipped: [] });
    assert.equal(report.corruptCopy, join(dir, copies[0]));
    assert.deepEqual(await (await ExperimentStore.open(dir)).read(), before);
  });

  it('openExisting refuses a folder without a store instead of creating one', async () => {
    await assert.rejects(ExperimentStore.openExisting(join(dir, 'nothing')), /no experiment store at .*nothing \(no db\.json\)/);
    assert.equal(existsSync(join(dir, 'nothing')), false);
    await ExperimentStore.open(dir);
    assert.equal((await ExperimentStore.openExisting(dir)).dir, dir);
  });

  it('calls a db.json without runs corrupt, not empty', async () => {
    writeFileSync(join(dir, 'db.json'), JSON.stringify({ version: STORE_SCHEMA_VERSION, sweeps: [] }));
    await assert.rejects(ExperimentStore.open(dir), /"runs" is not an array/);
  });
});
