import { describe, expect, it } from 'vitest';
import { makeDepartment, makeEnterprise } from '../support/builders.js';
import { jointVisit, makePlan, scenarioOf, violationsOf } from '../support/plans.js';

const RULE = 'department-area';
const withTaxAreas = (areas: string[], enterprise = makeEnterprise()) =>
  scenarioOf({ departments: [makeDepartment(), makeDepartment({ id: 'TAX', name: '税务局', areas })], enterprises: [enterprise] });

describe('department-area (§2.1-5)', () => {
  it("penalizes a department outside whose areas the enterprise lies", () => {
    const scenario = withTaxAreas(['410703']);
    const found = violationsOf(scenario, makePlan(scenario, [jointVisit]), RULE, { locale: 'zh-CN' });
    expect(found.map((v) => v.details)).toEqual([{ kind: 'outside-territory', visitId: 'V1', departmentId: 'TAX', enterpriseId: 'E1', area: '410702', areas: ['410703'] }]);
    expect(found[0]?.message).toBe('检查组 V1：税务局对企业某某餐饮有限公司所在区域 410702 无管辖权（其管辖区域：410703）');
  });

  it("does not penalize it when the area is among the department's areas", () => {
    const scenario = withTaxAreas(['410703', '410702']);
    expect(violationsOf(scenario, makePlan(scenario, [jointVisit]))).toEqual([]);
  });

  it('does not penalize it when the enterprise has no area', () => {
    const scenario = withTaxAreas(['410703'], makeEnterprise({ area: undefined }));
    expect(violationsOf(scenario, makePlan(scenario, [jointVisit]), RULE)).toEqual([]);
  });
});
