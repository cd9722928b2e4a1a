/**
 * §2.1-7: each department sends enough of its own certified officers, who together hold the
 * qualifications its items need; each officer may lawfully inspect this enterprise that day.
 */
import { requestedInspectors } from '../model/derived.js';
import type { ValidationContext, VisitInfo } from '../validate/context.js';
import type { RuleViolation } from './types.js';

export const id = 'team';
export const severity = 'violation' as const;
export const contractSection = '§2.1-7';
export const title = { en: 'A lawful team of certified officers', 'zh-CN': '执法人员配备须合法' };
export const source = '行政处罚法 arts. 42, 43; 行政强制法 art. 18; 行政许可法 art. 34';
export const rationale =
  'At least two certified officers per department (Administrative Penalty Law art. 42), holding valid certificates (持证上岗), inside their department and territory, stepping aside on a conflict of interest (art. 43, 回避).';
export const checks =
  "Each visit and each department of its occurrences: at least max(policy.minInspectorsPerDepartment, the inspectors of its occurrences in the visit) distinct officers of that department; together they hold every qualification its items in the visit require. Each officer: appears once; belongs to a department in departmentIds; certificate valid on the date (validFrom and validTo inclusive); the officer's areas admit the enterprise's area (when both are given); the enterprise is not in avoid; the officer is not unavailable that day.";

export const messages = {
  'team-size': {
    en: 'Visit {visitId}: department {departmentName} sends {count} officer(s), fewer than the required {required}',
    'zh-CN': '检查组 {visitId} 中{departmentName}仅派出 {count} 名执法人员，少于规定的 {required} 名',
  },
  'missing-qualifications': {
    en: 'Visit {visitId}: the officers of department {departmentName} lack qualifications {missing} needed for its items',
    'zh-CN': '检查组 {visitId} 中{departmentName}派出的执法人员不具备检查事项所需的资质：{missing}',
  },
  'duplicate-officer': {
    en: 'Visit {visitId} lists officer {inspectorName} {count} times',
    'zh-CN': '检查组 {visitId} 重复列入执法人员{inspectorName}（{count} 次）',
  },
  'foreign-officer': {
    en: 'Visit {visitId}: officer {inspectorName} belongs to department {departmentName}, which is not part of the visit',
    'zh-CN': '检查组 {visitId}：执法人员{inspectorName}所属的{departmentName}未参加本次检查',
  },
  certificate: {
    en: "Visit {visitId} on {date}: officer {inspectorName}'s certificate is valid only from {validFrom} to {validTo}",
    'zh-CN': '检查组 {visitId}（{date}）：执法人员{inspectorName}的执法证有效期为 {validFrom} 至 {validTo}，当日不能持证执法',
  },
  'officer-area': {
    en: 'Visit {visitId}: officer {inspectorName} may not inspect in area {area} (their areas: {areas})',
    'zh-CN': '检查组 {visitId}：执法人员{inspectorName}无权在区域 {area} 执法（其执法区域：{areas}）',
  },
  recusal: {
    en: 'Visit {visitId}: officer {inspectorName} must step aside from enterprise {enterpriseName} (conflict of interest)',
    'zh-CN': '检查组 {visitId}：执法人员{inspectorName}与企业{enterpriseName}存在利害关系，应当回避',
  },
  'officer-unavailable': {
    en: 'Visit {visitId}: officer {inspectorName} is unavailable on {date}',
    'zh-CN': '检查组 {visitId}：执法人员{inspectorName}在 {date} 不能参加检查',
  },
};

function departmentTeams(ctx: ValidationContext, v: VisitInfo): RuleViolation[] {
  const out: RuleViolation[] = [];
  const visitId = v.visit.id;
  for (const departmentId of v.parts.keys()) {
    const own = v.occurrences.filter((o) => o.request.departmentId === departmentId);
    const required = Math.max(ctx.policy.minInspectorsPerDepartment, ...own.map((o) => requestedInspectors(o.request, ctx.policy)));
    const officers = v.inspectors.filter((p) => p.departmentId === departmentId);
    const officerIds = officers.map((p) => p.id);
    if (officers.length < required) {
      out.push({ kind: 'team-size', visitId, details: { visitId, departmentId, count: officers.length, required, inspectorIds: officerIds } });
    }
    const needed = new Set(own.flatMap((o) => o.request.itemIds.flatMap((i) => ctx.items.get(i)?.qualifications ?? [])));
    const held = new Set(officers.flatMap((p) => p.qualifications));
    const missing = [...needed].filter((q) => !held.has(q));
    if (missing.length > 0) {
      out.push({ kind: 'missing-qualifications', visitId, details: { visitId, departmentId, missing, required: [...needed], inspectorIds: officerIds } });
    }
  }
  return out;
}

function officers(ctx: ValidationContext, v: VisitInfo): RuleViolation[] {
  const out: RuleViolation[] = [];
  const visitId = v.visit.id;
  const date = v.visit.date;
  const enterpriseId = v.visit.enterpriseId;
  const area = v.enterprise?.area;
  const counts = new Map<string, number>();
  for (const p of v.visit.inspectorIds) counts.set(p, (counts.get(p) ?? 0) + 1);
  for (const [inspectorId, count] of counts) {
    if (count > 1) out.push({ kind: 'duplicate-officer', visitId, inspectorId, details: { visitId, inspectorId, count } });
  }
  for (const p of v.inspectors) {
    const base = { visitId, inspectorId: p.id, date };
    const add = (kind: string, details: Record<string, unknown> = {}) => out.push({ kind, visitId, inspectorId: p.id, details: { ...base, ...details } });
    if (!v.visit.departmentIds.includes(p.departmentId)) add('foreign-officer', { departmentId: p.departmentId, visitDepartmentIds: v.visit.departmentIds });
    const { validFrom, validTo } = p.certificate;
    if (date < validFrom || date > validTo) add('certificate', { validFrom, validTo, certificateNumber: p.certificate.number });
    if (p.areas !== undefined && area !== undefined && !p.areas.includes(area)) add('officer-area', { area, areas: p.areas });
    if (p.avoid.includes(enterpriseId)) add('recusal', { enterpriseId });
    if (ctx.inspectorUnavailable(p.id).has(v.day)) add('officer-unavailable');
  }
  return out;
}

export function check(ctx: ValidationContext): RuleViolation[] {
  return ctx.visits.flatMap((v) => [...departmentTeams(ctx, v), ...officers(ctx, v)]);
}
