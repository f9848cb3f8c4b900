// A seeded shuffle, so the same splitSeed always gives the same train/validation/test split.
import seedrandom from 'seedrandom';

/** A new array with the items in a Fisher–Yates order drawn from seedrandom's alea generator. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const out = items.slice();
  const random = seedrandom.alea(`aelab-split-${seed}`);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
