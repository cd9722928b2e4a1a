/** Laws of the civil-date helpers, checked against an independent integer calendar. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay, isLeapYear, isoWeekday, parseDay } from '../../src/calendar/civil.js';
import { arbDate, arbImpossibleDate, arbMalformedDate } from '../arbitraries/dates.js';
import { addDays, daysOf, weekdayOf } from '../arbitraries/days.js';

const RUNS = { numRuns: 500 };

describe('civil dates', () => {
  it('formatDay(parseDay(s)) === s for every real date of years 0100–9999', () => {
    fc.assert(
      fc.property(arbDate({ minYear: 100, maxYear: 9999 }), (s) => {
        expect(formatDay(parseDay(s) as number)).toBe(s);
      }),
      RUNS,
    );
  });

  it('parseDay agrees with an independent day count (days since 1970-01-01)', () => {
    fc.assert(
      fc.property(arbDate({ minYear: 100, maxYear: 9999 }), (s) => {
        expect(parseDay(s)).toBe(daysOf(s));
      }),
      RUNS,
    );
  });

  it('the next date is the next day number', () => {
    fc.assert(
      fc.property(arbDate({ minYear: 1900, maxYear: 2100 }), (s) => {
        expect(parseDay(addDays(s, 1))).toBe((parseDay(s) as number) + 1);
      }),
      RUNS,
    );
  });

  it('isoWeekday matches Sakamoto’s weekday formula', () => {
    fc.assert(
      fc.property(arbDate({ minYear: 1900, maxYear: 2100 }), (s) => {
        expect(isoWeekday(parseDay(s) as number)).toBe(weekdayOf(s));
      }),
      RUNS,
    );
  });

  it('a year is leap iff 29 February of it is a real date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 9999 }), (year) => {
        const y = String(year).padStart(4, '0');
        expect(parseDay(`${y}-02-29`) !== undefined).toBe(isLeapYear(year));
      }),
      RUNS,
    );
  });

  it('text shaped like a date but naming no real day is rejected', () => {
    fc.assert(
      fc.property(arbImpossibleDate({ minYear: 1900, maxYear: 2100 }), (s) => {
        expect(parseDay(s)).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('text not written YYYY-MM-DD is rejected', () => {
    fc.assert(
      fc.property(arbMalformedDate(), (s) => {
        expect(parseDay(s)).toBeUndefined();
      }),
      RUNS,
    );
  });
});
