/**
 * A reference reading of RFC 5545 §3.3.10 at whole-day granularity, for tests only: brute
 * force, day by day, written apart from `src/calendar/rrule-*.ts` (its own text reader, and
 * `Date.UTC` with UTC getters for the calendar, so no host time zone and no shared
 * arithmetic). Slow on purpose: every answer is counted out rather than computed.
 *
 * The reading, in the RFC's words where it has them:
 * - FREQ splits time into periods: days, weeks starting on WKST (default MO), calendar months,
 *   calendar years; INTERVAL=n keeps every n-th period counted from the start's.
 * - Each BYxxx part keeps the days of the period it allows; BYDAY keeps a day when any entry
 *   names it. A numbered entry (`-1TH`) counts that weekday within the month (MONTHLY, or
 *   YEARLY with BYMONTH) or within the year (YEARLY without BYMONTH).
 * - Week n of a year (BYWEEKNO) is the n-th week from week 1, the first week with at least
 *   four days in that year; −n counts from the year's last week. A YEARLY period keeps the
 *   days of its own calendar year only.
 * - Parts the rule leaves out come from the start: WEEKLY its weekday, MONTHLY its day of
 *   month, YEARLY its month and day of month — unless BYDAY, BYMONTHDAY, BYYEARDAY or
 *   BYWEEKNO is given (YEARLY keeps a given BYMONTH).
 * - BYSETPOS=n keeps the n-th of a period's days (−n from the end; none when there are fewer);
 *   a day picked twice is one day.
 * - Days before the start are not marked; UNTIL is the last day that may be; COUNT stops after
 *   that many marked days counted from the start.
 */

const DAY_MS = 86_400_000;
const CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

interface Civil {
  y: number;
  m: number;
  d: number;
  /** 1 = Monday … 7 = Sunday */
  wd: number;
}

function civil(day: number): Civil {
  const t = new Date(day * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), wd: t.getUTCDay() === 0 ? 7 : t.getUTCDay() };
}

function dayOf(y: number, m: number, d: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return Math.round(t.getTime() / DAY_MS);
}

interface Rule {
  freq: string;
  interval: number;
  count?: number;
  until?: number;
  byDay?: Array<{ n: number; wd: number }>;
  byMonthDay?: number[];
  byYearDay?: number[];
  byWeekNo?: number[];
  byMonth?: number[];
  bySetPos?: number[];
  wkst: number;
}

/** Reads a rule already known to be valid. */
function read(text: string): Rule {
  const body = text.replace(/^RRULE:/, '');
  const parts = new Map(body.split(';').map((p) => [p.split('=')[0]!.toUpperCase(), p.split('=')[1]!.toUpperCase()] as const));
  const nums = (k: string) => (parts.has(k) ? parts.get(k)!.split(',').map(Number) : undefined);
  const until = parts.get('UNTIL');
  return {
    freq: parts.get('FREQ')!,
    interval: Number(parts.get('INTERVAL') ?? '1'),
    count: parts.has('COUNT') ? Number(parts.get('COUNT')) : undefined,
    until: until === undefined ? undefined : dayOf(Number(until.slice(0, 4)), Number(until.slice(4, 6)), Number(until.slice(6, 8))),
    byDay: parts.get('BYDAY')?.split(',').map((e) => ({ n: Number(e.slice(0, -2) || '0'), wd: CODES.indexOf(e.slice(-2)) + 1 })),
    byMonthDay: nums('BYMONTHDAY'),
    byYearDay: nums('BYYEARDAY'),
    byWeekNo: nums('BYWEEKNO'),
    byMonth: nums('BYMONTH'),
    bySetPos: nums('BYSETPOS'),
    wkst: parts.has('WKST') ? CODES.indexOf(parts.get('WKST')!) + 1 : 1,
  };
}

/** Position of `day` among the days of [first, last], counted from the front and from the back. */
function place(day: number, first: number, last: number): { fromStart: number; fromEnd: number } {
  return { fromStart: day - first + 1, fromEnd: last - day + 1 };
}

/** Which of the listed signed positions `day` holds within [first, last]. */
function holds(list: number[], day: number, first: number, last: number): boolean {
  const p = place(day, first, last);
  return list.some((n) => (n > 0 ? p.fromStart === n : p.fromEnd === -n));
}

/** Whether `day` is the n-th of its weekday within [first, last], counted by stepping a week at a time. */
function nthWeekday(n: number, day: number, first: number, last: number): boolean {
  let before = 0;
  for (let e = day - 7; e >= first; e -= 7) before++;
  let after = 0;
  for (let e = day + 7; e <= last; e += 7) after++;
  return n > 0 ? before + 1 === n : after + 1 === -n;
}

/** The first day of the week starting on `wkst` that holds `day`. */
function weekOf(day: number, wkst: number): number {
  let s = day;
  while (civil(s).wd !== wkst) s--;
  return s;
}

