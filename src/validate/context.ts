/**
 * The read-only facts every rule needs, built once per validation: maps by id, the
 * occurrences, the calendar, and each visit with its day, times and known occurrences.
 * Day sets and groupings are computed on first use, so a rule that never asks pays nothing.
 * Unknown ids are left out here (the `references` rule reports them), so no rule crashes.
 *
 * With a scope, the plan judged is one department's (or a few departments') part; the visits
 * of a context plan are kept as *background*: counted where visits meet (caps, one visit a day,
 * officers' days) but never judged themselves. See docs/validator-decisions.md, "Scope".
 */
import { horizonDays, unavailableDays, compileQuietPeriods, DaySet } from '../calendar/availability.js';
import type { CompiledQuietPeriod, Horizon } from '../calendar/availability.js';
import { scenarioCalendar, type WorkingCalendar } from '../calendar/calendar.js';
import { parseDay, parseTime, toMinutes } from '../calendar/civil.js';
import type { ReadablePlan, ReadableVisit } from './plan-input.js';
import type { Department, Enterprise, Inspector, Item, Scenario } from '../model/scenario.js';
import { expandOccurrences, isOffsiteOccurrence, type Occurrence } from '../occurrences/expand.js';
import type { Metrics } from '../model/plan.js';
import { computeMetrics } from './metrics.js';

/** A visit whose date and times parse, with what the scenario knows about it. */
export interface VisitInfo {
  /** Position in `plan.visits`. */
  index: number;
  visit: ReadableVisit;
  /** A visit of the context plan, counted but not judged (only with a scope). */
  background: boolean;
  day: number;
  /** Minutes since midnight. */
  start: number;
  end: number;
  enterprise: Enterprise | undefined;
  /** Known occurrences of the visit, each once, in the order listed. */
  occurrences: Occurrence[];
  /** Department → its part in minutes (sum of its items' durations), for the departments of `occurrences`, in order of first appearance. */
  parts: Map<string, number>;
  /** Known officers of the visit, each once, in the order listed. */
  inspectors: Inspector[];
}

/** A visit whose date or times cannot be read; reported by `visit-day`, skipped elsewhere. */
export interface MalformedVisit {
  index: number;
  visit: ReadableVisit;
  fields: string[];
}

/** Which departments' part of the plan is judged, and the rest of the plan to count with it. */
export interface ContextScope {
  departmentIds: readonly string[];
  context?: ReadablePlan;
}

export class ValidationContext {
  readonly scenario: Scenario;
  readonly plan: ReadablePlan;
  /** The departments in scope; `undefined` when the whole plan is judged. */
  readonly scope: ReadonlySet<string> | undefined;
  readonly departments: ReadonlyMap<string, Department>;
  /** Position of each department in `scenario.departments`: the tie-break order. */
  readonly departmentOrder: ReadonlyMap<string, number>;
  readonly items: ReadonlyMap<string, Item>;
  readonly enterprises: ReadonlyMap<string, Enterprise>;
  readonly inspectors: ReadonlyMap<string, Inspector>;
  readonly occurrenceList: readonly Occurrence[];
  readonly occurrences: ReadonlyMap<string, Occurrence>;
  readonly calendar: WorkingCalendar;
  readonly horizon: Horizon;
  readonly dayStart: number;
  readonly dayEnd: number;
  /** Well-formed visits, in plan order. */
  readonly visits: readonly VisitInfo[];
  readonly malformed: readonly MalformedVisit[];
  /** Well-formed visits of the context plan, stripped to what the judged plan does not cover. */
  readonly background: readonly VisitInfo[];

  private readonly offsiteIds = new Set<string>();
  private computed: Metrics | undefined;
  private quiet: CompiledQuietPeriod[] | undefined;
  private readonly enterpriseDays = new Map<string, DaySet>();
  private readonly inspectorDays = new Map<string, DaySet>();
  private byEnterprise: Map<string, VisitInfo[]> | undefined;
  private byInspector: Map<string, VisitInfo[]> | undefined;

