import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MetricLine } from '../../../src/shared/storeSchema';
import { MetricsWriter, readMetrics } from '../../../src/store';
import { tempDir } from './helpers';

const line = (epoch: number): MetricLine => ({ kind: 'epoch', epoch, time: '2026-12-04T00:00:00.000Z', values: { val_loss: 1 / (epoch + 1) } });

describe('store: metrics.jsonl', () => {
  let dir: string;
  let remove: () => void;
  beforeEach(() => ({ dir, remove } = tempDir('metrics')));
  afterEach(() => remove());

  it('appends one JSON line per point and reads them back in order', () => {
    const file = join(dir, 'runs', 'r1', 'metrics.jsonl');
    const writer = new MetricsWriter(file);
    for (let e = 1; e <= 3; e++) writer.append(line(e));
    // Visible to a reader before close: nothing is buffered in the process.
    assert.equal(readFileSync(file, 'utf8').split('\n').length, 4);
    writer.close();
    assert.deepEqual(readMetrics(file), [line(1), line(2), line(3)]);
    assert.throws(() => writer.append(line(4)), /closed/);
  });

  it('drops a torn last line, and a new writer cuts it before appending', () => {
    const file = join(dir, 'metrics.jsonl');
    writeFileSync(file, `${JSON.stringify(line(1))}\n${JSON.stringify(line(2)).slice(0, 20)}`);
    assert.deepEqual(readMetrics(file), [line(1)]);
    const writer = new MetricsWriter(file);
    writer.append(line(3));
    writer.close();
    assert.deepEqual(readMetrics(file), [line(1), line(3)]);
  });

  it('names the file and line of a bad line that is not the last', () => {
    const file = join(dir, 'metrics.jsonl');
    writeFileSync(file, `${JSON.stringify(line(1))}\nnot json\n`);
    appendFileSync(file, `${JSON.stringify(line(2))}\n`);
    assert.throws(() => readMetrics(file), new RegExp(`metrics.jsonl:2: not a metrics line`));
  });

  it('a missing file has no lines', () => assert.deepEqual(readMetrics(join(dir, 'none.jsonl')), []));

  it('a writer killed with SIGKILL loses nothing it had appended', async () => {
    const file = join(dir, 'metrics.jsonl');
    const code = `const { MetricsWriter } = require(${JSON.stringify(join(__dirname, '../../../src/store'))});
      const w = new MetricsWriter(${JSON.stringify(file)});
      for (let e = 1; ; e++) { w.append({ kind: 'batch', epoch: e, time: 't', values: { loss: e } }); if (e === 500) process.stdout.write('500\\n'); }`;
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('close', resolve));
    const lines = readMetrics(file);
    assert.ok(lines.length >= 500, `${lines.length} lines`);
    lines.forEach((l, i) => assert.equal(l.epoch, i + 1));
  });
});
