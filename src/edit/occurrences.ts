/**
 * `move-occurrence`, `schedule`, `unschedule`: an occurrence changes place. It is first taken
 * out of wherever it is (every visit that names it, the off-site list, the unscheduled list),
 * then put where the edit says. Visits it left are reshaped (departments, lead, end, team);
 * a visit left with no occurrence is removed.
 *
 * Visits are found in the base plan and only those are touched in the draft, so an edit of a
 * city's year does not make a draft of every visit.
 */
import type { Draft } from 'immer';
import type { Plan, Reason, Visit } from '../model/plan-types.js';
import { reasonMessage } from '../report/reasons.js';
import type { EditContext } from './context.js';
import { whereabouts } from './read-edit.js';
import type { Edit, NewVisit } from './types.js';
import { newVisit, reshape } from './visit-shape.js';

/** Takes the occurrence out of every place; returns the first visit it was in (id and date), if any. */
function takeOut(draft: Draft<Plan>, base: Plan, occurrenceId: string, ctx: EditContext): { visitId: string; date: string } | undefined {
  const where = whereabouts(base, occurrenceId);
  let from: { visitId: string; date: string } | undefined;
  for (const i of where.visitIndices) {
    const visit = draft.visits[i] as Draft<Visit>;
    from ??= { visitId: visit.id, date: visit.date };
    visit.occurrenceIds = visit.occurrenceIds.filter((id) => id !== occurrenceId);
    if (visit.occurrenceIds.length > 0) reshape(visit, ctx);
  }
  if (where.offsite) draft.offsite = base.offsite.filter((o) => o.occurrenceId !== occurrenceId);
  if (where.unscheduled) draft.unscheduled = base.unscheduled.filter((u) => u.occurrenceId !== occurrenceId);
  return from;
}

/** Removes the visits the occurrence left empty (after it has found its new place). */
function dropEmptyVisits(draft: Draft<Plan>, base: Plan, occurrenceId: string): void {
  const touched = whereabouts(base, occurrenceId).visitIndices;
  for (let k = touched.length - 1; k >= 0; k--) {
    const i = touched[k] as number;
    if (draft.visits[i]?.occurrenceIds.length === 0) draft.visits.splice(i, 1);
  }
}

function intoVisit(draft: Draft<Plan>, base: Plan, occurrenceId: string, visitId: string, ctx: EditContext): void {
  const visit = draft.visits[base.visits.findIndex((v) => v.id === visitId)];
  if (visit === undefined) return;
  visit.occurrenceIds.push(occurrenceId);
  reshape(visit, ctx);
}

/** `spec.id` is set by `editPlan` (the next `V<n>` of the base plan) when the person gave none. */
function intoNewVisit(draft: Draft<Plan>, occurrenceId: string, spec: NewVisit, ctx: EditContext): void {
  draft.visits.push(newVisit(spec.id ?? '', occurrenceId, spec.date, spec.start ?? ctx.scenario.calendar.dayStart, spec.inspectorIds ?? [], ctx));
}

export function moveOccurrence(draft: Draft<Plan>, edit: Extract<Edit, { kind: 'move-occurrence' }>, ctx: EditContext, base: Plan): void {
  takeOut(draft, base, edit.occurrenceId, ctx);
  if (edit.toNewVisit) intoNewVisit(draft, edit.occurrenceId, edit.toNewVisit, ctx);
  else intoVisit(draft, base, edit.occurrenceId, edit.toVisitId, ctx);
  dropEmptyVisits(draft, base, edit.occurrenceId);
}

export function schedule(draft: Draft<Plan>, edit: Extract<Edit, { kind: 'schedule' }>, ctx: EditContext, base: Plan): void {
  takeOut(draft, base, edit.occurrenceId, ctx);
  if (edit.newVisit) intoNewVisit(draft, edit.occurrenceId, edit.newVisit, ctx);
  else intoVisit(draft, base, edit.occurrenceId, edit.visitId, ctx);
  dropEmptyVisits(draft, base, edit.occurrenceId);
}

export function unschedule(draft: Draft<Plan>, edit: Extract<Edit, { kind: 'unschedule' }>, ctx: EditContext, base: Plan): void {
  const from = takeOut(draft, base, edit.occurrenceId, ctx);
  dropEmptyVisits(draft, base, edit.occurrenceId);
  const details: Extract<Reason, { code: 'MANUAL' }>['details'] = {};
  if (from) {
    details.visitId = from.visitId;
    details.date = from.date;
  }
  if (edit.note !== undefined && edit.note !== '') details.note = edit.note;
  const reason: Reason = { code: 'MANUAL', message: reasonMessage({ code: 'MANUAL', details }, ctx.locale, ctx.names), details };
  draft.unscheduled ??= [];
  draft.unscheduled.push({ occurrenceId: edit.occurrenceId, reasons: [reason] });
}