  constructor(scenario: Scenario, plan: ReadablePlan, scope?: ContextScope) {
    this.scenario = scenario;
    this.plan = plan;
    this.scope = scope ? new Set(scope.departmentIds) : undefined;
    this.departments = byId(scenario.departments);
    this.departmentOrder = new Map(scenario.departments.map((d, i) => [d.id, i]));
    this.items = byId(scenario.items);
    this.enterprises = byId(scenario.enterprises);
    this.inspectors = byId(scenario.inspectors);
    this.occurrenceList = expandOccurrences(scenario);
    this.occurrences = byId(this.occurrenceList);
    const offsiteItem = (id: string) => this.items.get(id)?.offsite ?? false;
    for (const o of this.occurrenceList) if (isOffsiteOccurrence(o.request, offsiteItem)) this.offsiteIds.add(o.id);
    this.calendar = scenarioCalendar(scenario);
    this.horizon = horizonDays(scenario);
    this.dayStart = toMinutes(scenario.calendar.dayStart);
    this.dayEnd = toMinutes(scenario.calendar.dayEnd);
    const visits: VisitInfo[] = [];
    const malformed: MalformedVisit[] = [];
    plan.visits.forEach((visit, index) => {
      const info = this.readVisit(visit, index, false);
      if ('fields' in info) malformed.push(info);
      else visits.push(info);
    });
    this.visits = visits;
    this.malformed = malformed;
    this.background = scope?.context ? this.backgroundOf(scope.context) : [];
  }

  /** Whether an occurrence's department is judged (always, without a scope). */
  inScope(occurrence: Occurrence): boolean {
    return this.scope === undefined || this.scope.has(occurrence.request.departmentId);
  }

  /** The occurrences the plan must account for: every one, or those of the departments in scope. */
  get demanded(): readonly Occurrence[] {
    return this.scope === undefined ? this.occurrenceList : this.occurrenceList.filter((o) => this.inScope(o));
  }

  private readVisit(visit: ReadableVisit, index: number, background: boolean): VisitInfo | MalformedVisit {
    const day = parseDay(visit.date);
    const start = parseTime(visit.start);
    const end = parseTime(visit.end);
    if (day === undefined || start === undefined || end === undefined) {
      const fields = [day === undefined && 'date', start === undefined && 'start', end === undefined && 'end'].filter((f): f is string => f !== false);
      return { index, visit, fields };
    }
    const occurrences = distinct(visit.occurrenceIds).flatMap((id) => this.occurrences.get(id) ?? []);
    const inspectors = distinct(visit.inspectorIds).flatMap((id) => this.inspectors.get(id) ?? []);
    return { index, visit, background, day, start, end, enterprise: this.enterprises.get(visit.enterpriseId), occurrences, parts: this.partsOf(occurrences), inspectors };
  }

  /**
   * The context's visits as the world around the judged plan: a visit whose id the plan uses is
   * replaced by the plan's; from the others go the occurrences of the departments in scope and
   * any occurrence the plan places itself, with the officers of departments left without
   * occurrences; a visit left empty goes. Unreadable visits and unknown ids count for nothing.
   */
  private backgroundOf(context: ReadablePlan): VisitInfo[] {
    const ownVisitIds = new Set(this.plan.visits.map((v) => v.id));
    const placed = new Set([...this.plan.visits.flatMap((v) => v.occurrenceIds), ...this.plan.offsite.map((o) => o.occurrenceId), ...this.plan.unscheduled.map((o) => o.occurrenceId)]);
    const out: VisitInfo[] = [];
    context.visits.forEach((visit, index) => {
      if (ownVisitIds.has(visit.id)) return;
      const occurrenceIds = visit.occurrenceIds.filter((id) => {
        const o = this.occurrences.get(id);
        return o !== undefined && !this.inScope(o) && !placed.has(id);
      });
      if (occurrenceIds.length === 0) return;
      const departments = new Set(occurrenceIds.map((id) => (this.occurrences.get(id) as Occurrence).request.departmentId));
      const inspectorIds = visit.inspectorIds.filter((id) => {
        const p = this.inspectors.get(id);
        return p !== undefined && departments.has(p.departmentId);
      });
      const departmentIds = visit.departmentIds.filter((d) => departments.has(d));
      const info = this.readVisit({ ...visit, occurrenceIds, inspectorIds, departmentIds }, index, true);
      if (!('fields' in info)) out.push(info);
    });
    return out;
  }

