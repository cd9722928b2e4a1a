/**
 * `tallyAdmits` (the planner's cap check) against the rule read literally (contract §2.1, caps):
 * one more event on `day` is admitted when every calendar period — or every span of n
 * consecutive days — holding `day` then has at most `limit` events, and no other event is
 * nearer than `minGapDays`. The planner counts cleverly; the reference counts every span.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarPeriod, inSpans, refusedSpans, tallyAdmits } from '../../src/compile/caps.js';
import type { CCap } from '../../src/compile/problem.js';

type Kind = 'year' | 'half-year' | 'quarter' | 'month' | 'rolling';

function capOf(period: Kind, rollingDays: number, minGapDays: number): CCap {
  return { index: 0, id: 'c', source: {} as CCap['source'], perEnterprise: true, departments: undefined, bases: new Set(), period, rollingDays, limitByGrade: () => undefined, minGapDays };
}

function reference(period: Kind, n: number, minGap: number, limit: number | undefined, events: readonly number[], day: number): boolean {
  if (minGap > 0 && events.some((e) => Math.abs(e - day) < minGap)) return false;
  if (limit === undefined) return true;
  const spans: [number, number][] = [];
  if (period === 'rolling') for (let s = day - n + 1; s <= day; s++) spans.push([s, s + n - 1]);
  else spans.push(calendarPeriod(period, day));
  return spans.every(([from, to]) => 1 + events.filter((e) => e >= from && e <= to).length <= limit);
}

// Days around 2026 (day numbers since 1970-01-01), events near the day so that spans fill up.
const DAY = 20_454;
// Offsets from the day: anywhere, or on the edges of the spans (±(n−1), ±n and their neighbours).
const arbCase = fc.integer({ min: 1, max: 400 }).chain((n) =>
  fc.record({
    period: fc.constantFrom<Kind>('year', 'half-year', 'quarter', 'month', 'rolling'),
    n: fc.constant(n),
    minGap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 })),
    limit: fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 6 })),
    day: fc.integer({ min: DAY - 400, max: DAY + 400 }),
    offsets: fc.array(fc.oneof(fc.integer({ min: -500, max: 500 }), fc.constantFrom(-n, -n + 1, -n + 2, 0, n - 2, n - 1, n), fc.integer({ min: -3, max: 3 })), { maxLength: 12 }),
    unsorted: fc.boolean(),
    padding: fc.array(fc.integer(), { maxLength: 3 }),
  }),
);

describe('tallyAdmits', () => {
  it('admits exactly what the rule read literally admits (calendar and rolling periods, gaps, any order of events)', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const events = c.offsets.map((o) => c.day + o);
        if (!c.unsorted) events.sort((a, b) => a - b);
        // Callers pass a reused scratch array: only the first `count` numbers are the events.
        const scratch = [...events, ...c.padding.map((p) => c.day + (p % 30))];
        const got = tallyAdmits(capOf(c.period, c.n, c.minGap), c.limit, scratch, c.day, events.length);
        expect(got).toBe(reference(c.period, c.n, c.minGap, c.limit, events, c.day));
      }),
      { numRuns: 3000 },
    );
  });

  it('refusedSpans: a rolling cap refuses exactly the days of its spans (every day when its limit is 0)', () => {
    fc.assert(
      fc.property(arbCase, fc.array(fc.integer({ min: -450, max: 450 }), { minLength: 1, maxLength: 20 }), (c, probes) => {
        const cap = capOf('rolling', c.n, c.minGap);
        const events = c.offsets.map((o) => c.day + o);
        // Scratch lists as callers keep them: stale numbers past what a call writes must not count.
        const spans: number[] = c.padding.map((p) => c.day + p);
        const sorted: number[] = c.padding.map((p) => c.day - p);
        const n = refusedSpans(cap, c.limit, [...events, ...c.padding], events.length, sorted, spans);
        expect(n).toBeLessThanOrEqual(spans.length);
        for (let i = 2; i < n; i += 2) expect(spans[i] as number).toBeGreaterThan((spans[i - 1] as number) + 1);
        for (const p of probes) {
          const day = c.day + p;
          const refused = !reference('rolling', c.n, c.minGap, c.limit, events, day);
          expect(n >= 0 ? inSpans(spans, day, n) : true).toBe(refused);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('knows the period of days far from today (before 1970, after 2149)', () => {
    const cap = capOf('year', 0, 0);
    for (const day of [-800, -1, 65_535, 65_536, 80_000]) {
      const [from, to] = calendarPeriod('year', day);
      expect(tallyAdmits(cap, 1, [from], day, 1)).toBe(false);
      expect(tallyAdmits(cap, 1, [from - 1, to + 1], day, 2)).toBe(true);
    }
  });
});
