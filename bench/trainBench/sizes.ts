// How much work each part of the training benchmark does. AELAB_BENCH_TINY=1 shrinks everything so
// a test can check that the benchmark runs end to end (its figures then mean nothing).
export interface BenchSizes {
  /** Training images for the wasm trainer and PyTorch (the sample's train split, repeated to this count). */
  images: number;
  epochs: number;
  batch: number;
  /** The cpu backend is ~20× slower: fewer images, one epoch. */
  cpuImages: number;
  /** Sample images decoded for the benchmark (0 = all), before its 80/10/10 split. */
  sampleLimit: number;
  /** Images per sweep run (the sample, limited) and epochs per run (several: the steady state skips each epoch's first batch). */
  sweepLimit: number;
  sweepEpochs: number;
  /** Runs one after another on each trainer of the sweep (a warm process after the first), and rounds of (1 trainer, 2 trainers). */
  sweepRunsPerLane: number;
  sweepRounds: number;
}

export function benchSizes(env: NodeJS.ProcessEnv = process.env): BenchSizes {
  if (env.AELAB_BENCH_TINY === '1') return { images: 128, epochs: 1, batch: 32, cpuImages: 64, sampleLimit: 300, sweepLimit: 100, sweepEpochs: 1, sweepRunsPerLane: 2, sweepRounds: 1 };
  return { images: 4096, epochs: 2, batch: 64, cpuImages: 512, sampleLimit: 0, sweepLimit: 2000, sweepEpochs: 3, sweepRunsPerLane: 3, sweepRounds: 2 };
}
