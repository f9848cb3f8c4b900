// meta.json beside a checkpoint: what the model is (task, model options) and where it came from
// (epoch, metrics), so `aelab colorize` or the extension can use a checkpoint without the store.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelConfig, RunConfig, Task } from '../../shared/runConfig';
import type { MetricValues } from '../../shared/trainerMessages';

export const META_FILE = 'meta.json';
export const CHECKPOINT_META_VERSION = 1;

export interface CheckpointMeta {
  version: number;
  task: Task;
  model: ModelConfig;
  epoch: number;
  metrics: MetricValues;
  /** The whole run configuration, when the trainer has it. */
  config?: RunConfig;
  savedAt: string;
}

export type CheckpointMetaInput = Omit<CheckpointMeta, 'version' | 'savedAt'>;

export function makeMeta(input: CheckpointMetaInput): CheckpointMeta {
  return { version: CHECKPOINT_META_VERSION, ...input, savedAt: new Date().toISOString() };
}

export async function readCheckpointMeta(dir: string): Promise<CheckpointMeta> {
  const path = join(dir, META_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new Error(`checkpoint meta ${path}: cannot read (${(err as Error).message})`);
  }
  let meta: Partial<CheckpointMeta>;
  try {
    meta = JSON.parse(text);
  } catch (err) {
    throw new Error(`checkpoint meta ${path}: not valid JSON (${(err as Error).message})`);
  }
  if (typeof meta.version !== 'number' || meta.version > CHECKPOINT_META_VERSION) {
    throw new Error(`checkpoint meta ${path}: unsupported version ${JSON.stringify(meta.version)} (this build reads up to ${CHECKPOINT_META_VERSION})`);
  }
  if (meta.task !== 'reconstruct' && meta.task !== 'colorize') throw new Error(`checkpoint meta ${path}: "task" must be reconstruct or colorize, got ${JSON.stringify(meta.task)}`);
  if (typeof meta.model !== 'object' || meta.model === null) throw new Error(`checkpoint meta ${path}: missing "model"`);
  if (typeof meta.epoch !== 'number') throw new Error(`checkpoint meta ${path}: missing "epoch"`);
  return meta as CheckpointMeta;
}
