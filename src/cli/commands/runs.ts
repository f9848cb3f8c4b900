// `aelab runs [--sweep ID]`: the runs in the store, as a table or JSON.
import type { Command } from 'commander';
import { DEFAULT_STORE_DIR } from '../../shared/storeSchema';
import { ExperimentStore } from '../../store';
import { runTable, sweepTable } from '../../store/views';

interface RunsOptions { sweep?: string; store: string; json?: boolean }

export function registerRuns(program: Command): void {
  program
    .command('runs')
    .description('list the runs in the store (and the sweeps, without --sweep)')
    .option('--sweep <sweepId>', 'only the runs of this sweep')
    .option('--store <dir>', 'the experiment store folder', DEFAULT_STORE_DIR)
    .option('--json', 'print the run records as a JSON array')
    .action((options: RunsOptions) => listRuns(options));
}

async function listRuns(options: RunsOptions): Promise<void> {
  const store = await ExperimentStore.openExisting(options.store);
  const data = await store.read();
  const sweep = options.sweep === undefined ? undefined : data.sweeps.find((s) => s.id === options.sweep);
  if (options.sweep !== undefined && !sweep) throw new Error(`no sweep with id ${options.sweep} in ${store.dbPath}`);
  const runs = sweep ? data.runs.filter((r) => r.sweepId === sweep.id) : data.runs;
  if (options.json) {
    process.stdout.write(`${JSON.stringify(runs, null, 1)}\n`);
    return;
  }
  if (!sweep && data.sweeps.length > 0) process.stdout.write(`${sweepTable(data.sweeps, data.runs)}\n`);
  process.stdout.write(`${runTable(runs, sweep?.metric.name)}\n`);
}
