// The epoch's metric values under the names of src/shared/metricNames.ts (train bare, validation val_).
import type { MetricValues } from '../../shared/trainerMessages';
import type { EpochAverages } from './accumulator';

export function prefixed(prefix: string, averages: EpochAverages, keys: Array<keyof EpochAverages> = ['loss', 'mse', 'psnr', 'ssim']): MetricValues {
  return Object.fromEntries(keys.map((key) => [`${prefix}${key}`, averages[key]]));
}

/** Train averages, validation averages, the whole epoch's seconds and the training throughput. */
export function epochMetrics(trained: { averages: EpochAverages; images: number; seconds: number }, validation: EpochAverages, epochSeconds: number): MetricValues {
  return {
    ...prefixed('', trained.averages),
    ...prefixed('val_', validation),
    epoch_seconds: epochSeconds,
    images_per_sec: trained.images / trained.seconds,
  };
}
