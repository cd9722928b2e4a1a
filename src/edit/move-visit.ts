/** `move-visit`: another day, and optionally another start; the visit keeps its length. */
import type { Draft } from 'immer';
import type { Plan } from '../model/plan-types.js';
import type { EditContext } from './context.js';
import type { Edit } from './types.js';
import { addMinutes, minutesBetween } from './visit-shape.js';

export function moveVisit(draft: Draft<Plan>, edit: Extract<Edit, { kind: 'move-visit' }>, _ctx: EditContext, base: Plan): void {
  const visit = draft.visits[base.visits.findIndex((v) => v.id === edit.visitId)];
  if (visit === undefined) return; // read-edit.ts has refused it already
  if (visit.date !== edit.date) visit.date = edit.date;
  if (edit.start !== undefined && edit.start !== visit.start) {
    // A person moving a visit keeps what was agreed about its length (it may be longer than
    // its items need); past 24:00 the end is held there and the validator reports the breach.
    const length = minutesBetween(visit.start, visit.end);
    visit.start = edit.start;
    visit.end = addMinutes(edit.start, length);
  }
}
