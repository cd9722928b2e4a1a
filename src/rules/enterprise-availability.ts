/** §2.1-3: the enterprise can receive the visit that day, and gets at most one visit a day. */
import { groupBy, type ValidationContext } from '../validate/context.js';
import type { RuleViolation } from './types.js';

export const id = 'enterprise-availability';
export const severity = 'violation' as const;
export const contractSection = '§2.1-3';
export const title = { en: 'Enterprise available, at most one visit a day', 'zh-CN': '企业当日可接受检查且每日至多进门一次' };
export const source = '国务院办公厅关于严格规范涉企行政检查的意见 (2024)';
export const rationale =
  'Enter once, check many (进一次门、查多项事): the 2024 State Council General Office opinion on regulating enterprise inspections asks for combined visits, so an enterprise is entered at most once a day, and never on days it cannot receive inspectors.';
export const checks =
  "Each visit: its date is not one of the enterprise's unavailable days (ranges and unavailableRule, which starts at horizon.from). Each enterprise and date: at most one visit (with a scope, the context's visits count too).";

export const messages = {
  unavailable: {
    en: 'Visit {visitId}: enterprise {enterpriseName} cannot receive visits on {date}',
    'zh-CN': '检查组 {visitId}：企业{enterpriseName} {date} 不能接受检查',
  },
  'two-visits': {
    en: 'Enterprise {enterpriseName} receives {count} visits on {date} ({visitIds}); at most one visit a day is allowed',
    'zh-CN': '企业{enterpriseName}在 {date} 被安排了 {count} 次检查（{visitIds}），每天至多进门一次',
  },
};

export function check(ctx: ValidationContext): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const v of ctx.visits) {
    if (ctx.enterpriseUnavailable(v.visit.enterpriseId).has(v.day)) {
      out.push({ kind: 'unavailable', visitId: v.visit.id, details: { visitId: v.visit.id, enterpriseId: v.visit.enterpriseId, date: v.visit.date } });
    }
  }
  for (const [enterpriseId, visits] of ctx.visitsByEnterprise()) {
    for (const same of groupBy(visits, (v) => v.day).values()) {
      const [, second] = same;
      // Background visits (a scope's context) count, but a day of background alone is not this plan's breach.
      const own = same.filter((v) => !v.background);
      if (!second || own.length === 0) continue;
      const named = (own.find((v) => v !== same[0]) ?? own[0]) as (typeof same)[number];
      const visitIds = same.map((v) => v.visit.id);
      const contextVisitIds = same.filter((v) => v.background).map((v) => v.visit.id);
      out.push({ kind: 'two-visits', visitId: named.visit.id, details: { enterpriseId, date: second.visit.date, count: same.length, visitIds, ...(contextVisitIds.length > 0 ? { contextVisitIds } : {}) } });
    }
  }
  return out;
}
