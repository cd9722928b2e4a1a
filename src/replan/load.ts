/**
 * A previous plan as solver state. Each visit is mapped to compiled indices and then:
 * - fixed (before `today`, on or before `freezeUntil`, or pinned): committed as it is and marked
 *   `fixed` (moves never touch it);
 * - kept: still valid for the (changed) scenario — committed as it is, under its id;
 * - repaired, with the smallest change that makes it valid: the same day with the officers
 *   replaced (the previous team ranked first), else another day (same occurrences), else it is
 *   cancelled and its occurrences go back to the pool.
 */
import { formatDay, parseDay, parseTime } from '../calendar/civil.js';
import type { COccurrence, CompiledProblem } from '../compile/problem.js';
import type { ValidationFinding } from '../validate/index.js';
import type { ReadablePlan, ReadableVisit } from '../validate/plan-input.js';
import { placeBest } from '../solver/construct.js';
import { dayList, isFeasibleOn, type Placement, type PlanState, type Team } from '../solver/state.js';

export type VisitFate = 'fixed' | 'kept' | 'officers-replaced' | 'moved' | 'cancelled';

export interface LoadedVisit {
  id: string;
  visit: ReadableVisit;
  fate: VisitFate;
  fixedBy?: 'past' | 'frozen' | 'pinned';
  /** The findings of `validatePlan` (changed scenario) that name this visit. */
  findings: ValidationFinding[];
  /** Occurrence ids of the visit the scenario no longer has (withdrawn) or no longer plans on site. */
  gone: string[];
  /** Officer ids the scenario no longer has. */
  unknownOfficers: string[];
  /** The state key it lives under (not for cancelled ones). */
  key?: number;
}

export interface LoadOutcome {
  visits: LoadedVisit[];
  /** First horizon day that may change (days before it are the past or frozen). */
  firstFree: number;
}

export interface LoadOptions {
  todayDay: number | undefined;
  freezeDay: number | undefined;
  pin: ReadonlySet<string>;
}

/** The findings naming each visit id (own `visitId`, or listed in `details.visitIds`). */
function findingsByVisit(findings: readonly ValidationFinding[]): Map<string, ValidationFinding[]> {
  const out = new Map<string, ValidationFinding[]>();
  const add = (id: string, f: ValidationFinding) => {
    const list = out.get(id);
    if (list) {
      if (!list.includes(f)) list.push(f);
    } else out.set(id, [f]);
  };
  for (const f of findings) {
    if (f.severity !== 'violation') continue;
    if (f.visitId !== undefined) add(f.visitId, f);
    const ids = f.details.visitIds;
    if (Array.isArray(ids)) for (const id of ids) if (typeof id === 'string') add(id, f);
    if (typeof f.details.visitId === 'string') add(f.details.visitId, f);
  }
  return out;
}

