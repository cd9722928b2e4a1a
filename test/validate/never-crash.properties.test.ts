/**
 * Law: whatever it is given, `validatePlan` returns a result or throws a `PlanError` /
 * `ScenarioError` (never a TypeError or anything else), and it never changes its arguments.
 * Inputs: arbitrary values, and near-plans — a valid plan with fields deleted, values
 * replaced by arbitrary ones, ids swapped for others.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanError, ScenarioError, validatePlan, type ValidationResult } from '../../src/index.js';
import { pathsOf, type Segment } from '../arbitraries/mutations.js';
import { makeEnterprise, makeRequest, makeScenario } from '../support/builders.js';
import { jointVisit, makePlan, scenarioOf } from '../support/plans.js';
import { deepFreeze } from './freeze.js';

const raw = makeScenario({
  enterprises: [makeEnterprise(), makeEnterprise({ id: 'E2', name: '某某超市' })],
  requests: [makeRequest(), makeRequest({ id: 'R2', departmentId: 'TAX', itemIds: ['TAX-1'] }), makeRequest({ id: 'R3', enterpriseId: 'E2', recurrence: 'FREQ=WEEKLY;BYDAY=MO' })],
  caps: [{ id: 'C1', per: 'enterprise', period: 'month', max: 1, minGapDays: 3 }],
  history: [{ enterpriseId: 'E1', date: '2026-02-20', departmentIds: ['SAMR'] }],
});
const scenario = scenarioOf(raw);
const valid = makePlan(scenario, [jointVisit, { date: '2026-03-02', occurrenceIds: ['R3#1'], inspectorIds: ['I1', 'I2'] }]);
const json = JSON.stringify(valid);

/** The result, or the typed error; anything else fails the property. */
function outcome(call: () => ValidationResult): 'result' | 'error' {
  try {
    const r = call();
    expect(r.valid).toBe(r.violations.length === 0);
    return 'result';
  } catch (error) {
    if (error instanceof PlanError || error instanceof ScenarioError) {
      expect(error.issues.length).toBeGreaterThan(0);
      return 'error';
    }
    throw error;
  }
}

const ids = fc.constantFrom('E1', 'E2', 'E9', 'SAMR', 'TAX', 'FIRE', 'I1', 'I3', 'X9', 'R1', 'R2', 'R3#1', 'R3#9', 'V1', '', '__proto__', 'constructor');

/** One edit at one place of the plan: delete, retype with any value, or put another id there. */
type Edit = { at: number; kind: 'delete' | 'retype' | 'id'; value: unknown };
const arbEdit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete' as const, 'retype' as const, 'id' as const),
  value: fc.oneof(fc.anything(), ids),
});

function applyEdits(edits: readonly Edit[]): unknown {
  const plan = JSON.parse(json) as unknown;
  for (const e of edits) {
    const paths = pathsOf(plan);
    if (paths.length === 0) break;
    const path = paths[e.at % paths.length] as Segment[];
    const parent = path.slice(0, -1).reduce<unknown>((v, s) => (v as Record<string | number, unknown>)[s], plan) as Record<string | number, unknown>;
    const key = path[path.length - 1] as Segment;
    if (e.kind === 'delete') {
      if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
      else delete parent[key];
    } else if (e.kind === 'id') {
      // Only strings become other ids (a number stays a number).
      if (typeof parent[key] === 'string') parent[key] = String(e.value);
    } else parent[key] = structuredClone(e.value);
  }
  return plan;
}

describe('validatePlan never crashes', () => {
  it('any value as the plan: a result or a PlanError', () => {
    fc.assert(
      fc.property(fc.anything(), (plan) => {
        outcome(() => validatePlan(scenario, plan as never));
      }),
      { numRuns: 300 },
    );
  });

  it('any value as the scenario: a result or a ScenarioError', () => {
    fc.assert(
      fc.property(fc.anything(), (s) => {
        expect(outcome(() => validatePlan(s as never, valid))).toBe('error');
      }),
      { numRuns: 200 },
    );
  });

  it('near-plans (fields deleted, retyped, ids replaced): a result or a PlanError, inputs unchanged', () => {
    fc.assert(
      fc.property(fc.array(arbEdit, { minLength: 1, maxLength: 4 }), fc.boolean(), (edits, scoped) => {
        const plan = deepFreeze(applyEdits(edits));
        const before = JSON.stringify(plan);
        const options = scoped ? { departmentIds: ['SAMR'], context: deepFreeze(applyEdits(edits.slice(1))) as never } : {};
        outcome(() => validatePlan(scenario, plan as never, options));
        expect(JSON.stringify(plan)).toBe(before);
      }),
      { numRuns: 400 },
    );
  });

  it('near-plans whose ids alone are replaced are always judged (ids are findings, not refusals)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.nat(), kind: fc.constant('id' as const), value: ids }), { minLength: 1, maxLength: 6 }), (edits) => {
        const plan = applyEdits(edits.map((e) => ({ ...e, kind: 'id' as const })));
        // A visit id made empty is unreadable; any other id is judged.
        const emptyVisitId = (plan as { visits: { id: unknown }[] }).visits.some((v) => v.id === '');
        expect(outcome(() => validatePlan(scenario, plan as never))).toBe(emptyVisitId ? 'error' : 'result');
      }),
      { numRuns: 300 },
    );
  });
});
