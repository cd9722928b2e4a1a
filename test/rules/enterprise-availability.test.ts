import { describe, expect, it } from 'vitest';
import { makeEnterprise } from '../support/builders.js';
import { jointVisit, makePlan, scenarioOf, violationsOf } from '../support/plans.js';

const RULE = 'enterprise-availability';

describe('enterprise-availability (§2.1-3)', () => {
  it('penalizes a visit on an unavailable day, not the day after the range', () => {
    const scenario = scenarioOf({ enterprises: [makeEnterprise({ unavailable: [{ from: '2026-03-02', to: '2026-03-03' }] })] });
    const found = violationsOf(scenario, makePlan(scenario, [{ ...jointVisit, date: '2026-03-03' }]), RULE);
    expect(found.map((v) => v.details)).toEqual([{ kind: 'unavailable', visitId: 'V1', enterpriseId: 'E1', date: '2026-03-03' }]);
    expect(violationsOf(scenario, makePlan(scenario, [{ ...jointVisit, date: '2026-03-04' }]), RULE)).toEqual([]);
  });

  it('penalizes a day matched by unavailableRule (Wednesdays), not a Thursday', () => {
    const scenario = scenarioOf({ enterprises: [makeEnterprise({ unavailableRule: 'FREQ=WEEKLY;BYDAY=WE' })] });
    expect(violationsOf(scenario, makePlan(scenario, [{ ...jointVisit, date: '2026-03-04' }]), RULE).map((v) => v.details.kind)).toEqual(['unavailable']);
    expect(violationsOf(scenario, makePlan(scenario, [{ ...jointVisit, date: '2026-03-05' }]), RULE)).toEqual([]);
  });

  it('penalizes two visits to one enterprise on one day', () => {
    const scenario = scenarioOf();
    const plan = makePlan(scenario, [
      { date: '2026-03-02', occurrenceIds: ['R1'], inspectorIds: ['I1', 'I2'] },
      { date: '2026-03-02', start: '13:00', occurrenceIds: ['R2'], inspectorIds: ['I3', 'I4'] },
    ]);
    expect(violationsOf(scenario, plan, RULE)).toEqual([
      expect.objectContaining({ visitId: 'V2', details: { kind: 'two-visits', enterpriseId: 'E1', date: '2026-03-02', count: 2, visitIds: ['V1', 'V2'] } }),
    ]);
  });

  it('does not penalize visits to one enterprise on two days', () => {
    const scenario = scenarioOf();
    const plan = makePlan(scenario, [
      { date: '2026-03-02', occurrenceIds: ['R1'], inspectorIds: ['I1', 'I2'] },
      { date: '2026-03-03', occurrenceIds: ['R2'], inspectorIds: ['I3', 'I4'] },
    ]);
    expect(violationsOf(scenario, plan)).toEqual([]);
  });
});
