// Sweep files: parsing, validation with positions, and turning parameters into run configurations.
export { parseSweepText, loadSweepFile } from './parse';
export { SweepFileError, formatProblem, type SweepProblem } from './errors';
export { applyParams, sweepRunConfig } from './applyParams';
export { CONFIG_KEY_NAMES } from './configKeys';
export { finiteValues } from './finiteValues';
export * from './types';
