/** §2.1-5: every department of a visit has territorial jurisdiction over the enterprise's area. */
import { distinct, type ValidationContext } from '../validate/context.js';
import type { RuleViolation } from './types.js';

export const id = 'department-area';
export const severity = 'violation' as const;
export const contractSection = '§2.1-5';
export const title = { en: 'Departments inspect only in their territory', 'zh-CN': '部门须对企业所在地具有属地管辖权' };
export const source = '行政处罚法 art. 22 (territorial jurisdiction)';
export const rationale =
  'A department may only act within its territorial jurisdiction (属地管辖; Administrative Penalty Law art. 22).';
export const checks =
  "Each department of a visit (listed in departmentIds or owning one of its occurrences): when both the department's areas and the enterprise's area are given, the area is among the department's areas.";

export const messages = {
  'outside-territory': {
    en: 'Visit {visitId}: department {departmentName} has no jurisdiction over area {area} of enterprise {enterpriseName} (its areas: {areas})',
    'zh-CN': '检查组 {visitId}：{departmentName}对企业{enterpriseName}所在区域 {area} 无管辖权（其管辖区域：{areas}）',
  },
};

export function check(ctx: ValidationContext): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const v of ctx.visits) {
    const area = v.enterprise?.area;
    if (area === undefined) continue;
    for (const d of distinct([...v.visit.departmentIds, ...v.parts.keys()])) {
      const areas = ctx.departments.get(d)?.areas;
      if (areas === undefined || areas.includes(area)) continue;
      out.push({ kind: 'outside-territory', visitId: v.visit.id, details: { visitId: v.visit.id, departmentId: d, enterpriseId: v.visit.enterpriseId, area, areas } });
    }
  }
  return out;
}
