/**
 * `indexPlan(scenario, plan)`: what placing one occurrence needs to know about a plan, built
 * once per (scenario, plan) pair and cached by the plan object (plans are immutable: an edit
 * returns a new plan, hence a new index). It stands on the validator's reading of the plan
 * (`ValidationContext`), so both judge visits, days and officers alike, and adds the lookups a
 * placement asks many times: officers by department, each officer's and each enterprise's
 * visits by day, each officer's load, history by enterprise and the cap tallies.
 */
import { parseDay } from '../calendar/civil.js';
import type { Cap, Inspector, Scenario } from '../model/scenario.js';
import type { Occurrence } from '../occurrences/expand.js';
import { buildContext, type ValidationContext, type VisitInfo } from '../validate/context.js';
import { readPlans, type ReadablePlan } from '../validate/plan-input.js';
import type { Locale } from '../report/format.js';

/** A counted event of an enterprise for one cap: a visit or a history entry, with the capped departments it counts for. */
export interface IndexedCapEvent {
  day: number;
  date: string;
  visit?: VisitInfo;
  historyIndex?: number;
  departments: string[];
}

export interface PlanIndex {
  readonly scenario: Scenario;
  readonly plan: ReadablePlan;
  /** The validator's reading of the plan (maps by id, calendar, availability, visits). */
  readonly ctx: ValidationContext;
  readonly officersByDepartment: ReadonlyMap<string, readonly Inspector[]>;
  readonly visitsById: ReadonlyMap<string, VisitInfo>;
  /** Occurrence ids placed in a visit of the plan. */
  readonly inVisit: ReadonlySet<string>;
  /** Officer → day → its visits that day. */
  officerDay(inspectorId: string, day: number): readonly VisitInfo[];
  /** Enterprise → day → its visits that day. */
  enterpriseDay(enterpriseId: string, day: number): readonly VisitInfo[];
  /** Visits of the whole plan an officer is on. */
  load(inspectorId: string): number;
  /** The counted events of one enterprise for one cap, by day (history before visits on a day). */
  capEvents(cap: Cap, enterpriseId: string): readonly IndexedCapEvent[];
  /** Minutes an occurrence adds to its department's part (as `editPlan` reshapes a visit). */
  minutesOf(occurrence: Occurrence): number;
}

const cache = new WeakMap<object, { scenario: Scenario; index: PlanIndex }>();

/**
 * The index of a plan, from the cache when this plan object was indexed with this (parsed)
 * scenario object. The plan is read as the validator reads it (a plan of the planner, a
 * foreign or hand-made one); neither is mutated, and both must not be mutated while the index
 * is in use (edits make new plans).
 * @throws {PlanError} when `plan` cannot be read as a plan.
 */
export function indexPlan(scenario: Scenario, plan: unknown, locale: Locale = 'zh-CN'): PlanIndex {
  const key = plan !== null && typeof plan === 'object' ? plan : undefined;
  const hit = key && cache.get(key);
  if (hit && hit.scenario === scenario) return hit.index;
  const index = buildIndex(scenario, readPlans(plan, undefined, locale).plan);
  if (key) cache.set(key, { scenario, index });
  return index;
}

function nested<V>(map: Map<string, Map<number, V[]>>, key: string, day: number, value: V): void {
  let days = map.get(key);
  if (!days) map.set(key, (days = new Map()));
  const list = days.get(day);
  if (list) list.push(value);
  else days.set(day, [value]);
}

function buildIndex(scenario: Scenario, plan: ReadablePlan): PlanIndex {
  const ctx = buildContext(scenario, plan);
  const officersByDepartment = new Map<string, Inspector[]>();
  for (const p of ctx.inspectors.values()) {
    const list = officersByDepartment.get(p.departmentId);
    if (list) list.push(p);
    else officersByDepartment.set(p.departmentId, [p]);
  }
  const byOfficer = new Map<string, Map<number, VisitInfo[]>>();
  const byEnterprise = new Map<string, Map<number, VisitInfo[]>>();
  const loads = new Map<string, number>();
  const visitsById = new Map<string, VisitInfo>();
  const inVisit = new Set<string>();
  for (const v of ctx.visits) {
    if (!visitsById.has(v.visit.id)) visitsById.set(v.visit.id, v);
    nested(byEnterprise, v.visit.enterpriseId, v.day, v);
    for (const p of v.inspectors) {
      nested(byOfficer, p.id, v.day, v);
      loads.set(p.id, (loads.get(p.id) ?? 0) + 1);
    }
  }
  for (const v of plan.visits) for (const id of v.occurrenceIds) inVisit.add(id);
  const itemMinutes = new Map(scenario.items.map((i) => [i.id, i.durationMinutes]));
  const history = new Map<string, number[]>();
  scenario.history.forEach((h, i) => {
    const list = history.get(h.enterpriseId);
    if (list) list.push(i);
    else history.set(h.enterpriseId, [i]);
  });
  const capCache = new Map<Cap, Map<string, IndexedCapEvent[]>>();
  const none: VisitInfo[] = [];

  function capEvents(cap: Cap, enterpriseId: string): IndexedCapEvent[] {
    let perCap = capCache.get(cap);
    if (!perCap) capCache.set(cap, (perCap = new Map()));
    const hit = perCap.get(enterpriseId);
    if (hit) return hit;
    const capped = cap.departmentIds ? new Set(cap.departmentIds) : undefined;
    const bases = new Set(cap.countsBases);
    const counts = (d: string) => capped === undefined || capped.has(d);
    const events: IndexedCapEvent[] = [];
    for (const index of history.get(enterpriseId) ?? []) {
      const entry = scenario.history[index];
      if (!entry) continue;
      const day = parseDay(entry.date);
      if (day === undefined || !bases.has(entry.basis)) continue;
      const departments = [...new Set(entry.departmentIds.filter(counts))];
      if (departments.length > 0) events.push({ day, date: entry.date, historyIndex: index, departments });
    }
    for (const days of byEnterprise.get(enterpriseId)?.values() ?? []) {
      for (const v of days) {
        const departments = [...new Set(v.occurrences.filter((o) => bases.has(o.request.basis) && counts(o.request.departmentId)).map((o) => o.request.departmentId))];
        if (departments.length > 0) events.push({ day: v.day, date: v.visit.date, visit: v, departments });
      }
    }
    events.sort((a, b) => a.day - b.day || Number(a.visit !== undefined) - Number(b.visit !== undefined) || (a.visit?.index ?? 0) - (b.visit?.index ?? 0));
    perCap.set(enterpriseId, events);
    return events;
  }

  return {
    scenario,
    plan,
    ctx,
    officersByDepartment,
    visitsById,
    inVisit,
    officerDay: (id, day) => byOfficer.get(id)?.get(day) ?? none,
    enterpriseDay: (id, day) => byEnterprise.get(id)?.get(day) ?? none,
    load: (id) => loads.get(id) ?? 0,
    capEvents,
    minutesOf: (o) => o.request.itemIds.reduce((sum, item) => sum + (itemMinutes.get(item) ?? 0), 0),
  };
}
