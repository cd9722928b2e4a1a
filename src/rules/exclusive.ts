/** §2.1-5: an exclusive occurrence is alone in its visit. */
import { distinct, type ValidationContext } from '../validate/context.js';
import type { RuleViolation } from './types.js';

export const id = 'exclusive';
export const severity = 'violation' as const;
export const contractSection = '§2.1-5';
export const title = { en: 'Exclusive occurrences are visited alone', 'zh-CN': '独立检查任务不得与其他任务合并' };
export const source = 'Practice of unannounced checks (不打招呼、直奔现场)';
export const rationale =
  'An exclusive request (e.g. an unannounced check, 不打招呼、直奔现场) loses its point when merged into a joint visit announced with other departments.';
export const checks = 'Each visit containing an occurrence of an exclusive request contains no other occurrence.';

export const messages = {
  'not-alone': {
    en: 'Occurrence {occurrenceId} must be inspected in a visit of its own, but visit {visitId} also contains {others}',
    'zh-CN': '检查任务 {occurrenceId} 须单独检查，但检查组 {visitId} 还包含检查任务 {others}',
  },
};

export function check(ctx: ValidationContext): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const v of ctx.visits) {
    const ids = distinct(v.visit.occurrenceIds);
    if (ids.length < 2) continue;
    for (const o of v.occurrences) {
      if (!o.request.exclusive) continue;
      const others = ids.filter((x) => x !== o.id);
      out.push({ kind: 'not-alone', visitId: v.visit.id, occurrenceId: o.id, details: { visitId: v.visit.id, occurrenceId: o.id, others } });
    }
  }
  return out;
}
