/**
 * Test plans: `makePlan` turns the visits a test specifies into a complete plan for a
 * scenario, with off-site and unscheduled lists and metrics filled in consistently, so a test
 * shows only the visits that matter to it. Defaults are worked out independently of the
 * validator (from the contract's words), and every test overrides what it is testing.
 */
import { toMinutes, formatTime } from '../../src/calendar/civil.js';
// Hand-made plans have the schema's shape (free reason codes, the contract's four meta fields).
import type { Metrics, ParsedPlan as Plan } from '../../src/model/plan.js';
import type { Scenario, ScenarioInput } from '../../src/model/scenario.js';
import { parseScenario } from '../../src/model/parse.js';
import { expandOccurrences } from '../../src/occurrences/expand.js';
import { validatePlan, type ValidateOptions, type Violation } from '../../src/validate/index.js';
import { makeScenario } from './builders.js';

export interface VisitSpec {
  id?: string;
  /** Default: the enterprise of the first occurrence. */
  enterpriseId?: string;
  date: string;
  /** Default 09:00. */
  start?: string;
  /** Default: start + the longest department part. */
  end?: string;
  occurrenceIds: string[];
  inspectorIds: string[];
  /** Default: the departments of the occurrences, in the order of `scenario.departments`. */
  departmentIds?: string[];
  /** Default: the enterprise's lead department when it takes part, else the longest part (first in department order on ties). */
  leadDepartmentId?: string;
}

export interface PlanSpec {
  /** Occurrences to list under `offsite`; default: exactly the off-site ones not in a visit. */
  offsite?: string[];
  /** Occurrences to list under `unscheduled`; default: every other occurrence. */
  unscheduled?: string[];
  metrics?: Partial<Metrics>;
}

export function scenarioOf(overrides: Partial<ScenarioInput> = {}): Scenario {
  return parseScenario(makeScenario(overrides));
}

export function makePlan(scenario: Scenario, visits: VisitSpec[], spec: PlanSpec = {}): Plan {
  const occurrences = new Map(expandOccurrences(scenario).map((o) => [o.id, o]));
  const items = new Map(scenario.items.map((i) => [i.id, i]));
  const order = scenario.departments.map((d) => d.id);
  const built = visits.map((v, i) => {
    const occ = v.occurrenceIds.flatMap((id) => occurrences.get(id) ?? []);
    const parts = new Map<string, number>();
    for (const o of occ) {
      const minutes = o.request.itemIds.reduce((sum, id) => sum + (items.get(id)?.durationMinutes ?? 0), 0);
      parts.set(o.request.departmentId, (parts.get(o.request.departmentId) ?? 0) + minutes);
    }
    const departments = order.filter((d) => parts.has(d));
    const enterpriseId = v.enterpriseId ?? occ[0]?.request.enterpriseId ?? 'E1';
    const regulator = scenario.enterprises.find((e) => e.id === enterpriseId)?.leadDepartmentId;
    const longest = departments.reduce<string | undefined>((best, d) => (best === undefined || (parts.get(d) ?? 0) > (parts.get(best) ?? 0) ? d : best), undefined);
    const start = v.start ?? '09:00';
    const needed = Math.max(0, ...parts.values());
    return {
      id: v.id ?? `V${i + 1}`,
      enterpriseId,
      date: v.date,
      start,
      end: v.end ?? formatTime(toMinutes(start) + needed),
      departmentIds: v.departmentIds ?? departments,
      leadDepartmentId: v.leadDepartmentId ?? (regulator !== undefined && parts.has(regulator) ? regulator : (longest ?? 'SAMR')),
      occurrenceIds: v.occurrenceIds,
      inspectorIds: v.inspectorIds,
    };
  });
  const inVisits = new Set(built.flatMap((v) => v.occurrenceIds));
  const isOffsite = (id: string) => {
    const o = occurrences.get(id);
    return o !== undefined && !o.request.onsite && o.request.itemIds.every((i) => items.get(i)?.offsite === true);
  };
  const rest = [...occurrences.keys()].filter((id) => !inVisits.has(id));
  const offsite = spec.offsite ?? rest.filter(isOffsite);
  const unscheduled = spec.unscheduled ?? rest.filter((id) => !offsite.includes(id));
  const metrics: Metrics = {
    occurrences: occurrences.size,
    scheduled: built.reduce((n, v) => n + v.occurrenceIds.length, 0),
    offsite: offsite.length,
    unscheduled: unscheduled.length,
    visits: built.length,
    lowerBound: 0,
    personVisits: built.reduce((n, v) => n + v.inspectorIds.length, 0),
    ...spec.metrics,
  };
  return {
    version: 1,
    visits: built,
    offsite: offsite.map((occurrenceId) => ({ occurrenceId })),
    unscheduled: unscheduled.map((occurrenceId) => ({ occurrenceId, reasons: [{ code: 'DISPLACED', message: 'test' }] })),
    warnings: [],
    metrics,
    meta: { engine: 'test', engineVersion: '0', seed: 0, elapsedMs: 0 },
  };
}

/** The violations of one rule (all rules when `ruleId` is omitted). */
export function violationsOf(scenario: Scenario, plan: Plan, ruleId?: string, options: ValidateOptions = {}): Violation[] {
  const all = validatePlan(scenario, plan, options).violations;
  return ruleId === undefined ? all : all.filter((v) => v.ruleId === ruleId);
}

/** The warnings (bookkeeping findings) of one rule (all rules when `ruleId` is omitted). */
export function warningsOf(scenario: Scenario, plan: Plan, ruleId?: string, options: ValidateOptions = {}): Violation[] {
  const all = validatePlan(scenario, plan, options).warnings;
  return ruleId === undefined ? all : all.filter((v) => v.ruleId === ruleId);
}

/** The default scenario's joint visit: R1 (SAMR, 60 min) and R2 (TAX, 90 min) at E1 on Monday 2026-03-02, TAX leading. */
export const jointVisit: VisitSpec = { date: '2026-03-02', occurrenceIds: ['R1', 'R2'], inspectorIds: ['I1', 'I2', 'I3', 'I4'] };
