/**
 * The `cn-mainland` preset (contract §4): statutory days off and make-up workdays (调休).
 *
 * Source: the State Council General Office's yearly notices on holiday arrangements
 * (国务院办公厅关于2025年部分节假日安排的通知, issued 2024-11-12; and the notice for 2026
 * issued in 2025), as transcribed in contract v1 §4. Both years have 248 working days.
 */
export interface PresetYear {
  /** Statutory days off, as inclusive [from, to] pairs. */
  off: ReadonlyArray<readonly [string, string]>;
  /** Make-up workdays: weekend dates that are working days. */
  makeup: readonly string[];
}

/**
 * The `cn-mainland` preset: statutory holidays and make-up workdays per year (contract §4).
 * @example
 * CN_MAINLAND[2026]?.makeup; // ['2026-01-04', '2026-02-14', …]
 */
export const CN_MAINLAND: Readonly<Record<number, PresetYear>> = {
  2025: {
    off: [
      ['2025-01-01', '2025-01-01'],
      ['2025-01-28', '2025-02-04'],
      ['2025-04-04', '2025-04-06'],
      ['2025-05-01', '2025-05-05'],
      ['2025-05-31', '2025-06-02'],
      ['2025-10-01', '2025-10-08'],
    ],
    makeup: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    off: [
      ['2026-01-01', '2026-01-03'],
      ['2026-02-15', '2026-02-23'],
      ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'],
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ],
    makeup: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

/**
 * The years the `cn-mainland` preset has data for.
 * @example
 * CN_MAINLAND_YEARS.includes(2027); // false: a 2027 horizon gets CALENDAR_DATA_MISSING
 */
export const CN_MAINLAND_YEARS: readonly number[] = Object.keys(CN_MAINLAND).map(Number);
