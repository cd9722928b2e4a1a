/**
 * Why a scheduled occurrence is where it is: the plan is indexed with the occurrence taken out
 * of its visit, and each day of its window judged again — days a hard rule rules out, days it
 * could also have used (and why the chosen day is better), and the chosen day; then why each
 * officer of its department is on the team.
 */
import { parseDay } from '../calendar/civil.js';
import { applyEdits } from '../edit/index.js';
import type { Plan } from '../model/plan-types.js';
import type { Scenario } from '../model/scenario.js';
import type { Occurrence } from '../occurrences/expand.js';
import { indexPlan, survey, type DaySurvey, type PlanIndex } from '../placement/index.js';
import type { Locale } from '../report/format.js';
import type { Names } from '../report/names.js';
import type { ReadableVisit } from '../validate/plan-input.js';
import { LIST, say } from './messages.js';
import type { ExplainedDay, TeamMember } from './types.js';
import { verdictMessage } from './words.js';

export interface ScheduledParts {
  days: ExplainedDay[];
  team: TeamMember[];
}

/** Why a possible day lost to the chosen one: the first of joint visit, make-up workday, preferred date, officers' load; else the plan as a whole. */
function worse(index: PlanIndex, occ: Occurrence, visit: ReadableVisit, chosenLoad: number, s: DaySurvey, locale: Locale): { worse: string; message: string } {
  const { ctx } = index;
  const date = s.verdict.date;
  const joint = visit.occurrenceIds.some((id) => id !== occ.id);
  if (joint && s.verdict.mode === 'new-visit') return { worse: 'fewer-visits', message: say(locale, 'worse.fewer-visits', { visitId: visit.id, date }) };
  const chosenDay = parseDay(visit.date);
  if (ctx.policy.makeupWorkdays === 'avoid' && ctx.calendar.isMakeupWorkday(s.verdict.day) && !(chosenDay !== undefined && ctx.calendar.isMakeupWorkday(chosenDay)))
    return { worse: 'makeup-workday', message: say(locale, 'worse.makeup-workday', { date }) };
  const preferred = occ.request.preferredDates;
  if (preferred.includes(visit.date) && !preferred.includes(date)) return { worse: 'preferred-date', message: say(locale, 'worse.preferred-date', { date }) };
  const load = Math.min(...s.placements.map((p) => p.load));
  if (Number.isFinite(load) && load > chosenLoad) return { worse: 'officer-load', message: say(locale, 'worse.officer-load', { date, load, chosenLoad }) };
  return { worse: 'plan', message: say(locale, 'worse.plan', { date }) };
}

export function explainScheduled(scenario: Scenario, plan: unknown, full: PlanIndex, occ: Occurrence, visit: ReadableVisit, names: Names, locale: Locale): ScheduledParts {
  const without = applyEdits(scenario, plan as Plan, [{ kind: 'unschedule', occurrenceId: occ.id }], { locale, validate: false }).plan;
  const index = indexPlan(scenario, without, locale);
  const ownDept = occ.request.departmentId;
  const team = visit.inspectorIds.filter((id) => full.ctx.inspectors.get(id)?.departmentId === ownDept);
  // The chosen team's load without this visit: the same measure a placement's `load` uses.
  const chosenLoad = team.reduce((sum, id) => sum + index.load(id), 0);
  const days: ExplainedDay[] = survey(index, occ).map((s) => {
    const v = s.verdict;
    if (v.date === visit.date) return { date: v.date, outcome: 'chosen', message: say(locale, 'day.chosen', { visitId: visit.id }), details: { visitId: visit.id, start: visit.start, end: visit.end, inspectorIds: team } };
    if (v.ok) {
      const w = worse(index, occ, visit, chosenLoad, s, locale);
      return { date: v.date, outcome: 'possible', message: `${verdictMessage(v, names, locale, occ.request.enterpriseId)}${locale === 'zh-CN' ? '；' : '; '}${w.message}`, details: { ...v.facts, mode: v.mode, worse: w.worse } };
    }
    return { date: v.date, outcome: 'impossible', ...(v.rule ? { rule: v.rule } : {}), message: verdictMessage(v, names, locale, occ.request.enterpriseId), details: { ...v.facts } };
  });
  const needed = new Set(
    visit.occurrenceIds
      .map((id) => full.ctx.occurrences.get(id))
      .filter((o): o is Occurrence => o !== undefined && o.request.departmentId === ownDept)
      .flatMap((o) => o.request.itemIds.flatMap((i) => full.ctx.items.get(i)?.qualifications ?? [])),
  );
  const members: TeamMember[] = team.map((id) => {
    const p = full.ctx.inspectors.get(id);
    const held = p ? p.qualifications.filter((q) => needed.has(q)) : [];
    const covers = held.length > 0 ? say(locale, 'team.covers', { qualifications: held.join(LIST[locale]) }) : '';
    const load = full.load(id);
    return {
      inspectorId: id,
      why: say(locale, 'team.member', { inspector: names.inspector(id), department: names.department(ownDept), validFrom: p?.certificate.validFrom, validTo: p?.certificate.validTo, covers, load }),
      details: { departmentId: ownDept, qualifications: p?.qualifications ?? [], covers: held, load },
    };
  });
  return { days, team: members };
}
