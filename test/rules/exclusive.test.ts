import { describe, expect, it } from 'vitest';
import { makeRequest } from '../support/builders.js';
import { jointVisit, makePlan, scenarioOf, violationsOf } from '../support/plans.js';

describe('exclusive (§2.1-5)', () => {
  const scenario = scenarioOf({ requests: [makeRequest({ exclusive: true }), makeRequest({ id: 'R2', departmentId: 'TAX', itemIds: ['TAX-1'] })] });

  it('penalizes an exclusive occurrence sharing its visit', () => {
    const found = violationsOf(scenario, makePlan(scenario, [jointVisit]), 'exclusive');
    expect(found).toEqual([expect.objectContaining({ visitId: 'V1', occurrenceId: 'R1', details: { kind: 'not-alone', visitId: 'V1', occurrenceId: 'R1', others: ['R2'] } })]);
  });

  it('does not penalize it alone in its visit', () => {
    const plan = makePlan(scenario, [
      { date: '2026-03-02', occurrenceIds: ['R1'], inspectorIds: ['I1', 'I2'] },
      { date: '2026-03-03', occurrenceIds: ['R2'], inspectorIds: ['I3', 'I4'] },
    ]);
    expect(violationsOf(scenario, plan)).toEqual([]);
  });
});
