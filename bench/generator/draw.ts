/**
 * Small seeded draws shared by the generator's sections (requests, officers, the regimes'
 * layers). Each takes the `Random` it draws from, so the caller's fork decides the sequence.
 */
import type { Random } from '../../src/util/random.js';
import { daysFromCivil, formatDay, monthEnd, monthStart, type YearCalendar } from './calendar.js';
import { GIVEN_CHARS, SURNAMES } from './names.js';
import type { InspectorJson } from './types.js';

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function between(rng: Random, lo: number, hi: number): number {
  return lo + rng.int(hi - lo + 1);
}

export function weighted<T>(rng: Random, table: ReadonlyArray<readonly [T, number]>): T {
  let total = 0;
  for (const [, w] of table) total += w;
  let x = rng.next() * total;
  for (const [v, w] of table) {
    x -= w;
    if (x < 0) return v;
  }
  return table[table.length - 1]![0];
}

export function weightedIndex(rng: Random, weights: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i]!;
  if (total <= 0) return -1;
  let x = rng.next() * total;
  let last = -1;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (w <= 0) continue;
    last = i;
    x -= w;
    if (x < 0) return i;
  }
  return last;
}

/** Approximately standard normal, from four uniforms (no transcendental functions). */
export function gauss(rng: Random): number {
  return (rng.next() + rng.next() + rng.next() + rng.next() - 2) * 1.7320508075688772;
}

export function poisson(rng: Random, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

export function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

export function personName(r: Random): string {
  const given = r.pick(GIVEN_CHARS) + (r.next() < 0.7 ? r.pick(GIVEN_CHARS) : '');
  return r.pick(SURNAMES) + given;
}

/** Enforcement certificate: mostly valid through the year; ~5% expire and ~3% start in it. */
export function certificate(r: Random, cal: YearCalendar, ample: boolean, number: string): InspectorJson['certificate'] {
  const x = ample ? 1 : r.next();
  if (x < 0.05) {
    // expires mid-year (April to October)
    const from = daysFromCivil(cal.year - 5, 1, 1) + r.int(365 * 2);
    const to = cal.first + monthStart(cal, 4) + r.int(monthEnd(cal, 10) - monthStart(cal, 4) + 1);
    return { number, validFrom: formatDay(from), validTo: formatDay(to) };
  }
  if (x < 0.08) {
    // newly certified, valid from February to June
    const from = cal.first + monthStart(cal, 2) + r.int(monthEnd(cal, 6) - monthStart(cal, 2) + 1);
    return { number, validFrom: formatDay(from), validTo: formatDay(daysFromCivil(cal.year + 5, 1, 1) + r.int(365)) };
  }
  const from = daysFromCivil(cal.year - 4, 1, 1) + r.int(365 * 4);
  const to = daysFromCivil(cal.year + 1, 1, 1) + r.int(365 * 4);
  return { number, validFrom: formatDay(from), validTo: formatDay(to) };
}
