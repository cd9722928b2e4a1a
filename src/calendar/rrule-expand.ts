/**
 * RFC 5545 recurrence rules expanded to whole days, on day numbers only (no `Date`, so the
 * host time zone cannot move a day).
 *
 * A rule's frequency cuts time into periods (a day, a week starting on WKST, a month, a
 * year); every INTERVAL-th period counted from the start's is active. In an active period the
 * candidate days are those every BYxxx part allows (at whole-day granularity the RFC's
 * "expand" and "limit" both come down to this); BYDAY allows a day when any of its entries
 * does. BYSETPOS then picks positions in the period's candidates (each day once). Days before
 * the start are dropped, and then COUNT and UNTIL end the rule.
 *
 * The work is bounded by the span: periods from the start's (or, without COUNT, the first
 * one that can reach `fromDay`) up to `toDay`, each walked day by day once. A rule that never
 * matches costs what any other does; nothing searches past `toDay`.
 */
import { dayFromParts, dayParts, daysInMonth, isLeapYear, isoWeekday } from './civil.js';
import type { RecurrenceOptions, WeekdaySpec } from './rrule-parse.js';

/** The rule's parts as lookups, with the parts RFC 5545 takes from the start filled in. */
interface Compiled {
  freq: RecurrenceOptions['freq'];
  interval: number;
  wkst: number;
  /** month → allowed (index 1…12), or `undefined` for every month. */
  months: boolean[] | undefined;
  byDay: WeekdaySpec[] | undefined;
  /** Numbered BYDAY entries count within the year (YEARLY without BYMONTH), else within the month. */
  numberedInYear: boolean;
  monthDays: number[] | undefined;
  yearDays: number[] | undefined;
  weekNos: number[] | undefined;
}

function compile(o: RecurrenceOptions, startDay: number): Compiled {
  let { byDay, byMonthDay, byMonth } = o;
  // RFC 5545 §3.3.10: what the rule leaves open comes from DTSTART (here, the start day).
  if (!o.byWeekNo && !o.byYearDay && !byMonthDay && !byDay) {
    const start = dayParts(startDay);
    if (o.freq === 'WEEKLY') byDay = [{ weekday: isoWeekday(startDay), n: 0 }];
    if (o.freq === 'MONTHLY' || o.freq === 'YEARLY') byMonthDay = [start.day];
    if (o.freq === 'YEARLY') byMonth ??= [start.month];
  }
  let months: boolean[] | undefined;
  if (byMonth) {
    months = new Array<boolean>(13).fill(false);
    for (const m of byMonth) months[m] = true;
  }
  return {
    freq: o.freq,
    interval: o.interval,
    wkst: o.wkst,
    months,
    byDay,
    numberedInYear: o.freq === 'YEARLY' && !o.byMonth,
    monthDays: byMonthDay,
    yearDays: o.byYearDay,
    weekNos: o.byWeekNo,
  };
}

/** `n`-th (from the end when negative) among positions 1…length, at whole-week steps. */
function isNth(position: number, length: number, n: number): boolean {
  return n > 0 ? Math.floor((position - 1) / 7) + 1 === n : Math.floor((length - position) / 7) + 1 === -n;
}

function hasSigned(list: readonly number[], position: number, length: number): boolean {
  for (const n of list) if (n > 0 ? position === n : position === length + n + 1) return true;
  return false;
}

/** The first day of the week (starting on ISO weekday `wkst`) that holds `day`. */
function weekStart(day: number, wkst: number): number {
  return day - ((isoWeekday(day) - wkst + 7) % 7);
}

/** First day of week 1 of `year`: the first week with at least four of its days in the year. */
function firstWeek(year: number, wkst: number): number {
  return weekStart(dayFromParts(year, 1, 4), wkst);
}

/** Whether `day` (in calendar year `year`) lies in one of the weeks `weekNos` of its week-year. */
function inWeeks(weekNos: readonly number[], day: number, year: number, wkst: number): boolean {
  let y = year;
  if (day < firstWeek(year, wkst)) y = year - 1;
  else if (day >= firstWeek(year + 1, wkst)) y = year + 1;
  const first = firstWeek(y, wkst);
  const weeks = (firstWeek(y + 1, wkst) - first) / 7;
  return hasSigned(weekNos, Math.floor((day - first) / 7) + 1, weeks);
}

/** Whether a day passes every part; `doy`/`diy` are only read by year-scoped parts. */
function allows(c: Compiled, day: number, year: number, month: number, dom: number, dim: number, doy: number, diy: number, wd: number): boolean {
  if (c.months && !c.months[month]) return false;
  if (c.monthDays && !hasSigned(c.monthDays, dom, dim)) return false;
  if (c.yearDays && !hasSigned(c.yearDays, doy, diy)) return false;
  if (c.weekNos && !inWeeks(c.weekNos, day, year, c.wkst)) return false;
  if (c.byDay) {
    let any = false;
    for (const e of c.byDay) {
      if (e.weekday !== wd) continue;
      if (e.n === 0 || (c.numberedInYear ? isNth(doy, diy, e.n) : isNth(dom, dim, e.n))) {
        any = true;
        break;
      }
    }
    if (!any) return false;
  }
  return true;
}

