import { describe, expect, it } from 'vitest';
import { jointVisit, makePlan, scenarioOf, violationsOf } from '../support/plans.js';

const RULE = 'references';

describe('references (§2)', () => {
  const scenario = scenarioOf();

  it('penalizes unknown ids in visits, offsite and unscheduled, naming where they are', () => {
    const plan = makePlan(scenario, [{ ...jointVisit, departmentIds: ['SAMR', 'TAX', 'FIRE'], leadDepartmentId: 'FIRE', inspectorIds: ['I1', 'I2', 'I3', 'I4', 'X1'] }], { offsite: ['R8'], unscheduled: ['R9'] });
    const found = violationsOf(scenario, plan, RULE);
    expect(found.map((v) => [v.details.kind, v.details.where, v.details.id, v.visitId, v.inspectorId, v.occurrenceId])).toEqual([
      ['unknown-department', 'visits[0].departmentIds[2]', 'FIRE', 'V1', undefined, undefined],
      ['unknown-department', 'visits[0].leadDepartmentId', 'FIRE', 'V1', undefined, undefined],
      ['unknown-officer', 'visits[0].inspectorIds[4]', 'X1', 'V1', 'X1', undefined],
      ['unknown-occurrence', 'offsite[0].occurrenceId', 'R8', undefined, undefined, 'R8'],
      ['unknown-occurrence', 'unscheduled[0].occurrenceId', 'R9', undefined, undefined, 'R9'],
    ]);
  });

  it('penalizes a visit id used twice', () => {
    const plan = makePlan(scenario, [
      { id: 'V1', date: '2026-03-02', occurrenceIds: ['R1'], inspectorIds: ['I1', 'I2'] },
      { id: 'V1', date: '2026-03-03', occurrenceIds: ['R2'], inspectorIds: ['I3', 'I4'] },
    ]);
    expect(violationsOf(scenario, plan)).toEqual([
      expect.objectContaining({ ruleId: RULE, visitId: 'V1', details: { kind: 'duplicate-visit-id', visitId: 'V1', count: 2 } }),
    ]);
  });

  it('lets the other rules judge what they know of a visit to an unknown enterprise', () => {
    const plan = makePlan(scenario, [{ ...jointVisit, enterpriseId: 'E9', date: '2026-03-07' }]);
    expect(violationsOf(scenario, plan).map((v) => [v.ruleId, v.details.kind])).toEqual([
      ['visit-day', 'not-working-day'],
      ['occurrence-window', 'outside-window'],
      ['occurrence-window', 'outside-window'],
      ['visit-enterprise', 'other-enterprise'],
      ['visit-enterprise', 'other-enterprise'],
      ['references', 'unknown-enterprise'],
    ]);
  });
});
