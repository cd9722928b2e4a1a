/**
 * The edits a person makes to a plan, and what `editPlan` returns. An edit is plain data (a
 * host can store it, send it as JSON, or get it from `recommend`), a union on `kind`.
 */
import type { Patch } from 'immer';
import type { Plan } from '../model/plan-types.js';
import type { Locale } from '../report/format.js';
import type { ValidationFinding } from '../validate/index.js';

/**
 * A visit an edit creates: its day, its start (default the calendar's `dayStart`), its team
 * (default none: add officers with `add-officer`, or list them here), and its id (default the
 * next `V<n>` the plan has never named).
 * @example
 * const v: NewVisit = { date: '2026-03-04', start: '10:00', inspectorIds: ['I1', 'I2'] };
 */
export interface NewVisit {
  date: string;
  start?: string;
  inspectorIds?: string[];
  id?: string;
}

/**
 * One edit made by a person, a union on `kind`:
 * - `move-visit`: another day (and start); the visit keeps its length;
 * - `add-officer` / `remove-officer`: the team of a visit;
 * - `move-occurrence`: from its visit into another visit (`toVisitId`) or a new one (`toNewVisit`);
 * - `unschedule`: out of its visit (or off-site list) into `unscheduled`, with reason `MANUAL` and the person's `note`;
 * - `schedule`: an unscheduled (or off-site, or missing) occurrence into a visit (`visitId`) or a new one (`newVisit`).
 * @example
 * const edits: Edit[] = [
 *   { kind: 'move-visit', visitId: 'V3', date: '2026-03-10', start: '14:00' },
 *   { kind: 'add-officer', visitId: 'V3', inspectorId: 'I7' },
 *   { kind: 'move-occurrence', occurrenceId: 'R12', toNewVisit: { date: '2026-03-11' } },
 *   { kind: 'unschedule', occurrenceId: 'R4', note: '企业停业整顿' },
 *   { kind: 'schedule', occurrenceId: 'R9', visitId: 'V3' },
 * ];
 */
export type Edit =
  | { kind: 'move-visit'; visitId: string; date: string; start?: string }
  | { kind: 'add-officer'; visitId: string; inspectorId: string }
  | { kind: 'remove-officer'; visitId: string; inspectorId: string }
  | { kind: 'move-occurrence'; occurrenceId: string; toVisitId: string; toNewVisit?: undefined }
  | { kind: 'move-occurrence'; occurrenceId: string; toNewVisit: NewVisit; toVisitId?: undefined }
  | { kind: 'unschedule'; occurrenceId: string; note?: string }
  | { kind: 'schedule'; occurrenceId: string; visitId: string; newVisit?: undefined }
  | { kind: 'schedule'; occurrenceId: string; newVisit: NewVisit; visitId?: undefined };

/**
 * The kind of an edit.
 * @example
 * const kinds: EditKind[] = ['move-visit', 'add-officer', 'remove-officer', 'move-occurrence', 'unschedule', 'schedule'];
 */
export type EditKind = Edit['kind'];

/**
 * One change to a plan as plain data (immer's patch: `{ op, path, value }`).
 * @example
 * const p: PlanPatch = { op: 'replace', path: ['visits', 2, 'date'], value: '2026-03-10' };
 */
export type PlanPatch = Patch;

/**
 * Options of `editPlan` and `applyEdits`.
 * @example
 * editPlan(scenario, plan, edit, { locale: 'en' });
 */
export interface EditOptions {
  /** Language of the messages (violations, the reason of an unscheduled occurrence, errors); default `zh-CN`. */
  locale?: Locale;
  /** Check the edited plan with `validatePlan`; default true. Without it `violations` and `warnings` are empty. */
  validate?: boolean;
}

/**
 * What `editPlan` (and `applyEdits`) return. The edit is applied even when it breaks a rule:
 * `violations` lists every breach of the edited plan (the person decides). Applying
 * `inversePatches` to `plan` gives back the plan that was edited, exactly.
 * @example
 * const { plan: edited, patches, inversePatches, violations } = editPlan(scenario, plan, edit);
 * const undone = applyPlanPatches(edited, inversePatches); // equal to plan
 */
export interface EditResult {
  plan: Plan;
  patches: PlanPatch[];
  inversePatches: PlanPatch[];
  /** `validatePlan(scenario, plan).violations` of the edited plan. */
  violations: ValidationFinding[];
  /** `validatePlan(scenario, plan).warnings` of the edited plan (bookkeeping findings). */
  warnings: ValidationFinding[];
}
