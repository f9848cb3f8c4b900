// A colorize run through `aelab train`, then `aelab colorize` on a PNG of odd size: the output has the
// input's size, the grey input can be written too, nothing is overwritten without --force, bad files are named.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { buildBundles, root, runCli } from './cli';

describe('aelab colorize (after a real colorize run)', function () {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  before(() => {
    buildBundles();
    dir = mkdtempSync(join(tmpdir(), 'aelab-colorize-it-'));
    env = { AELAB_CACHE_DIR: join(dir, 'cache') };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('colorizes a 37×23 image at full size with the best colorize run of the store', async () => {
    const small = ['--set', 'model.filters=[8,8]', '--set', 'model.decoderFilters=[8]', '--set', 'model.latentChannels=8', '--set', 'model.kernelSize=3'];
    const trained = await runCli(['train', '--task', 'colorize', '--dataset', 'sample', '--set', 'data.limit=160', '--set', 'train.epochs=1', ...small, '--store', join(dir, 'store'), '--json'], env);
    assert.equal(trained.code, 0, trained.stderr);
    assert.equal(trained.lines.at(-1)?.status, 'finished');

    const catDir = join(root, 'data', 'sample', 'cat');
    const image = join(dir, 'odd.png');
    await sharp(join(catDir, readdirSync(catDir)[0])).resize(37, 23, { fit: 'fill' }).png().toFile(image);
    const args = ['colorize', image, '--store', join(dir, 'store'), '--grey-out', join(dir, 'odd.grey.png'), '--json'];
    const first = await runCli(args, env);
    assert.equal(first.code, 0, first.stderr);
    const result = first.lines[0] as { outPath: string; greyOutPath: string; width: number; height: number };
    assert.equal(result.outPath, join(dir, 'odd.colorized.png'));
    for (const path of [result.outPath, result.greyOutPath]) {
      const { info, data } = await sharp(path).raw().toBuffer({ resolveWithObject: true });
      assert.deepEqual([info.width, info.height, info.channels], [37, 23, 3]);
      assert.ok(new Set(data).size > 10, `${path} is not flat`);
    }
    const { data: grey } = await sharp(result.greyOutPath).raw().toBuffer({ resolveWithObject: true });
    assert.ok(grey.every((v, i) => i % 3 !== 0 || (v === grey[i + 1] && v === grey[i + 2])), 'the grey input is grey');

    const again = await runCli(args, env);
    assert.notEqual(again.code, 0);
    assert.match(again.stderr, /odd\.colorized\.png exists; pass --force/);
    assert.equal((await runCli([...args, '--force'], env)).code, 0);

    // --model: a checkpoint folder directly, written where --out says.
    const runDir = trained.lines.at(-1)?.runDir as string;
    const out = join(dir, 'chosen.png');
    const direct = await runCli(['colorize', image, '--model', join(runDir, 'model', 'best'), '--out', out, '--json'], env);
    assert.equal(direct.code, 0, direct.stderr);
    assert.deepEqual(await sharp(out).metadata().then((m) => [m.width, m.height]), [37, 23]);

    // --backend (default $AELAB_BACKEND): inference on the backend asked for, and the same picture.
    const onCpu = await runCli(['colorize', image, '--model', join(runDir, 'model', 'best'), '--out', join(dir, 'cpu.png'), '--json'], { ...env, AELAB_BACKEND: 'cpu' });
    assert.equal(onCpu.code, 0, onCpu.stderr);
    assert.equal(onCpu.lines.at(-1)?.backend, 'cpu');
    const [a, b] = await Promise.all([out, join(dir, 'cpu.png')].map((f) => sharp(f).raw().toBuffer()));
    assert.ok(a.every((v, i) => Math.abs(v - b[i]) <= 1), 'wasm and cpu colorize the same image within 1 level');
  });

  it('a corrupt image is a clear error naming the file', async () => {
    const bad = join(dir, 'broken.png');
    writeFileSync(bad, 'not a png');
    const result = await runCli(['colorize', bad, '--store', join(dir, 'store'), '--json'], env);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /cannot decode image .*broken\.png/);
  });
});
