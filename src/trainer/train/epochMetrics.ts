// The epoch's metric values under the names of src/shared/metricNames.ts (train bare, validation val_).
import type { MetricValues } from '../../shared/trainerMessages';
import type { EpochAverages } from './accumulator';

export function prefixed(prefix: string, averages: EpochAverages, keys: Array<keyof EpochAverages> = ['loss', 'mse', 'psnr', 'ssim']): MetricValues {
  return Object.fromEntries(keys.map((key) => [`${prefix}${key}`, averages[key]]));
}

/**
 * loss: the running mean over the epoch's batches; mse/psnr/ssim: the train subset measured after the epoch
 * (same weights as validation); val_*; the whole epoch's seconds; the training throughput.
 */
export function epochMetrics(trained: { loss: number; images: number; seconds: number }, trainSubset: EpochAverages, validation: EpochAverages, epochSeconds: number): MetricValues {
  return {
    loss: trained.loss,
    ...prefixed('', trainSubset, ['mse', 'psnr', 'ssim']),
    ...prefixed('val_', validation),
    epoch_seconds: epochSeconds,
    images_per_sec: trained.images / trained.seconds,
  };
}
