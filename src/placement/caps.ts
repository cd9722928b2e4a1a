/**
 * Would one more counted event of an enterprise on `day` break a frequency cap (contract
 * §2.1-9, as src/rules/cap.ts reads it)? A join adds no event to a tally the joined visit
 * already counts in; a new visit, or a join that brings a newly counted department, adds one.
 */
import { formatDay } from '../calendar/civil.js';
import type { Occurrence } from '../occurrences/expand.js';
import { calendarPeriod } from '../rules/cap.js';
import type { VisitInfo } from '../validate/context.js';
import type { IndexedCapEvent, PlanIndex } from './plan-index.js';
import type { CapEventFact } from './types.js';

function fact(e: IndexedCapEvent): CapEventFact {
  return e.visit ? { source: 'visit', date: e.date, visitId: e.visit.visit.id } : { source: 'history', date: e.date, historyIndex: e.historyIndex as number };
}

/** The first cap the event would break, with the events that used it up; `undefined` when none. */
export function capBreach(index: PlanIndex, occ: Occurrence, day: number, joined: VisitInfo | undefined): Record<string, unknown> | undefined {
  const r = occ.request;
  const enterprise = index.ctx.enterprises.get(r.enterpriseId);
  for (const cap of index.scenario.caps) {
    if (!cap.countsBases.includes(r.basis)) continue;
    if (cap.departmentIds && !cap.departmentIds.includes(r.departmentId)) continue;
    const all = index.capEvents(cap, r.enterpriseId);
    const tally = cap.per === 'enterprise' ? all : all.filter((e) => e.departments.includes(r.departmentId));
    if (joined && tally.some((e) => e.visit === joined)) continue;
    const base = { capId: cap.id, per: cap.per, enterpriseId: r.enterpriseId, ...(cap.per === 'enterprise-department' ? { departmentId: r.departmentId } : {}) };
    const grade = enterprise?.riskGrade;
    const limit = (grade !== undefined ? cap.maxByRiskGrade?.[grade] : undefined) ?? cap.max;
    if (limit !== undefined) {
      const period = cap.period;
      if (typeof period === 'string') {
        const p = calendarPeriod(day, period);
        const inside = tally.filter((e) => e.day >= p.from && e.day <= p.to);
        if (inside.length + 1 > limit) return { ...base, kind: 'limit', limit, periodKind: period, period: { from: formatDay(p.from), to: formatDay(p.to) }, events: inside.map(fact) };
      } else {
        const n = period.rollingDays;
        const near = tally.filter((e) => e.day > day - n && e.day < day + n);
        if (near.length + 1 > limit) {
          for (let from = day - n + 1; from <= day; from++) {
            const inside = near.filter((e) => e.day >= from && e.day <= from + n - 1);
            if (inside.length + 1 > limit) return { ...base, kind: 'limit', limit, periodKind: `rollingDays:${n}`, period: { from: formatDay(from), to: formatDay(from + n - 1) }, events: inside.map(fact) };
          }
        }
      }
    }
    const gap = cap.minGapDays;
    if (gap !== undefined && gap > 0) {
      const close = tally.find((e) => Math.abs(e.day - day) < gap);
      if (close) return { ...base, kind: 'gap', minGapDays: gap, gapDays: Math.abs(close.day - day), events: [fact(close)] };
    }
  }
  return undefined;
}
