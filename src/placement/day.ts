/**
 * One day for one occurrence: the first rule that fails, or every way to place it that day —
 * joining the enterprise's visit of that day, or a new visit when it has none. Each check reads
 * the rule as the validator does (src/rules/*.ts), so a placement found here, applied with
 * `editPlan`, leaves the validator nothing to report.
 */
import { quietPeriodBlocking } from '../calendar/availability.js';
import { formatDay, formatTime } from '../calendar/civil.js';
import type { Edit } from '../edit/types.js';
import { inspectorMinutesPerDay, requestedInspectors, travelMinutes } from '../model/derived.js';
import { isPlannedBasis } from '../model/primitives.js';
import type { Enterprise, Inspector } from '../model/scenario.js';
import type { Occurrence } from '../occurrences/expand.js';
import type { VisitInfo } from '../validate/context.js';
import { capBreach } from './caps.js';
import type { PlanIndex } from './plan-index.js';
import { chooseTeam } from './team.js';
import type { DayVerdict, FunnelRule, Placement, StaffFilter, StaffFunnel } from './types.js';

export interface DaySurvey {
  verdict: DayVerdict;
  placements: Placement[];
}

/** The last minute a time can name (24:00), where `editPlan` holds a visit's end. */
const DAY_END = 24 * 60;

function failed(day: number, rule: FunnelRule, facts: Record<string, unknown>): DaySurvey {
  return { verdict: { day, date: formatDay(day), ok: false, rule, facts }, placements: [] };
}

/** Whether an officer can be at `enterprise` from `start` to `end` on `day`, given its other visits (travel included). */
function isFree(index: PlanIndex, p: Inspector, day: number, start: number, end: number, enterprise: Enterprise | undefined, except?: VisitInfo): boolean {
  for (const v of index.officerDay(p.id, day)) {
    if (v === except) continue;
    if (start < v.end && v.start < end) return false;
    if (!enterprise || !v.enterprise) continue;
    const travel = travelMinutes(v.enterprise, enterprise, index.scenario.policy);
    if (travel <= 0) continue;
    if (v.start <= start ? start < v.end + travel : v.start < end + travel) return false;
  }
  return true;
}

/** Minutes an officer is on visits that day (as the validator sums them). */
function dayMinutes(index: PlanIndex, p: Inspector, day: number, except?: VisitInfo): number {
  let sum = 0;
  for (const v of index.officerDay(p.id, day)) if (v !== except) sum += Math.max(0, v.end - v.start);
  return sum;
}

/** Qualifications the items of these occurrences need, in first-seen order. */
function neededQualifications(index: PlanIndex, occurrences: readonly Occurrence[]): string[] {
  const out = new Set<string>();
  for (const o of occurrences) for (const item of o.request.itemIds) for (const q of index.ctx.items.get(item)?.qualifications ?? []) out.add(q);
  return [...out];
}

interface Pool {
  steps: { filter: StaffFilter; remaining: number }[];
  /** Officers passing every filter that does not depend on the start time, lightest load first. */
  officers: Inspector[];
}

