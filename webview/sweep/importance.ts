// Parameter importance for a sweep, as W&B shows it: the correlation of each parameter with the metric, and
// a random forest's feature importance (ml-random-forest) for effects a straight line misses.
import { RandomForestRegression } from 'ml-random-forest';

export interface Importance { param: string; correlation: number; forest: number }

/** Pearson correlation; NaN when either side is constant or there are fewer than 2 points. */
export function pearson(x: number[], y: number[]): number {
  const n = Math.min(x.length, y.length);
  if (n < 2) return Number.NaN;
  const mean = (a: number[]) => a.slice(0, n).reduce((s, v) => s + v, 0) / n;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? Number.NaN : sxy / Math.sqrt(sxx * syy);
}

/** Turns parameter values into numbers: numbers as they are, booleans 0/1, other values by first appearance. */
export function encodeColumn(values: unknown[]): number[] {
  const codes = new Map<string, number>();
  return values.map((v) => {
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    const key = JSON.stringify(v);
    if (!codes.has(key)) codes.set(key, codes.size);
    return codes.get(key)!;
  });
}

/**
 * rows: one per run with its parameters; metric: the run's metric value. Runs without a finite metric are left
 * out. Forest importance needs at least 4 runs (else 0); the forest is seeded so the numbers are reproducible.
 */
export function parameterImportance(rows: Record<string, unknown>[], metric: number[], seed = 42): Importance[] {
  const keep = metric.map((m, i) => (Number.isFinite(m) ? i : -1)).filter((i) => i >= 0);
  const params = [...new Set(rows.flatMap((r) => Object.keys(r)))].sort();
  const columns = params.map((p) => encodeColumn(keep.map((i) => rows[i][p])));
  const y = keep.map((i) => metric[i]);
  const forest = forestImportance(columns, y, seed);
  return params
    .map((param, j) => ({ param, correlation: pearson(columns[j], y), forest: forest[j] ?? 0 }))
    .sort((a, b) => b.forest - a.forest || Math.abs(b.correlation || 0) - Math.abs(a.correlation || 0));
}

function forestImportance(columns: number[][], y: number[], seed: number): number[] {
  if (columns.length === 0 || y.length < 4) return columns.map(() => 0);
  const X = y.map((_, i) => columns.map((c) => c[i]));
  const forest = new RandomForestRegression({
    seed, nEstimators: 50, maxFeatures: 1.0, replacement: true, useSampleBagging: true, noOOB: true,
    treeOptions: { minNumSamples: 2 },
  });
  forest.train(X, y);
  // featureImportance() exists in ml-random-forest 2.x but is missing from its type declarations.
  const importance = (forest as unknown as { featureImportance(): number[] }).featureImportance();
  const total = importance.reduce((s, v) => s + v, 0);
  return importance.map((v) => (total > 0 ? v / total : 0));
}
