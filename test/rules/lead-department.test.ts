import { describe, expect, it } from 'vitest';
import { makeDepartment, makeEnterprise, makeItem } from '../support/builders.js';
import { jointVisit, makePlan, scenarioOf, violationsOf } from '../support/plans.js';

const RULE = 'lead-department';
const details = (s: ReturnType<typeof scenarioOf>, lead: string) => violationsOf(s, makePlan(s, [{ ...jointVisit, leadDepartmentId: lead }]), RULE).map((v) => v.details);
const parts = { SAMR: 60, TAX: 90 };

describe('lead-department (§2.1-10)', () => {
  it('without an industry regulator, the longest part leads (TAX, 90 min)', () => {
    const scenario = scenarioOf();
    expect(details(scenario, 'TAX')).toEqual([]);
    expect(details(scenario, 'SAMR')).toEqual([{ kind: 'longest-part', visitId: 'V1', enterpriseId: 'E1', leadDepartmentId: 'SAMR', expected: 'TAX', expectedMinutes: 90, parts }]);
  });

  it("the enterprise's industry regulator leads when it takes part, even with the shorter part", () => {
    const scenario = scenarioOf({ enterprises: [makeEnterprise({ leadDepartmentId: 'SAMR' })] });
    expect(details(scenario, 'SAMR')).toEqual([]);
    const found = violationsOf(scenario, makePlan(scenario, [{ ...jointVisit, leadDepartmentId: 'TAX' }]), RULE, { locale: 'zh-CN' });
    expect(found.map((v) => v.details.kind)).toEqual(['enterprise-lead']);
    expect(found[0]?.message).toBe('检查组 V1 的牵头部门为税务局，但企业某某餐饮有限公司的行业主管部门市场监管局参加了检查，应由其牵头');
  });

  it('a regulator that does not take part leaves the lead to the longest part', () => {
    const scenario = scenarioOf({
      departments: [makeDepartment(), makeDepartment({ id: 'TAX', name: '税务局' }), makeDepartment({ id: 'HEALTH', name: '卫生健康委' })],
      enterprises: [makeEnterprise({ leadDepartmentId: 'HEALTH' })],
    });
    expect(details(scenario, 'TAX')).toEqual([]);
    expect(details(scenario, 'HEALTH').map((d) => [d.kind, d.expected])).toEqual([['longest-part', 'TAX']]);
  });

  it('breaks a tie of parts by the order of departments', () => {
    const items = [makeItem(), makeItem({ id: 'TAX-1', departmentId: 'TAX', name: '发票检查', durationMinutes: 60 })];
    const samrFirst = scenarioOf({ items });
    expect(details(samrFirst, 'SAMR')).toEqual([]);
    expect(details(samrFirst, 'TAX').map((d) => d.expected)).toEqual(['SAMR']);
    const taxFirst = scenarioOf({ items, departments: [makeDepartment({ id: 'TAX', name: '税务局' }), makeDepartment()] });
    expect(details(taxFirst, 'TAX')).toEqual([]);
    expect(details(taxFirst, 'SAMR').map((d) => d.expected)).toEqual(['TAX']);
  });
});
