/** Bad export options: every problem with its path under `options` (errors are data). */
import type { InputIssueCode } from '../model/codes.js';
import { InputError, type InputIssue, formatPath, type PathSegment } from '../model/issues.js';

export class ExportError extends InputError {
  constructor(issues: InputIssue[]) {
    super('The export options', issues);
    this.name = 'ExportError';
  }
}

export function exportIssue(segments: PathSegment[], code: InputIssueCode, message: string, details: Record<string, unknown> = {}): InputIssue {
  return { path: formatPath(segments), segments, code, message, details };
}
