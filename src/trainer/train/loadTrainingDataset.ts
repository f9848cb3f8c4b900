// Loads config.data for a run; the loader's lines (description, skipped files) and progress become 'log' messages.
import type { DataConfig } from '../../shared/runConfig';
import { loadDataset } from '../data';
import type { RunTrainingOptions, TrainingDataset } from './types';

export async function loadTrainingDataset(options: RunTrainingOptions): Promise<TrainingDataset> {
  const log = (message: string) => options.emit({ type: 'log', level: 'info', message });
  const dataset = await loadDataset(options.config.data, {
    cacheDir: options.cacheDir,
    log,
    onProgress: (p) => {
      if (p.done === p.total) log(`data: ${p.phase} ${p.done}/${p.total}`);
    },
  });
  return dataset;
}

/** Every split must hold images: validation picks the best epoch, test gives the final figures. */
export function checkSplits(dataset: TrainingDataset, data: DataConfig): void {
  for (const name of ['train', 'validation', 'test'] as const) {
    if (dataset[name].count === 0) {
      throw new Error(`data.dataset '${data.dataset}' (limit ${data.limit}) leaves no ${name} images: use more images`);
    }
  }
}
