// Which colorizer to use and where to write: pure choices, unit-tested without VS Code.
import * as path from 'node:path';
import type { RunRecord } from '../../shared/storeSchema';

export const COLORIZABLE = /\.(png|jpe?g|webp)$/i;

/** Finished colorize runs, best first (lowest val_loss, else test_mse). */
export function rankColorizers(runs: RunRecord[]): RunRecord[] {
  const score = (run: RunRecord) => run.summary?.val_loss ?? run.summary?.test_mse ?? Number.POSITIVE_INFINITY;
  return runs
    .filter((run) => run.config?.task === 'colorize' && (run.status === 'finished' || run.status === 'stopped') && run.bestEpoch !== undefined)
    .sort((a, b) => score(a) - score(b));
}

/** `<dir>/<name>.colorized.png` beside the image. */
export function colorizedPath(image: string): string {
  const { dir, name } = path.parse(image);
  return path.join(dir, `${name}.colorized.png`);
}
