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

const signedIn = (max: number, small = max) =>
  fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: small }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max }) }).chain((n) =>
    fc.boolean().map((negative) => (negative ? -n : n)),
  );
const listOf = <T>(item: fc.Arbitrary<T>, maxLength: number) => fc.uniqueArray(item, { minLength: 1, maxLength });
/** `arb` one time in `n`, else `null`. */
const oneIn = <T>(n: number, arb: fc.Arbitrary<T>) => fc.oneof({ weight: n - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });

/**
 * Any rule RFC 5545 §3.3.10 allows at whole-day granularity and the contract accepts: every
 * frequency, INTERVAL, COUNT or UNTIL (date or date-time), BYMONTH, BYMONTHDAY ±, BYYEARDAY ±,
 * BYWEEKNO ±, BYDAY with plain and numbered weekdays mixed, BYSETPOS ± (sometimes past the
 * set), WKST, in any order and case. `untilYears` are the years UNTIL falls in.
 */
export function arbRfcRule(untilYears: readonly number[] = [2025, 2026, 2027]): fc.Arbitrary<string> {
  return fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY').chain((freq) => {
    const yearly = freq === 'YEARLY';
    return fc
      .record({
        byMonth: oneIn(3, listOf(fc.integer({ min: 1, max: 12 }), 4)),
        byMonthDay: freq === 'WEEKLY' ? fc.constant(null) : oneIn(3, listOf(signedIn(31, 31), 4)),
        byYearDay: yearly ? oneIn(5, listOf(signedIn(366, 40), 3)) : fc.constant(null),
        byWeekNo: yearly ? oneIn(5, listOf(signedIn(53, 53), 3)) : fc.constant(null),
        plainDays: fc.subarray([...WEEKDAY_CODES]),
        numberedDays: fc.array(fc.tuple(fc.integer({ min: 1, max: 53 }), fc.boolean(), fc.constantFrom(...WEEKDAY_CODES)), { maxLength: 3 }),
        setPos: oneIn(3, listOf(signedIn(366, 8), 3)),
        interval: oneIn(2, fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 60 }))),
        limit: fc.oneof(
          fc.constant(null),
          fc.integer({ min: 1, max: 40 }).map((n) => `COUNT=${n}`),
          fc.tuple(fc.constantFrom(...untilYears), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.constantFrom('', 'T000000Z', 'T235959', 'T120000Z')).map(
            ([y, m, d, t]) => `UNTIL=${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${t}`,
          ),
        ),
        wkst: oneIn(3, fc.constantFrom(...WEEKDAY_CODES)),
        lower: fc.boolean(),
        prefix: fc.boolean(),
      })
      .chain((p) => {
        const parts = [`FREQ=${freq}`];
        if (p.byMonth) parts.push(`BYMONTH=${p.byMonth.join(',')}`);
        // A BYMONTH/BYMONTHDAY pair must meet in some year (else the rule is refused).
        const monthDays = p.byMonthDay && p.byMonth ? [((Math.abs(p.byMonthDay[0] as number) - 1) % 28) + 1, ...p.byMonthDay.slice(1)] : p.byMonthDay;
        if (monthDays) parts.push(`BYMONTHDAY=${[...new Set(monthDays)].join(',')}`);
        if (p.byYearDay) parts.push(`BYYEARDAY=${p.byYearDay.join(',')}`);
        if (p.byWeekNo) parts.push(`BYWEEKNO=${p.byWeekNo.join(',')}`);
        // Numbered weekdays only in MONTHLY and YEARLY (not with BYWEEKNO); ±1…5 within a month.
        const canNumber = freq === 'MONTHLY' || (yearly && !p.byWeekNo);
        const inMonth = freq === 'MONTHLY' || (yearly && p.byMonth !== null);
        const numbered = canNumber ? p.numberedDays.map(([n, neg, d]) => `${neg ? '-' : n % 3 === 0 ? '+' : ''}${inMonth ? ((n - 1) % 5) + 1 : n}${d}`) : [];
        const byDay = [...new Set([...p.plainDays, ...numbered])];
        if (byDay.length > 0) parts.push(`BYDAY=${byDay.join(',')}`);
        // BYSETPOS needs another BY part, and one position within the largest set a period holds.
        if (p.setPos && parts.length > 1) {
          const weekdays = new Set(byDay.map((d) => d.slice(-2))).size || 1;
          const max = { DAILY: 1, WEEKLY: weekdays, MONTHLY: 31, YEARLY: 366 }[freq] as number;
          const first = p.setPos[0] as number;
          const fitted = [Math.sign(first) * (((Math.abs(first) - 1) % max) + 1), ...p.setPos.slice(1)];
          parts.push(`BYSETPOS=${[...new Set(fitted)].join(',')}`);
        }
        if (p.interval !== null) parts.push(`INTERVAL=${p.interval}`);
        if (p.limit !== null) parts.push(p.limit);
        if (p.wkst !== null) parts.push(`WKST=${p.wkst}`);
        return fc.shuffledSubarray(parts, { minLength: parts.length, maxLength: parts.length }).map((shuffled) => {
          const body = shuffled.join(';');
          return `${p.prefix ? 'RRULE:' : ''}${p.lower ? body.toLowerCase() : body}`;
        });
      });
  });
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
  // RFC 5545 §3.3.10's MUST NOTs
  ['FREQ=WEEKLY;BYDAY=1MO', 'a numbered weekday in a WEEKLY rule'],
  ['FREQ=DAILY;BYDAY=-1FR', 'a numbered weekday in a DAILY rule'],
  ['FREQ=YEARLY;BYWEEKNO=10;BYDAY=1MO', 'a numbered weekday with BYWEEKNO'],
  ['FREQ=MONTHLY;BYWEEKNO=10', 'BYWEEKNO outside YEARLY'],
  ['FREQ=MONTHLY;BYYEARDAY=100', 'BYYEARDAY in a MONTHLY rule'],
  ['FREQ=WEEKLY;BYYEARDAY=1', 'BYYEARDAY in a WEEKLY rule'],
  ['FREQ=WEEKLY;BYMONTHDAY=1', 'BYMONTHDAY in a WEEKLY rule'],
  ['FREQ=MONTHLY;BYMONTHDAY=-32', 'no month has 32 days'],
  ['FREQ=YEARLY;BYYEARDAY=0', 'there is no day 0 of a year'],
  ['FREQ=YEARLY;BYYEARDAY=367', 'no year has 367 days'],
  ['FREQ=YEARLY;BYWEEKNO=54', 'no year has 54 weeks'],
  ['FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0', 'there is no position 0'],
  ['FREQ=YEARLY;BYDAY=MO;BYSETPOS=-367', 'positions are ±1…366'],
  ['FREQ=MONTHLY;BYSETPOS=2', 'BYSETPOS with no other BY part'],
  ['FREQ=YEARLY;BYMONTH=3;BYDAY=6MO', 'no month has a 6th Monday'],
  ['FREQ=MONTHLY;BYDAY=FR,-6TH', 'no month has a 6th-to-last Thursday'],
  ['FREQ=DAILY;WKST=1MO', 'WKST is a plain weekday'],
  ['FREQ=DAILY;BYSECOND=0', 'a rule marks whole days'],
];
