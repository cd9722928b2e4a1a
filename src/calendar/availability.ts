/**
 * Day sets for the horizon: unavailability (ranges and RRULEs that start at `horizon.from`)
 * and quiet periods. Each is a `DaySet` indexed by day number.
 */
import type { Basis } from '../model/primitives.js';
import { TRIGGERED_BASES } from '../model/primitives.js';
import type { QuietPeriod, Scenario } from '../model/scenario.js';
import { toDay } from './civil.js';
import { expandRule } from './rrule.js';

/** A set of days inside [from, to], as one byte a day. */
export class DaySet {
  readonly from: number;
  readonly to: number;
  private readonly bits: Uint8Array;
  constructor(from: number, to: number) {
    this.from = from;
    this.to = to;
    this.bits = new Uint8Array(Math.max(0, to - from + 1));
  }
  add(day: number): void {
    if (day >= this.from && day <= this.to) this.bits[day - this.from] = 1;
  }
  addRange(a: number, b: number): void {
    for (let d = Math.max(a, this.from); d <= Math.min(b, this.to); d++) this.bits[d - this.from] = 1;
  }
  has(day: number): boolean {
    return day >= this.from && day <= this.to && this.bits[day - this.from] === 1;
  }
  isEmpty(): boolean {
    return !this.bits.includes(1);
  }
}

export interface Horizon {
  from: number;
  to: number;
}

export function horizonDays(scenario: Scenario): Horizon {
  return { from: toDay(scenario.horizon.from), to: toDay(scenario.horizon.to) };
}

/**
 * Days inside the horizon on which something with these ranges and rule is unavailable.
 * `ruleDays`, when given, memoises each rule's days (thousands of officers and enterprises
 * often share a handful of rules).
 */
export function unavailableDays(
  ranges: ReadonlyArray<{ from: string; to: string }>,
  rule: string | undefined,
  horizon: Horizon,
  ruleDays?: Map<string, readonly number[]>,
): DaySet {
  if (ranges.length === 0 && rule === undefined) return new DaySet(horizon.from, horizon.from - 1);
  const set = new DaySet(horizon.from, horizon.to);
  for (const r of ranges) set.addRange(toDay(r.from), toDay(r.to));
  if (rule !== undefined) {
    let days = ruleDays?.get(rule);
    if (days === undefined) {
      days = expandRule(rule, horizon.from, horizon.from, horizon.to);
      ruleDays?.set(rule, days);
    }
    for (const d of days) set.add(d);
  }
  return set;
}

export interface CompiledQuietPeriod {
  id: string;
  days: DaySet;
  /** `undefined` means every enterprise. */
  areas: ReadonlySet<string> | undefined;
  exemptBases: ReadonlySet<Basis>;
}

export function compileQuietPeriods(periods: readonly QuietPeriod[], horizon: Horizon): CompiledQuietPeriod[] {
  return periods.map((q) => {
    const days = new DaySet(horizon.from, horizon.to);
    for (const d of expandRule(q.rule, horizon.from, horizon.from, horizon.to)) days.add(d);
    return {
      id: q.id,
      days,
      areas: q.areas ? new Set(q.areas) : undefined,
      exemptBases: new Set(q.exemptBases ?? TRIGGERED_BASES),
    };
  });
}

/** The quiet periods that apply to an enterprise in `area` on `day`. */
export function quietPeriodsOn(periods: readonly CompiledQuietPeriod[], area: string | undefined, day: number): CompiledQuietPeriod[] {
  return periods.filter((q) => q.days.has(day) && (q.areas === undefined || (area !== undefined && q.areas.has(area))));
}

/** The first quiet period that forbids a visit with these bases to an enterprise in `area` on `day`. */
export function quietPeriodBlocking(
  periods: readonly CompiledQuietPeriod[],
  area: string | undefined,
  day: number,
  bases: Iterable<Basis>,
): CompiledQuietPeriod | undefined {
  const list = [...bases];
  return quietPeriodsOn(periods, area, day).find((q) => list.some((b) => !q.exemptBases.has(b)));
}
