// Record ids: short, sortable by creation time, unique across processes (time + random).
import { randomBytes } from 'node:crypto';

let lastTime = 0;
let sequence = 0;

/** `prefix` + 9 base-36 chars of milliseconds + 2 of a per-process sequence + 5 random, e.g. "r0mh3k2x1a00k3f9q". */
export function newId(prefix: 'r' | 's'): string {
  let now = Date.now();
  // Ids made in the same millisecond by one process still sort in creation order (1,296 a millisecond at most).
  if (now === lastTime && sequence === 1295) while (now === lastTime) now = Date.now();
  sequence = now === lastTime ? sequence + 1 : 0;
  lastTime = now;
  const time = now.toString(36).padStart(9, '0');
  const seq = sequence.toString(36).padStart(2, '0');
  const random = (randomBytes(4).readUInt32BE(0) % 36 ** 5).toString(36).padStart(5, '0');
  return `${prefix}${time}${seq}${random}`;
}
