/** Turns the final state into a contract v1 plan: ids, times, leads, reasons, metrics. Pure: the state is read, never changed. */
import type { COccurrence, CompiledProblem } from '../compile/problem.js';
import { jsonCopy } from '../util/json-copy.js';
import { formatDay, formatTime } from '../calendar/civil.js';
// Built as the schema's shape (details are records here); `plan` returns it as the precise `Plan`.
import type { ParsedPlan as Plan, Visit } from '../model/plan.js';
import { lowerBoundOf, separateVisitsOf } from '../report/bounds.js';
import { staffMetricsOf } from '../report/staff-bounds.js';
import type { InputIssue } from '../model/issues.js';
import type { Locale } from '../report/format.js';
import { namesOf, type Names } from '../report/names.js';
import { reasonMessage, type UnscheduledReason } from '../report/reasons.js';
import { preferredDateFindings, type PlacedOccurrence } from '../report/soft-findings.js';
import { calendarWarnings, certificateWarnings, unknownFieldWarnings } from '../report/warnings.js';
import { teamAuditOf } from './audit-report.js';
import { diagnose, type Diagnosis } from './diagnose.js';
import { visitIdsFor } from './ids.js';
import { sortSmall, type Placement, type PlacedVisit, type PlanState } from './state.js';

export interface OutputOptions {
  locale: Locale;
  seed: number;
  elapsedMs: number;
  computeSeparateVisits: boolean;
  extraMeta: Record<string, unknown>;
  /** Warnings of the scenario's parse (unknown fields), repeated in the plan's `warnings`. */
  inputWarnings?: readonly InputIssue[];
  /** Names for the messages (`namesOf(scenario, locale)`), when the caller has them already. */
  names?: Names;
}

export const ENGINE = 'joint-inspection';
export const ENGINE_VERSION = '0.1.0';

/** Lead department (rule 10): the enterprise's regulator when it takes part, else the longest part. */
export function leadOf(P: CompiledProblem, v: Placement): number {
  const ent = P.enterprises[v.enterprise];
  if (ent && ent.lead >= 0 && v.teams.some((t) => t.department === ent.lead)) return ent.lead;
  // The longest part, the lowest department index on ties.
  let best = -1;
  let bestMinutes = -1;
  for (const t of v.teams) {
    let m = 0;
    for (const i of v.occurrences) {
      const o = P.occurrences[i] as COccurrence;
      if (o.department === t.department) m += o.minutes;
    }
    if (m > bestMinutes || (m === bestMinutes && t.department < best)) {
      best = t.department;
      bestMinutes = m;
    }
  }
  return best;
}

