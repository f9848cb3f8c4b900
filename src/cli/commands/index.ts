// Each feature registers its own sub-commands; add one line per command module.
import type { Command } from 'commander';
import { registerTrain } from './train';
import { registerColorize } from './colorize';

type Register = (program: Command) => void;
const registrations: Register[] = [
  registerTrain,
  registerColorize,
];

export function registerCommands(program: Command): void {
  for (const register of registrations) register(program);
}
