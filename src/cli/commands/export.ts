// `aelab export SWEEP --csv|--json [--out FILE]`: one row a run (parameters, status, summary metrics).
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { DEFAULT_STORE_DIR } from '../../shared/storeSchema';
import { ExperimentStore } from '../../store';
import { exportRows, toCsv } from '../../store/views';

interface ExportOptions { csv?: boolean; json?: boolean; out?: string; store: string }

export function registerExport(program: Command): void {
  program
    .command('export')
    .description("export a sweep's runs as CSV or JSON, one row a run")
    .argument('<sweepId>', 'the sweep')
    .option('--csv', 'comma-separated values with a header row')
    .option('--json', 'a JSON array of rows')
    .option('--out <file>', 'write here instead of standard output')
    .option('--store <dir>', 'the experiment store folder', DEFAULT_STORE_DIR)
    .action((sweepId: string, options: ExportOptions) => exportSweep(sweepId, options));
}

async function exportSweep(sweepId: string, options: ExportOptions): Promise<void> {
  if (Boolean(options.csv) === Boolean(options.json)) {
    process.stderr.write('aelab export: choose one of --csv or --json\n');
    process.exitCode = 2;
    return;
  }
  const store = await ExperimentStore.openExisting(options.store);
  const data = await store.read();
  if (!data.sweeps.some((s) => s.id === sweepId)) throw new Error(`no sweep with id ${sweepId} in ${store.dbPath}`);
  const rows = exportRows(data.runs.filter((r) => r.sweepId === sweepId));
  const text = options.csv ? toCsv(rows) : `${JSON.stringify(rows, null, 1)}\n`;
  if (options.out) await writeFile(options.out, text);
  else process.stdout.write(text);
}
