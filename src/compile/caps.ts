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
  // The entry's departments, each once, in the order listed (worked out once per entry).
  const departments: number[] = [];
  const counts = (cap: CCap, d: number) => cap.departments === undefined || cap.departments.has(d);
  for (const h of scenario.history) {
    const ent = entIndex.get(h.enterpriseId) as number;
    const day = toDay(h.date);
    departments.length = 0;
    for (const id of h.departmentIds) {
      const d = deptIndex.get(id) as number;
      if (!departments.includes(d)) departments.push(d);
    }
    for (const cap of caps) {
      if (!cap.bases.has(h.basis)) continue;
      if (cap.perEnterprise) {
        if (departments.some((d) => counts(cap, d))) push(tallyKey(cap.index, ent, -1, E, D), day, h.date);
      } else for (const d of departments) if (counts(cap, d)) push(tallyKey(cap.index, ent, d, E, D), day, h.date);
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

/**
 * `calendarPeriod`'s first and last day, memoised (a pure function of a few thousand days, asked
 * for every candidate visit): per kind, a flat table of [from, to] by day number for the days
 * 1970–2149 (`to` = 0: not worked out yet, as no period ends on 1970-01-01), other days in a map.
 */
const TABLE_DAYS = 65_536;
const KIND_CODE = { year: 0, 'half-year': 1, quarter: 2, month: 3 } as const;
const tables: (Int32Array | undefined)[] = [undefined, undefined, undefined, undefined];
const otherPeriods = new Map<number, readonly [number, number]>();

function periodFrom(kind: Exclude<PeriodKind, 'rolling'>, day: number): number {
  return periodBounds(kind, day, 0);
}

function periodTo(kind: Exclude<PeriodKind, 'rolling'>, day: number): number {
  return periodBounds(kind, day, 1);
}

function periodBounds(kind: Exclude<PeriodKind, 'rolling'>, day: number, end: 0 | 1): number {
  if (day < 0 || day >= TABLE_DAYS) {
    const key = day * 4 + KIND_CODE[kind];
    let p = otherPeriods.get(key);
    if (p === undefined) otherPeriods.set(key, (p = calendarPeriod(kind, day)));
    return p[end];
  }
  const code = KIND_CODE[kind];
  const table = (tables[code] ??= new Int32Array(2 * TABLE_DAYS));
  if (table[2 * day + 1] === 0) {
    const [from, to] = calendarPeriod(kind, day);
    table[2 * day] = from;
    table[2 * day + 1] = to;
  }
  return table[2 * day + end] as number;
}

/**
 * The days (absolute, as merged ascending pairs [from, to] in `out`) on which a rolling limit or
 * a minimum gap refuses one more event, given `events[0…count)` (any order): where `tallyAdmits`
 * would say no for those two reasons — the calendar-period part of a cap is left to the caller.
 * A rolling limit L over n days refuses d exactly when L events lie in some n-day span with d,
 * i.e. for L consecutive events (sorted) e_i…e_{i+L−1} no more than n−1 days apart, on
 * [e_{i+L−1} − n + 1, e_i + n − 1]; a gap g refuses [e − g + 1, e + g − 1] around each event.
 * Returns false when the limit is 0 (every day refused) — `out` is then meaningless.
 */
export function refusedSpans(cap: CCap, limit: number | undefined, events: readonly number[], count: number, sorted: number[], out: number[]): boolean {
  out.length = 0;
  if (cap.period === 'rolling' && limit !== undefined && limit <= 0) return false;
  sorted.length = count;
  for (let i = 0; i < count; i++) sorted[i] = events[i] as number;
  sorted.sort((a, b) => a - b);
  const spans: number[] = [];
  if (cap.minGapDays > 0) for (const e of sorted) spans.push(e - cap.minGapDays + 1, e + cap.minGapDays - 1);
  if (cap.period === 'rolling' && limit !== undefined) {
    const n = cap.rollingDays;
    for (let i = 0; i + limit - 1 < sorted.length; i++) {
      const first = sorted[i] as number;
      const last = sorted[i + limit - 1] as number;
      if (last - first <= n - 1) spans.push(last - n + 1, first + n - 1);
    }
  }
  // Merge (by start).
  const order: number[] = [];
  for (let k = 0; k < spans.length; k += 2) order.push(k);
  order.sort((a, b) => (spans[a] as number) - (spans[b] as number));
  for (const k of order) {
    const a = spans[k] as number;
    const b = spans[k + 1] as number;
    if (out.length > 0 && a <= (out[out.length - 1] as number) + 1) out[out.length - 1] = Math.max(out[out.length - 1] as number, b);
    else out.push(a, b);
  }
  return true;
}

/** Whether `day` lies in one of the merged ascending spans (pairs) of `spans`. */
export function inSpans(spans: readonly number[], day: number): boolean {
  let lo = 0;
  let hi = spans.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (day < (spans[2 * mid] as number)) hi = mid - 1;
    else if (day > (spans[2 * mid + 1] as number)) lo = mid + 1;
    else return true;
  }
  return false;
}


/** How many of `events[0…count)` fall in [from, to]. */
function countIn(events: readonly number[], count: number, from: number, to: number): number {
  let n = 0;
  for (let i = 0; i < count; i++) {
    const e = events[i] as number;
    if (e >= from && e <= to) n++;
  }
  return n;
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
  if (cap.period !== 'rolling') return 1 + countIn(events, count, periodFrom(cap.period, day), periodTo(cap.period, day)) <= limit;
  const n = cap.rollingDays;
  // Every span [s, s+n−1] with s in [day−n+1, day] contains `day`; only events nearer than n days can share one.
  let near = 0;
  for (let i = 0; i < count; i++) {
    const e = events[i] as number;
    if (e > day - n && e < day + n) near++;
  }
  if (near + 1 <= limit) return true;
  // The most events in a span [s, s+n−1] holding `day` (s from day−n+1 to day): a span's count
  // only grows as s passes e−n+1 for an event e after `day`, so the first span and those
  // ending on such an event are the only ones to count (a few events: a few counts).
  if (1 + countIn(events, count, day - n + 1, day) > limit) return false;
  for (let i = 0; i < count; i++) {
    const e = events[i] as number;
    if (e > day && e < day + n && 1 + countIn(events, count, e - n + 1, e) > limit) return false;
  }
  return true;
}
