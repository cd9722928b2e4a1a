/**
 * The edit's boundary: its shape (zod, every problem with its path), then its references
 * against the scenario and the plan. Past this, producers trust the edit. A problem here means
 * the edit cannot be applied at all; whether it breaks a rule is the validator's business.
 */
import { z } from 'zod';
import { fromZodIssues, makeIssue } from '../model/issues.js';
import type { Plan } from '../model/plan-types.js';
import { dateSchema, idSchema, timeSchema } from '../model/primitives.js';
import type { EditContext } from './context.js';
import { EditError, editIssue, fromInputIssue, type EditIssue } from './errors.js';
import type { Edit, NewVisit } from './types.js';

const newVisitSchema = z.strictObject({ date: dateSchema, start: timeSchema.optional(), inspectorIds: z.array(idSchema).optional(), id: idSchema.optional() });

const schemas = {
  'move-visit': z.strictObject({ kind: z.literal('move-visit'), visitId: idSchema, date: dateSchema, start: timeSchema.optional() }),
  'add-officer': z.strictObject({ kind: z.literal('add-officer'), visitId: idSchema, inspectorId: idSchema }),
  'remove-officer': z.strictObject({ kind: z.literal('remove-officer'), visitId: idSchema, inspectorId: idSchema }),
  'move-occurrence': z.strictObject({ kind: z.literal('move-occurrence'), occurrenceId: idSchema, toVisitId: idSchema.optional(), toNewVisit: newVisitSchema.optional() }),
  unschedule: z.strictObject({ kind: z.literal('unschedule'), occurrenceId: idSchema, note: z.string().optional() }),
  schedule: z.strictObject({ kind: z.literal('schedule'), occurrenceId: idSchema, visitId: idSchema.optional(), newVisit: newVisitSchema.optional() }),
} as const;

/**
 * The kinds of edit `editPlan` knows, in the order the docs describe them.
 * @example
 * EDIT_KINDS.includes('move-visit'); // true
 */
export const EDIT_KINDS = Object.keys(schemas) as (keyof typeof schemas)[];

/** Where an occurrence is in the plan now. */
export interface Whereabouts {
  visitIndices: number[];
  offsite: boolean;
  unscheduled: boolean;
}

export function whereabouts(plan: Plan, occurrenceId: string): Whereabouts {
  const visitIndices: number[] = [];
  plan.visits.forEach((v, i) => {
    if (v.occurrenceIds.includes(occurrenceId)) visitIndices.push(i);
  });
  return {
    visitIndices,
    offsite: (plan.offsite ?? []).some((o) => o.occurrenceId === occurrenceId),
    unscheduled: (plan.unscheduled ?? []).some((u) => u.occurrenceId === occurrenceId),
  };
}

/** The edit as typed data, or an `EditError` with every problem. */
export function readEdit(input: unknown, plan: Plan, ctx: EditContext): Edit {
  const { locale } = ctx;
  const kind = input !== null && typeof input === 'object' && !Array.isArray(input) ? (input as { kind?: unknown }).kind : undefined;
  if (typeof kind !== 'string' || !(kind in schemas)) {
    const issue =
      input === null || typeof input !== 'object' || Array.isArray(input)
        ? makeIssue([], 'invalid_type', { expected: 'object', received: input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input }, locale)
        : kind === undefined
          ? makeIssue(['kind'], 'missing', {}, locale)
          : makeIssue(['kind'], 'invalid_value', { options: EDIT_KINDS.map((k) => JSON.stringify(k)) }, locale);
    throw new EditError([fromInputIssue(issue)]);
  }
  const parsed = schemas[kind as keyof typeof schemas].safeParse(input);
  if (!parsed.success) throw new EditError(fromZodIssues(parsed.error.issues, input, locale).map(fromInputIssue));
  const edit = parsed.data;
  const issues = references(edit, plan, ctx);
  if (issues.length > 0) throw new EditError(issues);
  return edit as Edit;
}

type ParsedEdit = { [K in keyof typeof schemas]: z.output<(typeof schemas)[K]> }[keyof typeof schemas];

