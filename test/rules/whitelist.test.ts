import { describe, expect, it } from 'vitest';
import { makeEnterprise, makeItem, makeRequest } from '../support/builders.js';
import { jointVisit, makePlan, scenarioOf, violationsOf } from '../support/plans.js';

const RULE = 'whitelist';
const items = [makeItem({ field: 'food-drug' }), makeItem({ id: 'TAX-1', departmentId: 'TAX', name: '发票检查', durationMinutes: 90, field: 'tax' })];

describe('whitelist (§2.1-5, §1.6)', () => {
  it('penalizes a routine occurrence outside the exempt fields at a whitelisted enterprise, not one in food-drug', () => {
    const scenario = scenarioOf({ enterprises: [makeEnterprise({ whitelisted: true })], items });
    const found = violationsOf(scenario, makePlan(scenario, [jointVisit]), RULE);
    expect(found.map((v) => v.details)).toEqual([
      { kind: 'whitelisted', visitId: 'V1', occurrenceId: 'R2', enterpriseId: 'E1', basis: 'routine', itemFields: ['tax'], exemptFields: ['work-safety', 'environment', 'food-drug', 'health'] },
    ]);
  });

  it('does not penalize a triggered basis (complaint)', () => {
    const scenario = scenarioOf({
      enterprises: [makeEnterprise({ whitelisted: true })],
      items,
      requests: [makeRequest(), makeRequest({ id: 'R2', departmentId: 'TAX', itemIds: ['TAX-1'], basis: 'complaint' })],
    });
    expect(violationsOf(scenario, makePlan(scenario, [jointVisit]))).toEqual([]);
  });

  it('follows policy.whitelistExemptFields', () => {
    const scenario = scenarioOf({ enterprises: [makeEnterprise({ whitelisted: true })], items, policy: { whitelistExemptFields: ['tax'] } });
    expect(violationsOf(scenario, makePlan(scenario, [jointVisit]), RULE).map((v) => v.occurrenceId)).toEqual(['R1']);
  });

  it('does not penalize an enterprise that is not whitelisted', () => {
    const scenario = scenarioOf({ items });
    expect(violationsOf(scenario, makePlan(scenario, [jointVisit]), RULE)).toEqual([]);
  });
});
