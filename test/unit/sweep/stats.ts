// Goodness-of-fit helpers for the sampling tests (Kolmogorov–Smirnov and chi-square at α = 0.001).

/** Largest gap between the empirical CDF of the samples and `cdf`. */
export function ksStatistic(samples: number[], cdf: (x: number) => number): number {
  const sorted = samples.slice().sort((a, b) => a - b);
  const n = sorted.length;
  let d = 0;
  sorted.forEach((x, i) => {
    const f = cdf(x);
    d = Math.max(d, Math.abs((i + 1) / n - f), Math.abs(f - i / n));
  });
  return d;
}

/** The KS statistic a correct sampler exceeds with probability 0.001. */
export const ksCritical = (n: number): number => 1.95 / Math.sqrt(n);

/** Chi-square of observed counts against expected probabilities (cells expected below 5 are pooled). */
export function chiSquare(counts: Map<unknown, number>, expected: Map<unknown, number>, n: number): { statistic: number; df: number } {
  let statistic = 0;
  let cells = 0;
  let pooledObserved = n;
  let pooledExpected = n;
  for (const [value, p] of expected) {
    if (p * n < 5) continue;
    const observed = counts.get(value) ?? 0;
    statistic += (observed - p * n) ** 2 / (p * n);
    pooledObserved -= observed;
    pooledExpected -= p * n;
    cells++;
  }
  if (pooledExpected >= 5) {
    statistic += (pooledObserved - pooledExpected) ** 2 / pooledExpected;
    cells++;
  } else if (pooledObserved > 0 && pooledExpected <= 0) statistic = Infinity; // values that should not occur
  return { statistic, df: cells - 1 };
}

/** The chi-square value a correct sampler exceeds with probability 0.001 (Wilson–Hilferty). */
export function chiSquareCritical(df: number): number {
  const z = 3.09;
  return df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3;
}

export function countValues(samples: unknown[]): Map<unknown, number> {
  const counts = new Map<unknown, number>();
  for (const s of samples) counts.set(s, (counts.get(s) ?? 0) + 1);
  return counts;
}
