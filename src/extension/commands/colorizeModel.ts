// Which colorizer to use and where to write: pure choices, unit-tested without VS Code.
import * as path from 'node:path';
import type { RunRecord } from '../../shared/storeSchema';

export const COLORIZABLE = /\.(png|jpe?g|webp)$/i;

/** Finished colorize runs with a validation loss, best (lowest) first: the same choice as `aelab colorize`. */
export function rankColorizers(runs: RunRecord[]): RunRecord[] {
  return runs
    .filter((run) => run.config?.task === 'colorize' && run.status === 'finished' && Number.isFinite(run.summary?.val_loss))
    .sort((a, b) => a.summary.val_loss - b.summary.val_loss);
}

/** Where the grey input the model saw is written for display (a temporary folder, not beside the image). */
export function greyPath(image: string, tempDir: string): string {
  return path.join(tempDir, `${path.parse(image).name}.grey.png`);
}

/** `<dir>/<name>.colorized.png` beside the image. */
export function colorizedPath(image: string): string {
  const { dir, name } = path.parse(image);
  return path.join(dir, `${name}.colorized.png`);
}
