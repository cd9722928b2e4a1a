/** Text the command line prints: problems, violations, the progress line, the summary. */
import type { InputIssue } from '../model/issues.js';
import type { Plan } from '../model/plan.js';
import type { PlanProgress } from '../solver/options.js';
import { formatMessage, type Locale } from '../report/format.js';
import type { Problem } from './io.js';
import { cliMessages } from './messages.js';

const t = (locale: Locale, code: string, details: Record<string, unknown> = {}) => formatMessage(cliMessages, locale, code, details);

export function issuesToProblems(file: string, issues: readonly InputIssue[]): Problem[] {
  return issues.map((i) => ({ file, path: i.path, code: i.code, message: i.message }));
}

/** `scenario.json: requests[12].itemIds[1]: refers to unknown item "X"`; `file:line:col: …` for syntax errors. */
export function formatProblem(p: Problem): string {
  if (p.line !== undefined) return `${p.file}:${p.line}:${p.column ?? 1}: ${p.message}`;
  if (p.path === undefined) return `${p.file}: ${p.message}`;
  return `${p.file}: ${p.path === '' ? '(document)' : p.path}: ${p.message}`;
}

/** Every problem on its own line, then a count. */
export function formatProblems(problems: readonly Problem[], locale: Locale): string {
  const count = problems.length === 1 ? t(locale, 'problem_count_one') : t(locale, 'problem_count_other', { count: problems.length });
  return problems.map((p) => formatProblem(p) + '\n').join('') + count + '\n';
}

export interface ViolationLike {
  ruleId: string;
  message: string;
  visitId?: string;
  occurrenceId?: string;
  inspectorId?: string;
}

/** `VISIT_ON_WORKING_DAY  visit V1, occurrence R1: message` */
export function formatViolation(v: ViolationLike, locale: Locale): string {
  const where = [
    v.visitId !== undefined ? t(locale, 'context_visit', { id: v.visitId }) : undefined,
    v.occurrenceId !== undefined ? t(locale, 'context_occurrence', { id: v.occurrenceId }) : undefined,
    v.inspectorId !== undefined ? t(locale, 'context_officer', { id: v.inspectorId }) : undefined,
  ].filter((s) => s !== undefined);
  return where.length > 0 ? `${v.ruleId}  ${where.join(', ')}: ${v.message}` : `${v.ruleId}  ${v.message}`;
}

export function formatViolations(violations: readonly ViolationLike[], locale: Locale): string {
  const lines = violations.map((v) => formatViolation(v, locale) + '\n').join('');
  if (violations.length === 0) return t(locale, 'no_violations') + '\n';
  const count = violations.length === 1 ? t(locale, 'violation_count_one') : t(locale, 'violation_count_other', { count: violations.length });
  return lines + count + '\n';
}

/** One line, without `\r`: phase, percent, best objective so far. */
export function formatProgress(p: PlanProgress, locale: Locale): string {
  const phase = cliMessages.en[`phase_${p.phase}`] ? t(locale, `phase_${p.phase}`) : p.phase;
  const percent = Math.max(0, Math.min(100, Math.floor(p.fraction * 100)));
  const head = t(locale, 'progress', { phase, percent });
  return p.best ? `${head} · ${t(locale, 'progress_best', p.best)}` : head;
}

/** The closing summary of `plan` (printed on a terminal only). */
export function formatSummary(plan: Plan, locale: Locale, out: string | undefined): string {
  const m = plan.metrics;
  const lines = [t(locale, 'summary', { ...m, seconds: (plan.meta.elapsedMs / 1000).toFixed(1) })];
  const stopped = plan.meta.stoppedEarly;
  if (typeof stopped === 'string' && cliMessages.en[`summary_stopped_${stopped}`]) lines.push(t(locale, `summary_stopped_${stopped}`));
  if (out !== undefined) lines.push(t(locale, 'summary_written', { file: out }));
  return lines.join(' ') + '\n';
}

/** Fields the contract does not define: ignored, but reported on stderr in case they are misspelt. */
export function formatWarnings(file: string, warnings: readonly InputIssue[]): string {
  return warnings.map((w) => `${file}: ${w.path}: warning: ${w.message}\n`).join('');
}
