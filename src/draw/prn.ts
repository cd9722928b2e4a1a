/**
 * Permanent random numbers (PRNs): every enterprise gets one fixed number in (0, 1) per seed
 * and stream, from the library's one seeded hashing (`hashString`, `mixKey` of util/random).
 * A number depends on nothing but the seed, the stream and the enterprise's id, so adding or
 * removing other enterprises never changes it (the draw stays stable when the library of
 * enterprises changes), and two tasks on one stream see the same numbers (positive
 * coordination). The recipe is part of the method's version: changing it is a new version.
 */
import { hashString, mixKey } from '../util/random.js';

/** The method this module implements; written into every audit record and checked by `verifyDraw`. */
export const ENTERPRISE_DRAW_METHOD = 'joint-inspection/enterprise-draw@1';

const TWO_32 = 4294967296;
const TWO_21 = 2097152;
const TWO_53 = TWO_32 * TWO_21;

/**
 * The PRN of `key` (an enterprise id, or a label) in `stream` under `seed`: 53 bits from two
 * 32-bit keys of the same seed and stream, then centred in its cell so it is never 0 or 1.
 */
export function permanentRandom(seed: number, stream: string, key: string): number {
  const s = hashString(`enterprise-draw\u0000${seed}\u0000${stream}`);
  const high = Math.floor(mixKey(s, hashString(key), 1) * TWO_32);
  const low = Math.floor(mixKey(s, hashString(`\u0001${key}`), 2) * TWO_21);
  return (high * TWO_21 + low + 0.5) / TWO_53;
}

/** The stream of a task: its own id, or — coordinated with others — the group's smallest task id. */
export function streamOf(taskId: string, group: readonly string[]): string {
  if (group.length <= 1) return `task:${taskId}`;
  return `group:${[...group].sort()[0] as string}`;
}

/** The uniform number that rounds a stratum's expected sample size (unbiased rounding). */
export function roundingDraw(seed: number, stream: string, stratum: string): number {
  return permanentRandom(seed, stream, `\u0000rounding\u0000${stratum}`);
}
