// The `aelab` command line: a thin front end over the engine (trainer, sweeps, store).
import { Command } from 'commander';
import { registerCommands } from './commands';

const program = new Command()
  .name('aelab')
  .description('Autoencoder Lab: train convolutional autoencoders, run sweeps, inspect the local experiment store')
  .showHelpAfterError();
registerCommands(program);
program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`aelab: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = process.exitCode || 1;
});
