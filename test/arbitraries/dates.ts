/** Civil dates, date ranges and not-quite-dates. */
import fc from 'fast-check';
import { record } from './record.js';
import { civilText, dateOf, daysOf, isLeap, monthLength, type Civil } from './days.js';

export interface YearSpan {
  minYear?: number;
  maxYear?: number;
}

/** A real calendar date as its parts (default years 2024–2027). */
export function arbCivil({ minYear = 2024, maxYear = 2027 }: YearSpan = {}): fc.Arbitrary<Civil> {
  return record({ year: fc.integer({ min: minYear, max: maxYear }), month: fc.integer({ min: 1, max: 12 }) })
    .chain(({ year, month }) => fc.integer({ min: 1, max: monthLength(year, month) }).map((day) => ({ year, month, day })));
}

/** A real calendar date `YYYY-MM-DD` (default years 2024–2027). */
export function arbDate(span: YearSpan = {}): fc.Arbitrary<string> {
  return arbCivil(span).map(civilText);
}

/** A date between `from` and `to`, inclusive. */
export function arbDateIn(from: string, to: string): fc.Arbitrary<string> {
  return fc.integer({ min: daysOf(from), max: daysOf(to) }).map(dateOf);
}

/** A range `{ from <= to }` inside [from, to], at most `maxDays` long. */
export function arbRangeIn(from: string, to: string, maxDays = 366): fc.Arbitrary<{ from: string; to: string }> {
  const lo = daysOf(from);
  const hi = daysOf(to);
  return fc
    .integer({ min: lo, max: hi })
    .chain((a) => fc.integer({ min: a, max: Math.min(hi, a + maxDays - 1) }).map((b) => ({ from: dateOf(a), to: dateOf(b) })));
}

/**
 * Text shaped like `YYYY-MM-DD` that names no real date: day 0 or past the month's end
 * (including 29 February of common years), month 0 or 13+.
 */
export function arbImpossibleDate(span: YearSpan = {}): fc.Arbitrary<string> {
  const { minYear = 2024, maxYear = 2027 } = span;
  const year = fc.integer({ min: minYear, max: maxYear });
  const pad = (n: number) => String(n).padStart(2, '0');
  const y4 = (y: number) => String(y).padStart(4, '0');
  return fc.oneof(
    // past the end of the month
    record({ year, month: fc.integer({ min: 1, max: 12 }) })
      .chain(({ year: y, month: m }) => fc.integer({ min: monthLength(y, m) + 1, max: 99 }).map((d) => `${y4(y)}-${pad(m)}-${pad(d)}`)),
    // 29 February of a common year
    year.map((y) => (isLeap(y) ? y + 1 : y)).map((y) => `${y4(y)}-02-29`),
    // day 0
    record({ year, month: fc.integer({ min: 1, max: 12 }) }).map(({ year: y, month: m }) => `${y4(y)}-${pad(m)}-00`),
    // month 0 or 13…99
    record({ year, month: fc.oneof(fc.constant(0), fc.integer({ min: 13, max: 99 })), day: fc.integer({ min: 1, max: 28 }) })
      .map(({ year: y, month: m, day: d }) => `${y4(y)}-${pad(m)}-${pad(d)}`),
  );
}

/** Text that is not even shaped like `YYYY-MM-DD`. */
export function arbMalformedDate(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom('2026-1-05', '2026-01-5', '26-01-05', '2026/01/05', '20260105', '2026-01-05T00:00', ' 2026-01-05', '2026-01-05 ', ''),
    fc.string({ maxLength: 12 }).filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)),
  );
}
