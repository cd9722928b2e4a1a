/**
 * The placement engine's contract: what a day's verdict says, and what one way of placing an
 * occurrence is. Facts are language-neutral data (ids, dates, numbers); `recommend` and
 * `explain` turn them into words.
 */
import type { Edit } from '../edit/types.js';

/**
 * The rules a day can fail, in the order `dayFunnel` tries them (the first that fails is the
 * day's verdict):
 * - `horizon`: the day is outside the planning horizon;
 * - `window`: the day is outside the occurrence's window (only for days a caller asks about);
 * - `fixed-date`: the request has a fixed date and this is not it;
 * - `not-working-day` / `makeup-forbidden`: no working day, or a make-up workday the policy forbids;
 * - `enterprise-unavailable`: the enterprise cannot receive visits that day;
 * - `quiet-period`: a quiet period of the enterprise does not exempt the occurrence's basis;
 * - `whitelist`: a planned inspection of a whitelisted enterprise outside the exempt fields;
 * - `department-area`: the department has no jurisdiction over the enterprise's area;
 * - `cap`: a frequency cap would be exceeded (limit or minimum gap), with the events that used it up;
 * - `exclusive` / `too-many-departments`: the enterprise already has a visit that day (only a
 *   join is possible) and joining it would break exclusivity or the department limit;
 * - `visit-too-long`: the visit (new, or the joined one grown) would exceed the enterprise's
 *   maximum or end after the working day;
 * - `team-busy`: joining would lengthen a visit whose officers cannot stay longer;
 * - `staff`: the department cannot field a lawful team that day (which filter ran out).
 * @example
 * const blocking = recommend(scenario, plan, 'R9').impossible.filter((d) => d.rule === ('cap' satisfies FunnelRule));
 */
export type FunnelRule =
  | 'horizon'
  | 'window'
  | 'fixed-date'
  | 'not-working-day'
  | 'makeup-forbidden'
  | 'enterprise-unavailable'
  | 'quiet-period'
  | 'whitelist'
  | 'department-area'
  | 'cap'
  | 'exclusive'
  | 'too-many-departments'
  | 'visit-too-long'
  | 'team-busy'
  | 'staff';

/** The officer filters of a staff verdict, in the order they are applied. */
export type StaffFilter = 'department' | 'certificate' | 'area' | 'avoidance' | 'availability' | 'daily-visits' | 'daily-minutes' | 'time' | 'qualification';

/** How many of the department's officers are left after each filter. */
export interface StaffFunnel {
  departmentId: string;
  /** Officers the department must send (max of the policy minimum and the request). */
  required: number;
  /** Officers already on the visit (a join), counted toward `required`. */
  present: number;
  steps: { filter: StaffFilter; remaining: number }[];
  /** The filter that left too few officers, or `qualification` when none of the teams holds every qualification. */
  filter: StaffFilter;
  /** Qualifications no team can cover (with `filter: 'qualification'`). */
  missingQualifications: string[];
}

/** One counted event of a cap's tally: a plan visit or a history entry. */
export interface CapEventFact {
  source: 'visit' | 'history';
  date: string;
  visitId?: string;
  historyIndex?: number;
}

/**
 * The verdict on one day: `ok` with how the occurrence can be placed, or the first rule that
 * fails with its facts (ids, dates, numbers; see `FunnelRule`).
 */
export interface DayVerdict {
  day: number;
  date: string;
  ok: boolean;
  /** With `ok`: a join of an existing visit, or a new visit. */
  mode?: 'join' | 'new-visit';
  rule?: FunnelRule;
  facts: Record<string, unknown>;
}

/** One feasible way to place an occurrence, with the edits that apply it (in order, `applyEdits`). */
export interface Placement {
  kind: 'join' | 'new-visit';
  day: number;
  date: string;
  /** Times of the visit after the edits (`HH:MM`). */
  start: string;
  end: string;
  /** The joined visit. */
  visitId?: string;
  /** The officers the edits add (a join) or the new visit's team. */
  inspectorIds: string[];
  /** The whole team of the department of the occurrence after the edits. */
  departmentTeam: string[];
  edits: Edit[];
  /** Visits of the whole plan held by the officers added (lower is lighter). */
  load: number;
}

/** Options of `placements`. */
export interface PlacementOptions {
  /** Only these days (day numbers); default every day of the occurrence's window. */
  days?: readonly number[];
}
