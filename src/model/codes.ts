/**
 * Every closed set of codes and ids the library writes, as string-literal unions, so that a
 * host's `switch (reason.code)` is checked by TypeScript (a misspelt `'CAP_REACHD'` does not
 * compile). Each list is a runtime array too, for hosts that validate or enumerate.
 *
 * The lists live where the codes are produced (reasons, warnings, soft findings, rules); this
 * file gathers them under one name each. `test/api/codes.test.ts` checks each list against
 * what the library really emits or describes (message tables, the rule catalogue).
 */
export { REASON_CODES, type ReasonCode } from '../report/reasons.js';
export { WARNING_CODES, type WarningCode } from '../report/warnings.js';
export { SOFT_FINDING_CODES, type SoftFindingCode } from '../report/soft-findings.js';
export type { Locale } from '../report/format.js';

/**
 * The ids of the validator's rules (`rules` lists them with their titles), in catalogue order:
 * the hard rules of contract §2.1, then the whole-plan checks.
 * @example
 * const catalogue: readonly RuleId[] = RULE_IDS; // ['visit-day', 'occurrence-window', …]
 */
export const RULE_IDS = [
  'visit-day',
  'occurrence-window',
  'enterprise-availability',
  'quiet-period',
  'visit-departments',
  'exclusive',
  'department-area',
  'whitelist',
  'visit-duration',
  'team',
  'officer-day',
  'cap',
  'lead-department',
  'visit-enterprise',
  'references',
  'occurrence-accounting',
  'metrics',
] as const;

/**
 * The id of one validator rule, e.g. `'cap'` or `'team'`.
 * @example
 * const onlyCaps = (v: Violation) => v.ruleId === ('cap' satisfies RuleId);
 */
export type RuleId = (typeof RULE_IDS)[number];

/**
 * The codes of `InputIssue`s (a bad scenario, plan or options): the library's own, and the
 * shape codes it keeps from zod.
 * @example
 * const missing = issues.filter((i) => i.code === ('missing' satisfies InputIssueCode));
 */
export const INPUT_ISSUE_CODES = [
  // Shape (zod's codes, an absent field as `missing`).
  'missing',
  'invalid_type',
  'invalid_value',
  'invalid_format',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'too_small',
  'too_big',
  'not_multiple_of',
  'unrecognized_keys',
  // Values the contract defines.
  'invalid_json',
  'invalid_date',
  'invalid_time',
  'invalid_rrule',
  'invalid_timezone',
  'reversed_range',
  'invalid',
  // Cross-references and consistency.
  'duplicate_id',
  'unknown_reference',
  'item_department_mismatch',
  'holiday_and_workday',
  'day_start_not_before_end',
  'duplicate_occurrence_id',
  'unknown_occurrence',
  // Fields the contract does not define.
  'unknown_field',
  'misspelt_field',
  // Arguments of the public helpers (formatDay, csvField, …).
  'invalid_argument',
  // Export options and the plan as an export reads it.
  'unknown_id',
  'invalid_stamp',
  'reversed_times',
  'unsupported_timezone',
] as const;

/**
 * The code of one `InputIssue`, e.g. `'missing'`, `'invalid_date'`, `'misspelt_field'`.
 * @example
 * if (issue.code === 'misspelt_field') console.log(issue.details.suggestion);
 */
export type InputIssueCode = (typeof INPUT_ISSUE_CODES)[number];

/**
 * The phases `plan` reports through `onProgress`, in the order they come.
 * @example
 * await plan(scenario, { onProgress: (p) => p.phase === 'improve' && bar.update(p.fraction) });
 */
export const PROGRESS_PHASES = ['compile', 'construct', 'improve', 'balance', 'report', 'done'] as const;

/**
 * One phase of a planning run as `PlanProgress.phase` names it.
 * @example
 * const label: Record<ProgressPhase, string> = { compile: '编译', construct: '构造', improve: '优化', balance: '均衡', report: '报告', done: '完成' };
 */
export type ProgressPhase = (typeof PROGRESS_PHASES)[number];
