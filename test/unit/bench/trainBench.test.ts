// `npm run bench:train` runs end to end (toy sizes): a real child process, every part of the report,
// and a RESULT line with the agreed keys. Not a timing test.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

describe('bench/train.ts (AELAB_BENCH_TINY=1)', () => {
  it('prints the comparison table and a RESULT line with the agreed keys', function () {
    this.timeout(300_000);
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench', 'train.ts')], {
      cwd: root, encoding: 'utf8', env: { ...process.env, AELAB_BENCH_TINY: '1' }, maxBuffer: 16 << 20,
    });
    assert.equal(run.status, 0, `benchmark failed:\n${run.stderr.slice(-2000)}`);
    const lines = run.stdout.trim().split('\n');
    assert.match(run.stdout, /\| tfjs wasm \(project trainer, 128 images × 1\) \| [\d.]+ \| [\d.]+ \| [\d.]+ \| [\d.]+ \| 0\.\d+ \|/);
    assert.match(run.stdout, /\| tfjs cpu \(project trainer, 64 images × 1\) \|/);
    assert.match(run.stdout, /tensors leaked by training: wasm 0, cpu 0/);
    // The sweep's steady-state figures, with each trainer process's CPU time read from /proc (Linux).
    assert.match(run.stdout, /sweep, steady state \(between progress messages\): 1 trainer [\d.]+ img\/s/);
    if (process.platform === 'linux') assert.match(run.stdout, /img per CPU-second of a trainer process [\d.]+ alone, [\d.]+ in the pair; cores used [\d.]+ alone, [\d.]+ \+ [\d.]+ in the pair/);
    // The sweep ran each lane's runs on one warm trainer process, and says how much memory one took.
    assert.match(run.stdout, /sweep trainers: 2 runs a lane per segment, 1 round\(s\) of \(1 lane, 2 lanes\), each lane's runs on one warm process/);
    if (process.platform === 'linux') assert.match(run.stdout, /peak resident memory of a trainer process [\d.]+ MiB of [\d.]+ MiB/);
    const last = lines[lines.length - 1];
    assert.ok(last.startsWith('RESULT '), `last line is not RESULT: ${last}`);
    const result = JSON.parse(last.slice('RESULT '.length)) as Record<string, number | null>;
    for (const key of ['trainImgPerSec', 'inferImgPerSec', 'torch1TrainImgPerSec', 'torch1InferImgPerSec', 'trainRatioPerCore', 'inferRatioPerCore', 'sweepScaling']) {
      assert.ok(key in result, `RESULT lacks ${key}`);
    }
    assert.ok((result.trainImgPerSec as number) > 0 && (result.inferImgPerSec as number) > 0);
    assert.ok((result.sweepScaling as number) > 0);
    // A real MSE on [0, 1] pixels came out of training and evaluation (toy sizes: no quality claim).
    assert.ok((result.testMse as number) > 0 && (result.testMse as number) < 0.1);
    const torchPresent = result.torch1TrainImgPerSec !== null;
    assert.equal(result.trainRatioPerCore === null, !torchPresent);
    if (torchPresent) assert.match(run.stdout, /\| pytorch-[^|]+-cpu-1t \|/);
  });
});
