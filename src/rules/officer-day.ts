/** §2.1-8: an officer's visits on one day do not overlap (travel included), and stay within the daily limits. */
import { inspectorMinutesPerDay, travelMinutes } from '../model/derived.js';
import { groupBy, type ValidationContext, type VisitInfo } from '../validate/context.js';
import type { RuleViolation } from './types.js';

export const id = 'officer-day';
export const severity = 'violation' as const;
export const contractSection = '§2.1-8';
export const title = { en: "Each officer's day is feasible", 'zh-CN': '执法人员当日安排须可行' };
export const source = 'Practical: one officer, one place at a time; daily workload limits';
export const rationale =
  'An officer cannot be in two enterprises at once and needs time to travel between them; daily limits on visits and minutes keep the workload realistic (practical).';
export const checks =
  "Each officer and day: no two of its visits overlap in time; any two of its visits leave at least the travel time between their enterprises (ceil(km × policy.travelMinutesPerKm), when set and both have a location); at most maxVisitsPerDay visits; the sum of the visits' durations (end − start) is at most maxMinutesPerDay (default dayEnd − dayStart). With a scope, the context's visits count too.";

export const messages = {
  overlap: {
    en: 'Officer {inspectorName} is in two visits at once on {date}: {firstVisitId} ({firstStart}–{firstEnd}) and {secondVisitId} ({secondStart}–{secondEnd})',
    'zh-CN': '执法人员{inspectorName}在 {date} 同时被安排在两个检查组：{firstVisitId}（{firstStart}–{firstEnd}）与 {secondVisitId}（{secondStart}–{secondEnd}）',
  },
  travel: {
    en: 'Officer {inspectorName} cannot reach visit {secondVisitId} at {secondStart} on {date}: visit {firstVisitId} ends at {firstEnd} and the trip takes {travelMinutes} min',
    'zh-CN': '执法人员{inspectorName}在 {date} 来不及赶到检查组 {secondVisitId}（{secondStart} 开始）：检查组 {firstVisitId} 于 {firstEnd} 结束，路程需 {travelMinutes} 分钟',
  },
  'too-many-visits': {
    en: 'Officer {inspectorName} has {count} visits on {date} ({visitIds}), more than the maximum of {max}',
    'zh-CN': '执法人员{inspectorName}在 {date} 被安排了 {count} 次检查（{visitIds}），超过每日最多 {max} 次',
  },
  'too-many-minutes': {
    en: 'Officer {inspectorName} inspects {minutes} min on {date} ({visitIds}), more than the maximum of {max} min',
    'zh-CN': '执法人员{inspectorName}在 {date} 的检查时长合计 {minutes} 分钟（{visitIds}），超过每日最多 {max} 分钟',
  },
};

const byStart = (a: VisitInfo, b: VisitInfo) => a.start - b.start || a.end - b.end || a.index - b.index;
const overlaps = (a: VisitInfo, b: VisitInfo) => a.start < b.end && b.start < a.end;

function pair(kind: string, inspectorId: string, a: VisitInfo, b: VisitInfo, extra: Record<string, unknown> = {}): RuleViolation {
  return {
    kind,
    visitId: (b.background ? a : b).visit.id,
    inspectorId,
    details: {
      inspectorId,
      date: a.visit.date,
      firstVisitId: a.visit.id,
      firstStart: a.visit.start,
      firstEnd: a.visit.end,
      secondVisitId: b.visit.id,
      secondStart: b.visit.start,
      secondEnd: b.visit.end,
      ...extra,
    },
  };
}

export function check(ctx: ValidationContext): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const [inspectorId, visits] of ctx.visitsByInspector()) {
    const officer = ctx.inspectors.get(inspectorId);
    if (!officer) continue;
    const maxMinutes = inspectorMinutesPerDay(officer, ctx.scenario);
    for (const day of groupBy(visits, (v) => v.day).values()) {
      // A day of background visits alone (a scope's context) is not this plan's to answer for.
      if (day.every((v) => v.background)) continue;
      day.sort(byStart);
      const date = day[0]?.visit.date;
      const visitIds = day.map((v) => v.visit.id);
      // Every pair: a day holds a handful of visits, and travel binds any two of them (§1.9).
      for (let i = 0; i < day.length; i++) {
        const a = day[i] as VisitInfo;
        for (let j = i + 1; j < day.length; j++) {
          const b = day[j] as VisitInfo;
          if (a.background && b.background) continue;
          if (overlaps(a, b)) {
            out.push(pair('overlap', inspectorId, a, b));
          } else if (a.enterprise && b.enterprise) {
            const travel = travelMinutes(a.enterprise, b.enterprise, ctx.policy);
            if (travel > 0 && b.start < a.end + travel) out.push(pair('travel', inspectorId, a, b, { travelMinutes: travel, gapMinutes: b.start - a.end }));
          }
        }
      }
      if (day.length > officer.maxVisitsPerDay) {
        out.push({ kind: 'too-many-visits', inspectorId, details: { inspectorId, date, count: day.length, max: officer.maxVisitsPerDay, visitIds } });
      }
      const minutes = day.reduce((sum, v) => sum + Math.max(0, v.end - v.start), 0);
      if (minutes > maxMinutes) out.push({ kind: 'too-many-minutes', inspectorId, details: { inspectorId, date, minutes, max: maxMinutes, visitIds } });
    }
  }
  return out;
}
