/**
 * The small helpers of the public entry (civil days, the working calendar, occurrences, one CSV
 * field), checked at the boundary. Inside the library the unchecked versions run in hot loops
 * on values that parsing already vouched for; a host calling them from plain JavaScript may
 * pass anything, and then gets an `ArgumentError` (an `InputError`: every problem with the
 * argument's name as its path) — never a `TypeError` or a `RangeError` from deep inside.
 */
import { buildCalendar as buildCalendarUnchecked, type WorkingCalendar } from './calendar/calendar.js';
import { formatDay as formatDayUnchecked, isoWeekday as isoWeekdayUnchecked, parseDay as parseDayUnchecked } from './calendar/civil.js';
import { csvField as csvFieldUnchecked } from './export/csv.js';
import { ArgumentError, describeValue, underArgument, type ArgumentProblem } from './model/arguments.js';
import { fromZodIssues, ScenarioError } from './model/issues.js';
import { safeParseScenario } from './model/parse.js';
import { isParsedScenario } from './model/parsed.js';
import { rangeSchema } from './model/primitives.js';
import { calendarSchema, type CalendarSettings, type Scenario } from './model/scenario.js';
import { expandOccurrences as expandOccurrencesUnchecked, type Occurrence } from './occurrences/expand.js';

/** Day numbers the library can write as `YYYY-MM-DD`: years 0000–9999. */
const MIN_DAY = -719_528;
const MAX_DAY = 2_932_896;

function checkDay(fn: string, day: unknown): number {
  if (typeof day !== 'number' || !Number.isSafeInteger(day) || day < MIN_DAY || day > MAX_DAY) {
    throw ArgumentError.of(fn, [{ parameter: 'day', expected: `an integer day number from ${MIN_DAY} to ${MAX_DAY}`, received: describeValue(day) }]);
  }
  return day;
}

/** A parsed scenario as is; anything else parsed here (a bad one throws `ScenarioError`). */
function checkScenario(scenario: unknown): Scenario {
  if (isParsedScenario(scenario)) return scenario;
  const parsed = safeParseScenario(scenario);
  if (!parsed.success) throw new ScenarioError(parsed.issues);
  return parsed.data;
}

/**
 * Day number (days since 1970-01-01) of a `YYYY-MM-DD` civil date, or `undefined` when the
 * value is not a real date (anything that is not such a string included).
 * @example
 * parseDay('2026-03-02'); // 20514
 * parseDay('2026-02-29'); // undefined: not a real date
 */
export function parseDay(text: string): number | undefined {
  return typeof text === 'string' ? parseDayUnchecked(text) : undefined;
}

/**
 * `YYYY-MM-DD` of a day number, whatever the host time zone. Throws `ArgumentError` for a value
 * that is not an integer day number of the years 0000–9999.
 * @example
 * formatDay(parseDay('2026-03-02')!); // '2026-03-02'
 */
export function formatDay(day: number): string {
  return formatDayUnchecked(checkDay('formatDay', day));
}

/**
 * ISO weekday of a day number: 1 = Monday … 7 = Sunday. Throws `ArgumentError` for a value
 * that is not an integer day number.
 * @example
 * isoWeekday(parseDay('2026-03-02')!); // 1 (a Monday)
 */
export function isoWeekday(day: number): number {
  return isoWeekdayUnchecked(checkDay('isoWeekday', day));
}

/**
 * The working calendar of a scenario's `calendar` section over a horizon (contract §1.1, §4):
 * `isWorkingDay`, `isMakeupWorkday` and the warnings (years the preset has no data for). The
 * section is read as the scenario's is, defaults included; a bad one throws `ArgumentError`
 * listing every problem by path (`calendar.holidays[0]`, `horizon.to`).
 * @example
 * const cal = buildCalendar({ preset: 'cn-mainland' }, { from: '2026-01-01', to: '2026-12-31' });
 * cal.isWorkingDay(parseDay('2026-02-14')!); // true: a make-up workday (调休)
 * cal.warnings; // []: the preset has 2026
 */
export function buildCalendar(calendar: Partial<CalendarSettings>, horizon: { from: string; to: string }): WorkingCalendar {
  const locale = 'zh-CN';
  const settings = calendarSchema.safeParse(calendar);
  const range = rangeSchema.safeParse(horizon);
  const issues = [
    ...(settings.success ? [] : fromZodIssues(settings.error.issues, calendar, locale).map((i) => underArgument(i, 'calendar'))),
    ...(range.success ? [] : fromZodIssues(range.error.issues, horizon, locale).map((i) => underArgument(i, 'horizon'))),
  ];
  if (issues.length > 0 || !settings.success || !range.success) throw new ArgumentError('buildCalendar', issues, locale);
  return buildCalendarUnchecked(settings.data, range.data);
}

/**
 * The working calendar of a scenario over its horizon. A scenario that did not come from
 * `parseScenario` is parsed first (a bad one throws `ScenarioError`).
 * @example
 * const cal = scenarioCalendar(parseScenario(json));
 * cal.isMakeupWorkday(parseDay('2026-02-28')!); // true: a make-up workday in the cn-mainland preset
 */
export function scenarioCalendar(scenario: Scenario): WorkingCalendar {
  const s = checkScenario(scenario);
  return buildCalendarUnchecked(s.calendar, s.horizon);
}

/**
 * Every occurrence of the scenario (contract §1.6), in request order: a request without
 * `recurrence` is one occurrence with the request's id; with one, `"<id>#1"`, `"<id>#2"`, ….
 * A scenario that did not come from `parseScenario` is parsed first (a bad one throws
 * `ScenarioError`).
 * @example
 * expandOccurrences(scenario).map((o) => o.id); // ['R1', 'R7#1', 'R7#2', …]
 */
export function expandOccurrences(scenario: Scenario): Occurrence[] {
  return expandOccurrencesUnchecked(checkScenario(scenario));
}

/**
 * One CSV field: quoted when it holds a comma, a quote, CR or LF (RFC 4180 §2.6), quotes
 * doubled; with the formula guard (default on) a field starting with `= + - @`, a tab or a CR
 * gets a leading `'`. Throws `ArgumentError` unless `value` is a string and `formulaGuard` a
 * boolean.
 * @example
 * csvField('a,b');       // '"a,b"'
 * csvField('=SUM(A1)');  // "'=SUM(A1)" (a formula shown as text)
 */
export function csvField(value: string, formulaGuard = true): string {
  const problems: ArgumentProblem[] = [];
  if (typeof value !== 'string') problems.push({ parameter: 'value', expected: 'a string', received: describeValue(value) });
  if (typeof formulaGuard !== 'boolean') problems.push({ parameter: 'formulaGuard', expected: 'a boolean', received: describeValue(formulaGuard) });
  if (problems.length > 0) throw ArgumentError.of('csvField', problems);
  return csvFieldUnchecked(value, formulaGuard);
}
