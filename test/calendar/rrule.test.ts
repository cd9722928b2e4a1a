/** RRULE values (contract "Conventions"): the strict validator and expansion to whole days. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../../src/calendar/civil.js';
import { expandRule, rruleProblem } from '../../src/calendar/rrule.js';
import { datesBetween } from '../arbitraries/days.js';
import { arbDate } from '../arbitraries/dates.js';
import { arbOracleRule, arbRRule, INVALID_RRULES } from '../arbitraries/rrule.js';

const day = (s: string) => parseDay(s) as number;
/** Dates matched by `rule` started at `start`, between `from` and `to`. */
const expand = (rule: string, start: string, from = start, to = from) => expandRule(rule, day(start), day(from), day(to)).map(formatDay);

describe('rruleProblem', () => {
  it.each([
    'RRULE:FREQ=WEEKLY;BYDAY=MO',
    'FREQ=WEEKLY;BYDAY=MO',
    'FREQ=MONTHLY;BYMONTHDAY=1,2,3',
    'FREQ=MONTHLY;BYMONTHDAY=-1',
    'FREQ=MONTHLY;BYDAY=-1FR',
    'FREQ=MONTHLY;BYDAY=1MO,3MO',
    'FREQ=DAILY',
    'FREQ=DAILY;INTERVAL=10',
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=4',
    'FREQ=DAILY;UNTIL=20260331',
    'FREQ=DAILY;UNTIL=20260331T235959Z',
    'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29',
    'FREQ=WEEKLY;WKST=SU;BYDAY=SA,SU',
    'freq=weekly;byday=mo',
  ])('accepts %s', (rule) => {
    expect(rruleProblem(rule)).toBeUndefined();
  });

  it.each(INVALID_RRULES)('rejects %j (%s)', (rule) => {
    expect(rruleProblem(rule)).toEqual(expect.any(String));
  });

  it('says why, in words that name the offending part', () => {
    expect(rruleProblem('FREQ=HOURLY')).toMatch(/HOURLY.*whole days/);
    expect(rruleProblem('FREQ=DAILY;BYHOUR=9')).toMatch(/BYHOUR.*whole days/);
    expect(rruleProblem('FREQ=DAILY;DTSTART=20260101')).toMatch(/DTSTART/);
    expect(rruleProblem('BYDAY=MO')).toMatch(/FREQ/);
    expect(rruleProblem('FREQ=DAILY;COUNT=abc')).toMatch(/COUNT/);
    expect(rruleProblem('FREQ=WEEKLY;BYDAY=XX')).toMatch(/BYDAY/);
  });

  // Regression: UNTIL was only checked for eight digits, so impossible dates passed and rrule
  // rolled them over (20260230 → 2 March): "never repair silently".
  it.each(['FREQ=DAILY;UNTIL=20260230', 'FREQ=DAILY;UNTIL=20260315T250000Z'])('rejects %s, whose UNTIL is no real date or time', (rule) => {
    expect(rruleProblem(rule)).toEqual(expect.any(String));
  });

  // Regression: a rule naming no real date passed, and rrule then scanned day by day up to the
  // year 9999 before giving up (about 7 s for the DAILY one below, for every expansion).
  it.each(['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', 'FREQ=DAILY;BYMONTH=4,6,9,11;BYMONTHDAY=31'])('rejects %s, which can never match a day', (rule) => {
    expect(rruleProblem(rule)).toEqual(expect.any(String));
  });

  // Regression: BYDAY accepted the ordinal 0, which names no weekday; rrule then threw "Can't
  // create weekday with n == 0" on expansion, so a scenario that parsed crashed
  // expandOccurrences. RFC 5545 ordinals are ±1…53.
  it.each(['FREQ=MONTHLY;BYDAY=0MO', 'FREQ=YEARLY;BYDAY=-0FR', 'FREQ=YEARLY;BYDAY=54MO'])('rejects %s, whose BYDAY ordinal is outside ±1…53', (rule) => {
    expect(rruleProblem(rule)).toEqual(expect.any(String));
  });

  // Regression: rules that never match made rrule scan to the year 9999 on every expansion
  // (BYSETPOS=2 of a one-day weekly set ~1.5 s, BYYEARDAY=366 with BYMONTH=1 ~7 s, BYWEEKNO=53
  // with BYMONTH=6 ~16 s). Such rules are refused, and BYWEEKNO / BYYEARDAY are not supported.
  it.each(['FREQ=WEEKLY;BYDAY=MO;BYSETPOS=2', 'FREQ=DAILY;BYSETPOS=2', 'FREQ=MONTHLY;BYDAY=6MO', 'FREQ=DAILY;BYYEARDAY=366;BYMONTH=1', 'FREQ=DAILY;BYWEEKNO=53;BYMONTH=6'])(
    'rejects %s, which can never match a day or is not supported',
    (rule) => {
      expect(rruleProblem(rule)).toEqual(expect.any(String));
    },
  );

  it.each(['FREQ=WEEKLY;BYDAY=MO,TU;BYSETPOS=2', 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', 'FREQ=MONTHLY;BYDAY=5FR', 'FREQ=YEARLY;BYDAY=53MO'])('accepts %s, which can match', (rule) => {
    expect(rruleProblem(rule)).toBeUndefined();
  });
});

