// Shared by the sweep/store integration tests: the built CLI and trainer (dist/), sweep files on the shipped
// sample (tiny: 100 images, batch 16, wasm), and spawning `aelab` as a real process.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { runNode, tempDir, type ChildResult } from '../../unit/store/helpers';

export const repoRoot = resolve(__dirname, '../../..');
export const cliPath = join(repoRoot, 'bin', 'aelab.js');

let built = false;
/** The controller forks dist/trainer.js and the tests run dist/cli.js: build once per test process. */
export function ensureBuilt(): void {
  if (built) return;
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'pipe' });
  built = true;
}

export { tempDir };

/** A sweep file on the shipped sample; `overrides` replace top-level keys. Epochs default to 2. */
export function writeSweep(dir: string, name: string, overrides: Record<string, unknown> = {}, epochs = 2): string {
  const spec = {
    name,
    method: 'random',
    metric: { name: 'val_loss', goal: 'minimize' },
    dataset: 'sample',
    task: 'reconstruct',
    seed: 7,
    run_cap: 2,
    concurrency: 1,
    parameters: { 'train.learningRate': { distribution: 'log_uniform_values', min: 0.001, max: 0.01 } },
    base: { train: { epochs, batchSize: 16 }, data: { limit: 100 }, backend: 'wasm' },
    ...overrides,
  };
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(spec, null, 2));
  return file;
}

export type CliResult = ChildResult;

export const runCli = (args: string[]): Promise<CliResult> => runNode([cliPath, ...args]);

/** Starts `aelab sweep … --json` and calls `onEvent` for each JSON event line. */
export function spawnSweep(args: string[], onEvent: (event: Record<string, unknown>, child: ChildProcess) => void): { child: ChildProcess; exited: Promise<CliResult> } {
  const child = spawn(process.execPath, [cliPath, 'sweep', ...args, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    stdout += `${line}\n`;
    onEvent(JSON.parse(line) as Record<string, unknown>, child);
  });
  const exited = new Promise<CliResult>((resolvePromise) => child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr })));
  return { child, exited };
}
