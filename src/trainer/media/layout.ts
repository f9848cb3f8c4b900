// Where everything sits in an image grid: each row is a label strip above a line of images, with a
// gutter between images, rows and around the edge.
import { GLYPH_HEIGHT } from './font';

export interface GridSize { height: number; width: number }
export interface GridOptions {
  /** Nearest-neighbour enlargement so 32 px images are visible (default 2). */
  scale?: number;
  /** Pixels between images and around the edge (default 2). */
  gutter?: number;
  /** Draw each row's label above it (default true). */
  labels?: boolean;
}
export interface GridLayout {
  width: number;
  height: number;
  scale: number;
  labelScale: number;
  /** Top-left pixel of image `column` of row `row`. */
  cell(row: number, column: number): { x: number; y: number };
  /** Top-left pixel of row `row`'s label text. */
  label(row: number): { x: number; y: number };
}

export const LABEL_SCALE = 2;

function positiveInt(value: number, key: string): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`renderGrid: ${key} must be a positive integer, got ${value}`);
  return value;
}

export function layoutGrid(rows: number, columns: number, size: GridSize, options: GridOptions = {}): GridLayout {
  const scale = positiveInt(options.scale ?? 2, 'scale');
  const gutter = options.gutter ?? 2;
  if (!Number.isInteger(gutter) || gutter < 0) throw new Error(`renderGrid: gutter must be a non-negative integer, got ${gutter}`);
  positiveInt(rows, 'the number of rows');
  positiveInt(columns, 'the number of images per row');
  const [cellW, cellH] = [positiveInt(size.width, 'width') * scale, positiveInt(size.height, 'height') * scale];
  const strip = options.labels === false ? 0 : GLYPH_HEIGHT * LABEL_SCALE + gutter;
  const rowHeight = strip + cellH + gutter;
  return {
    width: gutter + columns * (cellW + gutter),
    height: gutter + rows * rowHeight,
    scale,
    labelScale: LABEL_SCALE,
    cell: (row, column) => ({ x: gutter + column * (cellW + gutter), y: gutter + row * rowHeight + strip }),
    label: (row) => ({ x: gutter, y: gutter + row * rowHeight }),
  };
}
