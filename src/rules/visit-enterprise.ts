/** §1.6 with §2: every occurrence in a visit is a need of the enterprise the visit enters. */
import type { ValidationContext } from '../validate/context.js';
import type { RuleViolation } from './types.js';
import { nameOf, perLocale } from './wording.js';

export const id = 'visit-enterprise';
export const severity = 'violation' as const;
export const contractSection = '§1.6, §2';
export const title = { en: "Occurrences belong to the visit's enterprise", 'zh-CN': '检查任务须属于被检查企业' };
export const source = 'Contract §1.6 (a request is one department’s need to inspect one enterprise)';
export const rationale =
  'A request is a need to inspect one enterprise: entering another enterprise does not meet it (practical; implied by contract §1.6).';
export const checks = "Each occurrence in a visit: its request's enterpriseId is the visit's enterpriseId.";

export const messages = {
  'other-enterprise': {
    en: 'Visit {visitId} enters enterprise {enterpriseName}, but occurrence {occurrenceId} is for enterprise {requestEnterpriseName}',
    'zh-CN': '检查组 {visitId} 检查的是企业{enterpriseName}，但检查任务 {occurrenceId} 针对的是企业{requestEnterpriseName}',
  },
};

export function check(ctx: ValidationContext): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const v of ctx.visits) {
    for (const o of v.occurrences) {
      const requestEnterpriseId = o.request.enterpriseId;
      if (requestEnterpriseId === v.visit.enterpriseId) continue;
      out.push({
        kind: 'other-enterprise',
        visitId: v.visit.id,
        occurrenceId: o.id,
        details: { visitId: v.visit.id, occurrenceId: o.id, enterpriseId: v.visit.enterpriseId, requestEnterpriseId },
        text: perLocale((locale) => ({ requestEnterpriseName: nameOf(ctx, 'enterprise', requestEnterpriseId, locale) })),
      });
    }
  }
  return out;
}
