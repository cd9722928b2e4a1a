/**
 * RRULE value strings (RFC 5545 §3.3.10) read into plain options, strictly: whatever the RFC
 * forbids, whatever cannot mark whole days, and a few rules that can never mark a day are
 * problems with a reason code (the prose is in `src/report/locales/input-messages.ts`).
 */
import { daysInMonth, parseDay } from './civil.js';

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

/** One BYDAY entry: an ISO weekday (1 = Monday … 7 = Sunday), numbered (`-1FR`: n = −1) or not (n = 0). */
export interface WeekdaySpec {
  weekday: number;
  n: number;
}

/** A rule read from its text. Day parts keep their signs (−1 = the last). */
export interface RecurrenceOptions {
  freq: Frequency;
  interval: number;
  count?: number;
  /** The last day the rule may mark (UNTIL's date; a date-time UNTIL keeps its date). */
  until?: number;
  byDay?: WeekdaySpec[];
  byMonthDay?: number[];
  byYearDay?: number[];
  byWeekNo?: number[];
  byMonth?: number[];
  bySetPos?: number[];
  /** ISO weekday the week starts on; Monday unless WKST says otherwise. */
  wkst: number;
}

/** Why a rule is refused: a reason code and the parts it is about (message keys `rrule.<reason>`). */
export interface RRuleProblem {
  reason: RRuleReason;
  part?: string;
  value?: string;
  freq?: string;
  /** The values a part accepts, language-neutral (`±1…31`). */
  allowed?: string;
  max?: number;
  months?: string;
}

export type RRuleReason =
  | 'empty'
  | 'not_key_value'
  | 'dtstart'
  | 'not_whole_days'
  | 'unknown_part'
  | 'duplicate_part'
  | 'invalid_value'
  | 'freq_required'
  | 'count_and_until'
  | 'part_not_with_freq'
  | 'numbered_byday_freq'
  | 'numbered_byday_weekno'
  | 'byday_ordinal_in_month'
  | 'setpos_alone'
  | 'setpos_beyond_period'
  | 'monthday_not_in_month';

export type RRuleReading = { ok: true; options: RecurrenceOptions } | { ok: false; problem: RRuleProblem };

export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const FREQUENCIES: readonly string[] = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const SUB_DAILY: readonly string[] = ['HOURLY', 'MINUTELY', 'SECONDLY'];
const TIME_PARTS: readonly string[] = ['BYHOUR', 'BYMINUTE', 'BYSECOND'];

/** A signed integer ±1…max written as in RFC 5545 (`+3`, `-1`, `12`). */
function signed(text: string, max: number): number | undefined {
  if (!/^[+-]?\d{1,3}$/.test(text)) return undefined;
  const n = Number(text);
  return n !== 0 && Math.abs(n) <= max ? n : undefined;
}

