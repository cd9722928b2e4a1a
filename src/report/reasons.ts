/** Unscheduled reasons (contract §2.2): codes, details, and their prose per locale. */
import { formatMessage, type Locale } from './format.js';
import { reasonMessages } from './locales/reason-messages.js';

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
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface UnscheduledReason {
  code: ReasonCode;
  details: Record<string, unknown>;
}

const t = (locale: Locale, key: string) => formatMessage(reasonMessages, locale, key);

/** Details as words: translated causes and filters, the officer funnel, the events of a cap. */
function display(reason: UnscheduledReason, locale: Locale): Record<string, unknown> {
  const d = reason.details;
  const out: Record<string, unknown> = { ...d };
  if (typeof d.cause === 'string') out.cause = t(locale, `cause.${d.cause}`);
  if (typeof d.filter === 'string') out.filter = t(locale, `filter.${d.filter}`);
  if (typeof d.basis === 'string') out.basis = t(locale, `basis.${d.basis}`);
  if (d.funnel && typeof d.funnel === 'object') {
    out.funnel = Object.entries(d.funnel as Record<string, number>)
      .map(([k, n]) => `${t(locale, `filter.${k}`)} ${n}`)
      .join(' → ');
  }
  if (Array.isArray(d.departmentAreas)) out.departmentAreas = d.departmentAreas.join(', ');
  if (reason.code === 'CAP_REACHED') {
    const events = (Array.isArray(d.events) ? d.events : []) as Array<{ date?: string; visitId?: string; history?: boolean }>;
    const list = events.map((e) => (e.history ? `${e.date} (${locale === 'zh-CN' ? '历史检查' : 'history'})` : `${e.date} (${e.visitId})`)).join(', ');
    const period = typeof d.period === 'string' ? d.period : d.period && typeof d.period === 'object' ? `${(d.period as { rollingDays: number }).rollingDays}d` : '';
    const parts: string[] = [];
    if (d.limit !== undefined) parts.push(locale === 'zh-CN' ? `每${periodZh(period)}最多 ${d.limit} 次` : `at most ${d.limit} per ${period}`);
    if (d.minGapDays !== undefined) parts.push(locale === 'zh-CN' ? `间隔至少 ${d.minGapDays} 天` : `at least ${d.minGapDays} days apart`);
    parts.push(locale === 'zh-CN' ? `已计入：${list || '无'}` : `counted: ${list || 'none'}`);
    out.summary = parts.join(locale === 'zh-CN' ? '；' : '; ');
  }
  if (reason.code === 'DISPLACED') {
    const ids = Array.isArray(d.blockingVisitIds) ? d.blockingVisitIds : [];
    out.blocking = ids.length > 0 ? ids.join(', ') : locale === 'zh-CN' ? '同日已有检查或人员已排满' : 'other visits hold its days and officers';
  }
  return out;
}

function periodZh(period: string): string {
  const map: Record<string, string> = { year: '年', 'half-year': '半年', quarter: '季度', month: '月' };
  return map[period] ?? (period.endsWith('d') ? `连续 ${period.slice(0, -1)} 天` : period);
}

export function reasonMessage(reason: UnscheduledReason, locale: Locale): string {
  return formatMessage(reasonMessages, locale, reason.code, display(reason, locale));
}
