/**
 * Metrics after an edit (contract §2), counted from the edited plan itself:
 * - `occurrences`: the scenario's occurrences; `scheduled`, `offsite`, `unscheduled`,
 *   `visits`, `personVisits`: counted from the plan's lists;
 * - `lowerBound` (must stay ≤ visits): kept when the edit left the set of scheduled
 *   occurrences as it was and it is still ≤ visits (the planner's bound is stronger than any
 *   cheap one); otherwise the simple per-enterprise bound below, and never more than `visits`;
 * - `separateVisits` is kept (it describes the planner's run); `visitsSaved` follows it.
 */
import type { Metrics, Plan } from '../model/plan-types.js';
import type { EditContext } from './context.js';

/** A proven bound: per enterprise, one visit per exclusive occurrence, and ceil(departments / maxDepartmentsPerVisit) for the rest. */
export function simpleLowerBound(plan: Plan, ctx: EditContext): number {
  const byEnterprise = new Map<string, { exclusive: number; departments: Set<string> }>();
  for (const v of plan.visits) {
    for (const id of v.occurrenceIds) {
      const o = ctx.occurrences.get(id);
      if (o === undefined) continue;
      let e = byEnterprise.get(o.request.enterpriseId);
      if (e === undefined) byEnterprise.set(o.request.enterpriseId, (e = { exclusive: 0, departments: new Set() }));
      if (o.request.exclusive) e.exclusive += 1;
      else e.departments.add(o.request.departmentId);
    }
  }
  const perVisit = ctx.scenario.policy.maxDepartmentsPerVisit;
  let total = 0;
  for (const e of byEnterprise.values()) {
    const n = e.departments.size;
    total += e.exclusive + (n === 0 ? 0 : perVisit === undefined ? 1 : Math.ceil(n / perVisit));
  }
  return total;
}

const scheduledSet = (plan: Plan) => {
  const ids = new Set<string>();
  for (const v of plan.visits) for (const id of v.occurrenceIds) ids.add(id);
  return ids;
};

function sameSet(a: Set<string>, b: Set<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** The metrics the edited plan should carry, given the plan before the edit. */
export function metricsAfter(before: Plan, after: Plan, ctx: EditContext): Metrics {
  const visits = after.visits.length;
  const old = before.metrics as Partial<Metrics> | undefined;
  const keep = old?.lowerBound !== undefined && old.lowerBound <= visits && sameSet(scheduledSet(before), scheduledSet(after));
  const out: Metrics = {
    occurrences: ctx.occurrences.size,
    scheduled: after.visits.reduce((n, v) => n + v.occurrenceIds.length, 0),
    offsite: (after.offsite ?? []).length,
    unscheduled: (after.unscheduled ?? []).length,
    visits,
    lowerBound: keep ? (old.lowerBound as number) : Math.min(simpleLowerBound(after, ctx), visits),
    personVisits: after.visits.reduce((n, v) => n + v.inspectorIds.length, 0),
  };
  if (old?.separateVisits !== undefined) {
    out.separateVisits = old.separateVisits;
    out.visitsSaved = old.separateVisits - visits;
  }
  return out;
}
