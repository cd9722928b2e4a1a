/** Unscheduled reasons (contract §2.2): codes, details, and their prose per locale. */
import { formatMessage, type Locale } from './format.js';
import { reasonMessages } from './locales/reason-messages.js';
import { term } from './locales/terms.js';
import { idsAsNames, type Names } from './names.js';

/**
 * The reason codes of unscheduled occurrences (contract §2.2).
 * @example
 * const counts = Object.fromEntries(REASON_CODES.map((c) => [c, 0]));
 */
export const REASON_CODES = [
  'OUTSIDE_HORIZON',
  'NO_WORKING_DAY',
  'ENTERPRISE_UNAVAILABLE',
  'QUIET_PERIOD',
  'WHITELISTED',
  'AREA_MISMATCH',
  'FIXED_DATE_INFEASIBLE',
  'VISIT_TOO_LONG',
  'CAP_REACHED',
  'NO_ELIGIBLE_INSPECTORS',
  'STAFF_CAPACITY',
  'DISPLACED',
  // Added by this library (not in contract §2.2): taken out of the plan by a person with `editPlan`.
  'MANUAL',
] as const;
/**
 * One reason code of contract §2.2.
 * @example
 * const code: ReasonCode = 'CAP_REACHED';
 */
export type ReasonCode = (typeof REASON_CODES)[number];

export interface UnscheduledReason {
  code: ReasonCode;
  details: Record<string, unknown>;
}

const LIST_SEPARATOR: Record<Locale, string> = { en: ', ', 'zh-CN': '、' };
const CLAUSE_SEPARATOR: Record<Locale, string> = { en: '; ', 'zh-CN': '；' };

const m = (locale: Locale, key: string, values: Readonly<Record<string, unknown>> = {}) => formatMessage(reasonMessages, locale, key, values);

/** A cap's period in words: `year`, or `30 consecutive days` for `{ rollingDays: 30 }`. */
export function periodWords(period: unknown, locale: Locale): string {
  if (typeof period === 'string') return term(locale, `period.${period}`);
  if (period && typeof period === 'object' && 'rollingDays' in period) return term(locale, 'period.rolling', { days: (period as { rollingDays: unknown }).rollingDays });
  return '';
}

/** Details as words: names for ids, translated causes and filters, the officer funnel, the events of a cap. */
function display(reason: UnscheduledReason, locale: Locale, names: Names): Record<string, unknown> {
  const d = reason.details;
  const out: Record<string, unknown> = { ...d };
  const list = (xs: readonly unknown[]) => xs.map(String).join(LIST_SEPARATOR[locale]);
  if (typeof d.enterpriseId === 'string') out.enterprise = names.enterprise(d.enterpriseId);
  if (typeof d.departmentId === 'string') out.department = names.department(d.departmentId);
  if (typeof d.capId === 'string') out.cap = names.cap(d.capId);
  if (typeof d.cause === 'string') {
    // A cause that names its department reads with the department's name (当日市场监管局符合条件的执法人员不足).
    const named = typeof d.departmentId === 'string' && d.cause === 'no-eligible-inspectors';
    out.cause = named ? term(locale, `cause.${d.cause}.department`, { department: out.department }) : term(locale, `cause.${d.cause}`);
  }
  if (typeof d.filter === 'string') out.filter = term(locale, `filter.${d.filter}`);
  if (typeof d.basis === 'string') out.basis = term(locale, `basis.${d.basis}`);
  if (d.funnel && typeof d.funnel === 'object') {
    out.funnel = Object.entries(d.funnel as Record<string, number>)
      .map(([k, n]) => `${term(locale, `filter.${k}`)} ${n}`)
      .join(' → ');
  }
  out.certificateList = '';
  if (Array.isArray(d.certificates) && d.certificates.length > 0) {
    const ranges = (d.certificates as Array<{ inspectorId?: unknown; validFrom?: unknown; validTo?: unknown }>).map((c) =>
      m(locale, 'certificate.range', { inspector: names.inspector(String(c.inspectorId)), validFrom: c.validFrom, validTo: c.validTo }),
    );
    out.certificateList = m(locale, 'certificates.list', { list: list(ranges) });
  }
  if (Array.isArray(d.departmentAreas)) out.departmentAreas = list(d.departmentAreas);
  if (Array.isArray(d.quietPeriodIds)) out.quietPeriodIds = list(d.quietPeriodIds);
  if (reason.code === 'CAP_REACHED') {
    const events = (Array.isArray(d.events) ? d.events : []) as Array<{ date?: string; visitId?: string; history?: boolean }>;
    const counted = events.map((e) => `${e.date} (${e.history ? term(locale, 'history') : e.visitId})`);
    const parts: string[] = [];
    if (d.limit !== undefined) parts.push(m(locale, 'cap.limit', { limit: d.limit, period: periodWords(d.period, locale) }));
    if (d.minGapDays !== undefined) parts.push(m(locale, 'cap.gap', { minGapDays: d.minGapDays }));
    parts.push(m(locale, 'cap.counted', { events: counted.length > 0 ? list(counted) : term(locale, 'none') }));
    out.summary = parts.join(CLAUSE_SEPARATOR[locale]);
  }
  if (reason.code === 'MANUAL') {
    out.from = typeof d.visitId === 'string' ? m(locale, 'manual.from', { visitId: d.visitId, date: d.date ?? '' }) : '';
    out.note = typeof d.note === 'string' && d.note !== '' ? m(locale, 'manual.note', { note: d.note }) : '';
  }
  if (reason.code === 'DISPLACED') {
    const ids = Array.isArray(d.blockingVisitIds) ? d.blockingVisitIds : [];
    out.blocking = ids.length > 0 ? list(ids) : m(locale, 'displaced.unknown');
  }
  return out;
}

/**
 * The reason in words. `names` words ids as names (`namesOf(scenario, locale)`); without it,
 * ids stand for themselves.
 */
export function reasonMessage(reason: UnscheduledReason, locale: Locale, names: Names = idsAsNames): string {
  return m(locale, reason.code, display(reason, locale, names));
}
