// Batches are copied straight from the split's uint8 NHWC pixels into a Float32Array in [0, 1]:
// no tf.gather (GatherV2 costs ~17 ms a step on wasm and is wrong with batchDims on that backend).
import * as tf from '@tensorflow/tfjs';

/** One split of a dataset: `count` RGB images of size×size, NHWC uint8. */
export interface ImageSplit {
  pixels: Uint8Array;
  count: number;
  size: number;
}

const CHANNELS = 3;

/** The images order[start..end) of the split, as floats in [0, 1]. */
export function fillBatch(split: ImageSplit, order: ArrayLike<number> | null, start: number, end: number): Float32Array {
  const imageLength = split.size * split.size * CHANNELS;
  const out = new Float32Array((end - start) * imageLength);
  for (let b = 0; b < end - start; b++) {
    const index = order ? order[start + b] : start + b;
    const source = split.pixels.subarray(index * imageLength, (index + 1) * imageLength);
    const offset = b * imageLength;
    for (let i = 0; i < imageLength; i++) out[offset + i] = source[i] / 255;
  }
  return out;
}

/** The same batch as an RGB tensor [n, size, size, 3]. */
export function batchTensor(split: ImageSplit, order: ArrayLike<number> | null, start: number, end: number): tf.Tensor4D {
  return tf.tensor4d(fillBatch(split, order, start, end), [end - start, split.size, split.size, CHANNELS]);
}

/** [start, end) of each batch; the last batch may be smaller. */
export function batchRanges(count: number, batchSize: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let start = 0; start < count; start += batchSize) ranges.push([start, Math.min(count, start + batchSize)]);
  return ranges;
}

/** The first `count` images of a split (a view, no copy): the splits are already shuffled, so a fair sample. */
export function firstImages(split: ImageSplit, count: number): ImageSplit {
  const n = Math.min(count, split.count);
  return { pixels: split.pixels.subarray(0, n * split.size * split.size * CHANNELS), count: n, size: split.size };
}
