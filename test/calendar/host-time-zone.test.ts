/**
 * The `tz-*` projects only prove something if the host time zone really differs between them.
 * This checks, inside the test worker, that each project runs under the zone vitest.config.ts
 * gives it — by the offsets the zone must have, written down by hand here.
 */
import { describe, expect, it } from 'vitest';

/** Project → [zone, UTC offset in minutes as getTimezoneOffset reports it in January, in July]. */
const EXPECTED: Record<string, [zone: string, january: number, july: number]> = {
  unit: ['Asia/Shanghai', -480, -480],
  'tz-utc': ['UTC', 0, 0],
  'tz-los-angeles': ['America/Los_Angeles', 480, 420],
};

describe('host time zone of the test worker', () => {
  it('is the zone the project is configured with, by process.env.TZ', ({ task }) => {
    const expected = EXPECTED[task.file.projectName ?? ''];
    expect(expected, `unknown project "${task.file.projectName}"`).toBeDefined();
    expect(process.env.TZ).toBe(expected![0]);
  });

  it('moves Date: new Date(2026, 0, 1) and new Date(2026, 6, 1) have the zone’s offsets', ({ task }) => {
    const [, january, july] = EXPECTED[task.file.projectName ?? '']!;
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(january);
    expect(new Date(2026, 6, 1).getTimezoneOffset()).toBe(july);
  });

  it('moves Intl: the default DateTimeFormat resolves to the zone', ({ task }) => {
    const [zone] = EXPECTED[task.file.projectName ?? '']!;
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
  });

  it('shows local midnight of 2026-01-01 as a different UTC instant per zone', ({ task }) => {
    const [zone] = EXPECTED[task.file.projectName ?? '']!;
    const instants: Record<string, string> = {
      'Asia/Shanghai': '2025-12-31T16:00:00.000Z',
      UTC: '2026-01-01T00:00:00.000Z',
      'America/Los_Angeles': '2026-01-01T08:00:00.000Z',
    };
    expect(new Date(2026, 0, 1).toISOString()).toBe(instants[zone]);
  });
});
