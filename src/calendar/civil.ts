/**
 * Civil dates as integer day numbers (days since 1970-01-01), computed with UTC
 * arithmetic only, so the host time zone can never move a date.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Day number of a `YYYY-MM-DD` civil date, or `undefined` when it is not a real date. */
export function parseDay(text: string): number | undefined {
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return Date.UTC(y, mo - 1, d) / MS_PER_DAY;
}

/** Day number of a date already known to be valid (throws otherwise: a bug, not input). */
export function toDay(text: string): number {
  const day = parseDay(text);
  if (day === undefined) throw new RangeError(`not a civil date: ${text}`);
  return day;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, month: number): number {
  if (month === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(day: number): string {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const dd = d.getUTCDate();
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${dd < 10 ? '0' : ''}${dd}`;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export interface CivilParts {
  year: number;
  month: number;
  day: number;
}

export function dayParts(day: number): CivilParts {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function dayFromParts(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** A UTC midnight `Date` for a day number (how rrule wants "floating" dates). */
export function dayToUtcDate(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

/** Day number of a UTC `Date`'s calendar date. */
export function utcDateToDay(date: Date): number {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

/** Minutes since midnight of an `HH:MM` time from 00:00 to 24:00, or `undefined`. */
export function parseTime(text: string): number | undefined {
  const m = TIME_RE.exec(text);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return undefined;
  return h * 60 + min;
}

export function toMinutes(text: string): number {
  const t = parseTime(text);
  if (t === undefined) throw new RangeError(`not a time: ${text}`);
  return t;
}

export function formatTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

/** True when `zone` is an IANA time zone this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  if (zone.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
