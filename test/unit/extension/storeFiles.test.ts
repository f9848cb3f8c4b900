import { strict as assert } from 'node:assert';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLogTail } from '../../../src/extension/store/logTail';
import { listGridImages } from '../../../src/extension/store/mediaFiles';
import { MetricsCache } from '../../../src/extension/store/metricsCache';
import { readMetricsFrom } from '../../../src/extension/store/metricsFile';
import { readStore, StoreReadError } from '../../../src/extension/store/readStore';

const line = (epoch: number, loss: number) => `${JSON.stringify({ kind: 'epoch', epoch, time: '2026-12-04T10:00:00Z', values: { loss } })}\n`;

describe('extension store reading', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'aelab-ext-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads metrics incrementally and leaves a half-written last line for the next read', async () => {
    const file = join(dir, 'metrics.jsonl');
    writeFileSync(file, line(1, 0.5) + line(2, 0.4) + '{"kind":"epo');
    const first = await readMetricsFrom(file, 0);
    assert.deepEqual(first.lines.map((l) => l.values.loss), [0.5, 0.4]);
    appendFileSync(file, `ch","epoch":3,"time":"t","values":{"loss":0.3}}\n`);
    const second = await readMetricsFrom(file, first.offset);
    assert.deepEqual(second.lines.map((l) => l.epoch), [3]);
    assert.equal((await readMetricsFrom(file, second.offset)).lines.length, 0);
  });

  it('skips a torn line in the middle and starts over when the file was rewritten shorter', async () => {
    const file = join(dir, 'metrics.jsonl');
    writeFileSync(file, line(1, 0.5) + '{"kind": garbage\n' + line(2, 0.4));
    const cache = new MetricsCache(dir);
    const runDir = join(dir, 'runs', 'r1');
    mkdirSync(runDir, { recursive: true });
    writeFileSync(join(runDir, 'metrics.jsonl'), line(1, 0.5) + '{"kind": garbage\n' + line(2, 0.4));
    assert.deepEqual((await cache.update('r1')).added.map((l) => l.epoch), [1, 2]);
    writeFileSync(join(runDir, 'metrics.jsonl'), line(1, 0.9));
    const after = await cache.update('r1');
    assert.equal(after.reset, true);
    assert.deepEqual(cache.lines('r1').map((l) => l.values.loss), [0.9]);
    assert.deepEqual((await cache.update('missing')).added, []);
  });

  it('counts each appended line once when store changes arrive in a burst (overlapping updates)', async () => {
    const runDir = join(dir, 'runs', 'r1');
    mkdirSync(runDir, { recursive: true });
    writeFileSync(join(runDir, 'metrics.jsonl'), line(1, 0.5));
    const cache = new MetricsCache(dir);
    await cache.update('r1');
    appendFileSync(join(runDir, 'metrics.jsonl'), Array.from({ length: 5000 }, (_, i) => line(2, i)).join(''));
    const burst = await Promise.all([cache.update('r1'), cache.update('r1'), cache.update('r1')]);
    assert.equal(burst.reduce((n, b) => n + b.added.length, 0), 5000);
    assert.equal(cache.lines('r1').length, 5001);
  });

  it('reads db.json, an absent store as empty, and names the file of a broken or newer one', async () => {
    assert.deepEqual((await readStore(join(dir, 'nothing'))).runs, []);
    writeFileSync(join(dir, 'db.json'), JSON.stringify({ version: 1, sweeps: [], runs: [{ id: 'r1' }] }));
    assert.equal((await readStore(dir)).runs.length, 1);
    writeFileSync(join(dir, 'db.json'), '{"version": 1, "sweeps": [');
    await assert.rejects(readStore(dir), (e: Error) => e instanceof StoreReadError && e.message.includes(join(dir, 'db.json')) && /Repair Store/.test(e.message));
    writeFileSync(join(dir, 'db.json'), JSON.stringify({ version: 99, sweeps: [], runs: [] }));
    await assert.rejects(readStore(dir), /store version 99 is newer/);
  });

  it('lists a run\'s grid images by epoch, ignoring other files', async () => {
    const media = join(dir, 'runs', 'r1', 'media');
    mkdirSync(media, { recursive: true });
    for (const name of ['epoch-0010.png', 'epoch-0002.png', 'notes.txt', 'epoch-0001.png']) writeFileSync(join(media, name), '');
    assert.deepEqual((await listGridImages(dir, 'r1')).map((m) => m.epoch), [1, 2, 10]);
    assert.deepEqual(await listGridImages(dir, 'none'), []);
  });

  it('returns the end of a log, starting at a whole line', async () => {
    const file = join(dir, 'output.log');
    writeFileSync(file, Array.from({ length: 500 }, (_, i) => `line ${i}`).join('\n'));
    const tail = await readLogTail(file, 100);
    assert.ok(tail.startsWith('line '));
    assert.ok(tail.endsWith('line 499'));
    assert.ok(tail.length <= 100);
    assert.equal(await readLogTail(join(dir, 'none.log')), '');
  });
});
