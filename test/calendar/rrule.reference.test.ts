/**
 * The expansion against an independent brute-force reading of RFC 5545
 * (`test/support/rrule-reference.ts`) on thousands of generated rules, and its time bound.
 * Runs under three host time zones (the `unit`, `tz-utc` and `tz-los-angeles` projects).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../../src/calendar/civil.js';
import { expandRule, rruleProblem } from '../../src/calendar/rrule.js';
import { arbRfcRule } from '../arbitraries/rrule.js';
import { referenceExpand } from '../support/rrule-reference.js';

const RUNS = Number(process.env.JI_PROPERTY_RUNS ?? 3000);
const day = (s: string) => parseDay(s) as number;
const arbStart = fc.integer({ min: day('2024-01-01'), max: day('2027-12-31') });

/** The best of three timings of one expansion, in ms: one slow try is the machine, not the rule. */
function bestOfThree(run: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
    if (best < 5) break;
  }
  return best;
}

describe('expandRule agrees with the reference expander', () => {
  it('on every generated rule, started anywhere, over spans of up to three years', () => {
    const seen = { mixedByDay: 0, negativeSetPos: 0, count: 0, until: 0, interval: 0, negativeMonthDay: 0, byMonth: 0, wkst: 0, weekNo: 0, yearDay: 0, numberedInYear: 0, marksSome: 0 };
    fc.assert(
      fc.property(arbRfcRule(), arbStart, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 1100 }), (rule, start, skip, length) => {
        expect(rruleProblem(rule), rule).toBeUndefined();
        const from = start + skip;
        const to = from + length;
        const got = expandRule(rule, start, from, to).map(formatDay);
        expect(got, `${rule} from ${formatDay(start)}`).toEqual(referenceExpand(rule, start, from, to).map(formatDay));
        const u = rule.toUpperCase();
        if (/BYDAY=[^;]*(?:^|[=,])(?:MO|TU|WE|TH|FR|SA|SU)\b/.test(u) && /BYDAY=[^;]*\d(?:MO|TU|WE|TH|FR|SA|SU)/.test(u)) seen.mixedByDay++;
        if (/BYSETPOS=[^;]*-/.test(u)) seen.negativeSetPos++;
        if (u.includes('COUNT=')) seen.count++;
        if (u.includes('UNTIL=')) seen.until++;
        if (/INTERVAL=(?!1\b)/.test(u)) seen.interval++;
        if (/BYMONTHDAY=[^;]*-/.test(u)) seen.negativeMonthDay++;
        if (u.includes('BYMONTH=')) seen.byMonth++;
        if (u.includes('WKST=')) seen.wkst++;
        if (u.includes('BYWEEKNO=')) seen.weekNo++;
        if (u.includes('BYYEARDAY=')) seen.yearDay++;
        if (/FREQ=YEARLY/.test(u) && !u.includes('BYMONTH=') && /BYDAY=[^;]*\d(?:MO|TU|WE|TH|FR|SA|SU)/.test(u)) seen.numberedInYear++;
        if (got.length > 0) seen.marksSome++;
      }),
      { numRuns: RUNS },
    );
    // The comparison covered what it claims to: every kind of part, and rules that mark days.
    for (const [kind, n] of Object.entries(seen)) expect(n, kind).toBeGreaterThan(RUNS / 50);
  });
});

describe('time bound: no rule takes over 50 ms on a horizon of three years', () => {
  it('for every generated rule (best of three tries each)', () => {
    let worst = { ms: 0, rule: '' };
    fc.assert(
      fc.property(arbRfcRule(), arbStart, (rule, start) => {
        const ms = bestOfThree(() => expandRule(rule, start, start, start + 3 * 366));
        if (ms > worst.ms) worst = { ms, rule };
      }),
      { numRuns: RUNS },
    );
    expect(worst.ms, worst.rule).toBeLessThan(50);
  });

  // Rules that cost the `rrule` package 1.5–23 s each (issue 13), and rules that match nothing.
  it.each([
    'FREQ=MONTHLY;BYDAY=FR,-1TH',
    'FREQ=YEARLY;BYDAY=MO,-1TH,20WE',
    'FREQ=MONTHLY;BYMONTHDAY=20,31;BYSETPOS=-2',
    'FREQ=YEARLY;BYYEARDAY=366;BYMONTH=1',
    'FREQ=YEARLY;BYWEEKNO=53;BYMONTH=6',
    'FREQ=YEARLY;BYWEEKNO=1;BYMONTH=7',
    'FREQ=MONTHLY;INTERVAL=12;BYMONTH=2',
    'FREQ=DAILY;INTERVAL=9999',
    'FREQ=DAILY;COUNT=999999',
  ])('%s', (rule) => {
    const start = day('2026-03-01');
    expect(bestOfThree(() => expandRule(rule, start, start, start + 3 * 366))).toBeLessThan(50);
  });
});

describe('whatever the text, reading never throws, and what is accepted expands as the reference says', () => {
  const KEYS = ['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYYEARDAY', 'BYWEEKNO', 'BYMONTH', 'BYSETPOS', 'WKST', 'BYHOUR', 'DTSTART', 'X-FOO', ''];
  const VALUES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'HOURLY', '0', '1', '2', '-1', '+5', '-6', '31', '-32', '53', '54', '366', '-367', 'MO', 'FR,-1TH', '1MO', '+2WE,SU', '6MO', '-5SU', '20260101', '20260230', '20261231T235959Z', '1,', '', 'abc', '3,3'];
  const arbPart = fc
    .tuple(fc.constantFrom(...KEYS), fc.array(fc.constantFrom(...VALUES), { minLength: 1, maxLength: 2 }), fc.nat(9))
    .map(([k, vs, n]) => (n === 0 ? k : `${k}=${vs.join(',')}`));
  const arbText = fc
    .tuple(fc.constantFrom('FREQ=DAILY', 'FREQ=WEEKLY', 'FREQ=MONTHLY', 'FREQ=YEARLY', ''), fc.array(arbPart, { maxLength: 3 }))
    .map(([freq, parts]) => [freq, ...parts].filter((p, i) => i > 0 || p !== '').join(';'));

  it('for text made of RRULE-like pieces', () => {
    let accepted = 0;
    fc.assert(
      fc.property(arbText, arbStart, fc.integer({ min: 0, max: 800 }), (rule, start, length) => {
        if (rruleProblem(rule) !== undefined) return;
        accepted++;
        expect(expandRule(rule, start, start, start + length), rule).toEqual(referenceExpand(rule, start, start, start + length));
      }),
      { numRuns: RUNS },
    );
    expect(accepted).toBeGreaterThan(RUNS / 100);
  });
});