  /** The plan's figures as counted from the plan itself (see `metrics.ts`). */
  get metrics(): Metrics {
    this.computed ??= computeMetrics(this);
    return this.computed;
  }

  get policy(): Scenario['policy'] {
    return this.scenario.policy;
  }

  /** Needs no visit (§1.6 Off-site): every item off-site and the request not `onsite`. */
  isOffsite(occurrenceId: string): boolean {
    return this.offsiteIds.has(occurrenceId);
  }

  get quietPeriods(): readonly CompiledQuietPeriod[] {
    this.quiet ??= compileQuietPeriods(this.scenario.calendar.quietPeriods, this.horizon);
    return this.quiet;
  }

  /** Days of the horizon an enterprise cannot receive visits (empty for an unknown id). */
  enterpriseUnavailable(id: string): DaySet {
    return cached(this.enterpriseDays, id, () => {
      const e = this.enterprises.get(id);
      return e ? unavailableDays(e.unavailable, e.unavailableRule, this.horizon) : new DaySet(this.horizon.from, this.horizon.to);
    });
  }

  /** Days of the horizon an officer is unavailable (empty for an unknown id). */
  inspectorUnavailable(id: string): DaySet {
    return cached(this.inspectorDays, id, () => {
      const p = this.inspectors.get(id);
      return p ? unavailableDays(p.unavailable, p.unavailableRule, this.horizon) : new DaySet(this.horizon.from, this.horizon.to);
    });
  }

  /** Well-formed visits by enterprise id (known or not), in plan order, then the background's. */
  visitsByEnterprise(): ReadonlyMap<string, readonly VisitInfo[]> {
    if (!this.byEnterprise) {
      this.byEnterprise = new Map();
      for (const v of [...this.visits, ...this.background]) push(this.byEnterprise, v.visit.enterpriseId, v);
    }
    return this.byEnterprise;
  }

  /** Well-formed visits by known officer, each visit once per officer, in plan order, then the background's. */
  visitsByInspector(): ReadonlyMap<string, readonly VisitInfo[]> {
    if (!this.byInspector) {
      this.byInspector = new Map();
      for (const v of [...this.visits, ...this.background]) for (const p of v.inspectors) push(this.byInspector, p.id, v);
    }
    return this.byInspector;
  }

  /** Minutes each department's items take in a set of occurrences (§2.1-6). */
  private partsOf(occurrences: readonly Occurrence[]): Map<string, number> {
    const parts = new Map<string, number>();
    for (const o of occurrences) {
      let minutes = parts.get(o.request.departmentId) ?? 0;
      for (const itemId of new Set(o.request.itemIds)) minutes += this.items.get(itemId)?.durationMinutes ?? 0;
      parts.set(o.request.departmentId, minutes);
    }
    return parts;
  }
}

export function buildContext(scenario: Scenario, plan: ReadablePlan, scope?: ContextScope): ValidationContext {
  return new ValidationContext(scenario, plan, scope);
}

function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const x of list) if (!map.has(x.id)) map.set(x.id, x);
  return map;
}

export function distinct<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}

function cached<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

/** Groups a list by a key, keeping list order inside each group and first-seen order of keys. */
export function groupBy<K, V>(list: Iterable<V>, key: (v: V) => K): Map<K, V[]> {
  const map = new Map<K, V[]>();
  for (const v of list) push(map, key(v), v);
  return map;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