describe('rules whose INTERVAL never reaches their BY parts', () => {
  it('monthly every 12 months from March never reaches February: nothing, at once', () => {
    expect(expandRule('FREQ=MONTHLY;INTERVAL=12;BYMONTH=2', day('2026-03-01'), day('2026-03-01'), day('2027-12-31'))).toEqual([]);
  });
  it('daily every 7 days from a Monday never reaches a Tuesday; from a Tuesday it does', () => {
    expect(expandRule('FREQ=DAILY;INTERVAL=7;BYDAY=TU', day('2026-03-02'), day('2026-03-02'), day('2026-03-31'))).toEqual([]);
    expect(expandRule('FREQ=DAILY;INTERVAL=7;BYDAY=TU', day('2026-03-03'), day('2026-03-03'), day('2026-03-17')).map(formatDay)).toEqual(['2026-03-03', '2026-03-10', '2026-03-17']);
  });
  it('the last working day of each month (BYSETPOS=-1)', () => {
    expect(expandRule('FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', day('2026-01-01'), day('2026-01-01'), day('2026-04-30')).map(formatDay)).toEqual([
      '2026-01-30', '2026-02-27', '2026-03-31', '2026-04-30',
    ]);
  });
});

describe('expandRule', () => {
  it('weekly BYDAY=MO from a Sunday: the Mondays only, never the start itself', () => {
    expect(expand('FREQ=WEEKLY;BYDAY=MO', '2026-03-01', '2026-03-01', '2026-03-31')).toEqual([
      '2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30',
    ]);
  });

  it('accepts the RRULE: prefix and lower case', () => {
    expect(expand('RRULE:FREQ=WEEKLY;BYDAY=MO', '2026-03-01', '2026-03-01', '2026-03-10')).toEqual(['2026-03-02', '2026-03-09']);
    expect(expand('freq=weekly;byday=mo', '2026-03-01', '2026-03-01', '2026-03-10')).toEqual(['2026-03-02', '2026-03-09']);
  });

  it('monthly BYMONTHDAY=31 skips the months without a 31st', () => {
    expect(expand('FREQ=MONTHLY;BYMONTHDAY=31', '2026-01-01', '2026-01-01', '2026-12-31')).toEqual([
      '2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31', '2026-08-31', '2026-10-31', '2026-12-31',
    ]);
  });

  it('monthly BYMONTHDAY=-1 is the last day of each month, 29 February in a leap year', () => {
    expect(expand('FREQ=MONTHLY;BYMONTHDAY=-1', '2024-01-01', '2024-01-01', '2024-04-30')).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']);
  });

  it('INTERVAL=2 counts weeks from the start’s week', () => {
    // start Wednesday 2026-03-04: its week's Monday (03-02) is before the start; then every other week
    expect(expand('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', '2026-03-04', '2026-03-04', '2026-04-30')).toEqual(['2026-03-16', '2026-03-30', '2026-04-13', '2026-04-27']);
  });

  it('COUNT counts from the start, even when the range asked for begins later', () => {
    expect(expand('FREQ=DAILY;COUNT=3', '2026-03-02', '2026-03-01', '2026-03-31')).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
    expect(expand('FREQ=DAILY;COUNT=3', '2026-03-02', '2026-03-04', '2026-03-31')).toEqual(['2026-03-04']);
  });

  it('UNTIL as a date includes that date', () => {
    expect(expand('FREQ=DAILY;UNTIL=20260306', '2026-03-04', '2026-03-04', '2026-03-31')).toEqual(['2026-03-04', '2026-03-05', '2026-03-06']);
  });

  it('without BYxxx parts repeats the start’s weekday, day of month or date', () => {
    expect(expand('FREQ=WEEKLY', '2026-03-04', '2026-03-04', '2026-03-20')).toEqual(['2026-03-04', '2026-03-11', '2026-03-18']);
    expect(expand('FREQ=MONTHLY', '2026-01-15', '2026-01-15', '2026-03-31')).toEqual(['2026-01-15', '2026-02-15', '2026-03-15']);
    expect(expand('FREQ=YEARLY', '2024-02-29', '2024-02-29', '2029-12-31')).toEqual(['2024-02-29', '2028-02-29']);
  });

  it('gives nothing for an empty range', () => {
    expect(expandRule('FREQ=DAILY', day('2026-03-05'), day('2026-03-05'), day('2026-03-04'))).toEqual([]);
  });

  it('a rule started at `start` matches exactly the oracle’s days in the range', () => {
    fc.assert(
      fc.property(arbOracleRule(), arbDate({ minYear: 2024, maxYear: 2027 }), fc.integer({ min: 0, max: 80 }), ({ rule, matches }, start, length) => {
        const to = formatDay(day(start) + length);
        expect(expand(rule, start, start, to)).toEqual(datesBetween(start, to).filter((d) => matches(d, start)));
      }),
      { numRuns: 200 },
    );
  });

  it('every rule the validator accepts expands to ascending distinct days inside the range', () => {
    fc.assert(
      fc.property(arbRRule(), arbDate({ minYear: 2024, maxYear: 2027 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 120 }), (rule, start, skip, length) => {
        expect(rruleProblem(rule)).toBeUndefined();
        const from = day(start) + skip;
        const days = expandRule(rule, day(start), from, from + length);
        for (let i = 0; i < days.length; i++) {
          expect(days[i]).toBeGreaterThanOrEqual(from);
          expect(days[i]).toBeLessThanOrEqual(from + length);
          if (i > 0) expect(days[i]).toBeGreaterThan(days[i - 1] as number);
        }
      }),
      { numRuns: 200 },
    );
  });
});
