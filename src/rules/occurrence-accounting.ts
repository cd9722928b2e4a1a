/**
 * §2 with §1.6 Off-site: every occurrence appears exactly once, in a visit, under offsite or
 * under unscheduled with a reason; offsite lists exactly the occurrences that need no visit.
 */
import type { ValidationContext } from '../validate/context.js';
import type { RuleViolation } from './types.js';
import { departmentNames, perLocale } from './wording.js';

export const id = 'occurrence-accounting';
export const severity = 'violation' as const;
/** An unscheduled entry without a reason, or another department's occurrence in a partial plan, is bookkeeping. */
export const kindSeverity = { 'no-reason': 'warning', 'out-of-scope': 'warning' } as const;
export const contractSection = '§2, §1.6';
export const title = { en: 'Every occurrence accounted for exactly once', 'zh-CN': '每项检查任务须且仅须出现一次' };
export const source = '国务院办公厅关于严格规范涉企行政检查的意见 (2024): off-site checks first; published plans';
export const rationale =
  'A published plan says what happens to every inspection need; what can be checked off-site must not bring officers into the enterprise (非现场检查优先, 2024 State Council General Office opinion).';
export const checks =
  "Each occurrence of the scenario (with a scope, of the departments in scope; another department's occurrence that the plan names is checked the same way and noted as a warning) appears exactly once across the visits' occurrenceIds, offsite and unscheduled; each unscheduled entry has at least one reason (a warning when not); offsite lists exactly the off-site occurrences (all items offsite and the request not onsite): an off-site occurrence placed in a visit or left unscheduled, or an on-site one listed under offsite, is a breach.";

export const messages = {
  missing: {
    en: 'Occurrence {occurrenceId} is missing from the plan: it is in no visit, not off-site and not unscheduled',
    'zh-CN': '检查任务 {occurrenceId} 在计划中缺失：既未编入检查组，也未列为非现场检查或未安排',
  },
  duplicate: {
    en: 'Occurrence {occurrenceId} appears {count} times ({places}); it must appear exactly once',
    'zh-CN': '检查任务 {occurrenceId} 在计划中出现 {count} 次（{places}），应当且仅应出现一次',
  },
  'offsite-misplaced': {
    en: 'Occurrence {occurrenceId} needs no visit (all its items can be done off-site) and must be listed under offsite, not in {placedIn}',
    'zh-CN': '检查任务 {occurrenceId} 的检查事项均可非现场完成，应列为非现场检查，而不应列入{placedIn}',
  },
  'not-offsite': {
    en: 'Occurrence {occurrenceId} is listed as off-site, but it needs an on-site visit',
    'zh-CN': '检查任务 {occurrenceId} 被列为非现场检查，但该任务须现场检查',
  },
  'no-reason': {
    en: 'Unscheduled occurrence {occurrenceId} gives no reason',
    'zh-CN': '未安排的检查任务 {occurrenceId} 未说明原因',
  },
  'out-of-scope': {
    en: 'Occurrence {occurrenceId} belongs to {departmentName}, which is outside the departments checked ({scope}); it is checked like the others, but the plan speaks for that department ({places})',
    'zh-CN': '检查任务 {occurrenceId} 属于{departmentName}，不在本次审查的部门（{scope}）之内；已一并检查，但该计划替该部门作出了安排（{places}）',
  },
};

type Place = { place: 'visit'; visitId: string } | { place: 'offsite' } | { place: 'unscheduled' };

const wording = {
  en: (p: Place) => (p.place === 'visit' ? `visit ${p.visitId}` : p.place === 'offsite' ? 'off-site' : 'unscheduled'),
  'zh-CN': (p: Place) => (p.place === 'visit' ? `检查组 ${p.visitId}` : p.place === 'offsite' ? '非现场检查' : '未安排'),
};
const words = (places: Place[]) => ({ en: places.map(wording.en), 'zh-CN': places.map(wording['zh-CN']) });

export function check(ctx: ValidationContext): RuleViolation[] {
  const out: RuleViolation[] = [];
  const places = new Map<string, Place[]>();
  const add = (id: string, p: Place) => {
    const list = places.get(id);
    if (list) list.push(p);
    else places.set(id, [p]);
  };
  for (const v of ctx.plan.visits) for (const o of v.occurrenceIds) add(o, { place: 'visit', visitId: v.id });
  for (const o of ctx.plan.offsite) add(o.occurrenceId, { place: 'offsite' });
  for (const o of ctx.plan.unscheduled) add(o.occurrenceId, { place: 'unscheduled' });

  for (const o of ctx.occurrenceList) {
    const here = places.get(o.id) ?? [];
    const occurrenceId = o.id;
    // With a scope, only the departments in scope must account for their occurrences.
    const demanded = ctx.inScope(o);
    if (!demanded && here.length === 0) continue;
    if (here.length === 0) out.push({ kind: 'missing', occurrenceId, details: { occurrenceId } });
    if (!demanded) {
      const departmentId = o.request.departmentId;
      const scope = [...(ctx.scope ?? [])];
      out.push({
        kind: 'out-of-scope',
        occurrenceId,
        details: { occurrenceId, departmentId, scope, places: here },
        text: perLocale((locale) => ({ places: words(here)[locale], scope: departmentNames(ctx, scope, locale) })),
      });
    }
    if (here.length > 1) {
      out.push({ kind: 'duplicate', occurrenceId, details: { occurrenceId, count: here.length, places: here }, text: { en: { places: words(here).en }, 'zh-CN': { places: words(here)['zh-CN'] } } });
    }
    if (ctx.isOffsite(o.id)) {
      const wrong = here.filter((p) => p.place !== 'offsite');
      if (wrong.length > 0) {
        const visitId = wrong.find((p): p is Extract<Place, { place: 'visit' }> => p.place === 'visit')?.visitId;
        out.push({ kind: 'offsite-misplaced', occurrenceId, ...(visitId !== undefined ? { visitId } : {}), details: { occurrenceId, placedIn: wrong }, text: { en: { placedIn: words(wrong).en }, 'zh-CN': { placedIn: words(wrong)['zh-CN'] } } });
      }
    } else if (here.some((p) => p.place === 'offsite')) {
      out.push({ kind: 'not-offsite', occurrenceId, details: { occurrenceId } });
    }
  }
  for (const u of ctx.plan.unscheduled) {
    if (u.reasons.length === 0) out.push({ kind: 'no-reason', occurrenceId: u.occurrenceId, details: { occurrenceId: u.occurrenceId } });
  }
  return out;
}
