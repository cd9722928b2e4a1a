/**
 * The working-day calendar the generator needs to place fixed dates, preferred dates,
 * triggered windows and history on real working days. Civil dates are day numbers (days
 * since 1970-01-01) from the library's own civil-date module, and the holidays are the
 * library's cn-mainland preset (contract §4).
 */
import { dayFromParts, dayParts, formatDay as formatCivil, isoWeekday, toDay } from '../../src/calendar/civil.js';
import { CN_MAINLAND } from '../../src/calendar/cn-mainland.js';

/** Days since 1970-01-01 of a civil date. */
export const daysFromCivil = (y: number, m: number, d: number): number => dayFromParts(y, m, d);

/** Inverse of {@link daysFromCivil}: [year, month 1–12, day 1–31]. */
export function civilFromDays(days: number): [number, number, number] {
  const { year, month, day } = dayParts(days);
  return [year, month, day];
}

export const formatDay = formatCivil;
export const parseDay = toDay;
export { isoWeekday };

/** One calendar year, indexed by day of year (0 = 1 January). */
export interface YearCalendar {
  year: number;
  /** Day number of 1 January. */
  first: number;
  /** 365 or 366. */
  length: number;
  /** 1 when the day is a working day under the cn-mainland preset (weekends otherwise). */
  working: Uint8Array;
  /** 1 when the day is a make-up workday (a working Saturday or Sunday). */
  makeup: Uint8Array;
  /** Day of month, 1–31. */
  dayOfMonth: Uint8Array;
  /** Month, 1–12. */
  month: Uint8Array;
  /** `YYYY-MM-DD` of every day, so formatting is a lookup. */
  dates: string[];
  /** Whether the preset has data for this year. */
  hasPresetData: boolean;
  /** Indices of working days that are not make-up workdays, ascending. */
  ordinaryWorkingDays: number[];
}

export function buildYearCalendar(year: number): YearCalendar {
  const first = daysFromCivil(year, 1, 1);
  const length = daysFromCivil(year + 1, 1, 1) - first;
  const working = new Uint8Array(length);
  const makeup = new Uint8Array(length);
  const dayOfMonth = new Uint8Array(length);
  const month = new Uint8Array(length);
  const dates: string[] = new Array<string>(length);
  for (let i = 0; i < length; i++) {
    const wd = isoWeekday(first + i);
    working[i] = wd <= 5 ? 1 : 0;
    const [, m, d] = civilFromDays(first + i);
    month[i] = m;
    dayOfMonth[i] = d;
    dates[i] = formatDay(first + i);
  }
  const data = CN_MAINLAND[year];
  if (data) {
    const index = (date: string): number => parseDay(date) - first;
    for (const [from, to] of data.off) {
      for (let i = index(from); i <= index(to); i++) working[i] = 0;
    }
    for (const date of data.makeup) {
      const i = index(date);
      working[i] = 1;
      makeup[i] = 1;
    }
  }
  const ordinaryWorkingDays: number[] = [];
  for (let i = 0; i < length; i++) if (working[i] === 1 && makeup[i] === 0) ordinaryWorkingDays.push(i);
  return { year, first, length, working, makeup, dayOfMonth, month, dates, hasPresetData: data !== undefined, ordinaryWorkingDays };
}

/** Day-of-year index of the first day of `month` (1–12). */
export function monthStart(cal: YearCalendar, month: number): number {
  return daysFromCivil(cal.year, month, 1) - cal.first;
}

/** Day-of-year index of the last day of `month` (1–12). */
export function monthEnd(cal: YearCalendar, month: number): number {
  return (month === 12 ? cal.length : monthStart(cal, month + 1)) - 1;
}
