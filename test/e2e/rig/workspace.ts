// A fresh workspace for the journeys: a small colorize sweep on the shipped sample, a photo, a broken sweep file.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './paths';

export const SWEEP_FILE = 'e2e-sweep.yaml';
export const BAD_SWEEP_FILE = 'bad-sweep.yaml';
export const PHOTO = 'photo.jpg';
/** bad-sweep.yaml's error: line 4, column 9. */
export const BAD_LINE = 4;

// Two colorizers (kernel 3 and 5), 2 epochs on 300 sample images: ~10 s on two cores.
const SWEEP = `# End-to-end journey: two small colorizers on the shipped sample.
name: e2e-colorize
method: grid
task: colorize
metric:
  name: val_loss
  goal: minimize
dataset: sample
concurrency: 2
seed: 1
parameters:
  model.kernelSize:
    values: [3, 5]
base:
  model:
    filters: [8, 8]
    latentChannels: 8
    decoderFilters: [8]
  train:
    epochs: 2
    batchSize: 32
  data:
    limit: 300
    imageSize: 32
`;

const BAD_SWEEP = `name: broken
metric:
  name: val_loss
method: sideways
parameters:
  model.kernelSize:
    values: [3, 5]
`;

/** kernelSizes: 2 runs by default (the compare journey); 1 avoids the colorizer question (desktop journeys). */
/** A sweep long enough to be stopped while it runs (4 runs × 300 epochs, one at a time; the journey stops it). */
export const LONG_SWEEP_FILE = 'long-sweep.yaml';
const LONG_SWEEP = SWEEP.replace('name: e2e-colorize', 'name: e2e-long').replace('concurrency: 2', 'concurrency: 1')
  .replace('values: [3, 5]', 'values: [1, 3, 5, 7]').replace('epochs: 2', 'epochs: 300');

export function createWorkspace(runs: 1 | 2 = 2): string {
  const dir = mkdtempSync(join(tmpdir(), 'aelab-ws-'));
  writeFileSync(join(dir, SWEEP_FILE), runs === 2 ? SWEEP : SWEEP.replace('values: [3, 5]', 'values: [3]'));
  writeFileSync(join(dir, BAD_SWEEP_FILE), BAD_SWEEP);
  writeFileSync(join(dir, LONG_SWEEP_FILE), LONG_SWEEP);
  copyFileSync(join(REPO, 'data', 'sample', 'cat', '0000.jpg'), join(dir, PHOTO));
  return dir;
}
