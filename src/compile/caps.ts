/** Frequency caps (contract §1.7) compiled to indices, and the history seeded into tallies. */
import { dayFromParts, dayParts, toDay } from '../calendar/civil.js';
import type { Basis, RiskGrade } from '../model/primitives.js';
import type { Scenario } from '../model/scenario.js';
import { KeySlots } from './key-slots.js';
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

/**
 * History entries as events of every cap tally they count for: the tally keys in the order
 * they are first met (entries in order, then caps by index, then the entry's departments in
 * the order listed), each key's events ascending by day (entries of one day in order).
 *
 * A city-year's history is ~10⁵ entries and as many tallies, so the work per entry is kept
 * small: the tallies an entry counts for depend only on its basis and its departments, worked
 * out once per such pair as key offsets (`tallyKey` is the enterprise's part plus an offset);
 * a key's list is found by its slot (`KeySlots`: typed arrays, no map lookup); an
 * entry's event object is shared by its tallies (they are only read); a date is parsed once
 * per run of entries on that date (history is usually in date order).
 */
export function seedHistory(
  scenario: Scenario,
  caps: readonly CCap[],
  entIndex: ReadonlyMap<string, number>,
  deptIndex: ReadonlyMap<string, number>,
): Map<number, { day: number; date: string }[]> {
  const tallies = new Map<number, { day: number; date: string }[]>();
  const E = entIndex.size;
  const D = deptIndex.size;
  if (caps.length === 0) return tallies;
  // (basis, departments) → the key offsets of the tallies such an entry counts for.
  const offsetsOf = new Map<string, number[]>();
  const departments: number[] = [];
  const counts = (cap: CCap, d: number) => cap.departments === undefined || cap.departments.has(d);
  const offsets = (basis: Basis): number[] => {
    let key: string = basis;
    for (const d of departments) key += `\u0000${d}`;
    let list = offsetsOf.get(key);
    if (list) return list;
    list = [];
    for (const cap of caps) {
      if (!cap.bases.has(basis)) continue;
      if (cap.perEnterprise) {
        if (departments.some((d) => counts(cap, d))) list.push(tallyKey(cap.index, 0, -1, E, D));
      } else for (const d of departments) if (counts(cap, d)) list.push(tallyKey(cap.index, 0, d, E, D));
    }
    offsetsOf.set(key, list);
    return list;
  };
  // Two passes. First each event's tally, as a slot (tallies numbered first met first) with
  // each slot's count; then every tally's list at its final length, filled in entry order.
  const slots = new KeySlots();
  const keyOf: number[] = [];
  const countOf: number[] = [];
  const lastDays: number[] = [];
  let eventSlots = new Int32Array(1024);
  let n = 0;
  const events: { day: number; date: string }[] = [];
  const eventStarts: number[] = []; // per event object: where its slots begin in `eventSlots`
  let lastDate = '';
  let lastDay = 0;
  let unsorted = false;
  for (const h of scenario.history) {
    const ent = entIndex.get(h.enterpriseId) as number;
    departments.length = 0;
    for (const id of h.departmentIds) {
      const d = deptIndex.get(id) as number;
      if (!departments.includes(d)) departments.push(d);
    }
    const list = offsets(h.basis);
    if (list.length === 0) continue;
    if (h.date !== lastDate) {
      lastDate = h.date;
      lastDay = toDay(h.date);
    }
    events.push({ day: lastDay, date: h.date });
    eventStarts.push(n);
    if (n + list.length > eventSlots.length) {
      const grown = new Int32Array(2 * eventSlots.length + list.length);
      grown.set(eventSlots);
      eventSlots = grown;
    }
    const base = ent * (D + 1);
    for (const offset of list) {
      const key = base + offset;
      const slot = slots.slot(key);
      if (slot === keyOf.length) {
        keyOf.push(key);
        countOf.push(1);
        lastDays.push(lastDay);
      } else {
        if ((lastDays[slot] as number) > lastDay) unsorted = true;
        lastDays[slot] = lastDay;
        (countOf[slot] as number)++;
      }
      eventSlots[n++] = slot;
    }
  }
  const lists: { day: number; date: string }[][] = keyOf.map((key, slot) => {
    const list = new Array<{ day: number; date: string }>(countOf[slot] as number);
    tallies.set(key, list);
    return list;
  });
  const filled = new Int32Array(keyOf.length);
  eventStarts.push(n);
  for (let e = 0; e < events.length; e++) {
    const event = events[e] as { day: number; date: string };
    for (let j = eventStarts[e] as number; j < (eventStarts[e + 1] as number); j++) {
      const slot = eventSlots[j] as number;
      (lists[slot] as { day: number; date: string }[])[(filled[slot] as number)++] = event;
    }
  }
  if (unsorted) for (const list of tallies.values()) list.sort((a, b) => a.day - b.day);
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
 * The days (absolute, as merged ascending pairs [from, to] in `out[0…n)`) on which a rolling
 * limit or a minimum gap refuses one more event, given `events[0…count)` (any order): where
 * `tallyAdmits` would say no for those two reasons — the calendar-period part of a cap is left to
 * the caller. A rolling limit L over n days refuses d exactly when L events lie in some n-day
 * span with d, i.e. for L consecutive events (sorted) e_i…e_{i+L−1} no more than n−1 days apart,
 * on [e_{i+L−1} − n + 1, e_i + n − 1]; a gap g refuses [e − g + 1, e + g − 1] around each event.
 * Returns n, or −1 when the limit is 0 (every day refused). `sorted` and `out` are scratch lists
 * the caller keeps: they are written by index and never shortened (what lies past n is stale),
 * so nothing is allocated per call once they are long enough — this runs for nearly every
 * candidate where caps bind.
 */
export function refusedSpans(cap: CCap, limit: number | undefined, events: readonly number[], count: number, sorted: number[], out: number[]): number {
  if (cap.period === 'rolling' && limit !== undefined && limit <= 0) return -1;
  // An insertion sort: a tally holds a handful of events.
  for (let i = 0; i < count; i++) {
    const e = events[i] as number;
    let j = i - 1;
    while (j >= 0 && (sorted[j] as number) > e) {
      sorted[j + 1] = sorted[j] as number;
      j--;
    }
    sorted[j + 1] = e;
  }
  // Two runs of spans, each ascending by start: around each event (the gap), then per window
  // of `limit` consecutive events (the rolling limit) — merged below by start.
  const spans = spanScratch;
  let m = 0;
  if (cap.minGapDays > 0) {
    for (let i = 0; i < count; i++) {
      spans[m++] = (sorted[i] as number) - cap.minGapDays + 1;
      spans[m++] = (sorted[i] as number) + cap.minGapDays - 1;
    }
  }
  const gapEnd = m;
  if (cap.period === 'rolling' && limit !== undefined) {
    const n = cap.rollingDays;
    for (let i = 0; i + limit - 1 < count; i++) {
      const first = sorted[i] as number;
      const last = sorted[i + limit - 1] as number;
      if (last - first <= n - 1) {
        spans[m++] = last - n + 1;
        spans[m++] = first + n - 1;
      }
    }
  }
  // The union of the spans: taken in order of start (the two runs merged), joined where they touch.
  let n = 0;
  let g = 0;
  let r = gapEnd;
  while (g < gapEnd || r < m) {
    let k: number;
    if (r >= m || (g < gapEnd && (spans[g] as number) <= (spans[r] as number))) {
      k = g;
      g += 2;
    } else {
      k = r;
      r += 2;
    }
    const a = spans[k] as number;
    const b = spans[k + 1] as number;
    if (n > 0 && a <= (out[n - 1] as number) + 1) out[n - 1] = Math.max(out[n - 1] as number, b);
    else {
      out[n++] = a;
      out[n++] = b;
    }
  }
  return n;
}

/** `refusedSpans`' spans before they are merged (used at once, never kept). */
const spanScratch: number[] = [];

/** Whether `day` lies in one of the merged ascending spans (pairs) of `spans[0…count)`. */
export function inSpans(spans: readonly number[], day: number, count = spans.length): boolean {
  let lo = 0;
  let hi = count / 2 - 1;
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
