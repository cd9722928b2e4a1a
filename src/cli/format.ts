/**
 * Text the command line prints: problems, violations, warnings, the summary (the progress bar
 * is in progress.ts). Each takes the palette of the stream it goes to; `PLAIN` adds nothing.
 */
import type { InputIssue } from '../model/issues.js';
import type { Plan } from '../model/plan.js';
import { formatMessage, type Locale } from '../report/format.js';
import { inputMessages } from '../report/locales/input-messages.js';
import { PLAIN, type Palette } from './colour.js';
import type { Problem } from './io.js';
import { cliMessages } from './messages.js';

const t = (locale: Locale, code: string, details: Record<string, unknown> = {}) => formatMessage(cliMessages, locale, code, details);

/**
 * A misspelt field in the CLI's words: the library's message names its option
 * `allowUnknownFields`; a CLI user has the flag `--allow-unknown-fields` instead, and once it is
 * given (the issue is then a warning) nothing more is to be set.
 */
function cliMessage(issue: InputIssue, locale: Locale, allowed: boolean): string {
  if (issue.code !== 'misspelt_field') return issue.message;
  return t(locale, allowed ? 'misspelt_field_allowed' : 'misspelt_field', issue.details);
}

export function issuesToProblems(file: string, issues: readonly InputIssue[], locale: Locale): Problem[] {
  return issues.map((i) => ({ file, path: i.path, code: i.code, message: cliMessage(i, locale, false) }));
}

/** `scenario.json: requests[12].itemIds[1]: refers to unknown item "X"`; `file:line:col: …` for syntax errors. */
export function formatProblem(p: Problem, locale: Locale = 'zh-CN'): string {
  if (p.line !== undefined) return `${p.file}:${p.line}:${p.column ?? 1}: ${p.message}`;
  if (p.path === undefined) return `${p.file}: ${p.message}`;
  return `${p.file}: ${p.path === '' ? formatMessage(inputMessages, locale, 'path.document') : p.path}: ${p.message}`;
}

/** Every problem on its own line, then a count (in the error colour). */
export function formatProblems(problems: readonly Problem[], locale: Locale, palette: Palette = PLAIN): string {
  const count = problems.length === 1 ? t(locale, 'problem_count_one') : t(locale, 'problem_count_other', { count: problems.length });
  return problems.map((p) => formatProblem(p, locale) + '\n').join('') + palette.error(count) + '\n';
}

export interface ViolationLike {
  ruleId: string;
  message: string;
  visitId?: string;
  occurrenceId?: string;
  inspectorId?: string;
}

/** `VISIT_ON_WORKING_DAY  visit V1, occurrence R1: message` (the rule id in the error colour) */
export function formatViolation(v: ViolationLike, locale: Locale, palette: Palette = PLAIN): string {
  const where = [
    v.visitId !== undefined ? t(locale, 'context_visit', { id: v.visitId }) : undefined,
    v.occurrenceId !== undefined ? t(locale, 'context_occurrence', { id: v.occurrenceId }) : undefined,
    v.inspectorId !== undefined ? t(locale, 'context_officer', { id: v.inspectorId }) : undefined,
  ].filter((s) => s !== undefined);
  const id = palette.error(v.ruleId);
  return where.length > 0 ? `${id}  ${where.join(', ')}: ${v.message}` : `${id}  ${v.message}`;
}

export function formatViolations(violations: readonly ViolationLike[], locale: Locale, palette: Palette = PLAIN): string {
  const lines = violations.map((v) => formatViolation(v, locale, palette) + '\n').join('');
  if (violations.length === 0) return palette.success(t(locale, 'no_violations')) + '\n';
  const count = violations.length === 1 ? t(locale, 'violation_count_one') : t(locale, 'violation_count_other', { count: violations.length });
  return lines + palette.error(count) + '\n';
}

/** The closing summary of `plan` (printed on a terminal only; green, or yellow when the search was cut short). */
export function formatSummary(plan: Plan, locale: Locale, out: string | undefined, palette: Palette = PLAIN): string {
  const m = plan.metrics;
  const lines = [t(locale, 'summary', { ...m, seconds: (plan.meta.elapsedMs / 1000).toFixed(1) })];
  const stopped = plan.meta.stoppedEarly;
  if (typeof stopped === 'string' && cliMessages.en[`summary_stopped_${stopped}`]) lines.push(t(locale, `summary_stopped_${stopped}`));
  if (out !== undefined) lines.push(t(locale, 'summary_written', { file: out }));
  const paint = typeof stopped === 'string' ? palette.warning : palette.success;
  return paint(lines.join(' ')) + '\n';
}

/** Fields the contract does not define: ignored, but reported on stderr in case they are misspelt (`警告：` in zh-CN). */
export function formatWarnings(file: string, warnings: readonly InputIssue[], locale: Locale, palette: Palette = PLAIN): string {
  return warnings.map((w) => `${file}: ${w.path}: ${palette.warning(t(locale, 'input_warning'))} ${cliMessage(w, locale, true)}\n`).join('');
}
