/**
 * RRULE value strings (contract "Conventions"): a strict validator and an expansion to day
 * numbers that never consults the host time zone. Reading: `rrule-parse.ts`; expansion:
 * `rrule-expand.ts`; what is supported and refused, and why: `docs/calendar.md`.
 */
import { formatMessage, type Locale } from '../report/format.js';
import { inputMessages } from '../report/locales/input-messages.js';
import { expandOptions } from './rrule-expand.js';
import { readRRule, type RRuleProblem } from './rrule-parse.js';

export { readRRule, type RecurrenceOptions, type RRuleProblem, type RRuleReason, type RRuleReading, type WeekdaySpec, type Frequency } from './rrule-parse.js';

/** Why an RRULE value is refused, as data (`reason` and the parts it names), or `undefined`. */
export function rruleIssue(rule: string): RRuleProblem | undefined {
  const reading = readRRule(rule);
  return reading.ok ? undefined : reading.problem;
}

/** A refusal in words (message key `rrule.<reason>`). */
export function describeRRuleProblem(problem: RRuleProblem, locale: Locale = 'zh-CN'): string {
  return formatMessage(inputMessages, locale, `rrule.${problem.reason}`, problem as unknown as Record<string, unknown>);
}

/** Why an RRULE value is invalid, in English, or `undefined` when it is valid. */
export function rruleProblem(rule: string): string | undefined {
  const problem = rruleIssue(rule);
  return problem && describeRRuleProblem(problem, 'en');
}

/**
 * The days in [fromDay, toDay] matched by `rule` started at `startDay` (the DTSTART),
 * ascending and without repeats. The rule must already be valid (a `RangeError` otherwise).
 */
export function expandRule(rule: string, startDay: number, fromDay: number, toDay: number): number[] {
  if (toDay < fromDay) return [];
  const reading = readRRule(rule);
  if (!reading.ok) throw new RangeError(`not a valid RRULE: ${rule} (${describeRRuleProblem(reading.problem, 'en')})`);
  return expandOptions(reading.options, startDay, fromDay, toDay);
}
