// `aelab store repair`: rebuilds db.json from the run and sweep folders (after a corrupt-index error).
import type { Command } from 'commander';
import { DEFAULT_STORE_DIR } from '../../shared/storeSchema';
import { repairStore } from '../../store';

export function registerStore(program: Command): void {
  const store = program.command('store').description('maintain the experiment store');
  store
    .command('repair')
    .description('rebuild the store index (db.json) from runs/*/run.json and sweeps/*/sweep.json, keeping a copy of a corrupt one')
    .option('--store <dir>', 'the experiment store folder', DEFAULT_STORE_DIR)
    .action(async (options: { store: string }) => {
      const report = await repairStore(options.store);
      if (report.corruptCopy) process.stdout.write(`the corrupt index was kept as ${report.corruptCopy}\n`);
      process.stdout.write(`rebuilt the index: ${report.sweeps} sweep(s), ${report.runs} run(s)\n`);
      for (const skip of report.skipped) process.stdout.write(`skipped ${skip.file}: ${skip.reason}\n`);
    });
}
