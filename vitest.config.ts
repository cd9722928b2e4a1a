/**
 * Test projects. `unit` runs every test in `test/` with the host clock in Beijing time (the
 * zone the library's users run it in). The `tz-*` projects run the suites that turn dates into
 * day numbers again under hosts far from it — UTC, and Los Angeles (16 hours behind Beijing,
 * with daylight saving) — because a civil date must never move with the host time zone
 * (contract "Conventions"; style habit 6).
 *
 * `env` is given to the worker process when it is spawned (the default `forks` pool), so `TZ`
 * is in force before any module loads; `test/calendar/host-time-zone.test.ts` checks that it
 * really is, in every project.
 */
import { defineConfig } from 'vitest/config';

/** The suites whose answers must not depend on the host time zone. */
const TIME_ZONE_SENSITIVE = ['test/calendar/**/*.test.ts', 'test/occurrences/**/*.test.ts', 'test/model/**/*.test.ts', 'test/export/**/*.test.ts'];

/** Project name → host time zone (`test/calendar/host-time-zone.test.ts` checks each by hand). */
const PROJECT_TIME_ZONES = {
  unit: 'Asia/Shanghai',
  'tz-utc': 'UTC',
  'tz-los-angeles': 'America/Los_Angeles',
} as const;

export default defineConfig({
  test: {
    // property tests run hundreds of cases; the 5 s default is too tight on a busy machine
    testTimeout: 30_000,
    // fast-check from a fixed seed (JI_PROPERTY_SEED overrides): reproducible runs everywhere
    setupFiles: ['test/setup/fast-check.ts'],
    // dist/ built once, before any worker starts (the package and process tests use it)
    globalSetup: ['test/setup/build.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          env: { TZ: PROJECT_TIME_ZONES.unit },
        },
      },
      {
        extends: true,
        test: {
          name: 'tz-utc',
          include: TIME_ZONE_SENSITIVE,
          env: { TZ: PROJECT_TIME_ZONES['tz-utc'] },
        },
      },
      {
        extends: true,
        test: {
          name: 'tz-los-angeles',
          include: TIME_ZONE_SENSITIVE,
          env: { TZ: PROJECT_TIME_ZONES['tz-los-angeles'] },
        },
      },
    ],
  },
});
