// Tiny synthetic RGB images for loop tests: smooth colour gradients (learnable in a few epochs), seeded.
import seedrandom from 'seedrandom';
import type { TrainingDataset } from '../../../src/trainer/train/types';
import type { ImageSplit } from '../../../src/trainer/train/batches';

export function gradientImages(count: number, size: number, seed: number): ImageSplit {
  const random = seedrandom.alea(`synthetic-${seed}`);
  const pixels = new Uint8Array(count * size * size * 3);
  for (let n = 0; n < count; n++) {
    const base = [random(), random(), random()];
    const slope = [random() - 0.5, random() - 0.5, random() - 0.5];
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        for (let c = 0; c < 3; c++) {
          const v = base[c] + slope[c] * ((c === 1 ? y : x) / size);
          pixels[((n * size + y) * size + x) * 3 + c] = Math.round(255 * Math.min(1, Math.max(0, v)));
        }
      }
    }
  }
  return { pixels, count, size };
}

export function syntheticDataset(size = 16, train = 96, seed = 1): TrainingDataset {
  return { train: gradientImages(train, size, seed), validation: gradientImages(20, size, seed + 1), test: gradientImages(20, size, seed + 2), skipped: [] };
}
