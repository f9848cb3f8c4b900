// One epoch of the custom loop: a seeded order, batches straight from uint8 pixels, one optimizer step
// each, throttled progress messages, and a stop check after every batch.
import * as tf from '@tensorflow/tfjs';
import type { TrainerToController } from '../../shared/trainerMessages';
import { batchRanges, batchTensor, type ImageSplit } from './batches';
import type { LossFunction } from './loss';
import { epochOrder } from './shuffle';
import type { TaskAdapter } from './taskAdapter';
import { trainStep } from './trainStep';

export interface EpochContext {
  model: tf.LayersModel;
  optimizer: tf.Optimizer;
  loss: LossFunction;
  task: TaskAdapter;
  split: ImageSplit;
  batchSize: number;
  seed: number;
  emit: (message: TrainerToController) => void;
  shouldStop: () => boolean;
  /** True when a progress message is due. */
  progressDue: () => boolean;
}

export interface EpochOutcome {
  /** Mean training loss over the batches run (weighted by batch size). */
  loss: number;
  images: number;
  seconds: number;
  stopped: boolean;
}

/** Lets IPC messages ('stop') and signals in between batches: wasm/cpu kernels run synchronously. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function trainEpoch(ctx: EpochContext, epoch: number): Promise<EpochOutcome> {
  const started = performance.now();
  const order = epochOrder(ctx.split.count, ctx.seed, epoch);
  const ranges = batchRanges(ctx.split.count, ctx.batchSize);
  // The loss total stays on the device: one read per epoch, not one per batch.
  let lossTotal = tf.scalar(0);
  let images = 0;
  let stopped = false;
  for (let b = 0; b < ranges.length; b++) {
    const [start, end] = ranges[b];
    const rgb = batchTensor(ctx.split, order, start, end);
    const loss = trainStep(ctx.model, ctx.optimizer, ctx.loss, ctx.task, rgb);
    const total = tf.tidy(() => lossTotal.add(loss.mul(end - start)) as tf.Scalar);
    lossTotal.dispose();
    lossTotal = total;
    images += end - start;
    if (ctx.progressDue() || b === ranges.length - 1) {
      const batchLoss = (await loss.data())[0];
      const imagesPerSec = (images / (performance.now() - started)) * 1000;
      ctx.emit({ type: 'progress', epoch, batch: b + 1, batches: ranges.length, loss: batchLoss, imagesPerSec });
    }
    tf.dispose([rgb, loss]);
    await yieldToEventLoop();
    if (ctx.shouldStop()) {
      stopped = true;
      break;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const sum = (await lossTotal.data())[0];
  lossTotal.dispose();
  return { loss: images > 0 ? sum / images : NaN, images, seconds, stopped };
}
