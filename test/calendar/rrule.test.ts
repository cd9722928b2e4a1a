/** RRULE values (contract "Conventions"): the strict validator and expansion to whole days. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../../src/calendar/civil.js';
import { describeRRuleProblem, expandRule, rruleIssue, rruleProblem } from '../../src/calendar/rrule.js';
import { parseScenario, planSync, safeParseScenario } from '../../src/index.js';
import { makeEnterprise, makeRequest, makeScenario } from '../support/builders.js';
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
  // with BYMONTH=6 ~16 s). These are refused: they never match, or RFC 5545 forbids the part
  // with that FREQ (BYYEARDAY and BYWEEKNO are YEARLY only).
  it.each(['FREQ=WEEKLY;BYDAY=MO;BYSETPOS=2', 'FREQ=DAILY;BYSETPOS=2', 'FREQ=MONTHLY;BYDAY=6MO', 'FREQ=DAILY;BYYEARDAY=366;BYMONTH=1', 'FREQ=DAILY;BYWEEKNO=53;BYMONTH=6'])(
    'rejects %s, which can never match a day or is forbidden with its FREQ',
    (rule) => {
      expect(rruleProblem(rule)).toEqual(expect.any(String));
    },
  );

  it.each([
    'FREQ=WEEKLY;BYDAY=MO,TU;BYSETPOS=2',
    'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
    'FREQ=MONTHLY;BYDAY=5FR',
    'FREQ=YEARLY;BYDAY=53MO',
    'FREQ=MONTHLY;BYDAY=FR,-1TH',
    'FREQ=YEARLY;BYMONTH=3;BYDAY=-5MO,+1SU',
    'FREQ=YEARLY;BYYEARDAY=1,-1',
    'FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO',
    'FREQ=YEARLY;BYWEEKNO=-1;WKST=SU',
    'FREQ=MONTHLY;BYMONTHDAY=20,31;BYSETPOS=-2',
    'FREQ=YEARLY;BYMONTH=3;BYSETPOS=1',
  ])('accepts %s, which can match', (rule) => {
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

/**
 * Issue 13's rules, with the days RFC 5545 §3.3.10 gives them, worked out by hand from a
 * calendar (March 2026 starts on a Sunday; April 2026 on a Wednesday).
 */
describe('RFC 5545 meanings the rrule package missed (issue 13)', () => {
  it('FREQ=MONTHLY;BYDAY=FR,-1TH marks every Friday and the last Thursday of each month', () => {
    expect(expand('FREQ=MONTHLY;BYDAY=FR,-1TH', '2026-03-01', '2026-03-01', '2026-04-30')).toEqual([
      '2026-03-06', '2026-03-13', '2026-03-20', '2026-03-26', '2026-03-27',
      '2026-04-03', '2026-04-10', '2026-04-17', '2026-04-24', '2026-04-30',
    ]);
  });

  it('FREQ=YEARLY;BYMONTH=3;BYDAY=FR,-1TH counts the Thursday within March', () => {
    expect(expand('FREQ=YEARLY;BYMONTH=3;BYDAY=FR,-1TH', '2026-01-01', '2026-01-01', '2026-12-31')).toEqual([
      '2026-03-06', '2026-03-13', '2026-03-20', '2026-03-26', '2026-03-27',
    ]);
  });

  it('FREQ=YEARLY;BYDAY=-1TH,1MO without BYMONTH counts within the year', () => {
    // the first Monday of 2026 is 01-05; the last Thursday is 12-31
    expect(expand('FREQ=YEARLY;BYDAY=-1TH,1MO', '2026-01-01', '2026-01-01', '2026-12-31')).toEqual(['2026-01-05', '2026-12-31']);
  });

  it('a negative BYSETPOS larger than the set picks nothing: BYMONTHDAY=20,31;BYSETPOS=-2 marks the 20th only in 31-day months', () => {
    expect(expand('FREQ=MONTHLY;BYMONTHDAY=20,31;BYSETPOS=-2', '2026-01-01', '2026-01-01', '2026-06-30')).toEqual(['2026-01-20', '2026-03-20', '2026-05-20']);
  });

  it('two BYSETPOS values landing on one day mark it once and count once against COUNT', () => {
    // each month's set is {1st}; positions 1 and -1 are both the 1st
    expect(expand('FREQ=MONTHLY;BYMONTHDAY=1;BYSETPOS=1,-1;COUNT=3', '2026-01-01', '2026-01-01', '2026-12-31')).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
  });

  it('BYSETPOS picks from the whole period, then days before the start are dropped', () => {
    // March 2026's weekdays run 03-02…03-31; the first is before the start 03-10, so March gives nothing
    expect(expand('FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1', '2026-03-10', '2026-03-10', '2026-04-30')).toEqual(['2026-04-01']);
  });

  it('BYWEEKNO=1 is the week holding 4 January, cut to each calendar year', () => {
    // ISO week 1 of 2026 runs Mon 2025-12-29 … Sun 2026-01-04; of 2027, Mon 2027-01-04 … Sun 01-10
    expect(expand('FREQ=YEARLY;BYWEEKNO=1', '2025-06-01', '2025-06-01', '2027-01-06')).toEqual([
      '2025-12-29', '2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2027-01-04', '2027-01-05', '2027-01-06',
    ]);
  });

  it('WKST moves the weeks of a WEEKLY;INTERVAL=2 rule (RFC 5545 §3.3.10 example)', () => {
    // RFC example: from Tue 1997-08-05, BYDAY=TU,SU every other week: WKST=MO gives 08-05, 08-10, 08-19, 08-24;
    // WKST=SU gives 08-05, 08-17, 08-19, 08-31.
    expect(expand('FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO', '1997-08-05', '1997-08-05', '1997-12-31')).toEqual(['1997-08-05', '1997-08-10', '1997-08-19', '1997-08-24']);
    expect(expand('FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU', '1997-08-05', '1997-08-05', '1997-12-31')).toEqual(['1997-08-05', '1997-08-17', '1997-08-19', '1997-08-31']);
  });

  it('BYYEARDAY counts from either end of the year, 366 days in a leap year', () => {
    expect(expand('FREQ=YEARLY;BYYEARDAY=1,-1,60', '2024-01-01', '2024-01-01', '2025-12-31')).toEqual(['2024-01-01', '2024-02-29', '2024-12-31', '2025-01-01', '2025-03-01', '2025-12-31']);
  });

  it.each([
    ['FREQ=MONTHLY;BYSETPOS=2', 'setpos_alone'],
    ['FREQ=YEARLY;BYMONTH=3;BYDAY=6MO', 'byday_ordinal_in_month'],
    ['FREQ=WEEKLY;BYDAY=1MO', 'numbered_byday_freq'],
    ['FREQ=YEARLY;BYWEEKNO=5;BYDAY=-1MO', 'numbered_byday_weekno'],
    ['FREQ=MONTHLY;BYWEEKNO=5', 'part_not_with_freq'],
    ['FREQ=DAILY;BYYEARDAY=5', 'part_not_with_freq'],
    ['FREQ=WEEKLY;BYMONTHDAY=5', 'part_not_with_freq'],
    ['FREQ=DAILY;COUNT=2;UNTIL=20260101', 'count_and_until'],
    ['FREQ=MONTHLY;BYMONTHDAY=32', 'invalid_value'],
    ['FREQ=MONTHLY;BYDAY=MO;BYSETPOS=367', 'invalid_value'],
    ['FREQ=DAILY;RSCALE=GREGORIAN', 'unknown_part'],
  ])('refuses %s (%s)', (rule, reason) => {
    expect(rruleIssue(rule)?.reason).toBe(reason);
  });
});

