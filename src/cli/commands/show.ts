// `aelab show RUN|SWEEP`: one record in full (a run with its last epochs, a sweep with its runs).
import type { Command } from 'commander';
import { DEFAULT_STORE_DIR, storePaths, type RunRecord } from '../../shared/storeSchema';
import { ExperimentStore, readMetrics } from '../../store';
import { formatNumber, runTable } from '../../store/views';

interface ShowOptions { store: string; json?: boolean }

export function registerShow(program: Command): void {
  program
    .command('show')
    .description('show one run or sweep in detail')
    .argument('<id>', 'a run id or a sweep id')
    .option('--store <dir>', 'the experiment store folder', DEFAULT_STORE_DIR)
    .option('--json', 'print the record (a sweep with its runs) as JSON')
    .action((id: string, options: ShowOptions) => show(id, options));
}

async function show(id: string, options: ShowOptions): Promise<void> {
  const store = await ExperimentStore.openExisting(options.store);
  const data = await store.read();
  const run = data.runs.find((r) => r.id === id);
  const sweep = data.sweeps.find((s) => s.id === id);
  if (!run && !sweep) throw new Error(`no run or sweep with id ${id} in ${store.dbPath}`);
  const print = (text: string): void => void process.stdout.write(`${text}\n`);
  if (sweep) {
    const runs = data.runs.filter((r) => r.sweepId === sweep.id);
    if (options.json) return print(JSON.stringify({ ...sweep, runs }, null, 1));
    print(`sweep ${sweep.id} "${sweep.name}": ${sweep.status}, ${sweep.metric.goal} ${sweep.metric.name}${sweep.metric.target !== undefined ? ` (target ${sweep.metric.target})` : ''}, seed ${sweep.seed}`);
    print(`created ${sweep.createdAt}${sweep.endedAt ? `, ended ${sweep.endedAt}` : ''}, controller pid ${sweep.controllerPid ?? '—'} on ${sweep.host}`);
    if (sweep.bestRunId) print(`best run: ${sweep.bestRunId}`);
    return print(runTable(runs, sweep.metric.name));
  }
  const epochs = readMetrics(store.file(storePaths.metrics(id))).filter((l) => l.kind === 'epoch');
  if (options.json) return print(JSON.stringify({ ...run, epochs }, null, 1));
  printRun(run!, epochs.map((l) => ({ epoch: l.epoch, values: l.values })), store.runDir(id), print);
}

function printRun(run: RunRecord, epochs: { epoch: number; values: Record<string, number> }[], dir: string, print: (t: string) => void): void {
  print(`run ${run.id} "${run.name}": ${run.status}, epoch ${run.epoch}${run.bestEpoch ? ` (best ${run.bestEpoch})` : ''}, backend ${run.backend ?? '—'}`);
  if (run.sweepId) print(`sweep ${run.sweepId}; params ${JSON.stringify(run.params)}`);
  print(`folder ${dir}`);
  print(`summary: ${Object.entries(run.summary).map(([k, v]) => `${k}=${formatNumber(v)}`).join(' ') || '—'}`);
  for (const e of epochs.slice(-10)) print(`  epoch ${e.epoch}: ${Object.entries(e.values).map(([k, v]) => `${k}=${formatNumber(v)}`).join(' ')}`);
  if (run.error) print(`error: ${run.error.message}${run.error.stderrTail ? `\n--- stderr (tail) ---\n${run.error.stderrTail.slice(-2000)}` : ''}`);
}
