/**
 * RRULE value strings: a strict validator (rrule's own parser accepts nonsense such as
 * `COUNT=abc`) and an expansion to day numbers that never consults the host time zone.
 */
import * as rruleModule from 'rrule';
import { dayParts, daysInMonth, dayToUtcDate, isoWeekday, parseDay, utcDateToDay } from './civil.js';

// rrule ships a UMD bundle: depending on the loader (native ESM, CommonJS, a bundler) the
// class sits on the namespace itself or on its default export.
type RRuleModule = typeof import('rrule');
const loaded = rruleModule as RRuleModule & { default?: RRuleModule };
const RRule = loaded.RRule ?? (loaded.default as RRuleModule).RRule;

const WEEKDAY = '(?:MO|TU|WE|TH|FR|SA|SU)';
const SIGNED = (max: number) => (v: string) => {
  if (!/^[+-]?\d{1,3}$/.test(v)) return false;
  const n = Math.abs(Number(v));
  return n >= 1 && n <= max;
};
const LIST = (check: (v: string) => boolean) => (v: string) => v.split(',').every(check);

const PARTS: Record<string, (v: string) => boolean> = {
  FREQ: (v) => ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY'].includes(v),
  INTERVAL: (v) => /^\d{1,4}$/.test(v) && Number(v) >= 1,
  COUNT: (v) => /^\d{1,6}$/.test(v) && Number(v) >= 1,
  UNTIL: (v) => {
    const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(v);
    if (!m) return false;
    const [, y, mo, d, h, mi, sec] = m;
    if (parseDay(`${y}-${mo}-${d}`) === undefined) return false;
    return h === undefined || (Number(h) < 24 && Number(mi) < 60 && Number(sec) < 61);
  },
  // An ordinal is ±1…53 (RFC 5545); 0 names no weekday.
  BYDAY: LIST((v) => new RegExp(`^(?:[+-]?(?:[1-9]|[1-4]\\d|5[0-3]))?${WEEKDAY}$`).test(v)),
  BYMONTHDAY: LIST(SIGNED(31)),
  BYMONTH: LIST((v) => /^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 12),
  BYSETPOS: LIST(SIGNED(366)),
  WKST: (v) => new RegExp(`^${WEEKDAY}$`).test(v),
};

/** Why an RRULE value is invalid, or `undefined` when it is valid. */
export function rruleProblem(rule: string): string | undefined {
  const body = rule.startsWith('RRULE:') ? rule.slice(6) : rule;
  if (body.trim() === '') return 'empty rule';
  const seen = new Set<string>();
  for (const part of body.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return `"${part}" is not KEY=VALUE`;
    const key = part.slice(0, eq).toUpperCase();
    const value = part.slice(eq + 1).toUpperCase();
    if (key === 'DTSTART') return 'DTSTART is not allowed: the start is stated where the rule is used';
    const check = PARTS[key];
    if (key === 'BYWEEKNO' || key === 'BYYEARDAY') {
      return `${key} is not supported: it can make a rule that matches no day, which cannot be expanded in bounded time; use BYMONTH, BYMONTHDAY and BYDAY`;
    }
    if (!check) {
      return ['BYHOUR', 'BYMINUTE', 'BYSECOND'].includes(key)
        ? `${key} is not allowed: a rule marks whole days`
        : `unknown part ${key}`;
    }
    if (seen.has(key)) return `${key} appears twice`;
    seen.add(key);
    if (!check(value)) {
      if (key === 'FREQ' && ['HOURLY', 'MINUTELY', 'SECONDLY'].includes(value)) {
        return `FREQ=${value} is not allowed: a rule marks whole days`;
      }
      return `invalid ${key} value "${value}"`;
    }
  }
  if (!seen.has('FREQ')) return 'FREQ is required';
  const impossible = impossibleMonthDays(body.toUpperCase()) ?? impossiblePositions(body.toUpperCase());
  if (impossible) return impossible;
  if (seen.has('COUNT') && seen.has('UNTIL')) return 'COUNT and UNTIL cannot both be given';
  return undefined;
}

