// The PyTorch reference (bench/ae_torch_reference.py, Debian's python3-torch), run as a child process
// on the same raw uint8 images.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const PYTHON = '/usr/bin/python3';
const SCRIPT = join(__dirname, '..', 'ae_torch_reference.py');

export interface TorchFigures {
  trainer: string;
  trainImgPerSec: number;
  inferImgPerSec: number;
  /** Per CPU-second of the process (all its threads). */
  trainCpuImgPerSec: number;
  inferCpuImgPerSec: number;
  losses: number[];
  evalMse: number | null;
}

/** Why PyTorch cannot be used here, or undefined when it can. */
export function torchUnavailable(): string | undefined {
  const probe = spawnSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
  if (probe.error) return `${PYTHON} not found (${probe.error.message})`;
  if (probe.status !== 0) return `python3-torch is not installed (${probe.stderr.trim().split('\n').pop()})`;
  return undefined;
}

export function runTorch(threads: number, dataPath: string, evalPath: string, epochs: number, batch: number): TorchFigures {
  const args = [SCRIPT, '--init', 'keras', '--threads', String(threads), '--epochs', String(epochs), '--batch', String(batch), '--data', dataPath, '--eval', evalPath];
  const run = spawnSync(PYTHON, args, { encoding: 'utf8', maxBuffer: 16 << 20 });
  if (run.error) throw new Error(`PyTorch reference did not start: ${run.error.message}`);
  const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (run.status !== 0 || line === undefined) {
    throw new Error(`PyTorch reference failed (exit ${run.status}): ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  }
  return JSON.parse(line.slice('RESULT '.length)) as TorchFigures;
}
