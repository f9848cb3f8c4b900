// The per-epoch image grid as a PNG: one labelled row per kind of image (original / reconstruction,
// or grey input / predicted / truth), each image enlarged with nearest-neighbour sampling.
import { PNG } from 'pngjs';
import { GLYPH_WIDTH, glyph } from './font';
import { layoutGrid, type GridOptions, type GridSize } from './layout';

export interface GridRow {
  label: string;
  /** Interleaved RGB bytes, height × width × 3 each. */
  images: Uint8Array[];
}

const BACKGROUND = [24, 24, 24];
const INK = [235, 235, 235];

function fill(png: PNG, x: number, y: number, w: number, h: number, rgb: ArrayLike<number>): void {
  for (let yy = y; yy < Math.min(y + h, png.height); yy++) {
    for (let xx = x; xx < Math.min(x + w, png.width); xx++) {
      const o = (yy * png.width + xx) * 4;
      png.data[o] = rgb[0]; png.data[o + 1] = rgb[1]; png.data[o + 2] = rgb[2]; png.data[o + 3] = 255;
    }
  }
}

function drawText(png: PNG, text: string, x: number, y: number, scale: number): void {
  [...text].forEach((char, i) => {
    glyph(char).forEach((bits, r) => bits.forEach((on, c) => {
      if (on) fill(png, x + (i * (GLYPH_WIDTH + 1) + c) * scale, y + r * scale, scale, scale, INK);
    }));
  });
}

function drawImage(png: PNG, image: Uint8Array, size: GridSize, x: number, y: number, scale: number): void {
  for (let r = 0; r < size.height; r++) {
    for (let c = 0; c < size.width; c++) {
      const p = (r * size.width + c) * 3;
      fill(png, x + c * scale, y + r * scale, scale, scale, image.subarray(p, p + 3));
    }
  }
}

/** Renders the rows into an RGB PNG. Every image must be size.height × size.width × 3 bytes. */
export function renderGrid(rows: GridRow[], size: GridSize, options: GridOptions = {}): Buffer {
  const columns = Math.max(0, ...rows.map((row) => row.images.length));
  const layout = layoutGrid(rows.length, columns, size, options);
  const expected = size.height * size.width * 3;
  for (const row of rows) {
    row.images.forEach((image, i) => {
      if (image.length !== expected) {
        throw new Error(`renderGrid: row "${row.label}" image ${i} has ${image.length} bytes, expected ${size.height}×${size.width}×3 = ${expected}`);
      }
    });
  }
  const png = new PNG({ width: layout.width, height: layout.height });
  fill(png, 0, 0, layout.width, layout.height, BACKGROUND);
  rows.forEach((row, r) => {
    if (options.labels !== false) drawText(png, row.label, layout.label(r).x, layout.label(r).y, layout.labelScale);
    row.images.forEach((image, c) => drawImage(png, image, size, layout.cell(r, c).x, layout.cell(r, c).y, layout.scale));
  });
  return PNG.sync.write(png, { colorType: 2 });
}
