// Each epoch's batch order: a seeded shuffle (the data loader's), so the same run seed gives the same
// order on every backend and machine, and each epoch a different one.
import { seededShuffle } from '../data/shuffle';

/** Mixes the run seed and the epoch into one 32-bit seed (golden-ratio hashing). */
export function epochSeed(runSeed: number, epoch: number): number {
  return (Math.imul(runSeed >>> 0, 0x9e3779b1) + Math.imul(epoch, 0x85ebca6b)) >>> 0;
}

/** The order of 0..count-1 for one epoch. */
export function epochOrder(count: number, runSeed: number, epoch: number): number[] {
  return seededShuffle(Array.from({ length: count }, (_, i) => i), epochSeed(runSeed, epoch));
}
