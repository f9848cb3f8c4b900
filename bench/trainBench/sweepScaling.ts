// A sweep on several cores, run the way the sweep controller runs it: `lanes` trainers at once, each lane a
// series of runs on one trainer process kept warm for the whole sweep (WarmTrainers, as the pool does), each
// run a real run of the project's trainer on the shipped sample. The one-lane sweep and the two-lane sweep
// take turns, a segment of runs each, over several rounds, so a change in the machine's load hits both alike.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultRunConfig, type RunConfig } from '../../src/shared/runConfig';
import { WarmTrainers } from '../../src/sweep/pool';
import { defaultTrainerScript } from '../../src/trainer/process';
import { peakResidentMiB, SteadyRate, type SteadyFigures } from './steadyRate';

export interface SweepFigures {
  /** Training images/s of one run alone (mean of its epochs, as the trainer reports them). */
  single: number;
  /** Sum of the training images/s of two runs at once. */
  aggregate2: number;
  /** aggregate2 / single. */
  scaling: number;
  /** The whole sweep's images per wall-second (start-up, validation, checkpoints included), two lanes against one. */
  wallScaling: number;
  /** Steady state (between progress messages, no start-up or validation): one run's images/s. */
  steadySingle: number;
  /** Steady state: the sum of two runs' images/s, and its ratio to one run's. */
  steadyAggregate2: number;
  steadyScaling: number;
  /** Images per CPU-second of a trainer process (all its threads): alone, and in the pair. */
  cpuRateSingle: number | null;
  cpuRatePair: number | null;
  /** CPU-seconds per wall-second a trainer got (1 = a whole core): alone, and each lane of the pair. */
  coreShareSingle: number | null;
  coreSharePair: number[] | null;
  /** The largest peak resident memory of a trainer process (MiB; a warm one after all its runs), null without /proc. */
  peakTrainerMiB: number | null;
  /** Runs per lane in each segment, and rounds of (one-lane segment, two-lane segment). */
  runsPerLane: number;
  rounds: number;
}

interface LaneFigures { epochRates: number[]; steady: SteadyFigures; peakMiB: number | undefined }
interface SweepRound { lanes: LaneFigures[]; images: number; seconds: number }

function runConfig(limit: number, epochs: number, batch: number, seed: number): RunConfig {
  const config = defaultRunConfig('reconstruct');
  config.data = { ...config.data, dataset: 'sample', limit };
  config.train = { ...config.train, epochs, batchSize: batch, seed };
  config.backend = 'wasm';
  return config;
}

/** dist/trainer.js as users run it; the TypeScript sources through tsx when there is no build. */
function trainerLaunch(): { trainerScript: string; execArgv: string[] } {
  const built = defaultTrainerScript();
  if (existsSync(built) && process.env.AELAB_BENCH_TINY !== '1') return { trainerScript: built, execArgv: [] };
  return { trainerScript: join(__dirname, '..', '..', 'src', 'trainer', 'child.ts'), execArgv: ['--import', 'tsx'] };
}

function sum(steady: SteadyFigures[]): SteadyFigures {
  const cpu = steady.every((f) => f.cpuSeconds !== undefined) ? steady.reduce((a, f) => a + f.cpuSeconds!, 0) : undefined;
  return { images: steady.reduce((a, f) => a + f.images, 0), seconds: steady.reduce((a, f) => a + f.seconds, 0), cpuSeconds: cpu };
}

/** One lane: `runs` runs one after another, each started on the lane's warm trainer where it has one. */
async function runLane(lane: number, runs: number, root: string, make: (seed: number) => RunConfig, trainers: WarmTrainers): Promise<LaneFigures> {
  const epochRates: number[] = [];
  const steady: SteadyFigures[] = [];
  let peakMiB: number | undefined;
  for (let r = 0; r < runs; r++) {
    const config = make(lane * 100 + r + 1);
    const runId = `bench-${lane}-${r}-${Math.random().toString(36).slice(2, 8)}`;
    const trainer = trainers.start({ runId, runDir: join(root, 'runs', runId), config, ...trainerLaunch() });
    const rate = new SteadyRate(trainer.pid ?? -1, config.train.batchSize);
    trainer.on('message', (m) => {
      rate.onMessage(m);
      if (m.type === 'epoch') epochRates.push(m.metrics.images_per_sec);
    });
    const done = await trainer.completed;
    const peak = peakResidentMiB(trainer.pid ?? -1); // read while the process waits, idle, for its next run
    if (peak !== undefined) peakMiB = Math.max(peakMiB ?? 0, peak);
    trainers.giveBack(trainer);
    if (done.error) throw new Error(`sweep benchmark trainer ${runId} failed: ${done.error.message}\n${done.stderrTail}`);
    steady.push(rate.figures());
  }
  return { epochRates, steady: sum(steady), peakMiB };
}

