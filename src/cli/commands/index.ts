// Each feature registers its own sub-commands; add one line per command module.
import type { Command } from 'commander';
import { registerTrain } from './train';
import { registerColorize } from './colorize';
import { registerSweep } from './sweep';
import { registerRuns } from './runs';
import { registerShow } from './show';
import { registerStop } from './stop';
import { registerExport } from './export';
import { registerStore } from './store';

type Register = (program: Command) => void;
const registrations: Register[] = [
  registerTrain,
  registerColorize,
  registerSweep,
  registerRuns,
  registerShow,
  registerStop,
  registerExport,
  registerStore,
];

export function registerCommands(program: Command): void {
  for (const register of registrations) register(program);
}