/** The department's officers who may inspect this enterprise this day and still have room for `minutes` more. */
function staffPool(index: PlanIndex, departmentId: string, enterprise: Enterprise | undefined, enterpriseId: string, day: number, minutes: number, exclude: ReadonlySet<string>, visit?: VisitInfo): Pool {
  const date = formatDay(day);
  const area = enterprise?.area;
  let list = (index.officersByDepartment.get(departmentId) ?? []).filter((p) => !exclude.has(p.id));
  const steps: Pool['steps'] = [{ filter: 'department', remaining: list.length }];
  const step = (filter: StaffFilter, keep: (p: Inspector) => boolean) => {
    list = list.filter(keep);
    steps.push({ filter, remaining: list.length });
  };
  step('certificate', (p) => date >= p.certificate.validFrom && date <= p.certificate.validTo);
  step('area', (p) => p.areas === undefined || area === undefined || p.areas.includes(area));
  step('avoidance', (p) => !p.avoid.includes(enterpriseId));
  step('availability', (p) => !index.ctx.inspectorUnavailable(p.id).has(day));
  step('daily-visits', (p) => index.officerDay(p.id, day).filter((v) => v !== visit).length + 1 <= p.maxVisitsPerDay);
  step('daily-minutes', (p) => dayMinutes(index, p, day, visit) + minutes <= inspectorMinutesPerDay(p, index.scenario));
  const order = new Map((index.officersByDepartment.get(departmentId) ?? []).map((p, i) => [p.id, i]));
  list.sort((a, b) => index.load(a.id) - index.load(b.id) || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return { steps, officers: list };
}

function staffFacts(pool: Pool, departmentId: string, required: number, present: number, timeRemaining: number | undefined, missing: string[]): StaffFunnel {
  const steps = timeRemaining === undefined ? pool.steps : [...pool.steps, { filter: 'time' as const, remaining: timeRemaining }];
  const short = steps.find((s) => s.remaining + present < required);
  return { departmentId, required, present, steps, filter: short?.filter ?? 'qualification', missingQualifications: short ? [] : missing };
}

/** The rules of the day that do not depend on the plan's visits (calendar, enterprise, basis, territory). */
function dayRules(index: PlanIndex, occ: Occurrence, day: number): DaySurvey | undefined {
  const { ctx } = index;
  const r = occ.request;
  if (day < ctx.horizon.from || day > ctx.horizon.to) return failed(day, 'horizon', { horizonFrom: formatDay(ctx.horizon.from), horizonTo: formatDay(ctx.horizon.to) });
  if (day < occ.from || day > occ.to) return failed(day, 'window', { windowFrom: formatDay(occ.rawFrom), windowTo: formatDay(occ.rawTo) });
  if (r.fixedDate !== undefined && r.fixedDate !== formatDay(day)) return failed(day, 'fixed-date', { fixedDate: r.fixedDate });
  if (!ctx.calendar.isWorkingDay(day)) return failed(day, 'not-working-day', {});
  if (ctx.policy.makeupWorkdays === 'forbid' && ctx.calendar.isMakeupWorkday(day)) return failed(day, 'makeup-forbidden', {});
  const enterprise = ctx.enterprises.get(r.enterpriseId);
  if (ctx.enterpriseUnavailable(r.enterpriseId).has(day)) return failed(day, 'enterprise-unavailable', { enterpriseId: r.enterpriseId });
  const quiet = quietPeriodBlocking(ctx.quietPeriods, enterprise?.area, day, [r.basis]);
  if (quiet) return failed(day, 'quiet-period', { enterpriseId: r.enterpriseId, quietPeriodId: quiet.id, basis: r.basis, exemptBases: [...quiet.exemptBases] });
  if (enterprise?.whitelisted && isPlannedBasis(r.basis)) {
    const exempt = new Set(ctx.policy.whitelistExemptFields);
    const fields = r.itemIds.map((i) => ctx.items.get(i)?.field).filter((f): f is string => f !== undefined);
    if (!fields.some((f) => exempt.has(f))) return failed(day, 'whitelist', { enterpriseId: r.enterpriseId, basis: r.basis, itemFields: fields, exemptFields: [...exempt] });
  }
  const areas = ctx.departments.get(r.departmentId)?.areas;
  const area = enterprise?.area;
  if (areas !== undefined && area !== undefined && !areas.includes(area)) return failed(day, 'department-area', { departmentId: r.departmentId, enterpriseId: r.enterpriseId, area, areas });
  return undefined;
}

/** Every department's part of a set of occurrence ids plus `occ`, as `editPlan` reshapes a visit. */
function longestPartWith(index: PlanIndex, occurrenceIds: readonly string[], occ: Occurrence): number {
  const parts = new Map<string, number>();
  const add = (o: Occurrence) => parts.set(o.request.departmentId, (parts.get(o.request.departmentId) ?? 0) + index.minutesOf(o));
  for (const id of occurrenceIds) {
    const o = index.ctx.occurrences.get(id);
    if (o) add(o);
  }
  add(occ);
  return Math.max(0, ...parts.values());
}

function tooLong(index: PlanIndex, enterprise: Enterprise | undefined, start: number, end: number): Record<string, unknown> | undefined {
  const minutes = end - start;
  if (end > index.ctx.dayEnd) return { bound: 'day-end', minutes, end: formatTime(end), dayEnd: formatTime(index.ctx.dayEnd) };
  const max = enterprise?.maxVisitMinutes;
  if (max !== undefined && minutes > max) return { bound: 'enterprise', minutes, max, enterpriseId: enterprise?.id };
  return undefined;
}

/** Joining the enterprise's visit of that day. */
function join(index: PlanIndex, occ: Occurrence, v: VisitInfo): DaySurvey {
  const { ctx } = index;
  const r = occ.request;
  const day = v.day;
  const visitId = v.visit.id;
  const fail = (rule: FunnelRule, facts: Record<string, unknown>) => failed(day, rule, { visitId, joinOnly: true, ...facts });
  if (r.exclusive) return fail('exclusive', { occurrenceId: occ.id, exclusiveOccurrenceId: occ.id });
  const exclusive = v.occurrences.find((o) => o.request.exclusive);
  if (exclusive) return fail('exclusive', { occurrenceId: occ.id, exclusiveOccurrenceId: exclusive.id });
  const departments = new Set([...v.parts.keys(), r.departmentId]);
  const max = ctx.policy.maxDepartmentsPerVisit;
  if (max !== undefined && departments.size > max) return fail('too-many-departments', { count: departments.size, max, departmentIds: [...departments] });
  const cap = capBreach(index, occ, day, v);
  if (cap) return fail('cap', cap);
  const end = Math.min(DAY_END, v.start + longestPartWith(index, v.visit.occurrenceIds, occ));
  const long = tooLong(index, v.enterprise, v.start, end);
  if (long) return fail('visit-too-long', long);
  // The visit's officers stay until the new end: their other visits and daily minutes must allow it.
  if (end > v.end) {
    for (const p of v.inspectors) {
      const roomy = dayMinutes(index, p, day, v) + (end - v.start) <= inspectorMinutesPerDay(p, index.scenario);
      if (!roomy || !isFree(index, p, day, v.start, end, v.enterprise, v)) return fail('team-busy', { inspectorId: p.id, end: formatTime(end), dailyMinutes: !roomy });
    }
  }
  const own = [...v.occurrences.filter((o) => o.request.departmentId === r.departmentId), occ];
  const required = Math.max(ctx.policy.minInspectorsPerDepartment, ...own.map((o) => requestedInspectors(o.request, ctx.policy)));
  const present = v.inspectors.filter((p) => p.departmentId === r.departmentId);
  const held = new Set(present.flatMap((p) => p.qualifications));
  const missing = neededQualifications(index, own).filter((q) => !held.has(q));
  const need = Math.max(0, required - present.length);
  let added: Inspector[] = [];
  if (need > 0 || missing.length > 0) {
    const onVisit = new Set(v.inspectors.map((p) => p.id));
    const pool = staffPool(index, r.departmentId, v.enterprise, v.visit.enterpriseId, day, end - v.start, onVisit, v);
    const free = pool.officers.filter((p) => isFree(index, p, day, v.start, end, v.enterprise));
    const team = chooseTeam(free, need, missing);
    if (!team) return fail('staff', { ...staffFacts(pool, r.departmentId, required, present.length, free.length, missing) });
    added = team;
  }
  const edits: Edit[] = [{ kind: 'schedule', occurrenceId: occ.id, visitId }, ...added.map((p): Edit => ({ kind: 'add-officer', visitId, inspectorId: p.id }))];
  const placement: Placement = {
    kind: 'join',
    day,
    date: v.visit.date,
    start: v.visit.start,
    end: formatTime(end),
    visitId,
    inspectorIds: added.map((p) => p.id),
    departmentTeam: [...present, ...added].map((p) => p.id),
    edits,
    load: added.reduce((s, p) => s + index.load(p.id), 0),
  };
  return { verdict: { day, date: v.visit.date, ok: true, mode: 'join', facts: { visitId } }, placements: [placement] };
}

/** A new visit that day: the earliest start at which a lawful team is free. */
function newVisit(index: PlanIndex, occ: Occurrence, day: number): DaySurvey {
  const { ctx } = index;
  const r = occ.request;
  const enterprise = ctx.enterprises.get(r.enterpriseId);
  const cap = capBreach(index, occ, day, undefined);
  if (cap) return failed(day, 'cap', cap);
  const minutes = index.minutesOf(occ);
  const long = tooLong(index, enterprise, ctx.dayStart, Math.min(DAY_END, ctx.dayStart + minutes));
  if (long) return failed(day, 'visit-too-long', long);
  const required = Math.max(ctx.policy.minInspectorsPerDepartment, requestedInspectors(r, ctx.policy));
  const needed = neededQualifications(index, [occ]);
  const pool = staffPool(index, r.departmentId, enterprise, r.enterpriseId, day, minutes, new Set());
  // The earliest feasible start of a team is the day's start or the moment one of its officers is free after a visit.
  const latest = ctx.dayEnd - minutes;
  const starts = new Set<number>([ctx.dayStart]);
  if (pool.officers.length >= required) {
    for (const p of pool.officers) {
      for (const v of index.officerDay(p.id, day)) {
        const travel = enterprise && v.enterprise ? travelMinutes(v.enterprise, enterprise, ctx.policy) : 0;
        const s = v.end + Math.max(0, travel);
        if (s > ctx.dayStart && s <= latest) starts.add(s);
      }
    }
  }
  let mostFree = 0;
  for (const start of [...starts].sort((a, b) => a - b)) {
    if (pool.officers.length < required) break;
    const end = start + minutes;
    const free = pool.officers.filter((p) => isFree(index, p, day, start, end, enterprise));
    mostFree = Math.max(mostFree, free.length);
    if (free.length < required) continue;
    const team = chooseTeam(free, required, needed);
    if (!team) continue;
    const date = formatDay(day);
    const inspectorIds = team.map((p) => p.id);
    const placement: Placement = {
      kind: 'new-visit',
      day,
      date,
      start: formatTime(start),
      end: formatTime(end),
      inspectorIds,
      departmentTeam: inspectorIds,
      edits: [{ kind: 'schedule', occurrenceId: occ.id, newVisit: { date, start: formatTime(start), inspectorIds } }],
      load: team.reduce((s, p) => s + index.load(p.id), 0),
    };
    return { verdict: { day, date, ok: true, mode: 'new-visit', facts: {} }, placements: [placement] };
  }
  const held = new Set(pool.officers.flatMap((p) => p.qualifications));
  const missing = needed.filter((q) => !held.has(q));
  return failed(day, 'staff', { ...staffFacts(pool, r.departmentId, required, 0, pool.officers.length < required ? undefined : mostFree, missing) });
}

/** The verdict on one day and the placements it allows. */
export function surveyDay(index: PlanIndex, occ: Occurrence, day: number): DaySurvey {
  const blocked = dayRules(index, occ, day);
  if (blocked) return blocked;
  const visits = index.enterpriseDay(occ.request.enterpriseId, day);
  if (visits.length === 0) return newVisit(index, occ, day);
  // The enterprise is entered once a day: only a join is possible.
  const surveys = visits.map((v) => join(index, occ, v));
  const ok = surveys.filter((s) => s.verdict.ok);
  if (ok.length === 0) return surveys[0] as DaySurvey;
  return { verdict: ok[0]?.verdict as DayVerdict, placements: ok.flatMap((s) => s.placements) };
}