function unsigned(text: string, min: number, max: number, digits: number): number | undefined {
  if (!new RegExp(`^\\d{1,${digits}}$`).test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

/** A comma list whose every item reads, or `undefined`. */
function list<T>(text: string, read: (item: string) => T | undefined): T[] | undefined {
  const out: T[] = [];
  for (const item of text.split(',')) {
    const v = read(item);
    if (v === undefined) return undefined;
    out.push(v);
  }
  return out;
}

function weekday(text: string): WeekdaySpec | undefined {
  const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(text);
  if (!m) return undefined;
  const n = m[1] === undefined ? 0 : signed(m[1], 53);
  if (n === undefined) return undefined;
  return { weekday: WEEKDAY_CODES.indexOf(m[2] as (typeof WEEKDAY_CODES)[number]) + 1, n };
}

function untilDay(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec] = m;
  if (h !== undefined && !(Number(h) < 24 && Number(mi) < 60 && Number(sec) < 61)) return undefined;
  return parseDay(`${y}-${mo}-${d}`);
}

/** How each part's value reads, and what it accepts (for the message). */
const READERS: Record<string, { allowed: string; read: (v: string) => unknown }> = {
  FREQ: { allowed: 'DAILY, WEEKLY, MONTHLY, YEARLY', read: (v) => (FREQUENCIES.includes(v) ? v : undefined) },
  INTERVAL: { allowed: '1…9999', read: (v) => unsigned(v, 1, 9999, 4) },
  COUNT: { allowed: '1…999999', read: (v) => unsigned(v, 1, 999_999, 6) },
  UNTIL: { allowed: 'YYYYMMDD, YYYYMMDDThhmmss[Z]', read: untilDay },
  BYDAY: { allowed: 'MO…SU, ±1…53 before the weekday', read: (v) => list(v, weekday) },
  BYMONTHDAY: { allowed: '±1…31', read: (v) => list(v, (x) => signed(x, 31)) },
  BYYEARDAY: { allowed: '±1…366', read: (v) => list(v, (x) => signed(x, 366)) },
  BYWEEKNO: { allowed: '±1…53', read: (v) => list(v, (x) => signed(x, 53)) },
  BYMONTH: { allowed: '1…12', read: (v) => list(v, (x) => unsigned(x, 1, 12, 2)) },
  BYSETPOS: { allowed: '±1…366', read: (v) => list(v, (x) => signed(x, 366)) },
  WKST: { allowed: 'MO…SU', read: (v) => { const w = weekday(v); return w && w.n === 0 ? w.weekday : undefined; } },
};

/** Reads an RRULE value (a leading `RRULE:` and lower case are accepted). */
export function readRRule(rule: string): RRuleReading {
  const fail = (problem: RRuleProblem): RRuleReading => ({ ok: false, problem });
  const body = rule.startsWith('RRULE:') ? rule.slice(6) : rule;
  if (body.trim() === '') return fail({ reason: 'empty' });
  const raw = new Map<string, string>();
  const values = new Map<string, unknown>();
  for (const part of body.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return fail({ reason: 'not_key_value', value: part });
    const key = part.slice(0, eq).toUpperCase();
    const value = part.slice(eq + 1).toUpperCase();
    if (key === 'DTSTART') return fail({ reason: 'dtstart', part: key });
    if (TIME_PARTS.includes(key)) return fail({ reason: 'not_whole_days', part: key });
    if (key === 'FREQ' && SUB_DAILY.includes(value)) return fail({ reason: 'not_whole_days', part: `FREQ=${value}` });
    const reader = READERS[key];
    if (!reader) return fail({ reason: 'unknown_part', part: key });
    if (raw.has(key)) return fail({ reason: 'duplicate_part', part: key });
    const read = reader.read(value);
    if (read === undefined) return fail({ reason: 'invalid_value', part: key, value, allowed: reader.allowed });
    raw.set(key, value);
    values.set(key, read);
  }
  const freq = values.get('FREQ') as Frequency | undefined;
  if (freq === undefined) return fail({ reason: 'freq_required' });
  const options: RecurrenceOptions = {
    freq,
    interval: (values.get('INTERVAL') as number | undefined) ?? 1,
    wkst: (values.get('WKST') as number | undefined) ?? 1,
  };
  const take = <K extends keyof RecurrenceOptions>(key: K, part: string) => {
    if (values.has(part)) options[key] = values.get(part) as RecurrenceOptions[K];
  };
  take('count', 'COUNT');
  take('until', 'UNTIL');
  take('byDay', 'BYDAY');
  take('byMonthDay', 'BYMONTHDAY');
  take('byYearDay', 'BYYEARDAY');
  take('byWeekNo', 'BYWEEKNO');
  take('byMonth', 'BYMONTH');
  take('bySetPos', 'BYSETPOS');
  const problem = forbidden(options, raw);
  return problem ? fail(problem) : { ok: true, options };
}

/** What RFC 5545 §3.3.10 forbids, and combinations that can never mark a day. */
function forbidden(o: RecurrenceOptions, raw: ReadonlyMap<string, string>): RRuleProblem | undefined {
  const { freq } = o;
  if (o.count !== undefined && o.until !== undefined) return { reason: 'count_and_until' };
  // BYWEEKNO and BYYEARDAY only in YEARLY rules; BYMONTHDAY never in WEEKLY ones.
  if (o.byWeekNo && freq !== 'YEARLY') return { reason: 'part_not_with_freq', part: 'BYWEEKNO', freq };
  if (o.byYearDay && freq !== 'YEARLY') return { reason: 'part_not_with_freq', part: 'BYYEARDAY', freq };
  if (o.byMonthDay && freq === 'WEEKLY') return { reason: 'part_not_with_freq', part: 'BYMONTHDAY', freq };
  const numbered = o.byDay?.some((d) => d.n !== 0) ?? false;
  const byDay = raw.get('BYDAY');
  if (numbered && freq !== 'MONTHLY' && freq !== 'YEARLY') return { reason: 'numbered_byday_freq', value: byDay, freq };
  if (numbered && o.byWeekNo) return { reason: 'numbered_byday_weekno', value: byDay };
  // Inside a month (MONTHLY, or YEARLY with BYMONTH) there are at most five of a weekday.
  const withinMonth = freq === 'MONTHLY' || (freq === 'YEARLY' && o.byMonth !== undefined);
  if (withinMonth && o.byDay?.some((d) => Math.abs(d.n) > 5)) return { reason: 'byday_ordinal_in_month', value: byDay, freq };
  if (o.bySetPos) {
    const selectors = o.byDay ?? o.byMonthDay ?? o.byYearDay ?? o.byWeekNo ?? o.byMonth;
    if (selectors === undefined) return { reason: 'setpos_alone' };
    // The most days one period can hold: one a day, the listed weekdays a week, …
    const weekdays = o.byDay ? new Set(o.byDay.map((d) => d.weekday)).size : 1;
    const max = { DAILY: 1, WEEKLY: weekdays, MONTHLY: 31, YEARLY: 366 }[freq];
    if (o.bySetPos.every((p) => Math.abs(p) > max)) return { reason: 'setpos_beyond_period', value: raw.get('BYSETPOS'), freq, max };
  }
  if (o.byMonth && o.byMonthDay) {
    const fits = o.byMonth.some((m) => o.byMonthDay?.some((d) => Math.abs(d) <= daysInMonth(2024, m)));
    if (!fits) return { reason: 'monthday_not_in_month', value: raw.get('BYMONTHDAY'), months: raw.get('BYMONTH') };
  }
  return undefined;
}