/** One segment of a sweep: each of its lanes runs `runsPerLane` runs on the sweep's warm trainers. */
async function runSegment(trainers: WarmTrainers, runsPerLane: number, root: string, make: (seed: number) => RunConfig, trainSize: number): Promise<SweepRound> {
  const started = performance.now();
  const figures = await Promise.all(Array.from({ length: trainers.maxIdle }, (_, lane) => runLane(lane, runsPerLane, root, make, trainers)));
  const epochs = figures.reduce((a, f) => a + f.epochRates.length, 0);
  return { lanes: figures, images: epochs * trainSize, seconds: (performance.now() - started) / 1000 };
}

function peakOf(rounds: SweepRound[]): number | null {
  const peaks = rounds.flatMap((r) => r.lanes.map((l) => l.peakMiB));
  return peaks.every((p) => p !== undefined) ? Math.max(...(peaks as number[])) : null;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const rateOf = (f: SteadyFigures) => f.images / f.seconds;
const cpuRateOf = (f: SteadyFigures) => (f.cpuSeconds ? f.images / f.cpuSeconds : null);
const coreShareOf = (f: SteadyFigures) => (f.cpuSeconds === undefined ? null : f.cpuSeconds / f.seconds);

export async function measureSweepScaling(limit: number, epochs: number, batch: number, runsPerLane = 3, rounds = 2): Promise<SweepFigures> {
  const root = mkdtempSync(join(tmpdir(), 'aelab-bench-sweep-'));
  const make = (seed: number) => runConfig(limit, epochs, batch, seed);
  const trainSize = Math.round(limit * 0.8); // the loader's 80/10/10 split
  const oneLane = new WarmTrainers(1);
  const twoLanes = new WarmTrainers(2);
  try {
    const cacheFill = new WarmTrainers(1);
    await runSegment(cacheFill, 1, root, make, trainSize).finally(() => cacheFill.dispose()); // decodes the sample into the cache every run reads
    const alone: SweepRound[] = [];
    const pair: SweepRound[] = [];
    for (let round = 0; round < rounds; round++) {
      alone.push(await runSegment(oneLane, runsPerLane, root, make, trainSize));
      pair.push(await runSegment(twoLanes, runsPerLane, root, make, trainSize));
    }
    const single = mean(alone.flatMap((r) => r.lanes[0].epochRates));
    const aggregate2 = mean(pair.map((r) => mean(r.lanes[0].epochRates) + mean(r.lanes[1].epochRates)));
    const throughput = (rs: SweepRound[]) => rs.reduce((a, r) => a + r.images, 0) / rs.reduce((a, r) => a + r.seconds, 0);
    const steadyAlone = sum(alone.map((r) => r.lanes[0].steady));
    const steadyLanes = [0, 1].map((lane) => sum(pair.map((r) => r.lanes[lane].steady)));
    const steadySingle = rateOf(steadyAlone);
    const steadyAggregate2 = rateOf(steadyLanes[0]) + rateOf(steadyLanes[1]);
    const pairCpu = sum(steadyLanes);
    const shares = steadyLanes.map(coreShareOf);
    return {
      single, aggregate2, scaling: aggregate2 / single, wallScaling: throughput(pair) / throughput(alone),
      steadySingle, steadyAggregate2, steadyScaling: steadyAggregate2 / steadySingle,
      cpuRateSingle: cpuRateOf(steadyAlone), cpuRatePair: cpuRateOf(pairCpu),
      coreShareSingle: coreShareOf(steadyAlone),
      coreSharePair: shares.every((s) => s !== null) ? (shares as number[]) : null,
      peakTrainerMiB: peakOf([...alone, ...pair]),
      runsPerLane, rounds,
    };
  } finally {
    oneLane.dispose();
    twoLanes.dispose();
    rmSync(root, { recursive: true, force: true });
  }
}
