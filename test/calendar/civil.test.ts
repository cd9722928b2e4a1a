/** Civil dates and times (contract "Conventions"): examples worked out by hand. */
import { describe, expect, it } from 'vitest';
import {
  daysInMonth,
  formatDay,
  formatTime,
  isLeapYear,
  isoWeekday,
  isValidTimeZone,
  parseDay,
  parseTime,
} from '../../src/calendar/civil.js';

describe('parseDay', () => {
  it('counts days from 1970-01-01', () => {
    expect(parseDay('1970-01-01')).toBe(0);
    expect(parseDay('1970-01-02')).toBe(1);
    expect(parseDay('1969-12-31')).toBe(-1);
    // 56 years of 365 days plus 14 leap days (1972 … 2024)
    expect(parseDay('2026-01-01')).toBe(56 * 365 + 14);
    expect(parseDay('2026-03-01')).toBe(56 * 365 + 14 + 31 + 28);
  });

  it.each(['2024-02-29', '2000-02-29', '2026-01-31', '2026-04-30', '2026-12-31', '1600-02-29'])('accepts the real date %s', (date) => {
    expect(parseDay(date)).toBeTypeOf('number');
  });

  it.each([
    ['2026-02-29', '2026 is a common year'],
    ['2025-02-29', '2025 is a common year'],
    ['2026-02-30', 'February never has 30 days'],
    ['1900-02-29', '1900 is divisible by 100 but not 400'],
    ['2100-02-29', '2100 is divisible by 100 but not 400'],
    ['2026-04-31', 'April has 30 days'],
    ['2026-06-31', 'June has 30 days'],
    ['2026-09-31', 'September has 30 days'],
    ['2026-11-31', 'November has 30 days'],
    ['2026-01-32', 'no month has 32 days'],
    ['2026-13-01', 'there is no month 13'],
    ['2026-00-10', 'there is no month 0'],
    ['2026-01-00', 'there is no day 0'],
  ])('rejects the impossible date %s (%s)', (date) => {
    expect(parseDay(date)).toBeUndefined();
  });

  it.each(['2026-1-05', '2026-01-5', '26-01-05', '2026/01/05', '20260105', '2026-01-05T00:00', ' 2026-01-05', '2026-01-05 ', ''])(
    'rejects %j, which is not written YYYY-MM-DD',
    (text) => {
      expect(parseDay(text)).toBeUndefined();
    },
  );

  // Regression: Date.UTC maps years 0–99 to 1900–1999, so these dates came back as other dates,
  // and 0000-02-29 (0000 is a leap year) became "1900-02-29" = 1900-03-01, the day of 0000-03-01.
  it('keeps years 0000–0099 apart from 1900–1999 (0050-03-01 round-trips; 0000-02-29 ≠ 0000-03-01)', () => {
    expect(formatDay(parseDay('0050-03-01') as number)).toBe('0050-03-01');
    expect(parseDay('0000-02-29')).not.toBe(parseDay('0000-03-01'));
  });
});

describe('formatDay', () => {
  it('writes day numbers as YYYY-MM-DD with zero padding', () => {
    expect(formatDay(0)).toBe('1970-01-01');
    expect(formatDay(-1)).toBe('1969-12-31');
    expect(formatDay(56 * 365 + 14)).toBe('2026-01-01');
    expect(formatDay(56 * 365 + 14 + 31 + 28)).toBe('2026-03-01');
    expect(formatDay(54 * 365 + 13 + 31 + 28)).toBe('2024-02-29'); // 13 leap days 1972 … 2020
  });
});

describe('isoWeekday', () => {
  it.each([
    ['1970-01-01', 4, 'Thursday'],
    ['1969-12-31', 3, 'Wednesday'],
    ['2026-01-01', 4, 'Thursday'],
    ['2026-03-02', 1, 'Monday'],
    ['2026-02-14', 6, 'Saturday'],
    ['2026-02-16', 1, 'Monday'],
    ['2025-01-26', 7, 'Sunday'],
    ['2026-10-01', 4, 'Thursday'],
    ['2024-02-29', 4, 'Thursday'],
    ['2000-01-01', 6, 'Saturday'],
    ['2027-01-01', 5, 'Friday'],
  ])('%s is weekday %i (%s)', (date, weekday) => {
    expect(isoWeekday(parseDay(date) as number)).toBe(weekday);
  });
});

describe('leap years and month lengths', () => {
  it.each([
    [2024, true],
    [2025, false],
    [2026, false],
    [2028, true],
    [2000, true],
    [1900, false],
    [2100, false],
    [2400, true],
  ])('isLeapYear(%i) is %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it('gives every month its length', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
  });
});

describe('parseTime', () => {
  it.each([
    ['00:00', 0],
    ['09:00', 540],
    ['12:59', 779],
    ['17:00', 1020],
    ['23:59', 1439],
    ['24:00', 1440],
  ])('reads %s as %i minutes', (text, minutes) => {
    expect(parseTime(text)).toBe(minutes);
  });

  it.each(['24:01', '25:00', '9:00', '09:0', '12:60', '12:99', '0900', '09:00:00', '09h00', '', ' 09:00', '-1:00'])('rejects %j', (text) => {
    expect(parseTime(text)).toBeUndefined();
  });

  it('writes minutes back as HH:MM', () => {
    expect(formatTime(0)).toBe('00:00');
    expect(formatTime(545)).toBe('09:05');
    expect(formatTime(1440)).toBe('24:00');
  });
});

describe('isValidTimeZone', () => {
  it.each(['Asia/Shanghai', 'Asia/Urumqi', 'UTC', 'America/Los_Angeles', 'Europe/Berlin'])('accepts the IANA zone %s', (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it.each(['', 'Mars/Olympus', 'Asia/Beijing', '+08:00', 'GMT+8', 'Asia/Shanghai ', 'Z'])('rejects %j', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });

  // Regression: ICU accepts legacy three-letter ids that are no IANA zone names, and reads "CST"
  // as America/Chicago — in China "CST" means China Standard Time (UTC+8).
  it('rejects "CST", which is no IANA zone name (ICU would read it as America/Chicago)', () => {
    expect(isValidTimeZone('CST')).toBe(false);
  });
});
