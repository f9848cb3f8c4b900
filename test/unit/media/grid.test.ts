import { strict as assert } from 'node:assert';
import { PNG } from 'pngjs';
import { renderGrid, type GridRow } from '../../../src/trainer/media';

const randomImage = (h: number, w: number, seed: number) => Uint8Array.from({ length: h * w * 3 }, (_, i) => (i * 73 + seed * 151 + ((i * seed) % 17)) % 256);
const pixel = (png: PNG, x: number, y: number) => Array.from(png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3));

describe('image grid', () => {
  const size = { height: 4, width: 5 };
  const rows: GridRow[] = [
    { label: 'original', images: [1, 2, 3].map((s) => randomImage(4, 5, s)) },
    { label: 'reconstruction', images: [4, 5, 6].map((s) => randomImage(4, 5, s)) },
  ];

  it('writes a PNG of the laid-out size: gutter + columns × (W·scale + gutter), label strips above rows', () => {
    const png = PNG.sync.read(renderGrid(rows, size, { scale: 2, gutter: 1 }));
    assert.equal(png.width, 1 + 3 * (5 * 2 + 1));
    // Each row: label strip (5 px font × 2 + gutter) + image (4 × 2) + gutter.
    assert.equal(png.height, 1 + 2 * (11 + 8 + 1));
  });

  it('draws every input pixel as a scale × scale block at its cell, with gutters in the background colour', () => {
    const png = PNG.sync.read(renderGrid(rows, size, { scale: 3, gutter: 2 }));
    const strip = 5 * 2 + 2;
    rows.forEach((row, r) => row.images.forEach((image, c) => {
      const [x0, y0] = [2 + c * (15 + 2), 2 + r * (strip + 12 + 2) + strip];
      for (let y = 0; y < 12; y++) for (let x = 0; x < 15; x++) {
        const p = (Math.floor(y / 3) * 5 + Math.floor(x / 3)) * 3;
        assert.deepEqual(pixel(png, x0 + x, y0 + y), Array.from(image.subarray(p, p + 3)), `row ${r} image ${c} at ${x},${y}`);
      }
      assert.deepEqual(pixel(png, x0 - 1, y0), [24, 24, 24], 'gutter left of the image');
    }));
  });

  it('writes the row labels as light text in the strip above each row, and leaves it out on request', () => {
    const png = PNG.sync.read(renderGrid(rows, size, { scale: 2, gutter: 1 }));
    let ink = 0;
    for (let y = 1; y < 11; y++) for (let x = 0; x < png.width; x++) if (pixel(png, x, y)[0] === 235) ink++;
    assert.ok(ink > 20, `only ${ink} label pixels`);
    const bare = PNG.sync.read(renderGrid(rows, size, { scale: 2, gutter: 1, labels: false }));
    assert.equal(bare.height, 1 + 2 * (8 + 1));
  });

  it('rejects an image of the wrong size, naming the row and index', () => {
    const bad: GridRow[] = [{ label: 'truth', images: [randomImage(4, 5, 1), new Uint8Array(10)] }];
    assert.throws(() => renderGrid(bad, size), /row "truth" image 1 has 10 bytes, expected 4×5×3 = 60/);
    assert.throws(() => renderGrid(rows, size, { scale: 0 }), /scale must be a positive integer/);
    assert.throws(() => renderGrid([], size), /number of rows must be a positive integer/);
  });
});
