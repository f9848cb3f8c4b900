// Seeded randomness. Each trial draws from its own generator, seeded by (sweep seed, trial index), so a
// resumed sweep continues the very sequence the first controller would have produced.
import seedrandom from 'seedrandom';
import type { Rng } from './types';

export function trialRng(seed: number, trialIndex: number): Rng {
  const prng = seedrandom.alea(`aelab-sweep:${seed}:${trialIndex}`);
  return () => prng.double();
}

/** A standard normal draw (Box–Muller). */
export function standardNormal(rng: Rng): number {
  const u = 1 - rng(); // in (0, 1], so the log is finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** An index drawn with the given (not necessarily normalised) weights. */
export function weightedIndex(weights: readonly number[], rng: Rng): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0) return i;
  }
  return weights.length - 1;
}
