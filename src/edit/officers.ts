/** `add-officer` / `remove-officer`: the team of one visit. Nothing else of the visit changes. */
import type { Draft } from 'immer';
import type { Plan } from '../model/plan-types.js';
import type { EditContext } from './context.js';
import type { Edit } from './types.js';
import { officerPosition } from './visit-shape.js';

export function addOfficer(draft: Draft<Plan>, edit: Extract<Edit, { kind: 'add-officer' }>, ctx: EditContext, base: Plan): void {
  const visit = draft.visits[base.visits.findIndex((v) => v.id === edit.visitId)];
  if (visit === undefined) return;
  // Beside the officers of the same department, so the team stays listed department by department.
  visit.inspectorIds.splice(officerPosition(visit.inspectorIds, edit.inspectorId, visit.departmentIds, ctx), 0, edit.inspectorId);
}

export function removeOfficer(draft: Draft<Plan>, edit: Extract<Edit, { kind: 'remove-officer' }>, _ctx: EditContext, base: Plan): void {
  const visit = draft.visits[base.visits.findIndex((v) => v.id === edit.visitId)];
  if (visit === undefined) return;
  const at = visit.inspectorIds.indexOf(edit.inspectorId);
  if (at >= 0) visit.inspectorIds.splice(at, 1);
}
