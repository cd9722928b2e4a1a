/** Laws of occurrence expansion (contract §1.6) over random windows, horizons and rules. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/calendar/civil.js';
import { parseScenario } from '../../src/model/index.js';
import { expandOccurrences, type Occurrence } from '../../src/occurrences/expand.js';
import { arbDate } from '../arbitraries/dates.js';
import { addDays, datesBetween, daysOf } from '../arbitraries/days.js';
import { arbOracleRule, arbRRule } from '../arbitraries/rrule.js';
import { arbScenario } from '../arbitraries/scenario.js';
import { makeRequest, makeScenario } from '../support/builders.js';

const RUNS = { numRuns: 150 };

const arbWindow = fc
  .record({ from: arbDate({ minYear: 2025, maxYear: 2026 }), length: fc.integer({ min: 0, max: 90 }) })
  .map(({ from, length }) => ({ from, to: addDays(from, length) }));

/** A horizon that may cut the window on either side, or miss it. */
const arbHorizonAround = (w: { from: string; to: string }) =>
  fc
    .record({ a: fc.integer({ min: -40, max: 100 }), length: fc.integer({ min: 0, max: 120 }) })
    .map(({ a, length }) => ({ from: addDays(w.from, a), to: addDays(w.from, a + length) }));

function expandOne(request: Parameters<typeof makeRequest>[0], horizon: { from: string; to: string }): Occurrence[] {
  return expandOccurrences(parseScenario(makeScenario({ horizon, requests: [makeRequest({ id: 'R', ...request })] })));
}

const arbRecurring = fc
  .record({ rule: arbOracleRule(), window: arbWindow })
  .chain(({ rule, window }) => arbHorizonAround(window).map((horizon) => ({ rule, window, horizon })));

describe('occurrence laws', () => {
  it('a recurrence opens one occurrence on each day of the window the rule matches (started at window.from)', () => {
    fc.assert(
      fc.property(arbRecurring, ({ rule, window, horizon }) => {
        const starts = expandOne({ window, recurrence: rule.rule }, horizon).map((o) => formatDay(o.rawFrom));
        expect(starts).toEqual(datesBetween(window.from, window.to).filter((d) => rule.matches(d, window.from)));
      }),
      RUNS,
    );
  });

  it('occurrence k of request R is named R#k, k = 1, 2, … in date order', () => {
    fc.assert(
      fc.property(arbRRule(), arbWindow, (rule, window) => {
        const occurrences = expandOne({ window, recurrence: rule }, { from: '2025-01-01', to: '2026-12-31' });
        expect(occurrences.map((o) => o.id)).toEqual(occurrences.map((_, i) => `R#${i + 1}`));
        expect(occurrences.map((o) => o.k)).toEqual(occurrences.map((_, i) => i + 1));
      }),
      RUNS,
    );
  });

  it('recurring windows tile [d1, window.to]: each ends the day before the next starts, the last at window.to', () => {
    fc.assert(
      fc.property(arbRRule(), arbWindow, (rule, window) => {
        const occurrences = expandOne({ window, recurrence: rule }, { from: '2025-01-01', to: '2026-12-31' });
        occurrences.forEach((o, i) => {
          const next = occurrences[i + 1];
          expect(o.rawFrom).toBeLessThanOrEqual(o.rawTo);
          expect(o.rawTo).toBe(next ? next.rawFrom - 1 : daysOf(window.to));
        });
        if (occurrences.length > 0) expect(occurrences[0]!.rawFrom).toBeGreaterThanOrEqual(daysOf(window.from));
      }),
      RUNS,
    );
  });

  it('a request without recurrence is one occurrence with its own id and window', () => {
    fc.assert(
      fc.property(arbWindow.chain((w) => arbHorizonAround(w).map((h) => [w, h] as const)), ([window, horizon]) => {
        const occurrences = expandOne({ window }, horizon);
        expect(occurrences.map((o) => [o.id, o.k, formatDay(o.rawFrom), formatDay(o.rawTo)])).toEqual([['R', 0, window.from, window.to]]);
      }),
      RUNS,
    );
  });

  it('the clipped window is the raw window intersected with the horizon', () => {
    fc.assert(
      fc.property(arbRecurring, fc.boolean(), ({ rule, window, horizon }, recurring) => {
        for (const o of expandOne({ window, ...(recurring ? { recurrence: rule.rule } : {}) }, horizon)) {
          expect(o.from).toBe(Math.max(o.rawFrom, daysOf(horizon.from)));
          expect(o.to).toBe(Math.min(o.rawTo, daysOf(horizon.to)));
        }
      }),
      RUNS,
    );
  });

  it('every occurrence id of a valid scenario is unique, and requests keep their order', () => {
    fc.assert(
      fc.property(arbScenario(), (input) => {
        const scenario = parseScenario(input);
        const occurrences = expandOccurrences(scenario);
        expect(new Set(occurrences.map((o) => o.id)).size).toBe(occurrences.length);
        const order = occurrences.map((o) => o.requestIndex);
        expect(order).toEqual([...order].sort((a, b) => a - b));
        for (const o of occurrences) expect(o.id === o.request.id || o.id.startsWith(`${o.request.id}#`)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
