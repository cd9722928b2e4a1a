/**
 * An edit that cannot be applied at all (an unknown visit, an occurrence the scenario lacks, a
 * date that is not a date) is an `EditError` listing every problem with its path in the edit.
 * An edit that can be applied but breaks a rule is not an error: it is applied, and the
 * validator's violations say what it breaks.
 */
import { formatMessage, type Locale, type MessageTable } from '../report/format.js';
import { formatPath, type InputIssue, type PathSegment } from '../model/issues.js';
import type { InputIssueCode } from '../model/codes.js';

/**
 * The codes of an edit's problems that are the edit's own (its shape problems keep the input
 * issue codes, e.g. `missing`, `invalid_date`).
 * @example
 * const known = EDIT_ISSUE_CODES.includes('unknown_visit'); // true
 */
export const EDIT_ISSUE_CODES = [
  'unknown_visit',
  'unknown_occurrence',
  'unknown_inspector',
  'officer_already_on_visit',
  'officer_not_on_visit',
  'already_scheduled',
  'not_in_visit',
  'already_in_visit',
  'already_unscheduled',
  'visit_id_taken',
  'duplicate_inspector',
  'two_targets',
  'invalid_patch',
] as const;

/**
 * The code of one problem of an edit: the edit's own codes, or an input issue code for its shape.
 * @example
 * const code: EditIssueCode = 'unknown_visit';
 */
export type EditIssueCode = (typeof EDIT_ISSUE_CODES)[number] | InputIssueCode;

/**
 * One problem of an edit: where in the edit (`path`, e.g. `toNewVisit.inspectorIds[1]`; in a
 * list of edits `[2].visitId`), what (`code`, `details`), and in words (`message`).
 * @example
 * const issue: EditIssue = { path: 'visitId', segments: ['visitId'], code: 'unknown_visit', message: '计划中没有检查组 V99', details: { visitId: 'V99' } };
 */
export interface EditIssue {
  path: string;
  segments: PathSegment[];
  code: EditIssueCode;
  message: string;
  details: Record<string, unknown>;
}

const en: MessageTable = {
  unknown_visit: 'the plan has no visit {visitId}',
  unknown_occurrence: 'occurrence {occurrenceId} is not an occurrence of this scenario',
  unknown_inspector: 'the scenario has no officer {inspectorId}',
  officer_already_on_visit: '{inspector} is already on visit {visitId}',
  officer_not_on_visit: '{inspector} is not on visit {visitId}',
  already_scheduled: 'occurrence {occurrenceId} is already in visit {visitId}; move it with "move-occurrence"',
  not_in_visit: 'occurrence {occurrenceId} is in no visit; place it with "schedule"',
  already_in_visit: 'occurrence {occurrenceId} is already in visit {visitId}',
  already_unscheduled: 'occurrence {occurrenceId} is already unscheduled',
  visit_id_taken: 'visit id {visitId} is already used in the plan',
  duplicate_inspector: '{inspector} is listed twice',
  two_targets: 'give either {first} or {second}, not both',
  invalid_patch: 'this patch does not fit the plan: {detail}',
};

const zhCN: MessageTable = {
  unknown_visit: '计划中没有检查组 {visitId}',
  unknown_occurrence: '{occurrenceId} 不是本场景中的检查任务',
  unknown_inspector: '场景中没有执法人员 {inspectorId}',
  officer_already_on_visit: '执法人员{inspector}已在检查组 {visitId} 中',
  officer_not_on_visit: '执法人员{inspector}不在检查组 {visitId} 中',
  already_scheduled: '检查任务 {occurrenceId} 已编入检查组 {visitId}，请用“move-occurrence”移动',
  not_in_visit: '检查任务 {occurrenceId} 未编入任何检查组，请用“schedule”安排',
  already_in_visit: '检查任务 {occurrenceId} 已在检查组 {visitId} 中',
  already_unscheduled: '检查任务 {occurrenceId} 已是未安排状态',
  visit_id_taken: '检查组编号 {visitId} 在计划中已被使用',
  duplicate_inspector: '执法人员{inspector}重复列出',
  two_targets: '{first} 与 {second} 只能给出其一',
  invalid_patch: '该补丁与计划不符：{detail}',
};

const messages: Record<Locale, MessageTable> = { en, 'zh-CN': zhCN };

/** An issue of the edit's own kind; `words` fills the message (names), `details` keeps the ids. */
export function editIssue(
  segments: PathSegment[],
  code: (typeof EDIT_ISSUE_CODES)[number],
  details: Record<string, unknown>,
  locale: Locale,
  words: Record<string, unknown> = {},
): EditIssue {
  return { path: formatPath(segments), segments, code, message: formatMessage(messages, locale, code, { ...details, ...words }), details };
}

/** An input issue (a shape problem found by the schema) as an edit issue. */
export function fromInputIssue(issue: InputIssue): EditIssue {
  return { path: issue.path, segments: issue.segments, code: issue.code, message: issue.message, details: issue.details };
}

/** The same issue under `prefix` (e.g. the edit's index in a list of edits). */
export function prefixIssue(issue: EditIssue, prefix: readonly PathSegment[]): EditIssue {
  const segments = [...prefix, ...issue.segments];
  return { ...issue, segments, path: formatPath(segments) };
}

/**
 * An edit that cannot be applied: every problem, each with its path in the edit. `code` and
 * `path` are those of the first problem.
 * @example
 * try {
 *   editPlan(scenario, plan, { kind: 'move-visit', visitId: 'V99', date: '2026-03-03' });
 * } catch (error) {
 *   if (error instanceof EditError) console.error(error.code, error.path, error.issues[0]?.message); // unknown_visit visitId 计划中没有检查组 V99
 * }
 */
export class EditError extends Error {
  readonly issues: EditIssue[];
  readonly code: EditIssueCode;
  readonly path: string;
  constructor(issues: EditIssue[]) {
    super(`The edit cannot be applied (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` + issues.map((i) => `  ${i.path || '(edit)'}: ${i.message}`).join('\n'));
    this.name = 'EditError';
    this.issues = issues;
    const first = issues[0];
    this.code = first?.code ?? 'invalid';
    this.path = first?.path ?? '';
  }
}
