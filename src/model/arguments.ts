/** Bad arguments to the public helpers (`formatDay(NaN)`, `csvField(42)`): errors are data. */
import type { Locale } from '../report/format.js';
import { formatPath, InputError, makeIssue, type InputIssue } from './issues.js';

/** One argument that is not what the helper takes. */
export interface ArgumentProblem {
  parameter: string;
  expected: string;
  received: string;
}

/**
 * A public helper was given an argument it cannot take (from plain JavaScript, say): every
 * problem with the argument's name as its path, code `invalid_argument`. An `InputError`.
 * @example
 * try {
 *   formatDay(Number.NaN);
 * } catch (error) {
 *   if (error instanceof ArgumentError) console.error(error.issues[0]?.path); // 'day'
 * }
 */
export class ArgumentError extends InputError {
  /** The helper that refused its arguments, e.g. `formatDay`. */
  readonly helper: string;
  constructor(helper: string, issues: InputIssue[], locale: Locale = 'zh-CN') {
    super(helper, issues, locale);
    this.name = 'ArgumentError';
    this.helper = helper;
  }

  /** The error for arguments of the wrong kind, one `invalid_argument` issue each. */
  static of(helper: string, problems: readonly ArgumentProblem[], locale: Locale = 'zh-CN'): ArgumentError {
    return new ArgumentError(helper, problems.map((p) => makeIssue([p.parameter], 'invalid_argument', { ...p }, locale)), locale);
  }
}

/** The issue with its path under the argument's name (`holidays[0]` → `calendar.holidays[0]`). */
export function underArgument(issue: InputIssue, parameter: string): InputIssue {
  const segments = [parameter, ...issue.segments];
  return { ...issue, segments, path: formatPath(segments) };
}

/** A value as a message shows what was received: its type, and short values themselves. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isFinite(value) ? `number ${value}` : String(value);
  if (typeof value === 'string') return value.length <= 20 ? `string "${value}"` : 'string';
  return typeof value;
}
