/**
 * Civil dates as integer day numbers (days since 1970-01-01), computed with UTC
 * arithmetic only, so the host time zone can never move a date.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * Day number of a `YYYY-MM-DD` civil date, or `undefined` when it is not a real date.
 * @example
 * parseDay('2026-03-02'); // a day number (days since 1970-01-01)
 * parseDay('2026-02-29'); // undefined: not a real date
 */
export function parseDay(text: string): number | undefined {
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return dayFromParts(y, mo, d);
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

/**
 * `YYYY-MM-DD` of a day number.
 * @example
 * formatDay(parseDay('2026-03-02')!); // '2026-03-02' (whatever the host time zone)
 */
export function formatDay(day: number): string {
  const { year: y, month: m, day: dd } = dayParts(day);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${dd < 10 ? '0' : ''}${dd}`;
}

/**
 * ISO weekday: 1 = Monday … 7 = Sunday.
 * @example
 * isoWeekday(parseDay('2026-03-02')!); // 1 (a Monday)
 */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export interface CivilParts {
  year: number;
  month: number;
  day: number;
}

/**
 * Civil date of a day number, by pure integer arithmetic on the proleptic Gregorian calendar
 * (no `Date`, so years 0–99 are not mistaken for 1900–1999).
 */
export function dayParts(day: number): CivilParts {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

/** Day number of a civil date; months past 12 roll into the next year (month 13 = January). */
export function dayFromParts(year: number, month: number, day: number): number {
  const y0 = year + Math.floor((month - 1) / 12);
  const m0 = ((((month - 1) % 12) + 12) % 12) + 1;
  const y = m0 <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m0 > 2 ? m0 - 3 : m0 + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
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

/** IANA zone names without a slash (most are old links); ICU accepts more, such as "CST". */
const SLASHLESS_IANA = new Set(
  'UTC GMT UCT Zulu Universal Greenwich GMT0 GMT+0 GMT-0 EST MST HST EST5EDT CST6CDT MST7MDT PST8PDT CET EET MET WET PRC ROC ROK NZ NZ-CHAT GB GB-Eire Eire Cuba Egypt Hongkong Iceland Iran Israel Jamaica Japan Kwajalein Libya Navajo Poland Portugal Singapore Turkey W-SU'.split(' '),
);

/** True when `zone` is an IANA time zone name (or link) that this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  if (!zone.includes('/') && !SLASHLESS_IANA.has(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