/** A BYMONTH/BYMONTHDAY pair that no year has (e.g. 30 February) makes a rule match nothing. */
function impossibleMonthDays(body: string): string | undefined {
  const part = (key: string) => /(?:^|;)KEY=([^;]*)/.source.replace('KEY', key);
  const months = new RegExp(part('BYMONTH')).exec(body)?.[1];
  const days = new RegExp(part('BYMONTHDAY')).exec(body)?.[1];
  if (!months || !days) return undefined;
  const ms = months.split(',').map(Number);
  const ds = days.split(',').map(Number);
  const fits = ms.some((m) => ds.some((d) => Math.abs(d) <= daysInMonth(2024, m)));
  return fits ? undefined : `BYMONTHDAY=${days} never falls in BYMONTH=${months}: the rule matches no day`;
}

function partOf(body: string, key: string): string | undefined {
  return new RegExp(`(?:^|;)${key}=([^;]*)`).exec(body)?.[1];
}

/**
 * Parts that can never select a day: a BYDAY ordinal past the 5th weekday of a month in a
 * monthly rule, or a BYSETPOS beyond the size of every set the frequency makes (one day a
 * day; at most one day per listed weekday a week).
 */
function impossiblePositions(body: string): string | undefined {
  const freq = partOf(body, 'FREQ');
  const byday = partOf(body, 'BYDAY');
  if (freq === 'MONTHLY' && byday) {
    const ordinals = byday.split(',').map((d) => Math.abs(Number(/^[+-]?\d+/.exec(d)?.[0] ?? 0)));
    if (ordinals.every((n) => n > 5)) return `BYDAY=${byday}: no month has that many of a weekday, so the rule matches no day`;
  }
  const setpos = partOf(body, 'BYSETPOS');
  if (setpos && (freq === 'DAILY' || freq === 'WEEKLY')) {
    const size = freq === 'DAILY' ? 1 : byday ? byday.split(',').length : 1;
    if (setpos.split(',').every((p) => Math.abs(Number(p)) > size)) {
      return `BYSETPOS=${setpos} is beyond the ${size} day(s) each ${freq === 'DAILY' ? 'day' : 'week'} offers, so the rule matches no day`;
    }
  }
  return undefined;
}

/**
 * Whether stepping by INTERVAL from the start can ever reach a month of BYMONTH (monthly rules)
 * or a weekday of BYDAY (daily rules). rrule scans to the year 9999 for a rule that never
 * matches, so such rules are answered here without asking it.
 */
function reachable(body: string, startDay: number): boolean {
  const freq = partOf(body, 'FREQ');
  const interval = Number(partOf(body, 'INTERVAL') ?? 1);
  if (interval <= 1) return true;
  const { month } = dayParts(startDay);
  if (freq === 'MONTHLY') {
    const months = partOf(body, 'BYMONTH');
    if (!months) return true;
    const wanted = new Set(months.split(',').map(Number));
    for (let k = 0; k < 12; k++) if (wanted.has(((month - 1 + k * interval) % 12) + 1)) return true;
    return false;
  }
  if (freq === 'DAILY') {
    const days = partOf(body, 'BYDAY');
    if (!days) return true;
    const codes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
    const wanted = new Set(days.split(',').map((d) => codes.indexOf(d.slice(-2)) + 1));
    const w0 = isoWeekday(startDay);
    for (let k = 0; k < 7; k++) if (wanted.has(((w0 - 1 + k * interval) % 7) + 1)) return true;
    return false;
  }
  return true;
}

/**
 * The days in [fromDay, toDay] matched by `rule` started at `startDay` (the DTSTART),
 * ascending and without repeats. The rule must already be valid.
 */
export function expandRule(rule: string, startDay: number, fromDay: number, toDay: number): number[] {
  if (toDay < fromDay) return [];
  const body = (rule.startsWith('RRULE:') ? rule.slice(6) : rule).toUpperCase();
  if (!reachable(body, startDay)) return [];
  const options = RRule.parseString(body);
  const r = new RRule({ ...options, dtstart: dayToUtcDate(startDay), tzid: null });
  // `between` with inclusive ends; the end instant covers the whole last day.
  const dates = r.between(dayToUtcDate(fromDay), new Date(dayToUtcDate(toDay).getTime() + 86_399_999), true);
  const days: number[] = [];
  for (const d of dates) {
    const day = utcDateToDay(d);
    if (day >= fromDay && day <= toDay && days[days.length - 1] !== day) days.push(day);
  }
  return days;
}