export function loadPlan(state: PlanState, plan: ReadablePlan, findings: readonly ValidationFinding[], options: LoadOptions): LoadOutcome {
  const P = state.P;
  const enterpriseOf = new Map(P.enterprises.map((e) => [e.id, e.index]));
  const occurrenceOf = new Map(P.occurrences.map((o) => [o.id, o.index]));
  const officerOf = new Map(P.officers.map((o) => [o.id, o.index]));
  const byVisit = findingsByVisit(findings);
  let firstFree = 0;
  if (options.todayDay !== undefined) firstFree = Math.max(firstFree, options.todayDay - P.day0);
  if (options.freezeDay !== undefined) firstFree = Math.max(firstFree, options.freezeDay - P.day0 + 1);

  // Visits in date order (then id): repairs go earliest first, and ids are reserved whatever happens.
  const ordered = [...plan.visits].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const v of ordered) state.reservedIds.add(v.id);
  const seen = new Set<string>();
  const loaded: LoadedVisit[] = [];
  const placements = new Map<LoadedVisit, Placement>();
  for (const v of ordered) {
    const day = parseDay(v.date);
    const absolute = day === undefined ? undefined : day;
    const horizonDay = absolute === undefined ? -1 : absolute - P.day0;
    const enterprise = enterpriseOf.get(v.enterpriseId);
    const gone: string[] = [];
    const occurrences: number[] = [];
    for (const id of v.occurrenceIds) {
      const i = occurrenceOf.get(id);
      if (i === undefined || (P.occurrences[i] as COccurrence).enterprise !== enterprise) gone.push(id);
      else if (!seen.has(id)) {
        seen.add(id);
        occurrences.push(i);
      }
    }
    occurrences.sort((a, b) => a - b);
    const unknownOfficers: string[] = [];
    const teams: Team[] = [];
    for (const id of v.inspectorIds) {
      const o = officerOf.get(id);
      if (o === undefined) {
        unknownOfficers.push(id);
        continue;
      }
      const department = P.officers[o]?.department as number;
      let team = teams.find((t) => t.department === department);
      if (!team) teams.push((team = { department, officers: [] }));
      if (!team.officers.includes(o)) team.officers.push(o);
    }
    teams.sort((a, b) => a.department - b.department);
    for (const t of teams) t.officers.sort((a, b) => a - b);
    const fixedBy =
      absolute !== undefined && options.todayDay !== undefined && absolute < options.todayDay
        ? 'past'
        : absolute !== undefined && options.freezeDay !== undefined && absolute <= options.freezeDay
          ? 'frozen'
          : options.pin.has(v.id) || v.occurrenceIds.some((id) => options.pin.has(id))
            ? 'pinned'
            : undefined;
    const entry: LoadedVisit = { id: v.id, visit: v, fate: 'cancelled', findings: byVisit.get(v.id) ?? [], gone, unknownOfficers };
    if (fixedBy) entry.fixedBy = fixedBy;
    loaded.push(entry);
    if (enterprise === undefined || horizonDay < 0 || horizonDay >= P.days || occurrences.length === 0) {
      // A fixed visit is what happened (or what the caller holds): written as it was.
      if (fixedBy) {
        entry.fate = 'fixed';
        state.passthrough.push({ ...v, departmentIds: [...v.departmentIds], occurrenceIds: [...v.occurrenceIds], inspectorIds: [...v.inspectorIds] });
        // Its occurrences are held there, outside the state (−2: neither placed nor to place).
        for (const i of occurrences) state.assigned[i] = -2;
      }
      continue;
    }
    const start = parseTime(v.start) ?? P.dayStart;
    const end = Math.max(start, parseTime(v.end) ?? start);
    // Each department of the occurrences has a team (maybe empty): a team of another department is dropped.
    const departments = [...new Set(occurrences.map((i) => (P.occurrences[i] as COccurrence).department))].sort((a, b) => a - b);
    const own = fixedBy ? teams : departments.map((d) => teams.find((t) => t.department === d) ?? { department: d, officers: [] });
    state.previousVisits.set(v.id, { enterprise, day: horizonDay, occurrences });
    placements.set(entry, { enterprise, day: horizonDay, start, end, occurrences, teams: own });
  }

  // 1. Fixed visits as they are, then the valid ones as they are.
  const clean = (e: LoadedVisit, p: Placement) =>
    e.findings.length === 0 && e.gone.length === 0 && e.unknownOfficers.length === 0 && p.teams.every((t) => e.visit.inspectorIds.length === 0 || t.officers.length > 0) && sameDepartments(e, p, P);
  for (const pass of ['fixed', 'kept'] as const) {
    for (const e of loaded) {
      const p = placements.get(e);
      if (!p) continue;
      if (pass === 'fixed' ? e.fixedBy === undefined : e.fixedBy !== undefined || !clean(e, p) || p.day < firstFree) continue;
      if (state.visitAt(p.enterprise, p.day) !== undefined) continue; // a second visit that day: repaired below
      const v = state.commit(p, state.freshKey());
      e.key = v.key;
      e.fate = pass;
      state.visitIds.set(v.key, e.id);
      if (pass === 'fixed') {
        state.fixed.add(v.key);
        state.verbatim.set(v.key, { ...e.visit, departmentIds: [...e.visit.departmentIds], occurrenceIds: [...e.visit.occurrenceIds], inspectorIds: [...e.visit.inspectorIds] });
      }
    }
  }
  // 2. Repairs, earliest first: officers replaced, else moved, else cancelled.
  for (const e of loaded) {
    const p = placements.get(e);
    if (!p || e.key !== undefined) continue;
    if (e.fixedBy) {
      // A fixed visit the state cannot hold (a second one that day at the enterprise): as it was.
      e.fate = 'fixed';
      state.passthrough.push({ ...e.visit, departmentIds: [...e.visit.departmentIds], occurrenceIds: [...e.visit.occurrenceIds], inspectorIds: [...e.visit.inspectorIds] });
      for (const i of p.occurrences) if (state.assigned[i] === -1) state.assigned[i] = -2;
      continue;
    }
    const occs = p.occurrences.filter((i) => state.assigned[i] === -1);
    if (occs.length === 0) continue;
    const previous = p.teams.flatMap((t) => t.officers);
    for (const o of previous) state.staffBonus[o] = 1 << 20;
    let placement: Placement | undefined;
    let fate: VisitFate = 'officers-replaced';
    if (p.day >= firstFree && occs.length === p.occurrences.length) {
      const r = state.evaluate(occs, p.day);
      if (r.ok) placement = r.placement;
    }
    if (!placement) {
      fate = 'moved';
      const days = dayList((P.occurrences[occs[0] as number] as COccurrence).feasible).filter((d) => d >= firstFree && occs.every((i) => isFeasibleOn(P.occurrences[i] as COccurrence, d)));
      // Nearest days first: the smallest move.
      days.sort((a, b) => Math.abs(a - p.day) - Math.abs(b - p.day) || a - b);
      for (const d of days) {
        const r = state.evaluate(occs, d);
        if (r.ok) {
          placement = r.placement;
          break;
        }
      }
    }
    for (const o of previous) state.staffBonus[o] = 0;
    if (!placement) continue; // cancelled: its occurrences return to the pool
    const v = state.commit(placement, state.freshKey());
    e.key = v.key;
    e.fate = placement.day === p.day ? fate : 'moved';
    state.visitIds.set(v.key, e.id);
  }
  return { visits: loaded, firstFree };
}

function sameDepartments(e: LoadedVisit, p: Placement, P: CompiledProblem): boolean {
  const listed = [...new Set(e.visit.departmentIds)].sort();
  const needed = p.teams.map((t) => P.departments[t.department]?.id ?? '').sort();
  return listed.length === needed.length && listed.every((d, i) => d === needed[i]);
}

/** Keeps `placeBest` reachable for callers that move whole visits (re-exported for the replan search). */
export { placeBest };
export const dateOf = (P: CompiledProblem, day: number): string => formatDay(P.day0 + day);