/** Appends the candidate days of the month `year`-`month` (ascending). */
function monthCandidates(c: Compiled, year: number, month: number, yearFirst: number, diy: number, out: number[]): void {
  const first = dayFromParts(year, month, 1);
  const dim = daysInMonth(year, month);
  const wd0 = isoWeekday(first);
  for (let dom = 1; dom <= dim; dom++) {
    const day = first + dom - 1;
    if (allows(c, day, year, month, dom, dim, day - yearFirst + 1, diy, ((wd0 + dom - 2) % 7) + 1)) out.push(day);
  }
}

/** The period index of a day for the rule's frequency, and the period's first day. */
function periodOf(c: Compiled, day: number): number {
  switch (c.freq) {
    case 'DAILY':
      return day;
    case 'WEEKLY':
      return Math.floor((day - (c.wkst - 4)) / 7);
    case 'MONTHLY': {
      const p = dayParts(day);
      return p.year * 12 + p.month - 1;
    }
    case 'YEARLY':
      return dayParts(day).year;
  }
}

function periodFirstDay(c: Compiled, q: number): number {
  switch (c.freq) {
    case 'DAILY':
      return q;
    case 'WEEKLY':
      return q * 7 + (c.wkst - 4);
    case 'MONTHLY':
      return dayFromParts(Math.floor(q / 12), (q % 12 + 12) % 12 + 1, 1);
    case 'YEARLY':
      return dayFromParts(q, 1, 1);
  }
}

/** The candidate days of period `q`, ascending. */
function candidates(c: Compiled, q: number, out: number[]): void {
  out.length = 0;
  if (c.freq === 'YEARLY') {
    const yearFirst = dayFromParts(q, 1, 1);
    const diy = isLeapYear(q) ? 366 : 365;
    for (let m = 1; m <= 12; m++) if (!c.months || c.months[m]) monthCandidates(c, q, m, yearFirst, diy, out);
    return;
  }
  if (c.freq === 'MONTHLY') {
    const year = Math.floor(q / 12);
    const month = (q % 12 + 12) % 12 + 1;
    if (!c.months || c.months[month]) monthCandidates(c, year, month, 0, 0, out);
    return;
  }
  const first = periodFirstDay(c, q);
  const last = c.freq === 'DAILY' ? first : first + 6;
  const needsDate = c.months !== undefined || c.monthDays !== undefined;
  for (let day = first; day <= last; day++) {
    if (!needsDate) {
      if (allows(c, day, 0, 0, 0, 0, 0, 0, isoWeekday(day))) out.push(day);
      continue;
    }
    const p = dayParts(day);
    if (allows(c, day, p.year, p.month, p.day, daysInMonth(p.year, p.month), 0, 0, isoWeekday(day))) out.push(day);
  }
}

/** BYSETPOS: the listed positions of `set` (negative from the end), ascending, each day once. */
function pickPositions(set: readonly number[], positions: readonly number[]): number[] {
  const picked: number[] = [];
  for (const p of positions) {
    const i = p > 0 ? p - 1 : set.length + p;
    if (i >= 0 && i < set.length) picked.push(set[i] as number);
  }
  picked.sort((a, b) => a - b);
  return picked.filter((d, i) => i === 0 || d !== picked[i - 1]);
}

/**
 * The days in [fromDay, toDay] that the rule `o`, started at `startDay`, marks: ascending,
 * each once. COUNT counts from the start even when `fromDay` is later.
 */
export function expandOptions(o: RecurrenceOptions, startDay: number, fromDay: number, toDay: number): number[] {
  const end = Math.min(toDay, o.until ?? toDay);
  const days: number[] = [];
  if (end < Math.max(fromDay, startDay)) return days;
  const c = compile(o, startDay);
  const q0 = periodOf(c, startDay);
  // Without COUNT the periods before the one holding the first wanted day change nothing.
  const qFrom = o.count === undefined ? periodOf(c, Math.max(startDay, fromDay)) : q0;
  let q = q0 + Math.ceil((qFrom - q0) / c.interval) * c.interval;
  let counted = 0;
  const set: number[] = [];
  for (; periodFirstDay(c, q) <= end; q += c.interval) {
    candidates(c, q, set);
    const chosen = o.bySetPos ? pickPositions(set, o.bySetPos) : set;
    for (const day of chosen) {
      if (day < startDay) continue;
      if (day > end) return days;
      if (o.count !== undefined && ++counted > o.count) return days;
      if (day >= fromDay) days.push(day);
    }
  }
  return days;
}
