// The benchmark's images: the shipped sample's train split (repeated to the requested count) and its
// test split, as uint8 NHWC, so the project's trainer and PyTorch see exactly the same pixels.
import { writeFileSync } from 'node:fs';
import { loadDataset } from '../../src/trainer/data';
import type { ImageSplit } from '../../src/trainer/train/batches';

export interface BenchData {
  train: ImageSplit;
  test: ImageSplit;
  description: string;
}

/** The first `count` images of `split`, cycling through it when it holds fewer. */
function repeatTo(split: ImageSplit, count: number): ImageSplit {
  const length = split.size * split.size * 3;
  const pixels = new Uint8Array(count * length);
  for (let i = 0; i < count; i++) pixels.set(split.pixels.subarray((i % split.count) * length, (i % split.count + 1) * length), i * length);
  return { pixels, count, size: split.size };
}

export async function loadBenchData(images: number, cacheDir: string, limit = 0): Promise<BenchData> {
  const splits = await loadDataset({ dataset: 'sample', imageSize: 32, limit, splitSeed: 42 }, { cacheDir });
  return {
    train: repeatTo(splits.train, images),
    test: splits.test,
    description: `shipped sample, 32×32: ${splits.train.count} train images repeated to ${images}, ${splits.test.count} test images`,
  };
}

/** Raw uint8 file for the PyTorch reference (--data / --eval). */
export function writeRawImages(path: string, split: ImageSplit): void {
  writeFileSync(path, split.pixels.subarray(0, split.count * split.size * split.size * 3));
}
