/** The working-day calendar (contract §1.1) and the cn-mainland preset (§4), by example. */
import { describe, expect, it } from 'vitest';
import { buildCalendar, scenarioCalendar, type WorkingCalendar } from '../../src/calendar/calendar.js';
import { parseDay } from '../../src/calendar/civil.js';
import { parseScenario, type CalendarSettings } from '../../src/model/index.js';
import { makeScenario } from '../support/builders.js';

const day = (s: string) => parseDay(s) as number;

function settings(o: Partial<CalendarSettings> = {}): CalendarSettings {
  return { workdays: [1, 2, 3, 4, 5], holidays: [], extraWorkdays: [], dayStart: '09:00', dayEnd: '17:00', quietPeriods: [], ...o };
}

const preset = (horizon = { from: '2025-01-01', to: '2026-12-31' }, o: Partial<CalendarSettings> = {}) =>
  buildCalendar(settings({ preset: 'cn-mainland', ...o }), horizon);

function workingDaysIn(calendar: WorkingCalendar, year: number): number {
  let n = 0;
  for (let d = day(`${year}-01-01`); d <= day(`${year}-12-31`); d++) if (calendar.isWorkingDay(d)) n++;
  return n;
}

describe('plain calendar (no preset)', () => {
  const plain = buildCalendar(settings(), { from: '2026-03-01', to: '2026-03-31' });

  it('works Monday to Friday by default', () => {
    expect(plain.isWorkingDay(day('2026-03-02'))).toBe(true); // Monday
    expect(plain.isWorkingDay(day('2026-03-06'))).toBe(true); // Friday
    expect(plain.isWorkingDay(day('2026-03-07'))).toBe(false); // Saturday
    expect(plain.isWorkingDay(day('2026-03-08'))).toBe(false); // Sunday
  });

  it('knows no statutory holiday without the preset: 2026-10-01 (Thursday) is a working day', () => {
    expect(plain.isWorkingDay(day('2026-10-01'))).toBe(true);
    expect(plain.isWorkingDay(day('2026-02-14'))).toBe(false); // a Saturday, not a make-up day here
  });

  it('has no make-up workdays and no warnings of its own', () => {
    expect(plain.isMakeupWorkday(day('2026-03-07'))).toBe(false);
    expect(plain.isMakeupWorkday(day('2026-03-02'))).toBe(false);
    expect(plain.warnings).toEqual([]);
  });

  it('takes own holidays off and own extra workdays on; extra workdays off `workdays` are make-up days', () => {
    const c = buildCalendar(settings({ holidays: ['2026-03-04'], extraWorkdays: ['2026-03-07'] }), { from: '2026-03-01', to: '2026-03-31' });
    expect(c.isWorkingDay(day('2026-03-04'))).toBe(false); // Wednesday made a holiday
    expect(c.isWorkingDay(day('2026-03-07'))).toBe(true); // Saturday made a workday
    expect(c.isMakeupWorkday(day('2026-03-07'))).toBe(true);
  });

  it('an extra workday whose weekday is already in `workdays` is working but no make-up day', () => {
    const c = buildCalendar(settings({ extraWorkdays: ['2026-03-05'] }), { from: '2026-03-01', to: '2026-03-31' });
    expect(c.isWorkingDay(day('2026-03-05'))).toBe(true);
    expect(c.isMakeupWorkday(day('2026-03-05'))).toBe(false);
  });

  it('follows other `workdays`: with [1..6] Saturday is an ordinary working day, not a make-up day', () => {
    const c = buildCalendar(settings({ workdays: [1, 2, 3, 4, 5, 6] }), { from: '2026-03-01', to: '2026-03-31' });
    expect(c.isWorkingDay(day('2026-03-07'))).toBe(true);
    expect(c.isMakeupWorkday(day('2026-03-07'))).toBe(false);
    expect(c.isWorkingDay(day('2026-03-08'))).toBe(false);
  });
});

