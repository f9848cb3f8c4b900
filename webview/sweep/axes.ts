// The axes of the parallel-coordinates plot: parameters (numeric, or categorical spread evenly) and the metric.
import type { RunRecord } from '../../src/shared/storeSchema';
import { encodeColumn } from './importance';

export interface Axis { name: string; values: number[]; labels?: string[]; min: number; max: number }

export function buildAxes(runs: RunRecord[], params: string[], metric: string): Axis[] {
  const axes = params.map((name): Axis => {
    const raw = runs.map((r) => r.params?.[name]);
    const numeric = raw.every((v) => typeof v === 'number');
    const values = encodeColumn(raw);
    const labels = numeric ? undefined : [...new Set(raw.map((v) => JSON.stringify(v)))];
    return { name, values, labels, min: Math.min(...values), max: Math.max(...values) };
  });
  const metricValues = runs.map((r) => r.summary?.[metric] ?? Number.NaN);
  const finite = metricValues.filter(Number.isFinite);
  axes.push({ name: metric, values: metricValues, min: Math.min(...finite), max: Math.max(...finite) });
  return axes;
}

/** 0 at the bottom, 1 at the top of an axis; a constant axis sits in the middle. */
export function axisPosition(axis: Axis, value: number): number {
  return axis.max === axis.min ? 0.5 : (value - axis.min) / (axis.max - axis.min);
}
