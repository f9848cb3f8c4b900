import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { decodeImageFile } from '../../../src/trainer/data';
import { decodeSquare } from '../../../src/trainer/data/decode';

const fixtures = join(__dirname, '..', '..', 'fixtures', 'data');

describe('image decoding', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'aelab-decode-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('decodes a PNG at full size to the exact RGB pixels', async () => {
    // valid.png is 4×3 with pixel (x, y) = (60x + 10, 80y + 5, 200 − 30x).
    const image = await decodeImageFile(join(fixtures, 'valid.png'));
    assert.equal(image.width, 4);
    assert.equal(image.height, 3);
    assert.equal(image.pixels.length, 4 * 3 * 3);
    for (let y = 0; y < 3; y++) {
      for (let x = 0; x < 4; x++) {
        const o = (y * 4 + x) * 3;
        assert.deepEqual([...image.pixels.subarray(o, o + 3)], [60 * x + 10, 80 * y + 5, 200 - 30 * x], `pixel ${x},${y}`);
      }
    }
  });

  it('names the file when it is corrupt or missing', async () => {
    const corrupt = join(fixtures, 'corrupt.jpg');
    await assert.rejects(decodeImageFile(corrupt), (e: Error) => e.message.startsWith(`cannot decode image ${corrupt}:`) && !e.message.includes('\n'));
    await assert.rejects(decodeImageFile(join(dir, 'nope.png')), /cannot decode image .*nope\.png/);
  });

  it('turns greyscale and RGBA images into 3-channel RGB', async () => {
    const grey = join(dir, 'grey.png');
    await sharp(Buffer.from([0, 100, 200, 255]), { raw: { width: 2, height: 2, channels: 1 } }).png().toFile(grey);
    assert.deepEqual([...(await decodeImageFile(grey)).pixels], [0, 0, 0, 100, 100, 100, 200, 200, 200, 255, 255, 255]);
    const rgba = join(dir, 'rgba.png');
    await sharp(Buffer.from([200, 100, 50, 255, 200, 100, 50, 0]), { raw: { width: 2, height: 1, channels: 4 } }).png().toFile(rgba);
    // The transparent pixel is flattened onto black.
    assert.deepEqual([...(await decodeImageFile(rgba)).pixels], [200, 100, 50, 0, 0, 0]);
  });

  it('scales and centre-crops to cover a square', async () => {
    // 30×10: red | green | blue thirds. Covering 4×4 keeps the centre 10×10, all green.
    const wide = Buffer.alloc(30 * 10 * 3);
    for (let y = 0; y < 10; y++) for (let x = 0; x < 30; x++) wide[(y * 30 + x) * 3 + Math.floor(x / 10)] = 255;
    const path = join(dir, 'wide.webp');
    await sharp(wide, { raw: { width: 30, height: 10, channels: 3 } }).webp({ lossless: true }).toFile(path);
    const square = await decodeSquare(path, 4);
    assert.equal(square.length, 4 * 4 * 3);
    for (let p = 0; p < 16; p++) assert.deepEqual([...square.subarray(p * 3, p * 3 + 3)], [0, 255, 0], `pixel ${p}`);
  });
});