export function buildPlan(state: PlanState, options: OutputOptions): Plan {
  const P = state.P;
  // Enterprises are indexed in id order, so the index orders them by id.
  // Pure: what is still unassigned is explained, never placed (`placeLeftovers`, a search step,
  // has run before).
  // (Its last pass's reasons are reused while the state is unchanged since.)
  const cached = state.leftoverReasons?.version === state.version ? (state.leftoverReasons.reasons as [number, Diagnosis][]) : undefined;
  const diagnoses: [number, Diagnosis][] = cached ?? [];
  if (!cached) {
    for (let i = 0; i < P.occurrences.length; i++) {
      if (state.assigned[i] !== -1) continue;
      diagnoses.push([i, diagnose(state, i) as Diagnosis]);
    }
  }
  // Visits by day, then enterprise (one a day each): bucketed by day, a short sort per day.
  const byDay: PlacedVisit[][] = Array.from({ length: P.days }, () => []);
  for (const v of state.visits.values()) (byDay[v.day] as PlacedVisit[]).push(v);
  const placed: PlacedVisit[] = [];
  for (const list of byDay) for (const v of list.sort((a, b) => a.enterprise - b.enterprise)) placed.push(v);
  // Dates and times repeat: format each once.
  const dates = new Map<number, string>();
  const times = new Map<number, string>();
  const dateOf = (day: number) => dates.get(day) ?? dates.set(day, formatDay(P.day0 + day)).get(day) as string;
  const timeOf = (minutes: number) => times.get(minutes) ?? times.set(minutes, formatTime(minutes)).get(minutes) as string;
  // Visit key → position in `placed`; the ids (V1, V2, … in that order for a plan made from
  // nothing; carried over for a loaded one: see ids.ts).
  const visitIds = visitIdsFor(state, placed);
  let topKey = 0;
  for (const v of placed) topKey = Math.max(topKey, v.key);
  const positionOf = new Int32Array(topKey + 1).fill(-1);
  const idOf = (key: number): string | undefined => {
    const at = key >= 0 && key <= topKey ? (positionOf[key] as number) : -1;
    return at >= 0 ? visitIds[at] : undefined;
  };
  const visits: Visit[] = placed.map((v, i) => {
    const id = visitIds[i] as string;
    positionOf[v.key] = i;
    // A fixed visit as it was (the replan's own copy of the loaded plan: returned as is).
    const as = state.verbatim[v.key];
    if (as) return as;
    // A loaded visit still as it was loaded, its entry canonical: that entry (no copy: see `asLoaded`).
    const loaded = state.asLoaded[v.key];
    if (loaded && loaded.visit.id === id) {
      const was = loaded.placed;
      if (was.occurrences === v.occurrences && was.teams === v.teams && was.day === v.day && was.start === v.start && was.end === v.end && was.enterprise === v.enterprise) return loaded.visit;
    }
    const teams = isByDepartment(v.teams) ? v.teams : [...v.teams].sort((a, b) => a.department - b.department);
    return {
      id,
      enterpriseId: P.enterprises[v.enterprise]?.id ?? '',
      date: dateOf(v.day),
      start: timeOf(v.start),
      end: timeOf(v.end),
      departmentIds: teams.map((t) => P.departments[t.department]?.id ?? ''),
      leadDepartmentId: P.departments[leadOf(P, v)]?.id ?? '',
      // Occurrences and officers are indexed in id order: sorting indices sorts the ids.
      occurrenceIds: idsInOrder(v.occurrences, P.occurrences, []),
      inspectorIds: inspectorIdsOf(teams, P.officers),
    };
  });

  // Fixed visits the compiled problem cannot hold, as they were (replan), in plan order.
  if (state.passthrough.length > 0) {
    visits.push(...state.passthrough.map((v) => ({ ...v, departmentIds: [...v.departmentIds], occurrenceIds: [...v.occurrenceIds], inspectorIds: [...v.inspectorIds] })));
    visits.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.enterpriseId < b.enterpriseId ? -1 : a.enterpriseId > b.enterpriseId ? 1 : 0));
  }
  const heldAsIs = state.heldAsIs;
  const names = options.names ?? namesOf(P.scenario, options.locale);
  const unscheduled: Plan['unscheduled'] = [];
  const reasonEntry = (occurrenceId: string, reason: UnscheduledReason) =>
    heldAsIs.has(occurrenceId) ||
    unscheduled.push({ occurrenceId, reasons: [{ code: reason.code, message: reasonMessage(reason, options.locale, names), details: reason.details }] });
  for (const x of P.excluded) reasonEntry(x.occurrence.id, x.reason);
  for (const [i, d] of diagnoses) reasonEntry((P.occurrences[i] as COccurrence).id, { code: d.code, details: resolveVisitKeys(d.details, idOf) });
  unscheduled.sort((a, b) => (a.occurrenceId < b.occurrenceId ? -1 : 1));

  const scheduledByEnterprise = new Map<number, number[]>();
  for (const v of placed) {
    const list = scheduledByEnterprise.get(v.enterprise) ?? [];
    list.push(...v.occurrences);
    scheduledByEnterprise.set(v.enterprise, list);
  }
  const scheduled = visits.reduce((s, v) => s + v.occurrenceIds.length, 0);
  const personVisits = visits.reduce((s, v) => s + v.inspectorIds.length, 0);
  const metrics: Plan['metrics'] = {
    occurrences: P.all.length,
    scheduled,
    offsite: heldAsIs.size === 0 ? P.offsite.length : P.offsite.filter((o) => !heldAsIs.has(o.id)).length,
    unscheduled: unscheduled.length,
    visits: visits.length,
    lowerBound: lowerBoundOf(P, scheduledByEnterprise, state.enterpriseBounds),
    personVisits,
  };
  // Added by this library: the scheduled priority and the staff-aware bounds (docs/bounds.md).
  Object.assign(metrics, staffMetricsOf(P, state.assigned, state.passthrough, visits.length, state.passthrough.length > 0 || state.verbatim.some((v) => v !== undefined)));
  if (options.computeSeparateVisits) {
    metrics.separateVisits = separateVisitsOf(P, scheduledByEnterprise);
    metrics.visitsSaved = metrics.separateVisits - visits.length;
  }
  // Soft findings: only occurrences that asked for preferred dates are looked at.
  const wishes: PlacedOccurrence[] = [];
  placed.forEach((v, i) => {
    for (const o of v.occurrences) if ((P.occurrences[o] as COccurrence).preferred.size > 0) wishes.push({ occurrence: o, day: v.day, visitId: visitIds[i] as string, visitSize: v.occurrences.length });
  });
  const softFindings = preferredDateFindings(P, wishes, options.locale);
  return {
    version: 1,
    visits,
    offsite: P.offsite.filter((o) => !heldAsIs.has(o.id)).map((o) => ({ occurrenceId: o.id })),
    unscheduled,
    warnings: [
      ...calendarWarnings(P.calendar.warnings, options.locale),
      ...unknownFieldWarnings(options.inputWarnings ?? [], options.locale),
      ...certificateWarnings(P.scenario, options.locale, names),
    ],
    ...(softFindings.length > 0 ? { softFindings } : {}),
    metrics,
    meta: { engine: ENGINE, engineVersion: ENGINE_VERSION, seed: options.seed, elapsedMs: Math.round(options.elapsedMs), ...options.extraMeta },
    // Added by this library, only when asked for (`plan`'s `audit` option): how each team was drawn.
    ...(state.auditTeams ? { audit: teamAuditOf(state, placed, visitIds) } : {}),
  };
}

