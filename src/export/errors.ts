/** Bad export options: every problem with its path under `options` (errors are data). */
import type { InputIssueCode } from '../model/codes.js';
import { InputError, type InputIssue, formatPath, type PathSegment } from '../model/issues.js';

/**
 * Bad export options (an unknown `for`, an id that owns no calendar, …): every problem with its path.
 * @example
 * try {
 *   exportIcs(scenario, plan, { for: 'officer', id: 'nobody' });
 * } catch (error) {
 *   if (error instanceof ExportError) console.error(error.issues[0]?.message);
 * }
 */
export class ExportError extends InputError {
  constructor(issues: InputIssue[]) {
    super('export-options', issues);
    this.name = 'ExportError';
  }
}

export function exportIssue(segments: PathSegment[], code: InputIssueCode, message: string, details: Record<string, unknown> = {}): InputIssue {
  return { path: formatPath(segments), segments, code, message, details };
}
