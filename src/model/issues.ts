/** Input issues: every problem with a JSON path, a code and a message (errors are data). */
import type { $ZodIssue } from 'zod/v4/core';
import { formatMessage, type Locale } from '../report/format.js';
import type { InputIssueCode } from './codes.js';
import { inputMessages } from '../report/locales/input-messages.js';

/**
 * One step of a JSON path: a field name or an array index.
 * @example
 * const segments: PathSegment[] = ['requests', 12, 'itemIds', 1]; // requests[12].itemIds[1]
 */
export type PathSegment = string | number;

/**
 * One problem of a scenario, plan or options: where (`path`), what (`code`, `details`), and in words (`message`).
 * @example
 * const result = safeParseScenario(json);
 * if (!result.success) for (const issue of result.issues) console.log(issue.path, issue.code, issue.message);
 */
export interface InputIssue {
  /** JSON path as a string: `requests[12].itemIds[1]`; `""` for the document itself. */
  path: string;
  segments: PathSegment[];
  code: InputIssueCode;
  message: string;
  details: Record<string, unknown>;
}

export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

export function makeIssue(
  segments: PathSegment[],
  code: InputIssueCode,
  details: Record<string, unknown>,
  locale: Locale,
): InputIssue {
  const shown = typeof details.kind === 'string' ? { ...details, kind: formatMessage(inputMessages, locale, `kind.${details.kind}`) } : details;
  return { path: formatPath(segments), segments, code, details, message: formatMessage(inputMessages, locale, code, shown) };
}

function valueAt(root: unknown, segments: readonly PathSegment[]): unknown {
  let v: unknown = root;
  for (const s of segments) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[s];
  }
  return v;
}

function describeType(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** Converts zod's issues into ours, with our codes for custom refinements. */
export function fromZodIssues(issues: readonly $ZodIssue[], input: unknown, locale: Locale): InputIssue[] {
  const out: InputIssue[] = [];
  for (const issue of issues) {
    const segments = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
    const value = valueAt(input, segments);
    if (issue.code === 'custom') {
      const params = (issue.params ?? {}) as { code?: InputIssueCode; detail?: string; reason?: string; detailKey?: string; detailParams?: Record<string, unknown> };
      const code = params.code ?? 'invalid';
      // A refinement may name its detail by message key (e.g. `rrule.count_and_until`), so it reads in the caller's locale.
      const detail = params.detailKey === undefined ? (params.detail ?? issue.message) : formatMessage(inputMessages, locale, params.detailKey, params.detailParams ?? {});
      const reason = params.reason === undefined ? {} : { reason: params.reason };
      out.push(makeIssue(segments, code, { value: typeof value === 'string' ? value : JSON.stringify(value), detail, ...reason }, locale));
    } else if (issue.code === 'invalid_union' && value !== undefined && issue.errors.length > 0) {
      // Report the branch that got furthest into the value (e.g. the object form of a cap's
      // period when `rollingDays` is missing), with its paths under the union's.
      const depth = (branch: readonly $ZodIssue[]) => Math.min(...branch.map((i) => i.path.length));
      const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0] as $ZodIssue[];
      if (depth(best) > 0) {
        const nested = best.map((i) => ({ ...i, path: [...issue.path, ...i.path] })) as $ZodIssue[];
        out.push(...fromZodIssues(nested, input, locale));
      } else out.push(makeIssue(segments, 'invalid_union', {}, locale));
    } else if (value === undefined && ['invalid_type', 'invalid_value', 'invalid_union'].includes(issue.code)) {
      // An absent field is "missing", whatever kind of value it should have held.
      out.push(makeIssue(segments, 'missing', {}, locale));
    } else if (issue.code === 'invalid_type') {
      out.push(makeIssue(segments, 'invalid_type', { expected: issue.expected, received: describeType(value) }, locale));
    } else if (issue.code === 'invalid_value') {
      out.push(makeIssue(segments, 'invalid_value', { options: issue.values.map((v) => JSON.stringify(v)) }, locale));
    } else if (issue.code === 'too_small') {
      out.push(makeIssue(segments, 'too_small', { minimum: String(issue.minimum) }, locale));
    } else if (issue.code === 'too_big') {
      out.push(makeIssue(segments, 'too_big', { maximum: String(issue.maximum) }, locale));
    } else if (issue.code === 'unrecognized_keys') {
      out.push(makeIssue(segments, 'unrecognized_keys', { keys: issue.keys }, locale));
    } else {
      out.push(makeIssue(segments, issue.code, {}, locale));
    }
  }
  return out;
}

/**
 * Bad input to any function of the library: carries every problem found, each with its JSON
 * path (`ScenarioError`, `PlanError` and `ExportError` are the kinds of it).
 * @example
 * try {
 *   planSync(json as never, { seed: 'x' as never });
 * } catch (error) {
 *   if (error instanceof InputError) console.error(error.issues.map((i) => i.path).join(', ')); // options.seed
 * }
 */
export class InputError extends Error {
  readonly issues: InputIssue[];
  /**
   * `subject` names what was bad: a key of the heading table (`scenario`, `plan`, `options`,
   * `export-options`, `validation-options`, `arguments`) or, for a function's arguments, any text.
   */
  constructor(subject: string, issues: InputIssue[], locale: Locale = 'zh-CN') {
    const heading = formatMessage(inputMessages, locale, `heading.${subject}`, { subject, count: issues.length });
    const fallback = heading === `heading.${subject}` ? formatMessage(inputMessages, locale, 'heading.other', { subject, count: issues.length }) : heading;
    const root = formatMessage(inputMessages, locale, 'path.document');
    super(`${fallback}\n` + issues.map((i) => `  ${i.path || root}: ${i.message}`).join('\n'));
    this.name = 'InputError';
    this.issues = issues;
  }
}

/**
 * A scenario that breaks contract v1: thrown by `parseScenario`, and by `plan` / `planSync` given one.
 * @example
 * try {
 *   parseScenario({ version: 1 });
 * } catch (error) {
 *   if (error instanceof ScenarioError) console.error(error.issues.length, 'problems');
 * }
 */
export class ScenarioError extends InputError {
  constructor(issues: InputIssue[], locale: Locale = 'zh-CN') {
    super('scenario', issues, locale);
    this.name = 'ScenarioError';
  }
}

/**
 * A plan whose shape cannot be read: thrown by `parsePlan`, and by `validatePlan` and the exports given one.
 * @example
 * try {
 *   parsePlan({ version: 1, visits: 'none' });
 * } catch (error) {
 *   if (error instanceof PlanError) console.error(error.issues[0]?.path); // 'visits'
 * }
 */
export class PlanError extends InputError {
  constructor(issues: InputIssue[], locale: Locale = 'zh-CN') {
    super('plan', issues, locale);
    this.name = 'PlanError';
  }
}
