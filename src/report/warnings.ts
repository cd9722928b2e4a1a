/**
 * Plan warnings (plan-level facts a planner's user should act on) and their prose:
 * - `CALENDAR_DATA_MISSING`: the preset has no holiday data for a horizon year;
 * - `UNKNOWN_FIELD`: the scenario had a field contract v1 does not define (ignored), with its
 *   JSON path and, for a likely misspelling accepted under `allowUnknownFields`, the suggestion;
 * - `CERTIFICATE_EXPIRES` / `CERTIFICATE_NOT_YET_VALID`: an officer's certificate ends / starts
 *   inside the horizon, so the officer can inspect on part of it only;
 *   `CERTIFICATE_OUTSIDE_HORIZON`: it is valid on no day of the horizon.
 */
import type { CalendarWarning } from '../calendar/calendar.js';
import type { InputIssue } from '../model/issues.js';
import type { Scenario } from '../model/scenario.js';
import { formatMessage, type Locale } from './format.js';
import { reasonMessages } from './locales/reason-messages.js';
import type { Names } from './names.js';

/**
 * The codes of plan warnings.
 * @example
 * WARNING_CODES.includes('CERTIFICATE_EXPIRES'); // true
 */
export const WARNING_CODES = ['CALENDAR_DATA_MISSING', 'UNKNOWN_FIELD', 'CERTIFICATE_EXPIRES', 'CERTIFICATE_NOT_YET_VALID', 'CERTIFICATE_OUTSIDE_HORIZON'] as const;
/**
 * One plan warning code.
 * @example
 * const expiring = plan.warnings.filter((w) => w.code === ('CERTIFICATE_EXPIRES' satisfies WarningCode));
 */
export type WarningCode = (typeof WARNING_CODES)[number];

export interface PlanWarning {
  code: WarningCode;
  message: string;
  details: Record<string, unknown>;
}

export function warningMessage(w: CalendarWarning, locale: Locale): string {
  return formatMessage(reasonMessages, locale, w.code, w.details);
}

export function calendarWarnings(warnings: readonly CalendarWarning[], locale: Locale): PlanWarning[] {
  return warnings.map((w) => ({ code: w.code, message: warningMessage(w, locale), details: { ...w.details } }));
}

/** The parse's unknown-field warnings (`unknown_field`, or an allowed `misspelt_field`) as plan warnings. */
export function unknownFieldWarnings(issues: readonly InputIssue[], locale: Locale): PlanWarning[] {
  return issues.map((issue) => {
    const suggestion = typeof issue.details.suggestion === 'string' ? issue.details.suggestion : undefined;
    const field = typeof issue.details.field === 'string' ? issue.details.field : String(issue.segments[issue.segments.length - 1] ?? '');
    const details = { path: issue.path, field, ...(suggestion !== undefined ? { suggestion } : {}) };
    const key = suggestion !== undefined ? 'UNKNOWN_FIELD.suggestion' : 'UNKNOWN_FIELD';
    return { code: 'UNKNOWN_FIELD', message: formatMessage(reasonMessages, locale, key, details), details };
  });
}

/**
 * One warning per officer whose certificate does not cover the whole horizon, in officer-id
 * order. Dates compare as `YYYY-MM-DD` strings (their order is the calendar's).
 */
export function certificateWarnings(scenario: Scenario, locale: Locale, names: Names): PlanWarning[] {
  const { from, to } = scenario.horizon;
  const out: PlanWarning[] = [];
  const officers = [...scenario.inspectors].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const p of officers) {
    const { validFrom, validTo } = p.certificate;
    const codes: WarningCode[] = [];
    if (validTo < from || validFrom > to) codes.push('CERTIFICATE_OUTSIDE_HORIZON');
    else {
      if (validFrom > from) codes.push('CERTIFICATE_NOT_YET_VALID');
      if (validTo < to) codes.push('CERTIFICATE_EXPIRES');
    }
    if (codes.length === 0) continue;
    const details = { inspectorId: p.id, departmentId: p.departmentId, validFrom, validTo, ...(p.certificate.number !== undefined ? { certificateNumber: p.certificate.number } : {}) };
    const words = { ...details, inspector: names.inspector(p.id), department: names.department(p.departmentId) };
    for (const code of codes) out.push({ code, message: formatMessage(reasonMessages, locale, code, words), details: { ...details } });
  }
  return out;
}
