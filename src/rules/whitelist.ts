/** §2.1-5 with §1.6 Whitelist: no planned inspection of a whitelisted enterprise outside the exempt fields. */
import { isPlannedBasis } from '../model/primitives.js';
import type { ValidationContext } from '../validate/context.js';
import type { RuleViolation } from './types.js';
import { basisZh } from './wording.js';

export const id = 'whitelist';
export const severity = 'violation' as const;
export const contractSection = '§2.1-5, §1.6';
export const title = { en: 'No planned visits to whitelisted enterprises', 'zh-CN': '白名单企业无事不扰' };
export const source = '国务院办公厅关于严格规范涉企行政检查的意见 (2024); local 无事不扰 whitelists';
export const rationale =
  'Cities keep "no disturbance" whitelists (无事不扰): listed enterprises get no proactive routine inspection except in work safety, environment, food and drugs and health.';
export const checks =
  'Each occurrence in a visit to a whitelisted enterprise: its basis is not a planned one (routine, random, special), or one of its items has a field in policy.whitelistExemptFields.';

export const messages = {
  whitelisted: {
    en: 'Visit {visitId}: enterprise {enterpriseName} is whitelisted, and occurrence {occurrenceId} ({basis}) has no item in an exempt field ({exemptFields})',
    'zh-CN': '检查组 {visitId}：企业{enterpriseName}在“无事不扰”白名单内，检查任务 {occurrenceId}（{basis}）不涉及豁免领域（{exemptFields}），不得安排',
  },
};

export function check(ctx: ValidationContext): RuleViolation[] {
  const out: RuleViolation[] = [];
  const exempt = new Set(ctx.policy.whitelistExemptFields);
  for (const v of ctx.visits) {
    if (!v.enterprise?.whitelisted) continue;
    for (const o of v.occurrences) {
      if (!isPlannedBasis(o.request.basis)) continue;
      const fields = o.request.itemIds.map((i) => ctx.items.get(i)?.field);
      if (fields.some((f) => f !== undefined && exempt.has(f))) continue;
      out.push({
        kind: 'whitelisted',
        visitId: v.visit.id,
        occurrenceId: o.id,
        details: { visitId: v.visit.id, occurrenceId: o.id, enterpriseId: v.visit.enterpriseId, basis: o.request.basis, itemFields: fields.filter((f) => f !== undefined), exemptFields: [...exempt] },
        text: { 'zh-CN': { basis: basisZh(o.request.basis) } },
      });
    }
  }
  return out;
}
