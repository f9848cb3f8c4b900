import { strict as assert } from 'node:assert';
import * as tf from '@tensorflow/tfjs';
import { PNG } from 'pngjs';
import { defaultRunConfig } from '../../../src/shared/runConfig';
import { renderEpochGrid, tensorToImages } from '../../../src/trainer/media';
import { buildModel } from '../../../src/trainer/models';

const pixel = (png: PNG, x: number, y: number) => Array.from(png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3));

describe('epoch grid', () => {
  before(async () => { await tf.setBackend('cpu'); });

  it('tensorToImages rounds [0, 1] to bytes, one array per image', async () => {
    const x = tf.tensor4d([0, 0.5, 1, 1.2, -0.1, 0.25], [2, 1, 1, 3]);
    const images = await tensorToImages(x);
    assert.deepEqual(images.map((i) => Array.from(i)), [[0, 128, 255], [255, 0, 64]]);
    x.dispose();
  });

  it('reconstruct: 16 validation images ×2 in rows original / reconstruction; originals exact, reconstructions drawn', async () => {
    const config = defaultRunConfig('reconstruct');
    const model = buildModel(config);
    const rgb = tf.randomUniform([16, 32, 32, 3], 0, 1, 'float32', 11) as tf.Tensor4D;
    await renderEpochGrid(model, rgb, config); // the first call may create tfjs's cached constants
    const before = tf.memory().numTensors;
    const png = PNG.sync.read(await renderEpochGrid(model, rgb, config));
    assert.equal(tf.memory().numTensors, before, 'tensors leaked');
    assert.equal(png.width, 2 + 16 * (64 + 2));
    assert.equal(png.height, 2 + 2 * (12 + 64 + 2));
    const originals = await tensorToImages(rgb);
    const cell = (row: number, col: number) => ({ x: 2 + col * 66, y: 2 + row * 78 + 12 });
    for (const col of [0, 7, 15]) {
      const { x, y } = cell(0, col);
      for (const [px, py] of [[0, 0], [13, 29], [31, 31]]) {
        const p = (py * 32 + px) * 3;
        assert.deepEqual(pixel(png, x + 2 * px + 1, y + 2 * py + 1), Array.from(originals[col].subarray(p, p + 3)));
      }
    }
    // The reconstruction row is an image, not the background: its pixels vary.
    const { x, y } = cell(1, 3);
    const values = new Set<string>();
    for (let i = 0; i < 64; i += 4) values.add(pixel(png, x + i, y + i).join(','));
    assert.ok(values.size > 4, `reconstruction looks blank: ${[...values]}`);
    tf.dispose(rgb); model.dispose();
  });

  it('colorize: three rows (grey input, predicted, truth) and the grey row is grey', async () => {
    const config = defaultRunConfig('colorize');
    const model = buildModel(config);
    const rgb = tf.randomUniform([4, 16, 16, 3], 0, 1, 'float32', 12) as tf.Tensor4D;
    const png = PNG.sync.read(await renderEpochGrid(model, rgb, config, { scale: 1, labels: false }));
    assert.equal(png.height, 2 + 3 * (16 + 2));
    assert.equal(png.width, 2 + 4 * (16 + 2));
    const [r, g, b] = pixel(png, 2 + 5, 2 + 5);
    assert.ok(r === g && g === b, `grey input pixel is ${r},${g},${b}`);
    const truth = (await tensorToImages(rgb))[1];
    assert.deepEqual(pixel(png, 2 + 18 + 3, 2 + 2 * 18 + 4), Array.from(truth.subarray((4 * 16 + 3) * 3, (4 * 16 + 3) * 3 + 3)));
    tf.dispose(rgb); model.dispose();
  });
});