const weekOnes = new Map<string, number>();

/** The first day of week 1 of year `y`: the first week with four or more of its days in `y`. */
function weekOne(y: number, wkst: number): number {
  const key = `${y} ${wkst}`;
  if (!weekOnes.has(key)) weekOnes.set(key, findWeekOne(y, wkst));
  return weekOnes.get(key)!;
}

function findWeekOne(y: number, wkst: number): number {
  for (let s = dayOf(y - 1, 12, 20); ; s++) {
    if (civil(s).wd !== wkst) continue;
    let inYear = 0;
    for (let k = 0; k < 7; k++) if (civil(s + k).y === y) inYear++;
    if (inYear >= 4) return s;
  }
}

function inWeekNo(list: number[], day: number, wkst: number): boolean {
  const start = weekOf(day, wkst);
  // The week belongs to the year holding four or more of its days.
  const years = new Map<number, number>();
  for (let k = 0; k < 7; k++) years.set(civil(start + k).y, (years.get(civil(start + k).y) ?? 0) + 1);
  const y = [...years].find(([, n]) => n >= 4)![0];
  const first = weekOne(y, wkst);
  const weeks = (weekOne(y + 1, wkst) - first) / 7;
  const w = (start - first) / 7 + 1;
  return list.some((n) => (n > 0 ? w === n : w === weeks + n + 1));
}

function periodNumber(freq: string, day: number, wkst: number): number {
  const c = civil(day);
  if (freq === 'DAILY') return day;
  if (freq === 'WEEKLY') return weekOf(day, wkst) / 7;
  if (freq === 'MONTHLY') return c.y * 12 + c.m;
  return c.y;
}

/** The days in [from, to] that `text` started on `start` marks (day numbers, ascending). */
export function referenceExpand(text: string, start: number, from: number, to: number): number[] {
  const r = read(text);
  const s = civil(start);
  const leftOpen = !r.byDay && !r.byMonthDay && !r.byYearDay && !r.byWeekNo;
  const byDay = leftOpen && r.freq === 'WEEKLY' ? [{ n: 0, wd: s.wd }] : r.byDay;
  const byMonthDay = leftOpen && (r.freq === 'MONTHLY' || r.freq === 'YEARLY') ? [s.d] : r.byMonthDay;
  const byMonth = leftOpen && r.freq === 'YEARLY' && !r.byMonth ? [s.m] : r.byMonth;
  const withinYear = r.freq === 'YEARLY' && !r.byMonth;

  const allowed = (day: number): boolean => {
    const c = civil(day);
    const monthFirst = dayOf(c.y, c.m, 1);
    const monthLast = dayOf(c.y, c.m + 1, 1) - 1;
    const yearFirst = dayOf(c.y, 1, 1);
    const yearLast = dayOf(c.y + 1, 1, 1) - 1;
    if (byMonth && !byMonth.includes(c.m)) return false;
    if (byMonthDay && !holds(byMonthDay, day, monthFirst, monthLast)) return false;
    if (r.byYearDay && !holds(r.byYearDay, day, yearFirst, yearLast)) return false;
    if (r.byWeekNo && !inWeekNo(r.byWeekNo, day, r.wkst)) return false;
    if (byDay) {
      const [first, last] = withinYear ? [yearFirst, yearLast] : [monthFirst, monthLast];
      if (!byDay.some((e) => e.wd === c.wd && (e.n === 0 || nthWeekday(e.n, day, first, last)))) return false;
    }
    return true;
  };

  // Every period meeting [start, to] lies inside this span, whole.
  const first = Math.min(start, from) - 400;
  const last = to + 400;
  const startPeriod = periodNumber(r.freq, start, r.wkst);
  const periods = new Map<number, number[]>();
  for (let day = first; day <= last; day++) {
    const p = periodNumber(r.freq, day, r.wkst);
    const k = p - startPeriod;
    if (k < 0 || k % r.interval !== 0) continue;
    if (!allowed(day)) continue;
    if (!periods.has(p)) periods.set(p, []);
    periods.get(p)!.push(day);
  }

  const out: number[] = [];
  let marked = 0;
  for (const p of [...periods.keys()].sort((a, b) => a - b)) {
    let days = periods.get(p)!;
    if (r.bySetPos) {
      const set = days;
      const picked = new Set<number>();
      for (const n of r.bySetPos) {
        const i = n > 0 ? n - 1 : set.length + n;
        if (i >= 0 && i < set.length) picked.add(set[i]!);
      }
      days = [...picked].sort((a, b) => a - b);
    }
    for (const day of days) {
      if (day < start) continue;
      if (r.until !== undefined && day > r.until) return out;
      if (r.count !== undefined && marked === r.count) return out;
      marked++;
      if (day >= from && day <= to) out.push(day);
    }
  }
  return out;
}
