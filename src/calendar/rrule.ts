/**
 * RRULE value strings: a strict validator (rrule's own parser accepts nonsense such as
 * `COUNT=abc`) and an expansion to day numbers that never consults the host time zone.
 */
import * as rruleModule from 'rrule';
import { daysInMonth, dayToUtcDate, parseDay, utcDateToDay } from './civil.js';

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
  BYDAY: LIST((v) => new RegExp(`^(?:[+-]?\\d{1,2})?${WEEKDAY}$`).test(v)),
  BYMONTHDAY: LIST(SIGNED(31)),
  BYMONTH: LIST((v) => /^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 12),
  BYYEARDAY: LIST(SIGNED(366)),
  BYWEEKNO: LIST(SIGNED(53)),
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
  const impossible = impossibleMonthDays(body.toUpperCase());
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

/**
 * The days in [fromDay, toDay] matched by `rule` started at `startDay` (the DTSTART),
 * ascending and without repeats. The rule must already be valid.
 */
export function expandRule(rule: string, startDay: number, fromDay: number, toDay: number): number[] {
  if (toDay < fromDay) return [];
  const body = rule.startsWith('RRULE:') ? rule.slice(6) : rule;
  const options = RRule.parseString(body.toUpperCase());
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
