/**
 * A visit's shape follows from its occurrences (contract §2.1-5, -6, -10): its departments
 * (in scenario order), its lead department, and its end (start + the longest department part,
 * since departments work side by side). Edits that change a visit's occurrences recompute
 * them here; an officer whose department no longer takes part leaves the team.
 */
import type { Draft } from 'immer';
import { formatTime, parseTime } from '../calendar/civil.js';
import type { Visit } from '../model/plan-types.js';
import type { EditContext } from './context.js';

/** The last minute a time can name (24:00). */
const DAY_END = 24 * 60;

/** `start` + `minutes`, held at 24:00 (a longer visit is the validator's to report, not a time). */
export function addMinutes(start: string, minutes: number): string {
  const t = parseTime(start);
  return formatTime(Math.min(DAY_END, (t ?? 0) + Math.max(0, minutes)));
}

/** Minutes from `start` to `end`, or 0 when either is unreadable or the end comes first. */
export function minutesBetween(start: string, end: string): number {
  const a = parseTime(start);
  const b = parseTime(end);
  return a === undefined || b === undefined ? 0 : Math.max(0, b - a);
}

/** Each department's part of a visit, in minutes (occurrences unknown to the scenario count for nothing). */
export function parts(occurrenceIds: readonly string[], ctx: EditContext): Map<string, number> {
  const out = new Map<string, number>();
  for (const id of occurrenceIds) {
    const o = ctx.occurrences.get(id);
    if (o === undefined) continue;
    const minutes = o.request.itemIds.reduce((sum, item) => sum + (ctx.itemMinutes.get(item) ?? 0), 0);
    out.set(o.request.departmentId, (out.get(o.request.departmentId) ?? 0) + minutes);
  }
  return out;
}

const order = (ctx: EditContext, d: string) => ctx.departmentOrder.get(d) ?? Number.MAX_SAFE_INTEGER;

/** §2.1-10: the enterprise's regulator when it takes part, else the longest part, ties by department order. */
export function leadOf(enterpriseId: string, byDepartment: Map<string, number>, ctx: EditContext): string | undefined {
  const regulator = ctx.enterpriseLead.get(enterpriseId);
  if (regulator !== undefined && byDepartment.has(regulator)) return regulator;
  let best: [string, number] | undefined;
  for (const [d, minutes] of byDepartment) {
    if (!best || minutes > best[1] || (minutes === best[1] && order(ctx, d) < order(ctx, best[0]))) best = [d, minutes];
  }
  return best?.[0];
}

/** Writes a field only when it changes, so the patches say only what changed. */
function set<K extends keyof Visit>(visit: Draft<Visit>, key: K, value: Visit[K]): void {
  if (JSON.stringify(visit[key]) !== JSON.stringify(value)) (visit as Visit)[key] = value;
}

/** Recomputes departments, lead and end of a visit whose occurrences changed; officers of a department that left go with it. */
export function reshape(visit: Draft<Visit>, ctx: EditContext): void {
  const byDepartment = parts(visit.occurrenceIds, ctx);
  const departments = [...byDepartment.keys()].sort((a, b) => order(ctx, a) - order(ctx, b));
  // An officer of a department that no longer takes part has nothing to do there. Officers the
  // person put there from other departments, or the scenario does not know, stay: the validator names them.
  const left = new Set(visit.departmentIds.filter((d) => !byDepartment.has(d)));
  set(visit, 'departmentIds', departments);
  const lead = leadOf(visit.enterpriseId, byDepartment, ctx);
  if (lead !== undefined) set(visit, 'leadDepartmentId', lead);
  set(visit, 'end', addMinutes(visit.start, Math.max(0, ...byDepartment.values())));
  if (left.size === 0) return;
  const kept = visit.inspectorIds.filter((id) => !left.has(ctx.inspectorDepartment.get(id) ?? ''));
  if (kept.length !== visit.inspectorIds.length) visit.inspectorIds = kept;
}

/** A visit for one occurrence, its shape worked out as `reshape` would. */
export function newVisit(id: string, occurrenceId: string, date: string, start: string, inspectorIds: readonly string[], ctx: EditContext): Visit {
  const o = ctx.occurrences.get(occurrenceId);
  const enterpriseId = o?.request.enterpriseId ?? '';
  const byDepartment = parts([occurrenceId], ctx);
  const departmentIds = [...byDepartment.keys()];
  return {
    id,
    enterpriseId,
    date,
    start,
    end: addMinutes(start, Math.max(0, ...byDepartment.values())),
    departmentIds,
    leadDepartmentId: leadOf(enterpriseId, byDepartment, ctx) ?? departmentIds[0] ?? '',
    occurrenceIds: [occurrenceId],
    inspectorIds: [...inspectorIds],
  };
}

/** Where an officer joins a team: after the last officer of its department, else after the officers of earlier departments. */
export function officerPosition(inspectorIds: readonly string[], inspectorId: string, departmentIds: readonly string[], ctx: EditContext): number {
  const own = ctx.inspectorDepartment.get(inspectorId);
  let last = -1;
  inspectorIds.forEach((id, i) => {
    if (ctx.inspectorDepartment.get(id) === own) last = i;
  });
  if (last >= 0) return last + 1;
  const rank = own === undefined ? -1 : departmentIds.indexOf(own);
  if (rank < 0) return inspectorIds.length;
  let at = 0;
  inspectorIds.forEach((id, i) => {
    const d = ctx.inspectorDepartment.get(id);
    if (d !== undefined && departmentIds.indexOf(d) >= 0 && departmentIds.indexOf(d) < rank) at = i + 1;
  });
  return at;
}
