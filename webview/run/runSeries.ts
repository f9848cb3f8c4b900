// Turns a run's metric lines into chart columns: per-epoch curves and the per-step training loss.
import type { MetricLine } from '../../src/shared/storeSchema';
import { smoothDebiasedEma } from '../common/smoothing';

export type Columns = (number | null)[][];

/** x = epoch; one column per metric name (null where an epoch lacks it). */
export function epochColumns(lines: MetricLine[], names: string[], smoothing = 0): Columns {
  const epochs = lines.filter((l) => l.kind === 'epoch');
  const x = epochs.map((l) => l.epoch);
  const columns = names.map((name) => epochs.map((l) => (typeof l.values[name] === 'number' ? l.values[name] : null)));
  return [x, ...columns.map((c) => (smoothing > 0 ? smoothDebiasedEma(c, smoothing) : c))];
}

/** x = global step (batch lines in order); raw and smoothed loss. */
export function stepColumns(lines: MetricLine[], smoothing: number): Columns {
  const steps = lines.filter((l) => l.kind === 'batch' && typeof l.values.loss === 'number');
  const raw = steps.map((l) => l.values.loss);
  return [steps.map((_, i) => i + 1), raw, smoothDebiasedEma(raw, smoothing)];
}

/** The test metrics of the final line, if the run has one. */
export function testValues(lines: MetricLine[]): Record<string, number> {
  const test = [...lines].reverse().find((l) => l.kind === 'test');
  return test?.values ?? {};
}
