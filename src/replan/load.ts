/**
 * A previous plan as solver state. Each visit is mapped to compiled indices and then:
 * - fixed (before `today`, on or before `freezeUntil`, or pinned): committed as it is and marked
 *   `fixed` (moves never touch it);
 * - kept: still valid for the (changed) scenario — committed as it is, under its id;
 * - repaired, with the smallest change that makes it valid: the same day with the officers
 *   replaced (the previous team ranked first), else another day (same occurrences), else it is
 *   cancelled and its occurrences go back to the pool.
 */
import { formatDay, formatTime, parseDay, parseTime } from '../calendar/civil.js';
import { leadOf } from '../solver/output.js';
import type { COccurrence, CompiledProblem } from '../compile/problem.js';
import { horizonDays, unavailableDays } from '../calendar/availability.js';
import { tallyAdmits } from '../compile/caps.js';
import type { CCap, CEnterprise, COfficer } from '../compile/problem.js';
import type { ReplanReason } from './diff.js';
import type { ReadablePlan, ReadableVisit } from '../validate/plan-input.js';
import { placeBest } from '../solver/construct.js';
import { sumByDepartment } from '../solver/department-sums.js';
import { dayList, isFeasibleOn, type Placement, type PlanState, type Team } from '../solver/state.js';

export type VisitFate = 'fixed' | 'kept' | 'officers-replaced' | 'moved' | 'cancelled';