function references(edit: ParsedEdit, plan: Plan, ctx: EditContext): EditIssue[] {
  const { locale, names } = ctx;
  const issues: EditIssue[] = [];
  const visitIndex = (id: string) => plan.visits.findIndex((v) => v.id === id);
  const knownVisit = (field: string, id: string): boolean => {
    if (visitIndex(id) >= 0) return true;
    issues.push(editIssue([field], 'unknown_visit', { visitId: id }, locale));
    return false;
  };
  const knownInspector = (segments: (string | number)[], id: string): boolean => {
    if (ctx.inspectorDepartment.has(id)) return true;
    issues.push(editIssue(segments, 'unknown_inspector', { inspectorId: id }, locale));
    return false;
  };
  const knownOccurrence = (id: string): boolean => {
    if (ctx.occurrences.has(id)) return true;
    issues.push(editIssue(['occurrenceId'], 'unknown_occurrence', { occurrenceId: id }, locale));
    return false;
  };
  const newVisit = (field: string, v: NewVisit) => {
    const seen = new Set<string>();
    (v.inspectorIds ?? []).forEach((id, i) => {
      if (!knownInspector([field, 'inspectorIds', i], id)) return;
      if (seen.has(id)) issues.push(editIssue([field, 'inspectorIds', i], 'duplicate_inspector', { inspectorId: id }, locale, { inspector: names.inspector(id) }));
      seen.add(id);
    });
    if (v.id !== undefined && (visitIndex(v.id) >= 0 || usedVisitIds(plan).has(v.id))) issues.push(editIssue([field, 'id'], 'visit_id_taken', { visitId: v.id }, locale));
  };
  const oneTarget = (first: string, second: string, a: unknown, b: unknown): boolean => {
    if (a !== undefined && b !== undefined) {
      issues.push(editIssue([second], 'two_targets', { first, second }, locale));
      return false;
    }
    if (a === undefined && b === undefined) {
      issues.push(fromInputIssue(makeIssue([first], 'missing', {}, locale)));
      return false;
    }
    return true;
  };

  switch (edit.kind) {
    case 'move-visit':
      knownVisit('visitId', edit.visitId);
      break;
    case 'add-officer':
    case 'remove-officer': {
      const visitOk = knownVisit('visitId', edit.visitId);
      const officerOk = knownInspector(['inspectorId'], edit.inspectorId);
      if (visitOk && officerOk) {
        const on = plan.visits[visitIndex(edit.visitId)]?.inspectorIds.includes(edit.inspectorId) ?? false;
        const words = { inspector: names.inspector(edit.inspectorId) };
        if (edit.kind === 'add-officer' && on) issues.push(editIssue(['inspectorId'], 'officer_already_on_visit', { visitId: edit.visitId, inspectorId: edit.inspectorId }, locale, words));
        if (edit.kind === 'remove-officer' && !on) issues.push(editIssue(['inspectorId'], 'officer_not_on_visit', { visitId: edit.visitId, inspectorId: edit.inspectorId }, locale, words));
      }
      break;
    }
    case 'move-occurrence': {
      const known = knownOccurrence(edit.occurrenceId);
      if (!oneTarget('toVisitId', 'toNewVisit', edit.toVisitId, edit.toNewVisit)) break;
      const targetOk = edit.toVisitId === undefined ? true : knownVisit('toVisitId', edit.toVisitId);
      if (edit.toNewVisit) newVisit('toNewVisit', edit.toNewVisit);
      if (!known) break;
      const where = whereabouts(plan, edit.occurrenceId);
      if (where.visitIndices.length === 0) issues.push(editIssue(['occurrenceId'], 'not_in_visit', { occurrenceId: edit.occurrenceId }, locale));
      else if (targetOk && edit.toVisitId !== undefined && where.visitIndices.length === 1 && plan.visits[where.visitIndices[0] as number]?.id === edit.toVisitId) {
        issues.push(editIssue(['toVisitId'], 'already_in_visit', { occurrenceId: edit.occurrenceId, visitId: edit.toVisitId }, locale));
      }
      break;
    }
    case 'unschedule': {
      if (!knownOccurrence(edit.occurrenceId)) break;
      const where = whereabouts(plan, edit.occurrenceId);
      if (where.unscheduled && where.visitIndices.length === 0 && !where.offsite) issues.push(editIssue(['occurrenceId'], 'already_unscheduled', { occurrenceId: edit.occurrenceId }, locale));
      break;
    }
    case 'schedule': {
      const known = knownOccurrence(edit.occurrenceId);
      if (!oneTarget('visitId', 'newVisit', edit.visitId, edit.newVisit)) break;
      if (edit.visitId !== undefined) knownVisit('visitId', edit.visitId);
      if (edit.newVisit) newVisit('newVisit', edit.newVisit);
      if (!known) break;
      const where = whereabouts(plan, edit.occurrenceId);
      const at = where.visitIndices[0];
      if (at !== undefined) issues.push(editIssue(['occurrenceId'], 'already_scheduled', { occurrenceId: edit.occurrenceId, visitId: plan.visits[at]?.id }, locale));
      break;
    }
  }
  return issues;
}

const VISIT_ID = /^V(\d+)$/;

/**
 * Every visit id the plan names anywhere: its visits, and the visits its reasons and soft
 * findings refer to (a visit an earlier edit removed may still be named there).
 */
export function usedVisitIds(plan: Plan): Set<string> {
  const ids = new Set(plan.visits.map((v) => v.id));
  const add = (x: unknown) => {
    if (typeof x === 'string') ids.add(x);
  };
  for (const u of plan.unscheduled ?? []) {
    for (const r of u.reasons ?? []) {
      const d = (r.details ?? {}) as Record<string, unknown>;
      add(d.visitId);
      if (Array.isArray(d.blockingVisitIds)) d.blockingVisitIds.forEach(add);
      if (Array.isArray(d.events)) for (const e of d.events) add((e as { visitId?: unknown } | null)?.visitId);
    }
  }
  for (const f of plan.softFindings ?? []) add(f.visitId);
  return ids;
}

/** The next `V<n>` no part of the plan names (n one more than the largest used). */
export function nextVisitId(plan: Plan): string {
  let max = 0;
  for (const id of usedVisitIds(plan)) {
    const m = VISIT_ID.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `V${max + 1}`;
}
