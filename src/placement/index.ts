/**
 * The plan-level placement engine: given a plan and one occurrence, for each day of its window
 * the first rule that fails (`dayFunnel`), and every feasible way to place it (`placements`) —
 * joining a visit of its enterprise or a new visit — each as the `editPlan` edits that apply
 * it. It reads the scenario and the plan like the validator does and never calls the planner.
 *
 * An occurrence that is in a visit of the plan is judged against the plan as it is (its own
 * visit included); to ask "where else could it go", index the plan with it unscheduled
 * (`editPlan(…, { kind: 'unschedule', … })`).
 */
import type { Occurrence } from '../occurrences/expand.js';
import { surveyDay, type DaySurvey } from './day.js';
import type { PlanIndex } from './plan-index.js';
import type { DayVerdict, Placement, PlacementOptions } from './types.js';

export { indexPlan, type PlanIndex, type IndexedCapEvent } from './plan-index.js';
export type { CapEventFact, DayVerdict, FunnelRule, Placement, PlacementOptions, StaffFilter, StaffFunnel } from './types.js';
export { surveyDay, type DaySurvey } from './day.js';

/** Longest run of days reported for a window that lies wholly outside the horizon. */
const MAX_OUTSIDE_DAYS = 366;

/**
 * The days `dayFunnel` judges: the occurrence's window clipped to the horizon; a window wholly
 * outside the horizon gives its own days (at most a year of them), each failing `horizon`.
 */
export function windowDays(occ: Occurrence): number[] {
  const [from, to] = occ.from <= occ.to ? [occ.from, occ.to] : [occ.rawFrom, Math.min(occ.rawTo, occ.rawFrom + MAX_OUTSIDE_DAYS - 1)];
  const out: number[] = [];
  for (let d = from; d <= to; d++) out.push(d);
  return out;
}

/** The verdict and placements of each day (the window's, or `options.days`), in day order. */
export function survey(index: PlanIndex, occ: Occurrence, options: PlacementOptions = {}): DaySurvey[] {
  const days = options.days ? [...new Set(options.days)].sort((a, b) => a - b) : windowDays(occ);
  return days.map((d) => surveyDay(index, occ, d));
}

/**
 * For each day of the occurrence's window, the first rule that fails with its facts, or `ok`
 * with the mode (join or new visit).
 * @example
 * const index = indexPlan(scenario, plan);
 * for (const v of dayFunnel(index, occurrence)) if (!v.ok) console.log(v.date, v.rule, v.facts);
 */
export function dayFunnel(index: PlanIndex, occ: Occurrence, options: PlacementOptions = {}): DayVerdict[] {
  return survey(index, occ, options).map((s) => s.verdict);
}

/**
 * Every feasible way to place the occurrence, in day order: a join of each visit of its
 * enterprise on a day where it may join (with the officers of its department to add), or a new
 * visit (earliest start with a free lawful team, lightest officers first) on a day without one.
 * @example
 * const options = placements(indexPlan(scenario, plan), occurrence);
 * applyEdits(scenario, plan, options[0].edits).violations; // []
 */
export function placements(index: PlanIndex, occ: Occurrence, options: PlacementOptions = {}): Placement[] {
  return survey(index, occ, options).flatMap((s) => s.placements);
}
