export * from './pixelErrors';
export * from './ssim';
export * from './batchMetrics';
