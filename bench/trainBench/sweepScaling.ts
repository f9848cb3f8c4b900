// Several cores through several trainer processes (wasm runs one thread in Node): one forked trainer
// alone, then two at once, each a real run of the project's trainer on the shipped sample.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultRunConfig, type RunConfig } from '../../src/shared/runConfig';
import { TrainerProcess, defaultTrainerScript } from '../../src/trainer/process';

export interface SweepFigures {
  /** Training images/s of one run alone. */
  single: number;
  /** Sum of the training images/s of two runs at once. */
  aggregate2: number;
  /** aggregate2 / single. */
  scaling: number;
  /** Two runs' wall time against one run's, as a throughput ratio: 2 × wall(1) / wall(2). */
  wallScaling: number;
}

function runConfig(limit: number, epochs: number, batch: number): RunConfig {
  const config = defaultRunConfig('reconstruct');
  config.data = { ...config.data, dataset: 'sample', limit };
  config.train = { ...config.train, epochs, batchSize: batch };
  config.backend = 'wasm';
  return config;
}

/** dist/trainer.js as users run it; the TypeScript sources through tsx when there is no build. */
function trainerLaunch(): { trainerScript: string; execArgv: string[] } {
  const built = defaultTrainerScript();
  if (existsSync(built) && process.env.AELAB_BENCH_TINY !== '1') return { trainerScript: built, execArgv: [] };
  return { trainerScript: join(__dirname, '..', '..', 'src', 'trainer', 'child.ts'), execArgv: ['--import', 'tsx'] };
}

/** Runs `count` trainers at once; returns each one's mean training images/s and the wall time. */
async function runTogether(count: number, root: string, config: RunConfig): Promise<{ rates: number[]; seconds: number }> {
  const started = performance.now();
  const runs = Array.from({ length: count }, (_, i) => {
    const runId = `bench-${count}-${i}`;
    const trainer = TrainerProcess.start({ runId, runDir: join(root, 'runs', runId), config, ...trainerLaunch() });
    const rates: number[] = [];
    trainer.on('message', (m) => { if (m.type === 'epoch') rates.push(m.metrics.images_per_sec); });
    return trainer.completed.then((done) => {
      if (done.error || rates.length === 0) throw new Error(`sweep benchmark trainer ${runId} failed: ${done.error?.message ?? 'no epoch'}\n${done.stderrTail}`);
      return rates.reduce((a, b) => a + b) / rates.length;
    });
  });
  const rates = await Promise.all(runs);
  return { rates, seconds: (performance.now() - started) / 1000 };
}

export async function measureSweepScaling(limit: number, epochs: number, batch: number): Promise<SweepFigures> {
  const root = mkdtempSync(join(tmpdir(), 'aelab-bench-sweep-'));
  try {
    const config = runConfig(limit, epochs, batch);
    const one = await runTogether(1, root, config); // also fills the decoded-sample cache the pair then reads
    const again = await runTogether(1, root, config);
    const two = await runTogether(2, root, config);
    const single = Math.max(one.rates[0], again.rates[0]);
    const aggregate2 = two.rates[0] + two.rates[1];
    return { single, aggregate2, scaling: aggregate2 / single, wallScaling: (2 * again.seconds) / two.seconds };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
