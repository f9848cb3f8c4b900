// Several cores through several trainer processes (wasm runs one thread in Node): one forked trainer
// alone, then two at once, each a real run of the project's trainer on the shipped sample.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultRunConfig, type RunConfig } from '../../src/shared/runConfig';
import { TrainerProcess, defaultTrainerScript } from '../../src/trainer/process';
import { SteadyRate, type SteadyFigures } from './steadyRate';

export interface SweepFigures {
  /** Training images/s of one run alone. */
  single: number;
  /** Sum of the training images/s of two runs at once. */
  aggregate2: number;
  /** aggregate2 / single. */
  scaling: number;
  /** Two runs' wall time against one run's, as a throughput ratio: 2 × wall(1) / wall(2). */
  wallScaling: number;
  /** Steady state (between progress messages, no start-up or validation): one run's images/s. */
  steadySingle: number;
  /** Steady state: the sum of two runs' images/s, and its ratio to one run's. */
  steadyAggregate2: number;
  steadyScaling: number;
  /** Images per CPU-second of a trainer process (all its threads): alone, and mean of the pair. */
  cpuRateSingle: number | null;
  cpuRatePair: number | null;
  /** CPU-seconds per wall-second each trainer got (1 = a whole core): alone, and each of the pair. */
  coreShareSingle: number | null;
  coreSharePair: number[] | null;
}

const rate = (f: SteadyFigures) => f.images / f.seconds;
const cpuRate = (f: SteadyFigures) => (f.cpuSeconds ? f.images / f.cpuSeconds : null);
const coreShare = (f: SteadyFigures) => (f.cpuSeconds === undefined ? null : f.cpuSeconds / f.seconds);

function runConfig(limit: number, epochs: number, batch: number): RunConfig {
  const config = defaultRunConfig('reconstruct');
  config.data = { ...config.data, dataset: 'sample', limit };
  config.train = { ...config.train, epochs, batchSize: batch };
  config.backend = 'wasm';
  return config;
}

/** dist/trainer.js as users run it; the TypeScript sources through tsx when there is no build. */
function trainerLaunch(flags: string[]): { trainerScript: string; execArgv: string[] } {
  const built = defaultTrainerScript();
  if (existsSync(built) && process.env.AELAB_BENCH_TINY !== '1') return { trainerScript: built, execArgv: flags };
  return { trainerScript: join(__dirname, '..', '..', 'src', 'trainer', 'child.ts'), execArgv: [...flags, '--import', 'tsx'] };
}

/** Runs `count` trainers at once; returns each one's mean training images/s and the wall time. */
async function runTogether(count: number, root: string, config: RunConfig, flags: string[] = []): Promise<{ rates: number[]; seconds: number; steady: SteadyFigures[] }> {
  const started = performance.now();
  const runs = Array.from({ length: count }, (_, i) => {
    const runId = `bench-${count}-${i}`;
    const trainer = TrainerProcess.start({ runId, runDir: join(root, 'runs', runId), config, ...trainerLaunch(flags) });
    const rates: number[] = [];
    const steady = new SteadyRate(trainer.pid ?? -1, config.train.batchSize);
    trainer.on('message', (m) => {
      steady.onMessage(m);
      if (m.type === 'epoch') rates.push(m.metrics.images_per_sec);
    });
    return trainer.completed.then((done) => {
      if (done.error || rates.length === 0) throw new Error(`sweep benchmark trainer ${runId} failed: ${done.error?.message ?? 'no epoch'}\n${done.stderrTail}`);
      return { rate: rates.reduce((a, b) => a + b) / rates.length, steady: steady.figures() };
    });
  });
  const done = await Promise.all(runs);
  return { rates: done.map((d) => d.rate), steady: done.map((d) => d.steady), seconds: (performance.now() - started) / 1000 };
}

/** `pairFlags`: Node flags of the two concurrent trainers (the single one runs without). */
export async function measureSweepScaling(limit: number, epochs: number, batch: number, pairFlags: string[] = []): Promise<SweepFigures> {
  const root = mkdtempSync(join(tmpdir(), 'aelab-bench-sweep-'));
  try {
    const config = runConfig(limit, epochs, batch);
    const one = await runTogether(1, root, config); // also fills the decoded-sample cache the pair then reads
    const again = await runTogether(1, root, config);
    const two = await runTogether(2, root, config, pairFlags);
    const single = Math.max(one.rates[0], again.rates[0]);
    const aggregate2 = two.rates[0] + two.rates[1];
    const alone = [one.steady[0], again.steady[0]].reduce((a, b) => (rate(a) >= rate(b) ? a : b));
    const steadyAggregate2 = rate(two.steady[0]) + rate(two.steady[1]);
    const pairCpu = two.steady.map(cpuRate);
    return {
      single, aggregate2, scaling: aggregate2 / single, wallScaling: (2 * again.seconds) / two.seconds,
      steadySingle: rate(alone), steadyAggregate2, steadyScaling: steadyAggregate2 / rate(alone),
      cpuRateSingle: cpuRate(alone),
      cpuRatePair: pairCpu.every((r) => r !== null) ? (pairCpu[0]! + pairCpu[1]!) / 2 : null,
      coreShareSingle: coreShare(alone),
      coreSharePair: two.steady.every((f) => f.cpuSeconds !== undefined) ? two.steady.map((f) => coreShare(f)!) : null,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
