/**
 * Civil-date arithmetic and the working-day calendar the generator needs to place fixed
 * dates, preferred dates, triggered windows and history on real working days.
 * Pure integer arithmetic (days since 1970-01-01), no `Date`, so output never depends on the
 * machine's time zone. The cn-mainland data duplicates contract §4 on purpose: the generator
 * stays independent of the engine's own calendar module.
 */

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of {@link daysFromCivil}: [year, month 1–12, day 1–31]. */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** Parses `YYYY-MM-DD` into a day number (no validation beyond the shape). */
export function parseDay(text: string): number {
  return daysFromCivil(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
}

/** ISO weekday, 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday. */
export function isoWeekday(days: number): number {
  return (((days + 3) % 7) + 7) % 7 + 1;
}

/** Contract §4: statutory days off (inclusive ranges) and make-up workdays. */
const CN_MAINLAND: Record<number, { off: Array<[string, string]>; makeup: string[] }> = {
  2025: {
    off: [
      ['01-01', '01-01'],
      ['01-28', '02-04'],
      ['04-04', '04-06'],
      ['05-01', '05-05'],
      ['05-31', '06-02'],
      ['10-01', '10-08'],
    ],
    makeup: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  },
  2026: {
    off: [
      ['01-01', '01-03'],
      ['02-15', '02-23'],
      ['04-04', '04-06'],
      ['05-01', '05-05'],
      ['06-19', '06-21'],
      ['09-25', '09-27'],
      ['10-01', '10-07'],
    ],
    makeup: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
  },
};

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
    const index = (md: string): number => parseDay(`${year}-${md}`) - first;
    for (const [from, to] of data.off) {
      for (let i = index(from); i <= index(to); i++) working[i] = 0;
    }
    for (const md of data.makeup) {
      const i = index(md);
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
