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
  // (Called for every enterprise, in the search and in the report: scratch lists, no allocation.)
  const rest = scratchRest;
  rest.length = 0;
  let exclusive = 0;
  for (const i of occIds) {
    const o = P.occurrences[i] as COccurrence;
    if (o.exclusive) exclusive++;
    else rest.push(o);
  }
  if (rest.length === 0) return exclusive;
  // By last day then index (a total order): an insertion sort — a comparator sort copies the list.
  for (let i = 1; i < rest.length; i++) {
    const o = rest[i] as COccurrence;
    let j = i - 1;
    while (j >= 0 && byLastDay(rest[j] as COccurrence, o) > 0) {
      rest[j + 1] = rest[j] as COccurrence;
      j--;
    }
    rest[j + 1] = o;
  }
  // Days already claimed by the family (cleared again below).
  const chosen = scratchChosen;
  chosen.length = 0;
  let disjoint = 0;
  for (const o of rest) {
    const f = o.feasible;
    let meets = false;
    for (let k = 0; k < f.length && !meets; k++) meets = used[f[k] as number] === 1;
    if (meets) continue;
    disjoint++;
    chosen.push(o);
    for (let k = 0; k < f.length; k++) used[f[k] as number] = 1;
  }
  for (const o of chosen) for (let k = 0; k < o.feasible.length; k++) used[o.feasible[k] as number] = 0;
  const limit = P.enterprises[e]?.maxMinutes ?? Infinity;
  // Minutes per department (a handful: parallel lists).
  const departments = scratchDepartments;
  const minutes = scratchMinutes;
  departments.length = 0;
  minutes.length = 0;
  for (const o of rest) {
    const k = departments.indexOf(o.department);
    if (k < 0) {
      departments.push(o.department);
      minutes.push(o.minutes);
    } else minutes[k] = (minutes[k] as number) + o.minutes;
  }
  let byDuration = 0;
  for (const m of minutes) byDuration = Math.max(byDuration, Math.ceil(m / limit));
  const byDepartments = Number.isFinite(P.maxDepartments) ? Math.ceil(departments.length / P.maxDepartments) : 1;
  rest.length = 0;
  chosen.length = 0;
  return exclusive + Math.max(disjoint, byDuration, byDepartments);
}

/** By last feasible day, then index (the greedy family's order). */
const byLastDay = (a: COccurrence, b: COccurrence) => (a.feasible[a.feasible.length - 1] as number) - (b.feasible[b.feasible.length - 1] as number) || a.index - b.index;
/** Scratch of `enterpriseLowerBound`. */
const scratchRest: COccurrence[] = [];
const scratchChosen: COccurrence[] = [];
const scratchDepartments: number[] = [];
const scratchMinutes: number[] = [];

export function separateVisitsOf(P: CompiledProblem, scheduledByEnterprise: ReadonlyMap<number, number[]>): number {
  let total = 0;
  const departments = scratchDepartments;
  for (const occIds of scheduledByEnterprise.values()) {
    // Each department with one occurrence there makes one visit of its own: no grouping needed.
    departments.length = 0;
    let repeated = false;
    for (let k = 0; k < occIds.length && !repeated; k++) {
      const d = (P.occurrences[occIds[k] as number] as COccurrence).department;
      repeated = departments.includes(d);
      departments.push(d);
    }
    total += !repeated ? occIds.length : groupEnterprise(P, occIds, { joint: false }).length;
  }
  departments.length = 0;
  return total;
}
