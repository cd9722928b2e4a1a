/**
 * An independent reading of the proleptic Gregorian calendar for tests and arbitraries:
 * integer arithmetic only (no `Date`, so no host time zone), written apart from
 * `src/calendar/civil.ts` so the two can check each other.
 */

export interface Civil {
  year: number;
  month: number;
  day: number;
}

export function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function monthLength(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : (MONTH_LENGTHS[month - 1] as number);
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of `dayNumber` (H. Hinnant's civil_from_days). */
export function civilOf(days: number): Civil {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function civilText({ year, month, day }: Civil): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** `YYYY-MM-DD` of a day number. */
export function dateOf(days: number): string {
  return civilText(civilOf(days));
}

/** Day number of a `YYYY-MM-DD` text known to be a real date. */
export function daysOf(text: string): number {
  return dayNumber(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
}

/** `date` moved by `n` days. */
export function addDays(date: string, n: number): string {
  return dateOf(daysOf(date) + n);
}

/** ISO weekday (1 = Monday … 7 = Sunday) by Sakamoto's method, independent of day numbers. */
export function weekdayOf(date: string): number {
  const table = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (m < 3) y -= 1;
  const sunday0 = (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + (table[m - 1] as number) + d) % 7;
  return sunday0 === 0 ? 7 : sunday0;
}

/** Every date from `from` to `to`, inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = daysOf(from); d <= daysOf(to); d++) out.push(dateOf(d));
  return out;
}
