// `aelab stop RUN|SWEEP`: asks the run's trainer or the sweep's controller to stop (see src/store/stopRequest.ts).
import type { Command } from 'commander';
import { DEFAULT_STORE_DIR } from '../../shared/storeSchema';
import { ExperimentStore, requestStop } from '../../store';

export function registerStop(program: Command): void {
  program
    .command('stop')
    .description('stop a running run (after its current batch) or a whole sweep')
    .argument('<id>', 'a run id or a sweep id')
    .option('--store <dir>', 'the experiment store folder', DEFAULT_STORE_DIR)
    .action(async (id: string, options: { store: string }) => {
      const outcome = await requestStop(await ExperimentStore.openExisting(options.store), id);
      process.stdout.write(`${outcome.kind} ${outcome.id}: ${outcome.actions.join('; ')}\n`);
    });
}