describe('cn-mainland preset', () => {
  it('has exactly 248 working days in 2025', () => {
    expect(workingDaysIn(preset(), 2025)).toBe(248);
  });

  it('has exactly 248 working days in 2026', () => {
    expect(workingDaysIn(preset(), 2026)).toBe(248);
  });

  it.each([
    ['2026-02-14', true, 'Saturday make-up day before the Spring Festival'],
    ['2026-02-28', true, 'Saturday make-up day after the Spring Festival'],
    ['2026-01-04', true, 'Sunday make-up day after New Year'],
    ['2026-10-10', true, 'Saturday make-up day after National Day'],
    ['2025-01-26', true, 'Sunday make-up day before the 2025 Spring Festival'],
    ['2025-10-11', true, 'Saturday make-up day after National Day 2025'],
    ['2026-10-01', false, 'National Day'],
    ['2026-10-07', false, 'last day of the National Day holiday'],
    ['2026-02-16', false, 'Monday inside the Spring Festival holiday'],
    ['2026-02-23', false, 'Monday, last day of the Spring Festival holiday'],
    ['2026-01-02', false, 'Friday of the New Year holiday'],
    ['2026-09-25', false, 'Friday, Mid-Autumn Festival'],
    ['2025-01-01', false, 'New Year 2025'],
    ['2025-10-08', false, 'Wednesday, last day of National Day 2025'],
    ['2026-02-24', true, 'Tuesday after the Spring Festival holiday'],
    ['2026-10-08', true, 'Thursday after the National Day holiday'],
    ['2026-10-03', false, 'a Saturday inside the National Day holiday'],
    ['2026-03-07', false, 'an ordinary Saturday'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(preset().isWorkingDay(day(date))).toBe(working);
  });

  it('marks the preset’s weekend workdays as make-up workdays and nothing else', () => {
    const c = preset();
    for (const d of ['2026-02-14', '2026-01-04', '2025-01-26', '2025-02-08']) expect(c.isMakeupWorkday(day(d))).toBe(true);
    for (const d of ['2026-02-24', '2026-10-01', '2026-03-07']) expect(c.isMakeupWorkday(day(d))).toBe(false);
  });

  it('gives no warning for a horizon inside 2025–2026', () => {
    expect(preset({ from: '2025-03-01', to: '2026-06-30' }).warnings).toEqual([]);
  });

  it('warns CALENDAR_DATA_MISSING naming 2027 for a 2027 horizon', () => {
    expect(preset({ from: '2027-01-01', to: '2027-12-31' }).warnings).toEqual([
      { code: 'CALENDAR_DATA_MISSING', details: { preset: 'cn-mainland', years: [2027] } },
    ]);
  });

  it('names only the missing years of a horizon that runs from 2026 into 2027', () => {
    expect(preset({ from: '2026-12-01', to: '2027-01-31' }).warnings.map((w) => w.details.years)).toEqual([[2027]]);
  });

  it('names every missing year, in order, for a horizon 2024–2028', () => {
    expect(preset({ from: '2024-06-01', to: '2028-01-31' }).warnings.map((w) => w.details.years)).toEqual([[2024, 2027, 2028]]);
  });

  it('treats 2027 as ordinary weekdays', () => {
    const c = preset({ from: '2027-01-01', to: '2027-12-31' });
    expect(c.isWorkingDay(day('2027-01-01'))).toBe(true); // Friday, New Year — no data
    expect(c.isWorkingDay(day('2027-10-01'))).toBe(true); // Friday, National Day — no data
    expect(c.isWorkingDay(day('2027-10-02'))).toBe(false); // Saturday
    expect(c.isMakeupWorkday(day('2027-10-09'))).toBe(false); // Saturday
    // 2027 starts on a Friday and has 365 days: 52 weeks and one extra Friday
    expect(workingDaysIn(c, 2027)).toBe(52 * 5 + 1);
  });

  it('warns nothing for 2027 when the preset is not asked for', () => {
    expect(buildCalendar(settings(), { from: '2027-01-01', to: '2027-12-31' }).warnings).toEqual([]);
  });
});

describe('the scenario’s own lists win over the preset’s', () => {
  it('an own holiday on a preset make-up day (2026-02-14) makes it a day off', () => {
    const c = preset(undefined, { holidays: ['2026-02-14'] });
    expect(c.isWorkingDay(day('2026-02-14'))).toBe(false);
    expect(c.isMakeupWorkday(day('2026-02-14'))).toBe(false);
  });

  it('an own extra workday on a preset holiday (Saturday 2026-10-03) makes it a make-up workday', () => {
    const c = preset(undefined, { extraWorkdays: ['2026-10-03'] });
    expect(c.isWorkingDay(day('2026-10-03'))).toBe(true);
    expect(c.isMakeupWorkday(day('2026-10-03'))).toBe(true);
  });

  it('an own extra workday on a weekday preset holiday (Friday 2026-10-02) works, but is no make-up day', () => {
    const c = preset(undefined, { extraWorkdays: ['2026-10-02'] });
    expect(c.isWorkingDay(day('2026-10-02'))).toBe(true);
    expect(c.isMakeupWorkday(day('2026-10-02'))).toBe(false);
  });

  it('own workdays [1..6] make the preset’s make-up Saturday an ordinary working day', () => {
    const c = preset(undefined, { workdays: [1, 2, 3, 4, 5, 6] });
    expect(c.isWorkingDay(day('2026-02-14'))).toBe(true);
    expect(c.isMakeupWorkday(day('2026-02-14'))).toBe(false);
    expect(c.isWorkingDay(day('2026-02-21'))).toBe(false); // Saturday inside the holiday stays off
  });
});

describe('scenarioCalendar', () => {
  it('reads the parsed scenario’s calendar and horizon', () => {
    const s = parseScenario(makeScenario({ horizon: { from: '2027-01-01', to: '2027-01-31' }, calendar: { preset: 'cn-mainland', holidays: ['2027-01-05'] } }));
    const c = scenarioCalendar(s);
    expect(c.warnings.map((w) => w.details.years)).toEqual([[2027]]);
    expect(c.isWorkingDay(day('2027-01-05'))).toBe(false);
    expect(c.isWorkingDay(day('2027-01-04'))).toBe(true);
  });
});
