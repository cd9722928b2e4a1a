/** §2.1-10: the lead department is the enterprise's industry regulator when it takes part, else the longest part. */
import type { ValidationContext, VisitInfo } from '../validate/context.js';
import type { RuleViolation } from './types.js';
import { nameOf, perLocale } from './wording.js';

export const id = 'lead-department';
export const severity = 'violation' as const;
export const contractSection = '§2.1-10';
export const title = { en: 'The right lead department', 'zh-CN': '牵头部门须符合规定' };
export const source = '国务院办公厅关于严格规范涉企行政检查的意见 (2024), joint inspections';
export const rationale =
  "A joint inspection is led by the enterprise's industry regulator (行业主管部门) when it takes part, otherwise by the department with the largest share of the work (2024 State Council General Office opinion).";
export const checks =
  "Each visit: leadDepartmentId is the enterprise's leadDepartmentId when that department has an occurrence in the visit; otherwise the department with the longest part (sum of its items' durations), ties broken by the order of scenario.departments.";

export const messages = {
  'enterprise-lead': {
    en: "Visit {visitId} is led by {leadDepartmentName}, but enterprise {enterpriseName}'s industry regulator {expectedName} takes part and must lead",
    'zh-CN': '检查组 {visitId} 的牵头部门为{leadDepartmentName}，但企业{enterpriseName}的行业主管部门{expectedName}参加了检查，应由其牵头',
  },
  'longest-part': {
    en: 'Visit {visitId} is led by {leadDepartmentName}, but {expectedName} has the longest part ({expectedMinutes} min) and must lead',
    'zh-CN': '检查组 {visitId} 的牵头部门为{leadDepartmentName}，但{expectedName}承担的检查时间最长（{expectedMinutes} 分钟），应由其牵头',
  },
};

/** The department that must lead, and why. */
export function expectedLead(ctx: ValidationContext, v: VisitInfo): { departmentId: string; kind: 'enterprise-lead' | 'longest-part' } | undefined {
  const regulator = v.enterprise?.leadDepartmentId;
  if (regulator !== undefined && v.parts.has(regulator)) return { departmentId: regulator, kind: 'enterprise-lead' };
  const order = (d: string) => ctx.departmentOrder.get(d) ?? Number.MAX_SAFE_INTEGER;
  let best: [string, number] | undefined;
  for (const [d, minutes] of v.parts) {
    if (!best || minutes > best[1] || (minutes === best[1] && order(d) < order(best[0]))) best = [d, minutes];
  }
  return best && { departmentId: best[0], kind: 'longest-part' };
}

export function check(ctx: ValidationContext): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const v of ctx.visits) {
    const expected = expectedLead(ctx, v);
    const actual = v.visit.leadDepartmentId;
    if (!expected || expected.departmentId === actual) continue;
    out.push({
      kind: expected.kind,
      visitId: v.visit.id,
      details: { visitId: v.visit.id, enterpriseId: v.visit.enterpriseId, leadDepartmentId: actual, expected: expected.departmentId, expectedMinutes: v.parts.get(expected.departmentId), parts: Object.fromEntries(v.parts) },
      text: perLocale((locale) => ({ leadDepartmentName: nameOf(ctx, 'department', actual, locale), expectedName: nameOf(ctx, 'department', expected.departmentId, locale) })),
    });
  }
  return out;
}
