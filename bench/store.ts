// npm run bench:store — the store at the sizes a long-lived workspace reaches:
//   1. appending 1,000,000 metric lines through MetricsWriter (one write per line, as the recorder does),
//      then reading them back with readMetrics;
//   2. a store of 1,000 runs: listing them (db.json read + parse), the runs table, and the cost of one more
//      createRun / patchRun at that size (each a locked read-modify-write of the whole index).
// Options: --points N (1,000,000), --runs N (1,000). Last line: RESULT {json}.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultRunConfig } from '../src/shared/runConfig';
import type { RunRecord } from '../src/shared/storeSchema';
import { ExperimentStore, MetricsWriter, newId, readMetrics } from '../src/store';
import { runTable } from '../src/store/views';

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const points = option('points', 1_000_000);
const runCount = option('runs', 1_000);

async function timed<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number, digits = 2) => Number(x.toFixed(digits));

function appendPoints(file: string): void {
  const writer = new MetricsWriter(file);
  const time = new Date().toISOString();
  for (let i = 0; i < points; i++) writer.append({ kind: 'batch', epoch: 1 + Math.floor(i / 1000), step: i, time, values: { loss: 1 / (i + 1) } });
  writer.close();
}

function fakeRun(i: number, sweepId: string): RunRecord {
  const id = newId('r');
  return {
    id, sweepId, name: `bench-${i}`, status: 'finished', config: defaultRunConfig(), params: { 'train.learningRate': 10 ** -(2 + (i % 3)), 'model.kernelSize': 3 },
    summary: { loss: 0.01, val_loss: 0.012, val_psnr: 19.2, val_ssim: 0.61, test_mse: 0.0043, test_psnr: 23.6, test_ssim: 0.7 },
    epoch: 10, bestEpoch: 9, backend: 'wasm', host: 'bench', createdAt: new Date().toISOString(),
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'aelab-bench-store-'));
  try {
    const file = join(dir, 'metrics.jsonl');
    const append = await timed(() => appendPoints(file));
    const read = await timed(() => readMetrics(file).length);
    if (read.value !== points) throw new Error(`read back ${read.value} of ${points} lines`);
    const megabytes = statSync(file).size / 1e6;
    console.log(`append ${points} metric lines: ${(append.ms / 1000).toFixed(2)} s (${Math.round(points / (append.ms / 1000))} lines/s, ${megabytes.toFixed(1)} MB); read back: ${(read.ms / 1000).toFixed(2)} s`);

    const store = await ExperimentStore.open(join(dir, 'store'));
    const sweep = await store.createSweep({ name: 'bench', spec: {}, seed: 1, metric: { name: 'val_loss', goal: 'minimize' } });
    await store.update((data) => void data.runs.push(...Array.from({ length: runCount }, (_, i) => fakeRun(i, sweep.id))));
    const dbMegabytes = statSync(store.dbPath).size / 1e6;
    const listMs: number[] = [];
    for (let i = 0; i < 5; i++) listMs.push((await timed(() => store.listRuns({ sweepId: sweep.id }))).ms);
    const runs = await store.listRuns({ sweepId: sweep.id });
    const table = await timed(() => runTable(runs).length);
    const createMs: number[] = [];
    const patchMs: number[] = [];
    for (let i = 0; i < 20; i++) {
      const created = await timed(() => store.createRun({ config: defaultRunConfig(), sweepId: sweep.id }));
      createMs.push(created.ms);
      patchMs.push((await timed(() => store.patchRun(created.value.id, { status: 'running', epoch: 1 }))).ms);
    }
    console.log(`store of ${runCount} runs (db.json ${dbMegabytes.toFixed(2)} MB): list ${median(listMs).toFixed(1)} ms (median of 5), runs table ${table.ms.toFixed(1)} ms, createRun ${median(createMs).toFixed(1)} ms, patchRun ${median(patchMs).toFixed(1)} ms (medians of 20)`);
    console.log(`RESULT ${JSON.stringify({
      benchmark: 'store',
      metrics: { lines: points, appendSeconds: round(append.ms / 1000), linesPerSecond: Math.round(points / (append.ms / 1000)), megabytes: round(megabytes, 1), readSeconds: round(read.ms / 1000) },
      index: { runs: runCount, dbMegabytes: round(dbMegabytes), listMs: round(median(listMs), 1), tableMs: round(table.ms, 1), createRunMs: round(median(createMs), 1), patchRunMs: round(median(patchMs), 1) },
    })}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
