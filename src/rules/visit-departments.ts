/** §2.1-5 (first part): departmentIds are exactly the departments of the occurrences; at most maxDepartmentsPerVisit. */
import { distinct, type ValidationContext } from '../validate/context.js';
import type { RuleViolation } from './types.js';
import { departmentNames, orNone, perLocale } from './wording.js';

export const id = 'visit-departments';
export const severity = 'violation' as const;
export const contractSection = '§2.1-5';
export const title = { en: "Visit's departments match its occurrences", 'zh-CN': '检查组的部门须与检查任务一致' };
export const source = '国务院办公厅关于严格规范涉企行政检查的意见 (2024), joint inspections';
export const rationale =
  'In a joint inspection each department acts in its own name, so the record must name exactly the departments that inspect; the 2024 State Council General Office opinion lets localities limit how many join one visit.';
export const checks =
  "Each visit: it holds at least one occurrence; departmentIds lists every department of the visit's occurrences, no other and none twice; the number of departments is at most policy.maxDepartmentsPerVisit.";

export const messages = {
  mismatch: {
    en: 'Visit {visitId} lists departments {listed}, but its occurrences belong to {expected} (missing: {missing}; not involved: {extra})',
    'zh-CN': '检查组 {visitId} 列明的部门为 {listed}，但其检查任务所属部门为 {expected}（缺少：{missing}；无任务：{extra}）',
  },
  'no-occurrences': {
    en: 'Visit {visitId} contains no occurrence: it enters the enterprise for nothing',
    'zh-CN': '检查组 {visitId} 不含任何检查任务，进门没有事由',
  },
  'duplicate-department': {
    en: 'Visit {visitId} lists department {departmentName} more than once',
    'zh-CN': '检查组 {visitId} 重复列明了{departmentName}',
  },
  'too-many-departments': {
    en: 'Visit {visitId} joins {count} departments, more than the maximum of {max}',
    'zh-CN': '检查组 {visitId} 联合了 {count} 个部门，超过每次最多 {max} 个部门的规定',
  },
};

export function check(ctx: ValidationContext): RuleViolation[] {
  const out: RuleViolation[] = [];
  const max = ctx.policy.maxDepartmentsPerVisit;
  for (const v of ctx.visits) {
    if (v.visit.occurrenceIds.length === 0) out.push({ kind: 'no-occurrences', visitId: v.visit.id, details: { visitId: v.visit.id } });
    const listed = distinct(v.visit.departmentIds);
    const expected = [...v.parts.keys()];
    const missing = expected.filter((d) => !listed.includes(d));
    // Unknown occurrences leave their department unknown: judge the list only when all are known.
    const allKnown = v.occurrences.length === distinct(v.visit.occurrenceIds).length;
    const extra = allKnown ? listed.filter((d) => !v.parts.has(d)) : [];
    if (missing.length > 0 || extra.length > 0) {
      out.push({
        kind: 'mismatch',
        visitId: v.visit.id,
        details: { visitId: v.visit.id, listed: v.visit.departmentIds, expected, missing, extra },
        text: perLocale((locale) => {
          const names = (ids: string[]) => departmentNames(ctx, ids, locale);
          return { listed: names(v.visit.departmentIds), expected: names(expected), missing: orNone(names(missing))[locale], extra: orNone(names(extra))[locale] };
        }),
      });
    }
    for (const d of listed) {
      if (v.visit.departmentIds.indexOf(d) !== v.visit.departmentIds.lastIndexOf(d)) {
        out.push({ kind: 'duplicate-department', visitId: v.visit.id, details: { visitId: v.visit.id, departmentId: d } });
      }
    }
    if (max !== undefined && listed.length > max) {
      out.push({ kind: 'too-many-departments', visitId: v.visit.id, details: { visitId: v.visit.id, count: listed.length, max, departmentIds: listed } });
    }
  }
  return out;
}