describe('refusals are input issues with a path, a code and words in both locales', () => {
  const withRule = (rule: string) => makeScenario({ enterprises: [makeEnterprise({ unavailableRule: rule })] });

  it.each([
    ['zh-CN', /BYDAY=1MO.*MONTHLY.*YEARLY.*WEEKLY.*RFC 5545/],
    ['en', /BYDAY=1MO: a numbered weekday needs FREQ=MONTHLY or YEARLY, not WEEKLY/],
  ] as const)('in %s', (locale, words) => {
    const result = safeParseScenario(withRule('FREQ=WEEKLY;BYDAY=1MO'), { locale });
    expect(result.success).toBe(false);
    const issues = result.success ? [] : result.issues;
    expect(issues.map((i) => [i.path, i.code, i.details.reason])).toEqual([['enterprises[0].unavailableRule', 'invalid_rrule', 'numbered_byday_freq']]);
    expect(issues[0]?.message).toMatch(words);
    if (locale === 'zh-CN') expect(issues[0]?.message).toMatch(/带序号的星期/);
  });

  it('every reason has words in both locales', () => {
    const more = ['FREQ=MONTHLY;BYSETPOS=2', 'FREQ=WEEKLY;BYDAY=MO;BYSETPOS=2', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', 'FREQ=MONTHLY;BYDAY=6MO', 'FREQ=YEARLY;BYWEEKNO=5;BYDAY=-1MO'];
    const reasons = new Set<string>();
    for (const [rule] of [...INVALID_RRULES, ...more.map((r) => [r])]) {
      const problem = rruleIssue(rule as string);
      expect(problem, rule).toBeDefined();
      for (const locale of ['en', 'zh-CN'] as const) {
        const words = describeRRuleProblem(problem!, locale);
        expect(words, `${rule} ${locale}`).not.toMatch(/^rrule\.|\{\w+\}/);
      }
      expect(describeRRuleProblem(problem!, 'zh-CN')).not.toBe(describeRRuleProblem(problem!, 'en'));
      reasons.add(problem!.reason);
    }
    expect([...reasons].sort()).toEqual(
      ['byday_ordinal_in_month', 'count_and_until', 'dtstart', 'duplicate_part', 'empty', 'freq_required', 'invalid_value', 'monthday_not_in_month', 'not_key_value', 'not_whole_days', 'numbered_byday_freq', 'numbered_byday_weekno', 'part_not_with_freq', 'setpos_alone', 'setpos_beyond_period', 'unknown_part'],
    );
  });
});

describe('plan keeps visits off the days an unavailableRule marks (issue 13)', () => {
  it('FREQ=MONTHLY;BYDAY=FR,-1TH: no visit on a Friday nor on Thursday 2026-03-26', () => {
    const scenario = makeScenario({
      enterprises: [makeEnterprise({ unavailableRule: 'FREQ=MONTHLY;BYDAY=FR,-1TH' })],
      requests: [
        // Thursday 26 and Friday 27 are both unavailable: nothing can be scheduled
        makeRequest({ id: 'R1', window: { from: '2026-03-26', to: '2026-03-27' } }),
        // Thursday 19 is available, Friday 20 is not
        makeRequest({ id: 'R2', departmentId: 'TAX', itemIds: ['TAX-1'], window: { from: '2026-03-19', to: '2026-03-20' } }),
      ],
    });
    const result = planSync(parseScenario(scenario), { seed: 1 });
    expect(result.visits.map((v) => [v.occurrenceIds, v.date])).toEqual([[['R2'], '2026-03-19']]);
    expect(result.unscheduled.map((u) => u.occurrenceId)).toEqual(['R1']);
  });
});
