/** §2.1-4: on a quiet-period day for the enterprise, every occurrence's basis is exempt. */
import { quietPeriodsOn } from '../calendar/availability.js';
import type { ValidationContext } from '../validate/context.js';
import type { RuleViolation } from './types.js';
import { basisZh } from './wording.js';

export const id = 'quiet-period';
export const severity = 'violation' as const;
export const contractSection = '§2.1-4';
export const title = { en: 'No planned visits in quiet periods', 'zh-CN': '企业安静期内不得开展计划性检查' };
export const source = '国务院办公厅关于严格规范涉企行政检查的意见 (2024); local 企业安静期 rules';
export const rationale =
  'Local quiet-period rules (企业安静期, 无事不扰) keep planned inspections out of enterprises on set days, exempting complaints, referrals and emergencies.';
export const checks =
  "Each visit: for every quiet period matching its date (the RRULE starts at horizon.from) whose areas include the enterprise's area (or that has no areas), every occurrence's basis is in the period's exemptBases (default: the triggered bases).";

export const messages = {
  'not-exempt': {
    en: 'Visit {visitId} on {date} falls in quiet period {quietPeriodId} for enterprise {enterpriseName}, but occurrences {occurrenceIds} have non-exempt bases {bases}',
    'zh-CN': '检查组 {visitId} 的检查日期 {date} 处于企业{enterpriseName}的安静期 {quietPeriodId}，但检查任务 {occurrenceIds} 的检查依据（{bases}）不属于豁免范围',
  },
};

export function check(ctx: ValidationContext): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (ctx.scenario.calendar.quietPeriods.length === 0) return out;
  for (const v of ctx.visits) {
    for (const q of quietPeriodsOn(ctx.quietPeriods, v.enterprise?.area, v.day)) {
      const blocked = v.occurrences.filter((o) => !q.exemptBases.has(o.request.basis));
      if (blocked.length === 0) continue;
      out.push({
        kind: 'not-exempt',
        visitId: v.visit.id,
        details: {
          visitId: v.visit.id,
          enterpriseId: v.visit.enterpriseId,
          date: v.visit.date,
          quietPeriodId: q.id,
          occurrenceIds: blocked.map((o) => o.id),
          bases: [...new Set(blocked.map((o) => o.request.basis))],
          exemptBases: [...q.exemptBases],
        },
        text: { 'zh-CN': { bases: [...new Set(blocked.map((o) => basisZh(o.request.basis)))] } },
      });
    }
  }
  return out;
}