export interface LoadedVisit {
  id: string;
  visit: ReadableVisit;
  fate: VisitFate;
  fixedBy?: 'past' | 'frozen' | 'pinned';
  /** Why the visit cannot stay as it was under the changed scenario (empty: it can). */
  reasons: ReplanReason[];
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

export function loadPlan(state: PlanState, plan: ReadablePlan, options: LoadOptions): LoadOutcome {
  scratchReasons.length = 0;
  const P = state.P;
  // (Filled in loops: a list of [id, index] pairs first would be as many short-lived arrays.)
  const enterpriseOf = new Map<string, number>();
  for (const e of P.enterprises) enterpriseOf.set(e.id, e.index);
  const officerOf = new Map<string, number>();
  for (const o of P.officers) officerOf.set(o.id, o.index);
  let firstFree = 0;
  if (options.todayDay !== undefined) firstFree = Math.max(firstFree, options.todayDay - P.day0);
  if (options.freezeDay !== undefined) firstFree = Math.max(firstFree, options.freezeDay - P.day0 + 1);

  // Visits in date order (then id): repairs go earliest first, and ids are reserved whatever happens.
  const byDate = (a: ReadableVisit, b: ReadableVisit) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  let sorted = true;
  for (let i = 1; i < plan.visits.length && sorted; i++) sorted = byDate(plan.visits[i - 1] as ReadableVisit, plan.visits[i] as ReadableVisit) <= 0;
  const ordered = sorted ? plan.visits : [...plan.visits].sort(byDate);
  for (const v of ordered) state.reservedIds.add(v.id);
  // Occurrences already in an earlier visit (a plan listing one twice keeps the first).
  const seen = new Uint8Array(P.occurrences.length);
  const days = new Map<string, number | undefined>();
  const times = new Map<string, number | undefined>();
  const dayOf = (date: string) => (days.has(date) ? days.get(date) : days.set(date, parseDay(date)).get(date));
  const timeOf = (time: string) => (times.has(time) ? times.get(time) : times.set(time, parseTime(time)).get(time));
  const dates = new Map<string, boolean>();
  const dateIsCanonical = (date: string) => dates.get(date) ?? dates.set(date, dayOf(date) !== undefined && formatDay(dayOf(date) as number) === date).get(date) as boolean;
  const canonicalTimes = new Map<string, boolean>();
  const timeIsCanonical = (time: string) => canonicalTimes.get(time) ?? canonicalTimes.set(time, timeOf(time) !== undefined && formatTime(timeOf(time) as number) === time).get(time) as boolean;
  const pinning = options.pin.size > 0;
  const loaded: LoadedVisit[] = [];
  // By position in `loaded`: its placement (none when the state cannot hold it), and whether its entry is canonical.
  const placements: (Placement | undefined)[] = new Array<Placement | undefined>(ordered.length).fill(undefined);
  const canonicalAt = new Uint8Array(ordered.length);
  for (const v of ordered) {
    const day = dayOf(v.date);
    const absolute = day === undefined ? undefined : day;
    const horizonDay = absolute === undefined ? -1 : absolute - P.day0;
    const enterprise = enterpriseOf.get(v.enterpriseId);
    let gone: string[] = NO_IDS;
    const occurrences: number[] = [];
    // Canonical: the entry is what the report would write for it (ids in index order, each once,
    // dates and times as formatted): checked on the way, so a kept visit's entry is reused as is.
    let canonical = day !== undefined && dateIsCanonical(v.date) && timeIsCanonical(v.start) && timeIsCanonical(v.end) && v.start <= v.end;
    // An id is looked up among the enterprise's own occurrences (a handful; no map of them all):
    // one that is not there is withdrawn or another enterprise's — gone either way.
    const ownOccurrences = enterprise === undefined ? NO_INDICES : (P.enterprises[enterprise] as CEnterprise).occurrences;
    for (const id of v.occurrenceIds) {
      let i = -1;
      for (let k = 0; k < ownOccurrences.length && i < 0; k++) if ((P.occurrences[ownOccurrences[k] as number] as COccurrence).id === id) i = ownOccurrences[k] as number;
      if (i < 0) (gone === NO_IDS ? (gone = []) : gone).push(id);
      else if (seen[i] === 0) {
        seen[i] = 1;
        if (occurrences.length > 0 && i < (occurrences[occurrences.length - 1] as number)) canonical = false;
        occurrences.push(i);
      } else canonical = false;
    }
    if (occurrences.length > 1 && !canonical) occurrences.sort((a, b) => a - b);
    let unknownOfficers: string[] = NO_IDS;
    const teams: Team[] = [];
    let lastDepartment = -1;
    let lastOfficer = -1;
    for (const id of v.inspectorIds) {
      const o = officerOf.get(id);
      if (o === undefined) {
        (unknownOfficers === NO_IDS ? (unknownOfficers = []) : unknownOfficers).push(id);
        continue;
      }
      const department = (P.officers[o] as COfficer).department;
      if (department < lastDepartment || (department === lastDepartment && o <= lastOfficer)) canonical = false;
      lastDepartment = department;
      lastOfficer = o;
      let team: Team | undefined;
      for (const t of teams) if (t.department === department) team = t;
      if (!team) teams.push((team = { department, officers: [] }));
      if (!team.officers.includes(o)) team.officers.push(o);
    }
    if (!canonical) {
      teams.sort((a, b) => a.department - b.department);
      for (const t of teams) t.officers.sort((a, b) => a - b);
    }
    const fixedBy =
      absolute !== undefined && options.todayDay !== undefined && absolute < options.todayDay
        ? 'past'
        : absolute !== undefined && options.freezeDay !== undefined && absolute <= options.freezeDay
          ? 'frozen'
          : pinning && (options.pin.has(v.id) || v.occurrenceIds.some((id) => options.pin.has(id)))
            ? 'pinned'
            : undefined;
    const entry: LoadedVisit = { id: v.id, visit: v, fate: 'cancelled', reasons: NO_REASONS, gone, unknownOfficers };
    const reasons = scratchReasons;
    if (gone.length > 0) reasons.push({ code: 'REQUEST_WITHDRAWN', occurrenceIds: [...gone] });
    for (const id of unknownOfficers) reasons.push({ code: 'OFFICER_REMOVED', inspectorId: id });
    if (enterprise === undefined) reasons.push({ code: 'ENTERPRISE_REMOVED', enterpriseId: v.enterpriseId });
    else if (absolute === undefined || horizonDay < 0 || horizonDay >= P.days) reasons.push({ code: 'OUTSIDE_HORIZON', date: v.date });
    if (reasons.length > 0) entry.reasons = reasons.splice(0);
    if (fixedBy) entry.fixedBy = fixedBy;
    loaded.push(entry);
    if (enterprise === undefined || horizonDay < 0 || horizonDay >= P.days || occurrences.length === 0) {
      // A fixed visit is what happened (or what the caller holds): written as it was.
      if (fixedBy) {
        entry.fate = 'fixed';
        state.passthrough.push({ ...v, departmentIds: [...v.departmentIds], occurrenceIds: [...v.occurrenceIds], inspectorIds: [...v.inspectorIds] });
        for (const id of v.occurrenceIds) state.heldAsIs.add(id);
        // Its occurrences are held there, outside the state (−2: neither placed nor to place).
        for (const i of occurrences) state.assigned[i] = -2;
      }
      continue;
    }
    const start = timeOf(v.start) ?? P.dayStart;
    const end = Math.max(start, timeOf(v.end) ?? start);
    // Each department of the occurrences has a team (maybe empty): a team of another department is dropped.
    // (Most visits: the teams are exactly those departments, in order — then they are used as they are.)
    let own = teams;
    if (!fixedBy && !teamsMatch(P, occurrences, teams)) {
      const departments: number[] = [];
      for (const i of occurrences) {
        const d = (P.occurrences[i] as COccurrence).department;
        if (!departments.includes(d)) departments.push(d);
      }
      departments.sort((a, b) => a - b);
      own = departments.map((d) => teams.find((t) => t.department === d) ?? { department: d, officers: [] });
    }
    const placement: Placement = { enterprise, day: horizonDay, start, end, occurrences, teams: own };
    state.previousIds.push(v.id);
    state.previousVisits.push(placement);
    placements[loaded.length - 1] = placement;
    // The rest of canonical: no unknown or withdrawn ids, departments as the teams, its lead.
    if (canonical && gone.length === 0 && unknownOfficers.length === 0 && v.departmentIds.length === own.length && teams.length === own.length) {
      let same = true;
      for (let k = 0; k < own.length && same; k++) same = v.departmentIds[k] === (P.departments[(own[k] as Team).department] as { id: string }).id && (own[k] as Team) === teams[k];
      if (same && v.leadDepartmentId === (P.departments[leadOf(P, placement)] as { id: string } | undefined)?.id) canonicalAt[loaded.length - 1] = 1;
    }
  }

  // 1. Fixed visits as they are, then the valid ones as they are (in date order: of two that
  // clash — an officer twice, a cap — the later one is repaired).
  for (const pass of ['fixed', 'kept'] as const) {
    for (let at = 0; at < loaded.length; at++) {
      const e = loaded[at] as LoadedVisit;
      const p = placements[at];
      if (!p) continue;
      if (pass === 'fixed' ? e.fixedBy === undefined : e.fixedBy !== undefined) continue;
      if (e.reasons.length === 0) {
        problemsOf(state, p, e, scratchReasons);
        if (scratchReasons.length > 0) e.reasons = scratchReasons.splice(0);
      }
      if (pass === 'kept' && (e.reasons.length > 0 || p.day < firstFree)) continue;
      if (state.visitAt(p.enterprise, p.day) !== undefined) continue; // a second visit that day: repaired below
      const v = state.commit(p, state.freshKey());
      e.key = v.key;
      e.fate = pass;
      state.visitIds[v.key] = e.id;
      if (pass === 'fixed') {
        state.fixed.add(v.key);
        // (Read only: the report returns it; `plan` is the replan's own copy, from `readPlan`.)
        state.verbatim[v.key] = e.visit;
        for (const id of e.gone) state.heldAsIs.add(id);
      } else if (canonicalAt[at] === 1) state.asLoaded[v.key] = { placed: v, visit: e.visit };
    }
  }
  // 2. Repairs, earliest first: officers replaced, else moved, else cancelled.
  for (let at = 0; at < loaded.length; at++) {
    const e = loaded[at] as LoadedVisit;
    const p = placements[at];
    if (!p || e.key !== undefined) continue;
    if (e.fixedBy) {
      // A fixed visit the state cannot hold (a second one that day at the enterprise): as it was.
      e.fate = 'fixed';
      state.passthrough.push({ ...e.visit, departmentIds: [...e.visit.departmentIds], occurrenceIds: [...e.visit.occurrenceIds], inspectorIds: [...e.visit.inspectorIds] });
      for (const id of e.visit.occurrenceIds) state.heldAsIs.add(id);
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
    state.visitIds[v.key] = e.id;
  }
  return { visits: loaded, firstFree };
}

/** Shared empty lists of the loaded visits that have nothing to list (most): never written to. */
const NO_IDS = Object.freeze([]) as unknown as string[];
const NO_INDICES: readonly number[] = Object.freeze([]);
const NO_REASONS = Object.freeze([]) as unknown as ReplanReason[];
/** Per department of the visit being checked: department, minutes, officers needed (`problemsOf`). */
const scratchDepartments: number[] = [];
const scratchMinutes: number[] = [];
const scratchNeed: number[] = [];
/** Reasons being found for one visit (moved to the visit when there are any). */
const scratchReasons: ReplanReason[] = [];

/** Whether `teams` (in department order) are one for each department of `occurrences`, and no other. */
function teamsMatch(P: CompiledProblem, occurrences: readonly number[], teams: readonly Team[]): boolean {
  let distinct = 0;
  for (let k = 0; k < occurrences.length; k++) {
    const d = (P.occurrences[occurrences[k] as number] as COccurrence).department;
    let seenBefore = false;
    for (let j = 0; j < k && !seenBefore; j++) seenBefore = (P.occurrences[occurrences[j] as number] as COccurrence).department === d;
    if (seenBefore) continue;
    distinct++;
    let has = false;
    for (const t of teams) if (t.department === d) has = true;
    if (!has) return false;
  }
  return distinct === teams.length;
}

/**
 * What stops a visit of the previous plan from staying as it is, given the visits committed so
 * far (appended to `out`; none when it can stay): the hard rules the state knows, checked for
 * this visit's own date, times, occurrences and team.
 */
function problemsOf(state: PlanState, p: Placement, e: LoadedVisit, out: ReplanReason[]): void {
  const P = state.P;
  const date = e.visit.date;
  const ent = P.enterprises[p.enterprise] as CEnterprise;
  const enterpriseId = ent.id;
  if (state.visitAt(p.enterprise, p.day) !== undefined) out.push({ code: 'SECOND_VISIT_THAT_DAY', enterpriseId, date });
  let offDay: number[] | undefined;
  for (const i of p.occurrences) if (!isFeasibleOn(P.occurrences[i] as COccurrence, p.day)) (offDay ??= []).push(i);
  if (offDay) {
    const blocked = unavailableDays(ent.source.unavailable, ent.source.unavailableRule, horizonDays(P.scenario));
    if (blocked.has(P.day0 + p.day)) out.push({ code: 'ENTERPRISE_UNAVAILABLE', enterpriseId, date });
    else out.push({ code: 'DAY_NOT_ALLOWED', occurrenceIds: offDay.map((i) => (P.occurrences[i] as COccurrence).id), date });
  }
  // Composition and length, per department (a handful: parallel arrays).
  const depts = scratchDepartments;
  const need = scratchNeed;
  if (p.occurrences.length > 1) for (const i of p.occurrences) if ((P.occurrences[i] as COccurrence).exclusive) out.push({ code: 'COMPOSITION', rule: 'exclusive' });
  const length = sumByDepartment(P, p.occurrences, depts, scratchMinutes, need);
  if (depts.length > P.maxDepartments) out.push({ code: 'COMPOSITION', rule: 'departments' });
  if (length > ent.maxMinutes || p.end - p.start < length || p.start < P.dayStart || p.end > P.dayEnd) out.push({ code: 'COMPOSITION', rule: 'duration' });
  // Caps, against what is committed (and the history).
  for (const c of state.tallies.capKeys(p.enterprise, p.occurrences)) {
    const cap = P.caps[c.cap] as CCap;
    const n = state.tallies.tallyDays(c.key, p.enterprise);
    if (!tallyAdmits(cap, cap.limitByGrade(ent.source.riskGrade), state.tallies.scratchDays, P.day0 + p.day, n)) out.push({ code: 'CAP_REACHED', capId: cap.id, enterpriseId });
  }
  // The team: each department of the occurrences, enough officers holding its qualifications; each officer lawful and free.
  const listed = e.visit.departmentIds;
  for (let k = 0; k < depts.length; k++) {
    const d = depts[k] as number;
    const team = p.teams.find((t) => t.department === d);
    const officers = team?.officers ?? [];
    let short = officers.length < (need[k] as number) || !listed.includes(P.departments[d]?.id ?? '');
    for (const i of p.occurrences) {
      const o = P.occurrences[i] as COccurrence;
      if (short || o.department !== d) continue;
      for (const q of o.qualifications) if (!officers.some((x) => (P.officers[x] as COfficer).qualifications.has(q))) short = true;
    }
    if (short) out.push({ code: 'TEAM_INCOMPLETE', departmentId: P.departments[d]?.id ?? '', date });
  }
  const foreign = p.teams.find((t) => !depts.includes(t.department));
  if (foreign) out.push({ code: 'TEAM_INCOMPLETE', departmentId: P.departments[foreign.department]?.id ?? '', date });
  for (const t of p.teams) {
    for (const o of t.officers) {
      const off = P.officers[o] as COfficer;
      if (off.certified[p.day] !== 1) out.push({ code: 'CERTIFICATE_INVALID', inspectorId: off.id, date, validFrom: off.source.certificate.validFrom, validTo: off.source.certificate.validTo });
      else if (off.available[p.day] !== 1) out.push({ code: 'OFFICER_UNAVAILABLE', inspectorId: off.id, date });
      else if (!state.admits(o, p.enterprise)) out.push({ code: 'OFFICER_NOT_ADMITTED', inspectorId: off.id, enterpriseId });
      else if (!state.hasRoom(o, p.day, p.end - p.start) || !state.isFree(o, p.day, p.start, p.end, p.enterprise)) out.push({ code: 'OFFICER_OVERBOOKED', inspectorId: off.id, date });
    }
  }
}

/** Keeps `placeBest` reachable for callers that move whole visits (re-exported for the replan search). */
export { placeBest };
export const dateOf = (P: CompiledProblem, day: number): string => formatDay(P.day0 + day);
