/**
 * Plans from other systems or plain JavaScript: what may be absent, what is a finding, and
 * what makes the plan unreadable (a typed `PlanError` listing every problem with its path).
 */
import { describe, expect, it } from 'vitest';
import { PlanError, ScenarioError, validatePlan } from '../../src/index.js';
import { makeScenario } from '../support/builders.js';
import { jointVisit, makePlan, scenarioOf } from '../support/plans.js';
import { deepFreeze } from './freeze.js';

const scenario = scenarioOf();
const full = () => makePlan(scenario, [jointVisit]);
const without = <T extends object, K extends keyof T>(o: T, ...keys: K[]): Omit<T, K> => {
  const copy = { ...o };
  for (const k of keys) delete copy[k];
  return copy;
};

describe('lenient plan input', () => {
  it('accepts a plan without meta, and one whose meta lacks seed and elapsedMs', () => {
    expect(validatePlan(scenario, without(full(), 'meta'))).toMatchObject({ valid: true, violations: [], warnings: [] });
    expect(validatePlan(scenario, { ...full(), meta: { engine: 'other-system' } })).toMatchObject({ valid: true, violations: [] });
  });

  it('checks meta when it is there: a seed that is not a number is a PlanError at meta.seed', () => {
    const bad = { ...full(), meta: { engine: 'x', seed: 'seven' } } as unknown as Parameters<typeof validatePlan>[1];
    expect(() => validatePlan(scenario, bad)).toThrow(PlanError);
    expect(issuesOf(() => validatePlan(scenario, bad))).toEqual(['meta.seed']);
  });

  it('accepts a plan without metrics and returns the metrics it counted', () => {
    const result = validatePlan(scenario, without(full(), 'metrics'));
    expect(result.valid).toBe(true);
    // One visit of R1 and R2 (four officers) at E1; nothing off-site or unscheduled.
    expect(result.metrics).toEqual({ occurrences: 2, scheduled: 2, offsite: 0, unscheduled: 0, visits: 1, lowerBound: 1, personVisits: 4 });
  });

  it('makes stale metrics a warning, and leaves the plan valid', () => {
    const stale = { ...full(), metrics: { ...full().metrics, personVisits: 3 } };
    const result = validatePlan(scenario, stale);
    expect(result.valid).toBe(true);
    expect(result.violations).toEqual([]);
    expect(result.warnings.map((w) => [w.ruleId, w.severity, w.details])).toEqual([['metrics', 'warning', { kind: 'mismatch', metric: 'personVisits', reported: 3, actual: 4 }]]);
    expect(validatePlan(scenario, full()).warnings).toEqual([]);
  });

  it('defaults offsite, unscheduled and warnings to empty lists', () => {
    const bare = without(full(), 'offsite', 'unscheduled', 'warnings', 'metrics', 'meta');
    expect(validatePlan(scenario, bare)).toMatchObject({ valid: true, violations: [], warnings: [] });
    // A plan that leaves R2 out altogether: reported as missing, not a crash.
    const short = { ...bare, visits: [{ ...bare.visits[0]!, occurrenceIds: ['R1'], departmentIds: ['SAMR'], leadDepartmentId: 'SAMR', inspectorIds: ['I1', 'I2'], end: '10:00' }] };
    expect(validatePlan(scenario, short).violations.map((v) => [v.ruleId, v.details.kind, v.occurrenceId])).toEqual([['occurrence-accounting', 'missing', 'R2']]);
  });

  it('makes an unknown officer a finding among the others, not a refusal', () => {
    const plan = full();
    const stranger = { ...plan, visits: [{ ...plan.visits[0]!, inspectorIds: ['I1', 'X9', 'I3', 'I4'] }] };
    const result = validatePlan(scenario, stranger, { locale: 'en' });
    expect(result.violations.map((v) => [v.ruleId, v.details.kind, v.inspectorId])).toEqual([
      ['team', 'team-size', undefined],
      ['references', 'unknown-officer', 'X9'],
    ]);
    expect(result.violations[1]?.message).toBe('visits[0].inspectorIds[1] refers to unknown officer "X9"');
    expect(validatePlan(scenario, plan).violations).toEqual([]);
  });

  it('reports an unreadable date as a finding of its visit', () => {
    const plan = full();
    const found = validatePlan(scenario, { ...plan, visits: [{ ...plan.visits[0]!, date: '2026-3-2' }] }).violations;
    expect(found.map((v) => [v.ruleId, v.details.kind, v.details.fields])).toEqual([['visit-day', 'malformed', ['date']]]);
  });
});

/** The paths of the issues a call throws (as a PlanError or ScenarioError). */
function issuesOf(call: () => unknown): string[] {
  try {
    call();
  } catch (error) {
    if (error instanceof PlanError || error instanceof ScenarioError) return error.issues.map((i) => i.path);
    throw error;
  }
  return [];
}

describe('unreadable plans', () => {
  const check = (plan: unknown) => () => validatePlan(scenario, plan as Parameters<typeof validatePlan>[1]);

  it.each([
    ['null', null, ['']],
    ['a string', 'plan', ['']],
    ['an array', [], ['']],
    ['no version', without(full(), 'version'), ['version']],
  ])('refuses %s with a PlanError', (_name, plan, paths) => {
    expect(check(plan)).toThrow(PlanError);
    expect(issuesOf(check(plan))).toEqual(paths);
  });

  it('lists every problem at once, each with its JSON path', () => {
    const plan = full();
    const broken = { ...plan, offsite: 'none', visits: [without(plan.visits[0]!, 'id'), { ...plan.visits[0]!, inspectorIds: 'I1' }, 7] };
    expect(issuesOf(check(broken)).sort()).toEqual(['offsite', 'visits[0].id', 'visits[1].inspectorIds', 'visits[2]']);
  });

  it("refuses visits that are not a list, or a context plan's broken visit under context.", () => {
    expect(issuesOf(check({ version: 1, visits: 'none' }))).toEqual(['visits']);
    const context = { version: 1, visits: [{ id: 'X' }] };
    const paths = issuesOf(() => validatePlan(scenario, full(), { departmentIds: ['SAMR'], context: context as never }));
    expect(paths[0]).toBe('context.visits[0].enterpriseId');
  });
});

describe('the scenario argument', () => {
  it('accepts scenario input that has not been through parseScenario', () => {
    const raw = makeScenario();
    expect(validatePlan(raw as never, full()).valid).toBe(true);
  });

  it('refuses an invalid scenario with a ScenarioError, never a TypeError', () => {
    expect(() => validatePlan({ version: 1 } as never, full())).toThrow(ScenarioError);
    expect(() => validatePlan(undefined as never, full())).toThrow(ScenarioError);
  });
});

describe('never mutates', () => {
  it('leaves frozen inputs as they were', () => {
    const plan = deepFreeze(without(full(), 'metrics', 'unscheduled'));
    const raw = deepFreeze(makeScenario());
    const before = JSON.stringify([plan, raw]);
    validatePlan(raw as never, plan, { departmentIds: ['SAMR'], context: plan });
    expect(JSON.stringify([plan, raw])).toBe(before);
  });
});
