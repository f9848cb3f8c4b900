// Any image size through a fully convolutional model: pad bottom/right to a multiple of the model's
// down-sampling factor, predict, crop back to the original size.
import * as tf from '@tensorflow/tfjs';

export type PadMode = 'reflect' | 'edge';

export interface Padded { padded: tf.Tensor4D; height: number; width: number }

/** Repeats the last row (axis 1) or column (axis 2) `count` times. */
function padEdge(x: tf.Tensor4D, axis: 1 | 2, count: number): tf.Tensor4D {
  if (count === 0) return x;
  const size = x.shape[axis];
  const begin = axis === 1 ? [0, size - 1, 0, 0] : [0, 0, size - 1, 0];
  const edge = x.slice(begin, axis === 1 ? [-1, 1, -1, -1] : [-1, -1, 1, -1]);
  const reps = axis === 1 ? [1, count, 1, 1] : [1, 1, count, 1];
  return tf.concat([x, tf.tile(edge, reps)], axis);
}

/**
 * Pads [B, H, W, C] so H and W are multiples of `multiple`. 'reflect' mirrors without repeating the edge
 * pixel; where the image is too small to mirror (pad ≥ size), that axis falls back to 'edge'.
 */
export function padToMultiple(x: tf.Tensor4D, multiple: number, mode: PadMode = 'reflect'): Padded {
  if (!Number.isInteger(multiple) || multiple < 1) throw new Error(`padToMultiple: multiple must be a positive integer, got ${multiple}`);
  const [, height, width] = x.shape;
  const padH = (multiple - (height % multiple)) % multiple;
  const padW = (multiple - (width % multiple)) % multiple;
  const padded = tf.tidy(() => {
    let out: tf.Tensor4D = x.clone();
    for (const [axis, pad, size] of [[1, padH, height], [2, padW, width]] as const) {
      if (pad === 0) continue;
      if (mode === 'reflect' && pad < size) {
        const paddings: [number, number][] = [[0, 0], [0, 0], [0, 0], [0, 0]];
        paddings[axis] = [0, pad];
        out = tf.mirrorPad(out, paddings, 'reflect');
      } else {
        out = padEdge(out, axis, pad);
      }
    }
    return out;
  });
  return { padded, height, width };
}

/** The top-left height × width of [B, H, W, C]. */
export function cropTo(x: tf.Tensor4D, height: number, width: number): tf.Tensor4D {
  if (height > x.shape[1] || width > x.shape[2]) {
    throw new Error(`cropTo: cannot crop [${x.shape.join(', ')}] to ${height}×${width}`);
  }
  return x.slice([0, 0, 0, 0], [-1, height, width, -1]);
}
