/** Frequency caps (contract §1.7) compiled to indices, and the history seeded into tallies. */
import { dayFromParts, dayParts, toDay } from '../calendar/civil.js';
import type { RiskGrade } from '../model/primitives.js';
import type { Scenario } from '../model/scenario.js';
import { tallyKey, type CCap, type PeriodKind } from './problem.js';

export function compileCaps(scenario: Scenario, deptIndex: ReadonlyMap<string, number>): CCap[] {
  return [...scenario.caps]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((cap, index) => {
      const period: PeriodKind = typeof cap.period === 'string' ? cap.period : 'rolling';
      return {
        index,
        id: cap.id,
        source: cap,
        perEnterprise: cap.per === 'enterprise',
        departments: cap.departmentIds ? new Set(cap.departmentIds.map((d) => deptIndex.get(d) as number)) : undefined,
        bases: new Set(cap.countsBases),
        period,
        rollingDays: typeof cap.period === 'string' ? 0 : cap.period.rollingDays,
        limitByGrade: (grade: RiskGrade | undefined) =>
          (grade !== undefined ? cap.maxByRiskGrade?.[grade] : undefined) ?? cap.max,
        minGapDays: cap.minGapDays ?? 0,
      };
    });
}

/** History entries as events of every cap tally they count for. */
export function seedHistory(
  scenario: Scenario,
  caps: readonly CCap[],
  entIndex: ReadonlyMap<string, number>,
  deptIndex: ReadonlyMap<string, number>,
): Map<number, { day: number; date: string }[]> {
  const tallies = new Map<number, { day: number; date: string }[]>();
  const E = entIndex.size;
  const D = deptIndex.size;
  const push = (key: number, day: number, date: string) => {
    const list = tallies.get(key);
    if (list) list.push({ day, date });
    else tallies.set(key, [{ day, date }]);
  };
  for (const h of scenario.history) {
    const ent = entIndex.get(h.enterpriseId) as number;
    const day = toDay(h.date);
    for (const cap of caps) {
      if (!cap.bases.has(h.basis)) continue;
      const counting = [...new Set(h.departmentIds)]
        .map((d) => deptIndex.get(d) as number)
        .filter((d) => cap.departments === undefined || cap.departments.has(d));
      if (counting.length === 0) continue;
      if (cap.perEnterprise) push(tallyKey(cap.index, ent, -1, E, D), day, h.date);
      else for (const d of counting) push(tallyKey(cap.index, ent, d, E, D), day, h.date);
    }
  }
  for (const list of tallies.values()) list.sort((a, b) => a.day - b.day);
  return tallies;
}

/** The calendar period [from, to] (day numbers) that contains `day`. */
export function calendarPeriod(kind: Exclude<PeriodKind, 'rolling'>, day: number): [number, number] {
  const { year, month } = dayParts(day);
  const span = kind === 'year' ? 12 : kind === 'half-year' ? 6 : kind === 'quarter' ? 3 : 1;
  const first = Math.floor((month - 1) / span) * span + 1;
  const from = dayFromParts(year, first, 1);
  const to = dayFromParts(year, first + span, 1) - 1; // Date.UTC rolls month 13 into next January
  return [from, to];
}

/** `calendarPeriod`, memoised (a pure function of a few thousand days; asked for every candidate visit). */
const periods = new Map<number, readonly [number, number]>();
const KIND_CODE = { year: 0, 'half-year': 1, quarter: 2, month: 3 } as const;
function periodOf(kind: Exclude<PeriodKind, 'rolling'>, day: number): readonly [number, number] {
  const key = day * 4 + KIND_CODE[kind];
  let p = periods.get(key);
  if (p === undefined) {
    p = calendarPeriod(kind, day);
    periods.set(key, p);
  }
  return p;
}

/**
 * Whether one more counting event on `day` keeps a tally within `limit` in every period
 * containing it (calendar period, or every span of n consecutive days), and at least
 * `minGap` days from every other event. `events` are day numbers, ascending.
 */
export function tallyAdmits(cap: CCap, limit: number | undefined, events: readonly number[], day: number, count = events.length): boolean {
  // Only `events[0…count)` are read (callers pass a reused scratch array).
  if (cap.minGapDays > 0) {
    for (let i = 0; i < count; i++) if (Math.abs((events[i] as number) - day) < cap.minGapDays) return false;
  }
  if (limit === undefined) return true;
  if (cap.period !== 'rolling') {
    const [from, to] = periodOf(cap.period, day);
    let inPeriod = 1;
    for (let i = 0; i < count; i++) {
      const e = events[i] as number;
      if (e >= from && e <= to) inPeriod++;
    }
    return inPeriod <= limit;
  }
  const n = cap.rollingDays;
  // Every span [s, s+n−1] with s in [day−n+1, day] contains `day`; only events nearer than n days can share one.
  let near = 0;
  for (let i = 0; i < count; i++) {
    const e = events[i] as number;
    if (e > day - n && e < day + n) near++;
  }
  if (near + 1 <= limit) return true;
  for (let s = day - n + 1; s <= day; s++) {
    let inSpan = 1;
    for (let i = 0; i < count; i++) {
      const e = events[i] as number;
      if (e > day - n && e < day + n && e >= s && e <= s + n - 1) inSpan++;
    }
    if (inSpan > limit) return false;
  }
  return true;
}
