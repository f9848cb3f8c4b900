// Several real processes against one store: two `aelab sweep`s and repeated `aelab runs --json` listings at
// once; a corrupt db.json reported by the CLI and rebuilt by `aelab store repair`.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { storePaths, type RunRecord } from '../../../src/shared/storeSchema';
import { ExperimentStore, readMetrics } from '../../../src/store';
import { ensureBuilt, runCli, tempDir, writeSweep } from '../sweep/helpers';

describe('one store shared by several processes', function () {
  this.timeout(180_000);
  let dir: string;
  let remove: () => void;
  before(() => ensureBuilt());
  beforeEach(() => ({ dir, remove } = tempDir('shared')));
  afterEach(() => remove());

  it('two sweeps and a CLI listing at once lose nothing', async () => {
    const storeDir = join(dir, 'store');
    await ExperimentStore.open(storeDir); // the listings start at once; `aelab runs` refuses a store not made yet
    const sweeps = [writeSweep(dir, 'alpha', { seed: 1, run_cap: 3 }), writeSweep(dir, 'beta', { seed: 2, run_cap: 3 })].map((file) =>
      runCli(['sweep', file, '--store', storeDir, '--json']),
    );
    let running = true;
    const listings: number[] = [];
    const lister = (async () => {
      while (running) {
        const listing = await runCli(['runs', '--store', storeDir, '--json']);
        assert.equal(listing.code, 0, listing.stderr);
        listings.push((JSON.parse(listing.stdout) as RunRecord[]).length); // always whole, valid JSON
      }
    })();
    const results = await Promise.all(sweeps);
    running = false;
    await lister;
    for (const r of results) assert.equal(r.code, 0, r.stderr);
    assert.ok(listings.length >= 3, `${listings.length} listings ran meanwhile`);
    assert.deepEqual([...listings].sort((a, b) => a - b), listings, 'the run count never went backwards');

    const store = await ExperimentStore.open(storeDir);
    const data = await store.read();
    assert.deepEqual(data.sweeps.map((s) => [s.name, s.status]).sort(), [['alpha', 'finished'], ['beta', 'finished']]);
    assert.equal(data.runs.length, 6);
    for (const run of data.runs) {
      assert.equal(run.status, 'finished');
      assert.deepEqual(JSON.parse(readFileSync(join(storeDir, storePaths.runRecord(run.id)), 'utf8')), run);
      assert.equal(readMetrics(join(storeDir, storePaths.metrics(run.id))).filter((l) => l.kind === 'epoch').length, 2);
    }
    for (const sweep of data.sweeps) assert.equal(data.runs.filter((r) => r.sweepId === sweep.id).length, 3);
  });

  it('a corrupt db.json is a clear CLI error that keeps a copy, and `aelab store repair` restores every run', async () => {
    const storeDir = join(dir, 'store');
    const swept = await runCli(['sweep', writeSweep(dir, 'gamma'), '--store', storeDir, '--json']);
    assert.equal(swept.code, 0, swept.stderr);
    const before = await (await ExperimentStore.open(storeDir)).read();
    writeFileSync(join(storeDir, 'db.json'), readFileSync(join(storeDir, 'db.json'), 'utf8').slice(0, 200)); // torn
    const refused = await runCli(['runs', '--store', storeDir]);
    assert.equal(refused.code, 1);
    assert.ok(refused.stderr.includes(join(storeDir, 'db.json')), refused.stderr);
    assert.match(refused.stderr, /is corrupt .*A copy was kept at .*db\.json\.corrupt-.*aelab store repair/s);
    assert.equal(readdirSync(storeDir).filter((f) => f.startsWith('db.json.corrupt-')).length, 1);

    const repaired = await runCli(['store', 'repair', '--store', storeDir]);
    assert.equal(repaired.code, 0, repaired.stderr);
    assert.match(repaired.stdout, /rebuilt the index: 1 sweep\(s\), 2 run\(s\)/);
    const listing = await runCli(['runs', '--store', storeDir, '--json']);
    assert.deepEqual(JSON.parse(listing.stdout), before.runs);
    assert.deepEqual((await (await ExperimentStore.open(storeDir)).read()).sweeps, before.sweeps);
  });

  it('`aelab export --csv` writes one properly quoted row a run', async () => {
    const storeDir = join(dir, 'store');
    const file = writeSweep(dir, 'delta', { method: 'grid', parameters: { 'model.filters': { values: [[8, 12], [4, 6]] } } });
    const swept = await runCli(['sweep', file, '--store', storeDir, '--json']);
    assert.equal(swept.code, 0, swept.stderr);
    const sweepId = JSON.parse(swept.stdout.split('\n')[0]).sweepId as string;
    const out = join(dir, 'runs.csv');
    const exported = await runCli(['export', sweepId, '--csv', '--out', out, '--store', storeDir]);
    assert.equal(exported.code, 0, exported.stderr);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0], /^run,name,status,.*param\.model\.filters,.*val_loss/);
    assert.ok(lines[1].includes('"[8,12]"') && lines[2].includes('"[4,6]"'), 'array params are JSON in a quoted cell');
    const header = lines[0].split(',');
    const runs = await (await ExperimentStore.open(storeDir)).listRuns({ sweepId });
    const valLoss = Number(lines[1].match(/"[^"]*"|[^,]+|(?<=,)(?=,)/g)![header.indexOf('val_loss')]);
    assert.equal(valLoss, runs[0].summary.val_loss);
  });
});
