/** §2: every id the plan names exists in the scenario, and visit ids are unique. */
import type { ValidationContext } from '../validate/context.js';
import type { RuleViolation } from './types.js';

export const id = 'references';
export const severity = 'violation' as const;
export const contractSection = '§2';
export const title = { en: 'The plan names only known things', 'zh-CN': '计划引用的对象须真实存在' };
export const source = 'Contract §2 (a plan for another scenario cannot be carried out)';
export const rationale =
  'A visit to an unknown enterprise, by an unknown officer, or for an unknown occurrence cannot be carried out or audited (practical). Each unknown id is a finding among the others, so a plan from another system is still judged whole.';
export const checks =
  "Visit ids are unique. Every visit's enterpriseId, departmentIds, leadDepartmentId, inspectorIds and occurrenceIds, and every occurrenceId under offsite and unscheduled, exists in the scenario (occurrences as expanded from the requests).";

export const messages = {
  'duplicate-visit-id': {
    en: 'Visit id {visitId} is used by {count} visits',
    'zh-CN': '检查组编号 {visitId} 被 {count} 个检查组重复使用',
  },
  'unknown-enterprise': {
    en: '{where} refers to unknown enterprise "{id}"',
    'zh-CN': '{where} 引用了不存在的企业“{id}”',
  },
  'unknown-department': {
    en: '{where} refers to unknown department "{id}"',
    'zh-CN': '{where} 引用了不存在的部门“{id}”',
  },
  'unknown-officer': {
    en: '{where} refers to unknown officer "{id}"',
    'zh-CN': '{where} 引用了不存在的执法人员“{id}”',
  },
  'unknown-occurrence': {
    en: '{where} refers to "{id}", which is not an occurrence of this scenario',
    'zh-CN': '{where} 引用的“{id}”不是本场景中的检查任务',
  },
};

export function check(ctx: ValidationContext): RuleViolation[] {
  const out: RuleViolation[] = [];
  const { plan } = ctx;
  const ids = new Map<string, number>();
  for (const v of plan.visits) ids.set(v.id, (ids.get(v.id) ?? 0) + 1);
  for (const [visitId, count] of ids) if (count > 1) out.push({ kind: 'duplicate-visit-id', visitId, details: { visitId, count } });

  const ref = (kind: string, known: ReadonlyMap<string, unknown>, id: string, where: string, visitId?: string) => {
    if (known.has(id)) return;
    const violation: RuleViolation = { kind, details: { id, where } };
    if (visitId !== undefined) {
      violation.visitId = visitId;
      violation.details.visitId = visitId;
    }
    if (kind === 'unknown-officer') violation.inspectorId = id;
    if (kind === 'unknown-occurrence') violation.occurrenceId = id;
    out.push(violation);
  };
  plan.visits.forEach((v, i) => {
    const at = `visits[${i}]`;
    ref('unknown-enterprise', ctx.enterprises, v.enterpriseId, `${at}.enterpriseId`, v.id);
    v.departmentIds.forEach((d, j) => ref('unknown-department', ctx.departments, d, `${at}.departmentIds[${j}]`, v.id));
    ref('unknown-department', ctx.departments, v.leadDepartmentId, `${at}.leadDepartmentId`, v.id);
    v.inspectorIds.forEach((p, j) => ref('unknown-officer', ctx.inspectors, p, `${at}.inspectorIds[${j}]`, v.id));
    v.occurrenceIds.forEach((o, j) => ref('unknown-occurrence', ctx.occurrences, o, `${at}.occurrenceIds[${j}]`, v.id));
  });
  plan.offsite.forEach((o, i) => ref('unknown-occurrence', ctx.occurrences, o.occurrenceId, `offsite[${i}].occurrenceId`));
  plan.unscheduled.forEach((o, i) => ref('unknown-occurrence', ctx.occurrences, o.occurrenceId, `unscheduled[${i}].occurrenceId`));
  return out;
}
