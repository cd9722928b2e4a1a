/**
 * The arithmetic of a draw, shared by `draw` and `verifyDraw` so that the verifier re-derives
 * with the very rules the draw used: each stratum's sample size from its ratio and size, then
 * which units the sample takes (the smallest permanent random numbers, avoided units last).
 */
import { sha256Hex } from './sha256.js';

/** Risk-grade strata, highest risk first (the order ties are broken in); `ungraded` holds enterprises without a grade. */
export const STRATA = ['D', 'C', 'B', 'A', 'ungraded'] as const;
/**
 * A stratum of a draw: a risk grade, or `ungraded` for enterprises without one.
 * @example
 * const highRisk: Stratum = 'D';
 */
export type Stratum = (typeof STRATA)[number];

/** How an expected sample size r × N becomes a whole number. */
export const ROUNDINGS = ['unbiased', 'nearest', 'up'] as const;
/**
 * How a stratum's expected sample size (ratio × size) becomes a whole number: `unbiased`
 * (default: up with probability equal to the fraction, so each inclusion probability is exactly
 * the ratio), `nearest` (halves up), `up` (a ratio read as a minimum, 不低于).
 * @example
 * const task: DrawTask = { id: 'T1', departmentId: 'SAMR', itemIds: ['SAMR-01'], window, ratio: 0.05, rounding: 'up' };
 */
export type Rounding = (typeof ROUNDINGS)[number];

/** r × N to nine decimals, so that 0.3 × 10 is 3 and not 3.0000000000000004. */
export const expectedSize = (ratio: number, size: number): number => Math.round(ratio * size * 1e9) / 1e9;

/**
 * `unbiased`: ⌊e⌋, plus one when the stratum's uniform draw `v` is below e − ⌊e⌋ (so the
 * expected size is exactly e and every unit's inclusion probability exactly the ratio);
 * `nearest`: halves up; `up`: ⌈e⌉ (a ratio read as a minimum, 不低于).
 */
export function roundSize(expected: number, rounding: Rounding, v: number): number {
  const whole = Math.floor(expected);
  if (rounding === 'up') return Math.ceil(expected);
  if (rounding === 'nearest') return Math.floor(expected + 0.5);
  return whole + (v < expected - whole ? 1 : 0);
}

export interface StratumPlan {
  stratum: Stratum;
  /** Units that may be drawn (avoided ones included). */
  size: number;
  /** The ratio for this stratum, or null when the task gives none. */
  ratio: number | null;
  /** The stratum's rounding draw. */
  v: number;
}

export interface CountBounds {
  rounding: Rounding;
  minCount?: number | undefined;
  maxCount?: number | undefined;
}

/**
 * Each stratum's sample size: its ratio × size, rounded, at most its size; then, when the total
 * falls below `minCount` or above `maxCount`, the bounded total shared out again in proportion
 * to the expected sizes (to the sizes when no ratio gives any), by largest remainder.
 */
export function sampleSizes(strata: readonly StratumPlan[], bounds: CountBounds): number[] {
  const expected = strata.map((s) => expectedSize(s.ratio ?? 0, s.size));
  const sizes = strata.map((s, i) => Math.min(s.size, roundSize(expected[i] as number, bounds.rounding, s.v)));
  const total = sizes.reduce((a, b) => a + b, 0);
  const available = strata.reduce((a, s) => a + s.size, 0);
  let target = total;
  if (bounds.minCount !== undefined && total < bounds.minCount) target = Math.min(bounds.minCount, available);
  if (bounds.maxCount !== undefined && target > bounds.maxCount) target = bounds.maxCount;
  if (target === total) return sizes;
  const weights = expected.some((e) => e > 0) ? expected : strata.map((s) => s.size);
  return apportion(target, weights, strata.map((s) => s.size));
}

/**
 * `total` whole units shared in proportion to `weights`, none above its cap: the floors of the
 * quotas, then one more to the largest remainders (ties: the earlier, i.e. higher-risk,
 * stratum); what a cap refuses is shared again among the others.
 */
export function apportion(total: number, weights: readonly number[], caps: readonly number[]): number[] {
  const out = weights.map(() => 0);
  let left = total;
  let open = weights.map((w, i) => i).filter((i) => (caps[i] as number) > 0);
  while (left > 0 && open.length > 0) {
    const sum = open.reduce((a, i) => a + (weights[i] as number), 0);
    const quota = new Map(open.map((i) => [i, sum > 0 ? (left * (weights[i] as number)) / sum : left / open.length]));
    let given = 0;
    for (const i of open) {
      const room = (caps[i] as number) - (out[i] as number);
      const take = Math.min(room, Math.floor(quota.get(i) as number));
      out[i] = (out[i] as number) + take;
      given += take;
    }
    const byRemainder = [...open].sort((a, b) => (quota.get(b) as number) % 1 - (quota.get(a) as number) % 1 || a - b);
    for (const i of byRemainder) {
      if (given >= left) break;
      if ((out[i] as number) < (caps[i] as number)) {
        out[i] = (out[i] as number) + 1;
        given += 1;
      }
    }
    left -= given;
    const next = open.filter((i) => (out[i] as number) < (caps[i] as number));
    if (given === 0 && next.length === open.length) break;
    open = next;
  }
  return out;
}

export interface OrderedUnit {
  enterpriseId: string;
  prn: number;
  avoided: boolean;
}

/**
 * The order a stratum is drawn in: units not avoided first, each part by its permanent random
 * number (sequential simple random sampling: the n smallest of independent uniforms are a
 * simple random sample of n), ties by id. The sample is the first n.
 */
export function drawOrder<T extends OrderedUnit>(units: readonly T[]): T[] {
  return [...units].sort((a, b) => Number(a.avoided) - Number(b.avoided) || a.prn - b.prn || byCodeUnits(a.enterpriseId, b.enterpriseId));
}

/** A stratum's ratio: its grade's in `ratioByRiskGrade`, else `ratio`, else none (the ungraded stratum: `ratio`). */
export function ratioOf(task: { ratio?: number | undefined; ratioByRiskGrade?: Partial<Record<string, number>> | undefined }, stratum: Stratum): number | null {
  const byGrade = stratum === 'ungraded' ? undefined : task.ratioByRiskGrade?.[stratum];
  return byGrade ?? task.ratio ?? null;
}

/** Code-unit order (`<`), the order `Array.prototype.sort` gives strings: the same in every locale and language. */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** SHA-256 of the ids sorted by code units and joined by "\n" (a stratum's population in the audit). */
export const idsHash = (ids: readonly string[]): string => sha256Hex([...ids].sort(byCodeUnits).join('\n'));
