/**
 * Calendar laws (contract §1.1, §4) over random dates 2024–2027 and random workdays, holidays
 * and extra workdays, with and without the cn-mainland preset. The oracle below reads the
 * contract's words directly; the preset's dates are transcribed from §4 here, on their own.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../src/calendar/calendar.js';
import { parseDay } from '../../src/calendar/civil.js';
import type { CalendarSettings } from '../../src/model/index.js';
import { arbWorkdays } from '../arbitraries/calendar.js';
import { arbDate } from '../arbitraries/dates.js';
import { datesBetween, weekdayOf } from '../arbitraries/days.js';
import { record } from '../arbitraries/record.js';

const RUNS = { numRuns: 200 };
const span = (from: string, to: string) => datesBetween(from, to);

/** Contract §4, transcribed. */
const CONTRACT_PRESET_OFF = new Set([
  '2025-01-01', ...span('2025-01-28', '2025-02-04'), ...span('2025-04-04', '2025-04-06'), ...span('2025-05-01', '2025-05-05'),
  ...span('2025-05-31', '2025-06-02'), ...span('2025-10-01', '2025-10-08'),
  ...span('2026-01-01', '2026-01-03'), ...span('2026-02-15', '2026-02-23'), ...span('2026-04-04', '2026-04-06'),
  ...span('2026-05-01', '2026-05-05'), ...span('2026-06-19', '2026-06-21'), ...span('2026-09-25', '2026-09-27'),
  ...span('2026-10-01', '2026-10-07'),
]);
const CONTRACT_PRESET_MAKEUP = new Set([
  '2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11',
  '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10',
]);
const PRESET_YEARS = [2025, 2026];

interface Setting {
  preset: boolean;
  workdays: number[];
  holidays: string[];
  extraWorkdays: string[];
}

/**
 * "A date is a working day when it is in extraWorkdays (the scenario's or the preset's), or
 * when its weekday is in workdays and it is not in holidays (the scenario's or the preset's).
 * The scenario's own lists win over the preset's on the same date."
 */
function oracleIsWorking(s: Setting, date: string): boolean {
  if (s.extraWorkdays.includes(date)) return true;
  if (s.holidays.includes(date)) return false;
  if (s.preset && CONTRACT_PRESET_MAKEUP.has(date)) return true;
  if (s.preset && CONTRACT_PRESET_OFF.has(date)) return false;
  return s.workdays.includes(weekdayOf(date));
}

/** Dates with something going on: the preset's dates and their neighbours weigh as much as any. */
const arbInterestingDate = fc.oneof(
  arbDate({ minYear: 2024, maxYear: 2027 }),
  fc.constantFrom(...CONTRACT_PRESET_OFF, ...CONTRACT_PRESET_MAKEUP),
);

const arbSetting: fc.Arbitrary<Setting> = record({
  preset: fc.boolean(),
  workdays: arbWorkdays(),
  holidays: fc.uniqueArray(arbInterestingDate, { maxLength: 8 }),
  extraWorkdays: fc.uniqueArray(arbInterestingDate, { maxLength: 8 }),
}).map((s) => ({ ...s, extraWorkdays: s.extraWorkdays.filter((d) => !s.holidays.includes(d)) }));

/** A setting, and dates to ask about: some from its own lists, some anywhere. */
const arbCase = arbSetting.chain((s) =>
  fc
    .array(fc.oneof(arbInterestingDate, ...(s.holidays.length + s.extraWorkdays.length > 0 ? [fc.constantFrom(...s.holidays, ...s.extraWorkdays)] : [])), {
      minLength: 1,
      maxLength: 20,
    })
    .map((dates) => ({ setting: s, dates })),
);

function calendarOf(s: Setting, horizon = { from: '2024-01-01', to: '2027-12-31' }) {
  const settings: CalendarSettings = {
    ...(s.preset ? { preset: 'cn-mainland' as const } : {}),
    workdays: s.workdays,
    holidays: s.holidays,
    extraWorkdays: s.extraWorkdays,
    dayStart: '09:00',
    dayEnd: '17:00',
    quietPeriods: [],
  };
  return buildCalendar(settings, horizon);
}

const day = (s: string) => parseDay(s) as number;

describe('calendar laws', () => {
  it('a date is a working day iff it is an extra workday, or its weekday works and it is no holiday (own lists win)', () => {
    fc.assert(
      fc.property(arbCase, ({ setting, dates }) => {
        const c = calendarOf(setting);
        for (const d of dates) expect(c.isWorkingDay(day(d)), d).toBe(oracleIsWorking(setting, d));
      }),
      RUNS,
    );
  });

  it('make-up workdays are exactly the working days whose weekday is off `workdays`', () => {
    fc.assert(
      fc.property(arbCase, ({ setting, dates }) => {
        const c = calendarOf(setting);
        for (const d of dates) {
          expect(c.isMakeupWorkday(day(d)), d).toBe(oracleIsWorking(setting, d) && !setting.workdays.includes(weekdayOf(d)));
        }
      }),
      RUNS,
    );
  });

  it('the preset changes nothing outside the years it has data for', () => {
    fc.assert(
      fc.property(arbSetting, fc.array(arbDate({ minYear: 2024, maxYear: 2027 }).filter((d) => !d.startsWith('2025') && !d.startsWith('2026')), { minLength: 1, maxLength: 20 }), (s, dates) => {
        const withPreset = calendarOf({ ...s, preset: true });
        const without = calendarOf({ ...s, preset: false });
        for (const d of dates) expect(withPreset.isWorkingDay(day(d)), d).toBe(without.isWorkingDay(day(d)));
      }),
      RUNS,
    );
  });

  it('CALENDAR_DATA_MISSING names exactly the horizon’s years without preset data, and only with the preset', () => {
    fc.assert(
      fc.property(arbSetting, arbDate({ minYear: 2023, maxYear: 2028 }), arbDate({ minYear: 2023, maxYear: 2028 }), (s, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const years: number[] = [];
        for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) if (!PRESET_YEARS.includes(y)) years.push(y);
        const warnings = calendarOf(s, { from, to }).warnings;
        if (!s.preset || years.length === 0) expect(warnings).toEqual([]);
        else expect(warnings).toEqual([{ code: 'CALENDAR_DATA_MISSING', details: { preset: 'cn-mainland', years } }]);
      }),
      RUNS,
    );
  });
});

describe('the transcription of §4 used above', () => {
  // Guards the oracle itself: if it were wrong, the laws above would prove nothing.
  it('gives 248 working days in 2025 and in 2026 with Monday–Friday', () => {
    const s: Setting = { preset: true, workdays: [1, 2, 3, 4, 5], holidays: [], extraWorkdays: [] };
    for (const year of PRESET_YEARS) {
      expect(span(`${year}-01-01`, `${year}-12-31`).filter((d) => oracleIsWorking(s, d)).length).toBe(248);
    }
  });

  it('puts every make-up day on a weekend', () => {
    for (const d of CONTRACT_PRESET_MAKEUP) expect([6, 7]).toContain(weekdayOf(d));
  });
});
