import { describe, expect, it } from 'vitest';
import { jointVisit, makePlan, scenarioOf, violationsOf } from '../support/plans.js';

const RULE = 'visit-departments';

describe('visit-departments (§2.1-5)', () => {
  it('penalizes a missing department', () => {
    const scenario = scenarioOf();
    const found = violationsOf(scenario, makePlan(scenario, [{ ...jointVisit, departmentIds: ['SAMR'] }]), RULE);
    expect(found.map((v) => v.details)).toEqual([{ kind: 'mismatch', visitId: 'V1', listed: ['SAMR'], expected: ['SAMR', 'TAX'], missing: ['TAX'], extra: [] }]);
    expect(violationsOf(scenario, makePlan(scenario, [{ ...jointVisit, departmentIds: ['SAMR'] }]), RULE, { locale: 'en' })[0]?.message).toBe(
      'Visit V1 lists departments 市场监管局, but its occurrences belong to 市场监管局, 税务局 (missing: 税务局; not involved: none)',
    );
  });

  it('penalizes a department with no occurrence in the visit', () => {
    const scenario = scenarioOf();
    const plan = makePlan(scenario, [{ date: '2026-03-02', occurrenceIds: ['R1'], inspectorIds: ['I1', 'I2'], departmentIds: ['SAMR', 'TAX'] }]);
    expect(violationsOf(scenario, plan, RULE).map((v) => [v.details.missing, v.details.extra])).toEqual([[[], ['TAX']]]);
  });

  it('penalizes a department listed twice', () => {
    const scenario = scenarioOf();
    const found = violationsOf(scenario, makePlan(scenario, [{ ...jointVisit, departmentIds: ['SAMR', 'TAX', 'TAX'] }]), RULE);
    expect(found.map((v) => v.details)).toEqual([{ kind: 'duplicate-department', visitId: 'V1', departmentId: 'TAX' }]);
  });

  it('penalizes more departments than maxDepartmentsPerVisit, not exactly as many', () => {
    const one = scenarioOf({ policy: { maxDepartmentsPerVisit: 1 } });
    expect(violationsOf(one, makePlan(one, [jointVisit]), RULE).map((v) => v.details)).toEqual([
      { kind: 'too-many-departments', visitId: 'V1', count: 2, max: 1, departmentIds: ['SAMR', 'TAX'] },
    ]);
    const two = scenarioOf({ policy: { maxDepartmentsPerVisit: 2 } });
    expect(violationsOf(two, makePlan(two, [jointVisit]))).toEqual([]);
  });
});
