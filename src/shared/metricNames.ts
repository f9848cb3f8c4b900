// The metric names the trainer logs (Keras-style: train metrics bare, validation prefixed val_, test test_).
// A sweep's metric.name must be one of these; reconstruction is never judged by "accuracy".

export const EPOCH_METRICS = ['loss', 'val_loss', 'mse', 'val_mse', 'psnr', 'val_psnr', 'ssim', 'val_ssim', 'epoch_seconds', 'images_per_sec'] as const;
export const TEST_METRICS = ['test_mse', 'test_psnr', 'test_ssim'] as const;
export const ALL_METRICS: readonly string[] = [...EPOCH_METRICS, ...TEST_METRICS];

/** The natural direction of each metric, for defaults and "best so far". */
export function metricGoal(name: string): 'minimize' | 'maximize' {
  return /psnr|ssim|images_per_sec/.test(name) ? 'maximize' : 'minimize';
}
