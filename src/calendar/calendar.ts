/**
 * The working-day calendar of a scenario (contract §1.1, §4). A date is a working day when it
 * is a make-up workday (the scenario's `extraWorkdays` or the preset's), or when its weekday
 * is in `workdays` and it is no holiday (the scenario's or the preset's); the scenario's own
 * lists win over the preset's on the same date.
 */
import type { CalendarSettings, Scenario } from '../model/scenario.js';
import { dayParts, toDay, isoWeekday } from './civil.js';
import { CN_MAINLAND } from './cn-mainland.js';

/**
 * A problem of the calendar settings that does not stop planning (a preset year without data).
 * @example
 * const warnings: CalendarWarning[] = scenarioCalendar(scenario).warnings;
 */
export interface CalendarWarning {
  code: 'CALENDAR_DATA_MISSING';
  details: { preset: string; years: number[] };
}

/**
 * The working days of a horizon: weekends, holidays, make-up workdays and the preset resolved.
 * @example
 * const cal: WorkingCalendar = scenarioCalendar(scenario);
 * cal.isWorkingDay(parseDay('2026-10-01')!); // false: National Day
 */
export interface WorkingCalendar {
  isWorkingDay(day: number): boolean;
  /** A working day whose weekday is not in `workdays` (调休). */
  isMakeupWorkday(day: number): boolean;
  warnings: CalendarWarning[];
}

function expandPreset(years: Iterable<number>): { holidays: Set<number>; makeup: Set<number>; missing: number[] } {
  const holidays = new Set<number>();
  const makeup = new Set<number>();
  const missing: number[] = [];
  for (const year of years) {
    const data = CN_MAINLAND[year];
    if (!data) {
      missing.push(year);
      continue;
    }
    for (const [from, to] of data.off) for (let d = toDay(from); d <= toDay(to); d++) holidays.add(d);
    for (const d of data.makeup) makeup.add(toDay(d));
  }
  return { holidays, makeup, missing };
}

/**
 * Builds the calendar for the years `horizon` touches (and any other years asked about later,
 * such as history dates, through the same rules: preset years without data are plain weekdays).
 * @example
 * const cal = buildCalendar(scenario.calendar, { from: '2026-01-01', to: '2026-12-31' });
 * console.log(cal.warnings); // [] : the preset has 2026
 */
export function buildCalendar(calendar: CalendarSettings, horizon: { from: string; to: string }): WorkingCalendar {
  const workdays = new Set(calendar.workdays);
  const ownHolidays = new Set(calendar.holidays.map(toDay));
  const ownExtra = new Set(calendar.extraWorkdays.map(toDay));
  const fromYear = dayParts(toDay(horizon.from)).year;
  const toYear = dayParts(toDay(horizon.to)).year;
  const horizonYears: number[] = [];
  for (let y = fromYear; y <= toYear; y++) horizonYears.push(y);
  const preset = calendar.preset === 'cn-mainland' ? expandPreset(Object.keys(CN_MAINLAND).map(Number)) : undefined;
  const missing = preset ? horizonYears.filter((y) => !CN_MAINLAND[y]) : [];

  const isWorkingDay = (day: number): boolean => {
    if (ownExtra.has(day)) return true;
    if (ownHolidays.has(day)) return false;
    if (preset) {
      if (preset.makeup.has(day)) return true;
      if (preset.holidays.has(day)) return false;
    }
    return workdays.has(isoWeekday(day));
  };
  return {
    isWorkingDay,
    isMakeupWorkday: (day) => isWorkingDay(day) && !workdays.has(isoWeekday(day)),
    warnings: missing.length > 0 ? [{ code: 'CALENDAR_DATA_MISSING', details: { preset: 'cn-mainland', years: missing } }] : [],
  };
}

/**
 * The working calendar of a scenario over its horizon.
 * @example
 * const cal = scenarioCalendar(parseScenario(json));
 * cal.isMakeupWorkday(parseDay('2026-02-28')!); // true: a make-up workday in the cn-mainland preset
 */
export function scenarioCalendar(scenario: Scenario): WorkingCalendar {
  return buildCalendar(scenario.calendar, scenario.horizon);
}
