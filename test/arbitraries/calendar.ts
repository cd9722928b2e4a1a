/** Calendar settings (contract §1.1): workdays, holidays, make-up days, hours, quiet periods. */
import fc from 'fast-check';
import { record } from './record.js';
import type { ScenarioInput } from '../../src/model/scenario.js';
import { BASES } from '../../src/model/primitives.js';
import { arbDateIn } from './dates.js';
import { datesBetween, weekdayOf } from './days.js';

export type CalendarInput = NonNullable<ScenarioInput['calendar']>;
export type QuietPeriodInput = NonNullable<CalendarInput['quietPeriods']>[number];

/** A set of ISO weekdays, ascending (may be empty unless `minLength` says otherwise). */
export function arbWorkdays(minLength = 0): fc.Arbitrary<number[]> {
  return fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength });
}

/** Working hours with dayStart < dayEnd; both defaults (09:00, 17:00) lie inside every pair. */
export const HOURS: ReadonlyArray<{ dayStart: string; dayEnd: string }> = [
  { dayStart: '09:00', dayEnd: '17:00' },
  { dayStart: '08:30', dayEnd: '17:30' },
  { dayStart: '08:00', dayEnd: '18:00' },
  { dayStart: '00:00', dayEnd: '24:00' },
];

/**
 * Holidays and extra workdays inside [from, to], disjoint (a date in both is an input error).
 * Extra workdays prefer dates whose weekday is off `workdays`, as real make-up days are.
 */
export function arbHolidaysAndExtraWorkdays(
  from: string,
  to: string,
  workdays: readonly number[],
  { maxHolidays = 6, maxExtra = 4 } = {},
): fc.Arbitrary<{ holidays: string[]; extraWorkdays: string[] }> {
  const day = arbDateIn(from, to);
  const offDates = datesBetween(from, to).filter((d) => !workdays.includes(weekdayOf(d)));
  const offDay = offDates.length > 0 ? fc.constantFrom(...offDates) : day;
  return record({
      holidays: fc.uniqueArray(day, { maxLength: maxHolidays }),
      extraWorkdays: fc.uniqueArray(fc.oneof({ arbitrary: day, weight: 1 }, { arbitrary: offDay, weight: 3 }), { maxLength: maxExtra }),
    })
    .map(({ holidays, extraWorkdays }) => ({ holidays, extraWorkdays: extraWorkdays.filter((d) => !holidays.includes(d)) }));
}

/** A quiet period (企业安静期) over the given areas. */
export function arbQuietPeriod(id: string, areas: readonly string[]): fc.Arbitrary<QuietPeriodInput> {
  return record(
      {
        rule: fc.constantFrom(
          'FREQ=MONTHLY;BYMONTHDAY=1,2,3,4,5,6,7,8,9,10',
          'FREQ=MONTHLY;BYMONTHDAY=1,2,3,4,5',
          'FREQ=WEEKLY;BYDAY=WE',
          'FREQ=WEEKLY;BYDAY=MO,FR',
          'RRULE:FREQ=MONTHLY;BYMONTHDAY=-1',
        ),
        areas: fc.subarray([...areas], { minLength: 1 }),
        exemptBases: fc.subarray([...BASES]),
      },
      { requiredKeys: ['rule'] },
    )
    .map((q) => ({ id, ...q }));
}

/**
 * Calendar settings for dates inside [from, to]: sometimes the cn-mainland preset, other
 * workdays, own holidays and make-up days, other hours, quiet periods.
 */
export function arbCalendar(
  from: string,
  to: string,
  { areas = [] as readonly string[], quietPeriods = true, preset = true } = {},
): fc.Arbitrary<CalendarInput> {
  return record({
      usePreset: preset ? fc.boolean() : fc.constant(false),
      workdays: fc.option(fc.constantFrom([1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6], [2, 3, 4, 5, 6], [1, 3, 5]).map((w) => [...w]), { nil: undefined, freq: 3 }),
      hours: fc.option(fc.constantFrom(...HOURS), { nil: undefined, freq: 2 }),
      quiet: quietPeriods ? fc.integer({ min: 0, max: 2 }) : fc.constant(0),
    })
    .chain(({ usePreset, workdays, hours, quiet }) =>
      record({
          lists: arbHolidaysAndExtraWorkdays(from, to, workdays ?? [1, 2, 3, 4, 5], { maxHolidays: 3, maxExtra: 2 }),
          periods: fc.tuple(...Array.from({ length: quiet }, (_, i) => arbQuietPeriod(`Q${i + 1}`, areas.length > 0 ? areas : ['410702']))),
        })
        .map(({ lists, periods }) => {
          const calendar: CalendarInput = {};
          if (usePreset) calendar.preset = 'cn-mainland';
          if (workdays) calendar.workdays = workdays;
          if (lists.holidays.length > 0) calendar.holidays = lists.holidays;
          if (lists.extraWorkdays.length > 0) calendar.extraWorkdays = lists.extraWorkdays;
          if (hours) Object.assign(calendar, hours);
          if (periods.length > 0) calendar.quietPeriods = periods;
          return calendar;
        }),
    );
}
