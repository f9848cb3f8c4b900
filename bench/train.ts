// `npm run bench:train`: training and inference throughput of the project's trainer (wasm; cpu for
// reference) against the PyTorch reference (1 and 2 threads) on the same machine, data, model and batch,
// in one run; the quality of both after the same epochs; and a sweep's aggregate with 1 vs 2 trainers.
// Last line: RESULT {json}. AELAB_BENCH_TINY=1 runs it at toy sizes (for the test that it runs).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { loadBenchData, writeRawImages } from './trainBench/data';
import { benchSizes } from './trainBench/sizes';
import { measureSweepScaling } from './trainBench/sweepScaling';
import { measureTfjs } from './trainBench/tfjsTrainer';
import { runTorch, torchUnavailable, type TorchFigures } from './trainBench/torchReference';

const round = (v: number, digits = 1) => Number(v.toFixed(digits));
const ratio = (a: number, b: number | undefined) => (b ? round(a / b, 3) : null);

async function main(): Promise<void> {
  const sizes = benchSizes();
  const work = mkdtempSync(join(tmpdir(), 'aelab-bench-train-'));
  try {
    const data = await loadBenchData(sizes.images, join(work, 'cache'), sizes.sampleLimit);
    console.log(`data: ${data.description}; batch ${sizes.batch}, ${sizes.epochs} epoch(s), baseline autoencoder (4,911 parameters)`);

    const wasm = await measureTfjs('wasm', data.train, data.test, sizes.epochs, sizes.batch);
    const cpuTrain = { ...data.train, count: sizes.cpuImages };
    const cpu = await measureTfjs('cpu', cpuTrain, data.test, 1, sizes.batch);

    const noTorch = torchUnavailable();
    let torch1: TorchFigures | undefined;
    let torch2: TorchFigures | undefined;
    if (noTorch === undefined) {
      const trainPath = join(work, 'train.u8');
      const testPath = join(work, 'test.u8');
      writeRawImages(trainPath, data.train);
      writeRawImages(testPath, data.test);
      torch1 = runTorch(1, trainPath, testPath, sizes.epochs, sizes.batch);
      torch2 = runTorch(2, trainPath, testPath, sizes.epochs, sizes.batch);
    } else {
      console.log(`PyTorch reference skipped: ${noTorch}`);
    }

    const sweep = await measureSweepScaling(sizes.sweepLimit, sizes.sweepEpochs, sizes.batch, sizes.sweepRunsPerLane, sizes.sweepRounds);

    console.log(`\nload average while measuring: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on this machine's cores`);
    console.log('img/s by the wall clock, and per CPU-second of the trainer\'s process ("cpu"): the latter is steadier when other work shares the cores');
    console.log('\n| trainer | train img/s | train img/cpu-s | inference img/s | inference img/cpu-s | test MSE | train loss per epoch |\n|---|---|---|---|---|---|---|');
    for (const f of [wasm, cpu]) {
      const cells = [f.trainImgPerSec, f.trainCpuImgPerSec, f.inferImgPerSec, f.inferCpuImgPerSec].map((v) => round(v)).join(' | ');
      console.log(`| tfjs ${f.backend} (project trainer, ${f.images} images × ${f.epochs}) | ${cells} | ${f.testMse.toFixed(5)} | ${f.losses.join(', ')} |`);
    }
    for (const t of [torch1, torch2]) {
      if (t) console.log(`| ${t.trainer} | ${t.trainImgPerSec} | ${t.trainCpuImgPerSec} | ${t.inferImgPerSec} | ${t.inferCpuImgPerSec} | ${t.evalMse?.toFixed(5)} | ${t.losses.join(', ')} |`);
    }
    const trainRatio = ratio(wasm.trainImgPerSec, torch1?.trainImgPerSec);
    const inferRatio = ratio(wasm.inferImgPerSec, torch1?.inferImgPerSec);
    const trainCpuRatio = ratio(wasm.trainCpuImgPerSec, torch1?.trainCpuImgPerSec);
    const inferCpuRatio = ratio(wasm.inferCpuImgPerSec, torch1?.inferCpuImgPerSec);
    const qualityGap = torch1?.evalMse ? round(Math.abs(wasm.testMse - torch1.evalMse) / torch1.evalMse, 3) : null;
    console.log(`\nwasm / PyTorch 1 thread, wall clock: training ${trainRatio ?? 'n/a'}×, inference ${inferRatio ?? 'n/a'}×`);
    console.log(`wasm / PyTorch 1 thread, per CPU-second: training ${trainCpuRatio ?? 'n/a'}×, inference ${inferCpuRatio ?? 'n/a'}× (goal ≥ 0.5)`);
    console.log(`quality: test MSE wasm ${wasm.testMse.toFixed(5)} vs PyTorch ${torch1?.evalMse ?? 'n/a'} (gap ${qualityGap ?? 'n/a'}; goal ≤ 0.1)`);
    console.log(`sweep: 1 trainer ${round(sweep.single)} img/s, 2 at once ${round(sweep.aggregate2)} img/s in all: ${round(sweep.scaling, 2)}× (wall-time ${round(sweep.wallScaling, 2)}×)`);
    console.log(`sweep, steady state (between progress messages): 1 trainer ${round(sweep.steadySingle)} img/s, 2 at once ${round(sweep.steadyAggregate2)}: ${round(sweep.steadyScaling, 2)}×; ` +
      `img per CPU-second of a trainer process ${sweep.cpuRateSingle === null ? 'n/a' : round(sweep.cpuRateSingle)} alone, ${sweep.cpuRatePair === null ? 'n/a' : round(sweep.cpuRatePair)} in the pair; ` +
      `cores used ${sweep.coreShareSingle === null ? 'n/a' : round(sweep.coreShareSingle, 2)} alone, ${sweep.coreSharePair?.map((c) => round(c, 2)).join(' + ') ?? 'n/a'} in the pair`);
    console.log(`sweep trainers: ${sweep.runsPerLane} runs a lane per segment, ${sweep.rounds} round(s) of (1 lane, 2 lanes), each lane's runs on one warm process; ` +
      `peak resident memory of a trainer process ${sweep.peakTrainerMiB === null ? 'n/a' : `${round(sweep.peakTrainerMiB)} MiB`} of ${round(totalmem() / 2 ** 20)} MiB`);
    console.log(`tensors leaked by training: wasm ${wasm.leakedTensors}, cpu ${cpu.leakedTensors}`);

    console.log('RESULT ' + JSON.stringify({
      trainImgPerSec: round(wasm.trainImgPerSec),
      inferImgPerSec: round(wasm.inferImgPerSec),
      cpuTrainImgPerSec: round(cpu.trainImgPerSec),
      cpuInferImgPerSec: round(cpu.inferImgPerSec),
      torch1TrainImgPerSec: torch1?.trainImgPerSec ?? null,
      torch1InferImgPerSec: torch1?.inferImgPerSec ?? null,
      torch2TrainImgPerSec: torch2?.trainImgPerSec ?? null,
      torch2InferImgPerSec: torch2?.inferImgPerSec ?? null,
      trainRatioPerCore: trainRatio,
      inferRatioPerCore: inferRatio,
      trainRatioPerCpuSecond: trainCpuRatio,
      inferRatioPerCpuSecond: inferCpuRatio,
      trainCpuImgPerSec: round(wasm.trainCpuImgPerSec),
      inferCpuImgPerSec: round(wasm.inferCpuImgPerSec),
      torch1TrainCpuImgPerSec: torch1?.trainCpuImgPerSec ?? null,
      torch1InferCpuImgPerSec: torch1?.inferCpuImgPerSec ?? null,
      loadAverage: round(loadavg()[0], 2),
      testMse: round(wasm.testMse, 6),
      torchTestMse: torch1?.evalMse ?? null,
      qualityGap,
      sweepSingleImgPerSec: round(sweep.single),
      sweepAggregateImgPerSec: round(sweep.aggregate2),
      sweepScaling: round(sweep.scaling, 3),
      sweepSteadyScaling: round(sweep.steadyScaling, 3),
      sweepCpuImgPerSecSingle: sweep.cpuRateSingle === null ? null : round(sweep.cpuRateSingle),
      sweepCpuImgPerSecPair: sweep.cpuRatePair === null ? null : round(sweep.cpuRatePair),
      sweepWallScaling: round(sweep.wallScaling, 3),
      sweepPeakTrainerMiB: sweep.peakTrainerMiB === null ? null : round(sweep.peakTrainerMiB),
    }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
