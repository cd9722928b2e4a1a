/**
 * RRULE values the contract accepts, each paired with an independent description of the days
 * it matches (for rule families simple enough to state by hand), and values it must reject.
 */
import fc from 'fast-check';
import { daysOf, weekdayOf } from './days.js';

export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/**
 * A rule with a hand-written oracle: `matches(date, start)` says whether the rule started at
 * `start` matches `date` (for `date >= start`).
 */
export interface OracleRule {
  rule: string;
  matches: (date: string, start: string) => boolean;
}

const withPrefix = (body: string) => fc.boolean().map((prefix) => (prefix ? `RRULE:${body}` : body));

/** `FREQ=WEEKLY;BYDAY=…` (every week): matches the listed weekdays. */
export function arbWeeklyByDayRule(): fc.Arbitrary<OracleRule> {
  return fc
    .subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 })
    .chain((weekdays) =>
      withPrefix(`FREQ=WEEKLY;BYDAY=${weekdays.map((w) => WEEKDAY_CODES[w - 1]).join(',')}`).map((rule) => ({
        rule,
        matches: (date: string) => weekdays.includes(weekdayOf(date)),
      })),
    );
}

/** `FREQ=MONTHLY;BYMONTHDAY=…` with positive days: matches those days of every month that has them. */
export function arbMonthlyByMonthDayRule(): fc.Arbitrary<OracleRule> {
  return fc
    .uniqueArray(fc.integer({ min: 1, max: 31 }), { minLength: 1, maxLength: 4 })
    .chain((days) =>
      withPrefix(`FREQ=MONTHLY;BYMONTHDAY=${days.join(',')}`).map((rule) => ({
        rule,
        matches: (date: string) => days.includes(Number(date.slice(8, 10))),
      })),
    );
}

/** `FREQ=DAILY;INTERVAL=n`: matches every n-th day counted from the start. */
export function arbDailyIntervalRule(): fc.Arbitrary<OracleRule> {
  return fc.integer({ min: 1, max: 10 }).chain((n) =>
    withPrefix(n === 1 ? 'FREQ=DAILY' : `FREQ=DAILY;INTERVAL=${n}`).map((rule) => ({
      rule,
      matches: (date: string, start: string) => (daysOf(date) - daysOf(start)) % n === 0,
    })),
  );
}

/** Any rule with an oracle. */
export function arbOracleRule(): fc.Arbitrary<OracleRule> {
  return fc.oneof(arbWeeklyByDayRule(), arbMonthlyByMonthDayRule(), arbDailyIntervalRule());
}

/**
 * A valid rule of the kinds hosts send (weekly days, days of the month, last weekday of the
 * month, intervals, COUNT, UNTIL). Every one matches some day in any year, so expansion is quick.
 */
export function arbRRule(): fc.Arbitrary<string> {
  const byDay = fc.subarray([...WEEKDAY_CODES], { minLength: 1 }).map((d) => `BYDAY=${d.join(',')}`);
  const byMonthDay = fc.uniqueArray(fc.integer({ min: 1, max: 28 }), { minLength: 1, maxLength: 10 }).map((d) => `BYMONTHDAY=${d.sort((a, b) => a - b).join(',')}`);
  const lastWeekday = fc.constantFrom(...WEEKDAY_CODES).map((d) => `BYDAY=-1${d}`);
  const firstWeekday = fc.constantFrom(...WEEKDAY_CODES).map((d) => `BYDAY=1${d}`);
  const body = fc.oneof(
    fc.tuple(fc.constant('FREQ=WEEKLY'), byDay),
    fc.tuple(fc.constant('FREQ=MONTHLY'), fc.oneof(byMonthDay, lastWeekday, firstWeekday)),
    fc.tuple(fc.constant('FREQ=DAILY')),
    fc.tuple(fc.constant('FREQ=YEARLY'), fc.integer({ min: 1, max: 12 }).map((m) => `BYMONTH=${m}`), byMonthDay),
  );
  const interval = fc.option(fc.integer({ min: 2, max: 3 }).map((n) => `INTERVAL=${n}`), { nil: undefined, freq: 4 });
  const limit = fc.option(
    fc.oneof(
      fc.integer({ min: 1, max: 12 }).map((n) => `COUNT=${n}`),
      fc.constantFrom('UNTIL=20260630', 'UNTIL=20251231', 'UNTIL=20270115'),
    ),
    { nil: undefined, freq: 4 },
  );
  return fc
    .tuple(body, interval, limit)
    .map(([parts, i, l]) => [...parts, ...(i ? [i] : []), ...(l ? [l] : [])].join(';'))
    .chain(withPrefix);
}

/** Rule texts contract v1 rejects, each with the reason in words. */
export const INVALID_RRULES: ReadonlyArray<readonly [rule: string, why: string]> = [
  ['FREQ=DAILY;COUNT=abc', 'COUNT is not a number'],
  ['FREQ=HOURLY', 'a rule marks whole days'],
  ['FREQ=MINUTELY;INTERVAL=30', 'a rule marks whole days'],
  ['FREQ=DAILY;BYHOUR=9', 'a rule marks whole days'],
  ['FREQ=DAILY;BYMINUTE=30', 'a rule marks whole days'],
  ['DTSTART=20260101;FREQ=DAILY', 'the start is stated where the rule is used'],
  ['FREQ=DAILY;DTSTART=20260101T000000Z', 'the start is stated where the rule is used'],
  ['BYDAY=MO', 'FREQ is missing'],
  ['FREQ=WEEKLY;BYDAY=XX', 'XX is no weekday'],
  ['FREQ=WEEKLY;BYDAY=MO,', 'an empty weekday'],
  ['FREQ=SOMETIMES', 'unknown FREQ'],
  ['', 'empty'],
  ['RRULE:', 'empty after the prefix'],
  ['FREQ=WEEKLY;', 'an empty part'],
  ['FREQ', 'not KEY=VALUE'],
  ['FREQ=DAILY;INTERVAL=0', 'INTERVAL must be at least 1'],
  ['FREQ=DAILY;COUNT=0', 'COUNT must be at least 1'],
  ['FREQ=MONTHLY;BYMONTHDAY=0', 'there is no day 0'],
  ['FREQ=MONTHLY;BYMONTHDAY=32', 'no month has 32 days'],
  ['FREQ=YEARLY;BYMONTH=13', 'there is no month 13'],
  ['FREQ=DAILY;FREQ=WEEKLY', 'FREQ twice'],
  ['FREQ=DAILY;COUNT=3;UNTIL=20261231', 'COUNT and UNTIL together'],
  ['FREQ=DAILY;X-FOO=1', 'unknown part'],
];
