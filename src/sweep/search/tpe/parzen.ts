// A one-dimensional Parzen estimator: a mixture of truncated normals, one per observation plus a wide prior
// (Bergstra et al. 2011 / Optuna's univariate TPE: neighbour-distance bandwidths, "magic clip", prior weight 1).
import { standardNormal, weightedIndex } from '../rng';
import type { Rng } from '../types';
import { logSumExp, normalCdf, normalLogPdf } from './normalMath';

export interface Mixture {
  mus: number[];
  sigmas: number[];
  /** Normalised. */
  weights: number[];
  low: number;
  high: number;
}

export function fitParzen(observations: number[], weights: number[], low: number, high: number): Mixture {
  const range = high - low;
  const prior = { mu: (low + high) / 2, sigma: range, weight: 1 };
  const points = observations.map((mu, i) => ({ mu, weight: weights[i] })).sort((a, b) => a.mu - b.mu);
  // Each kernel is as wide as the larger gap to its neighbours (the interval's ends bound the outer ones).
  const minSigma = range / Math.min(100, 1 + points.length + 1);
  const sigmas = points.map((p, i) => {
    const left = p.mu - (i > 0 ? points[i - 1].mu : low);
    const right = (i < points.length - 1 ? points[i + 1].mu : high) - p.mu;
    return Math.min(range, Math.max(minSigma, left, right));
  });
  const all = [...points, prior];
  const total = all.reduce((sum, p) => sum + p.weight, 0);
  return { mus: all.map((p) => p.mu), sigmas: [...sigmas, prior.sigma], weights: all.map((p) => p.weight / total), low, high };
}

/** A draw from the mixture, inside [low, high] (rejection; clamped after 100 misses). */
export function sampleMixture(m: Mixture, rng: Rng): number {
  const i = weightedIndex(m.weights, rng);
  for (let tries = 0; tries < 100; tries++) {
    const x = m.mus[i] + m.sigmas[i] * standardNormal(rng);
    if (x >= m.low && x <= m.high) return x;
  }
  return Math.min(m.high, Math.max(m.low, m.mus[i]));
}

export function mixtureLogPdf(m: Mixture, x: number): number {
  return logSumExp(m.mus.map((mu, i) => {
    const sigma = m.sigmas[i];
    const mass = Math.max(1e-12, normalCdf(m.high, mu, sigma) - normalCdf(m.low, mu, sigma));
    return Math.log(m.weights[i]) + normalLogPdf(x, mu, sigma) - Math.log(mass);
  }));
}
