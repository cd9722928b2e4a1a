/**
 * The plan's figures as the validator counts them from the plan itself (contract §2 `metrics`),
 * so a plan without `metrics` gets them, and stale ones can be told apart.
 *
 * `lowerBound` here is the validator's own simple bound, independent of the planner's: per
 * enterprise, one visit for each exclusive occurrence scheduled there, plus, for the others,
 * ceil(their departments / maxDepartmentsPerVisit) (at least one visit when there is any).
 * No lawful plan schedules the same occurrences with fewer visits; the planner's bound is
 * usually higher.
 */
import type { Metrics } from '../model/plan.js';
import type { Occurrence } from '../occurrences/expand.js';
import type { ValidationContext } from './context.js';

export function computeMetrics(ctx: ValidationContext): Metrics {
  const { plan } = ctx;
  return {
    occurrences: ctx.demanded.length,
    scheduled: plan.visits.reduce((n, v) => n + v.occurrenceIds.length, 0),
    offsite: plan.offsite.length,
    unscheduled: plan.unscheduled.length,
    visits: plan.visits.length,
    lowerBound: simpleLowerBound(ctx),
    personVisits: plan.visits.reduce((n, v) => n + v.inspectorIds.length, 0),
  };
}

function simpleLowerBound(ctx: ValidationContext): number {
  const scheduled = new Map<string, Occurrence>();
  for (const v of ctx.plan.visits) {
    for (const id of v.occurrenceIds) {
      const o = ctx.occurrences.get(id);
      if (o !== undefined) scheduled.set(id, o);
    }
  }
  const byEnterprise = new Map<string, Occurrence[]>();
  for (const o of scheduled.values()) {
    const list = byEnterprise.get(o.request.enterpriseId);
    if (list) list.push(o);
    else byEnterprise.set(o.request.enterpriseId, [o]);
  }
  const perVisit = ctx.policy.maxDepartmentsPerVisit ?? Infinity;
  let total = 0;
  for (const occurrences of byEnterprise.values()) {
    const exclusive = occurrences.filter((o) => o.request.exclusive).length;
    const departments = new Set(occurrences.filter((o) => !o.request.exclusive).map((o) => o.request.departmentId)).size;
    total += exclusive + (departments === 0 ? 0 : Number.isFinite(perVisit) ? Math.ceil(departments / perVisit) : 1);
  }
  return total;
}