/**
 * Appends to `out` the ids of `indices` in index order (= id order: compiled lists are indexed in
 * id order) and returns it; the indices are copied only when they are not in order already.
 */
function idsInOrder(indices: readonly number[], table: readonly { id: string }[], out: string[]): string[] {
  let sorted = true;
  for (let i = 1; i < indices.length && sorted; i++) sorted = (indices[i - 1] as number) <= (indices[i] as number);
  for (const i of sorted ? indices : sortSmall(indices.slice())) out.push(table[i]?.id ?? '');
  return out;
}

/** The officers' ids, team by team (in department order), each team's in id order. */
function inspectorIdsOf(teams: readonly { officers: readonly number[] }[], officers: readonly { id: string }[]): string[] {
  const out: string[] = [];
  for (const t of teams) idsInOrder(t.officers, officers, out);
  return out;
}

/** Replaces internal visit keys in diagnosis details by the plan's visit ids. */
/** Whether teams are in department order already (as the planner makes them). */
function isByDepartment(teams: readonly { department: number }[]): boolean {
  for (let i = 1; i < teams.length; i++) if ((teams[i - 1] as { department: number }).department > (teams[i] as { department: number }).department) return false;
  return true;
}

function resolveVisitKeys(details: Record<string, unknown>, idOf: (key: number) => string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ...details };
  if (Array.isArray(details.events)) {
    out.events = (details.events as Array<Record<string, unknown>>).map((e) =>
      'visitKey' in e ? { date: e.date, visitId: idOf(e.visitKey as number) } : e,
    );
  }
  if (Array.isArray(details.blockingVisitKeys)) {
    out.blockingVisitIds = (details.blockingVisitKeys as number[]).map((k) => idOf(k));
    delete out.blockingVisitKeys;
  }
  return jsonCopy(out) as Record<string, unknown>;
}

