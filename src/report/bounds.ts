/**
 * `metrics.lowerBound` and `metrics.separateVisits`.
 *
 * Lower bound, per enterprise, over the occurrences the plan schedules there:
 *   exclusive occurrences (each needs a visit of its own)
 * + the largest of, for the others:
 *   - a family of occurrences whose feasible-day sets are pairwise disjoint (no two can share
 *     a visit, because a visit has one day), found greedily by earliest last day;
 *   - for each department, ceil(its minutes / the longest visit the enterprise allows);
 *   - ceil(departments / maxDepartmentsPerVisit).
 * Each term is a number of visits no plan can go below, so their maximum is too.
 *
 * Separate visits: the same grouping the planner uses, run with joint visits off (a group
 * holds one department only), over the scheduled occurrences — the visits the departments
 * would make going alone, merging only their own requests.
 */
import type { COccurrence, CompiledProblem } from '../compile/problem.js';
import { groupEnterprise } from '../solver/grouping.js';

/**
 * `known`, when given, holds each enterprise's bound over all its occurrences (as this function
 * computes it): used as is where every one of them is scheduled.
 */
export function lowerBoundOf(P: CompiledProblem, scheduledByEnterprise: ReadonlyMap<number, number[]>, known?: Int32Array): number {
  let total = 0;
  const used = new Uint8Array(P.days);
  for (const [e, occIds] of scheduledByEnterprise) {
    if (known && occIds.length > 1 && occIds.length === (P.enterprises[e] as { occurrences: readonly number[] }).occurrences.length) total += known[e] as number;
    else total += enterpriseLowerBound(P, e, occIds, used);
  }
  return total;
}

/**
 * The bound for one enterprise's occurrences. `used` is scratch: a day flag per horizon day,
 * all clear, and clear again on return (callers bounding many enterprises share one).
 */
export function enterpriseLowerBound(P: CompiledProblem, e: number, occIds: readonly number[], used: Uint8Array): number {
  if (occIds.length === 1) return 1;
  const occs = occIds.map((i) => P.occurrences[i] as COccurrence);
  const exclusive = occs.filter((o) => o.exclusive).length;
  const rest = occs.filter((o) => !o.exclusive);
  if (rest.length === 0) return exclusive;
  const byLast = rest.sort((a, b) => (a.feasible[a.feasible.length - 1] as number) - (b.feasible[b.feasible.length - 1] as number) || a.index - b.index);
  // Days already claimed by the family (cleared again below).
  const chosen: COccurrence[] = [];
  let disjoint = 0;
  for (const o of byLast) {
    if (o.feasible.some((d) => used[d] === 1)) continue;
    disjoint++;
    chosen.push(o);
    for (const d of o.feasible) used[d] = 1;
  }
  for (const o of chosen) for (const d of o.feasible) used[d] = 0;
  const limit = P.enterprises[e]?.maxMinutes ?? Infinity;
  const minutes = new Map<number, number>();
  for (const o of rest) minutes.set(o.department, (minutes.get(o.department) ?? 0) + o.minutes);
  let byDuration = 0;
  for (const m of minutes.values()) byDuration = Math.max(byDuration, Math.ceil(m / limit));
  const byDepartments = Number.isFinite(P.maxDepartments) ? Math.ceil(minutes.size / P.maxDepartments) : 1;
  return exclusive + Math.max(disjoint, byDuration, byDepartments);
}

export function separateVisitsOf(P: CompiledProblem, scheduledByEnterprise: ReadonlyMap<number, number[]>): number {
  let total = 0;
  for (const occIds of scheduledByEnterprise.values()) {
    // Each department with one occurrence there makes one visit of its own: no grouping needed.
    const departments = new Set(occIds.map((i) => (P.occurrences[i] as COccurrence).department));
    total += departments.size === occIds.length ? occIds.length : groupEnterprise(P, occIds, { joint: false }).length;
  }
  return total;
}
