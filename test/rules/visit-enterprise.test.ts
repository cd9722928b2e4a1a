import { describe, expect, it } from 'vitest';
import { makeEnterprise, makeRequest } from '../support/builders.js';
import { makePlan, scenarioOf, violationsOf } from '../support/plans.js';

describe('visit-enterprise (§1.6, §2)', () => {
  const scenario = scenarioOf({
    enterprises: [makeEnterprise(), makeEnterprise({ id: 'E2', name: '某某超市' })],
    requests: [makeRequest(), makeRequest({ id: 'R3', enterpriseId: 'E2' })],
  });

  it("penalizes an occurrence of another enterprise", () => {
    const plan = makePlan(scenario, [
      { enterpriseId: 'E1', date: '2026-03-02', occurrenceIds: ['R1'], inspectorIds: ['I1', 'I2'] },
      { enterpriseId: 'E1', date: '2026-03-03', occurrenceIds: ['R3'], inspectorIds: ['I1', 'I2'] },
    ], { unscheduled: ['R2'] });
    const found = violationsOf(scenario, plan, 'visit-enterprise', { locale: 'zh-CN' });
    expect(found.map((v) => v.details)).toEqual([{ kind: 'other-enterprise', visitId: 'V2', occurrenceId: 'R3', enterpriseId: 'E1', requestEnterpriseId: 'E2' }]);
    expect(found[0]?.message).toBe('检查组 V2 检查的是企业某某餐饮有限公司，但检查任务 R3 针对的是企业某某超市');
  });

  it('does not penalize each occurrence at its own enterprise', () => {
    const plan = makePlan(scenario, [
      { date: '2026-03-02', occurrenceIds: ['R1'], inspectorIds: ['I1', 'I2'] },
      { date: '2026-03-03', occurrenceIds: ['R3'], inspectorIds: ['I1', 'I2'] },
    ]);
    expect(violationsOf(scenario, plan)).toEqual([]);
  });
});
