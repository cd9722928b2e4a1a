/**
 * Test builders: a small valid scenario, and makers that take overrides so a test shows only
 * what matters to it. Everything returns plain input JSON (defaults left to the parser).
 */
import type { ScenarioInput } from '../../src/model/scenario.js';

type ArrayItem<T> = T extends ReadonlyArray<infer U> ? U : never;
export type DepartmentInput = ArrayItem<ScenarioInput['departments']>;
export type ItemInput = ArrayItem<ScenarioInput['items']>;
export type EnterpriseInput = ArrayItem<ScenarioInput['enterprises']>;
export type InspectorInput = ArrayItem<ScenarioInput['inspectors']>;
export type RequestInput = ArrayItem<ScenarioInput['requests']>;
export type CapInput = ArrayItem<NonNullable<ScenarioInput['caps']>>;

export const makeDepartment = (o: Partial<DepartmentInput> = {}): DepartmentInput => ({ id: 'SAMR', name: '市场监管局', ...o });
export const makeItem = (o: Partial<ItemInput> = {}): ItemInput => ({ id: 'SAMR-1', departmentId: 'SAMR', name: '食品经营检查', durationMinutes: 60, ...o });
export const makeEnterprise = (o: Partial<EnterpriseInput> = {}): EnterpriseInput => ({ id: 'E1', name: '某某餐饮有限公司', area: '410702', ...o });
export const makeInspector = (o: Partial<InspectorInput> = {}): InspectorInput => ({
  id: 'I1',
  name: '张伟',
  departmentId: 'SAMR',
  certificate: { number: 'A-001', validFrom: '2026-01-01', validTo: '2026-12-31' },
  ...o,
});
export const makeRequest = (o: Partial<RequestInput> = {}): RequestInput => ({
  id: 'R1',
  departmentId: 'SAMR',
  enterpriseId: 'E1',
  itemIds: ['SAMR-1'],
  window: { from: '2026-03-02', to: '2026-03-06' },
  ...o,
});

/** Two departments (SAMR, TAX), one item each, one enterprise, two officers each, one request each. */
export function makeScenario(o: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    version: 1,
    horizon: { from: '2026-03-01', to: '2026-03-31' },
    departments: [makeDepartment(), makeDepartment({ id: 'TAX', name: '税务局' })],
    items: [makeItem(), makeItem({ id: 'TAX-1', departmentId: 'TAX', name: '发票检查', durationMinutes: 90 })],
    enterprises: [makeEnterprise()],
    inspectors: [
      makeInspector(),
      makeInspector({ id: 'I2', name: '李娜' }),
      makeInspector({ id: 'I3', name: '王芳', departmentId: 'TAX' }),
      makeInspector({ id: 'I4', name: '刘洋', departmentId: 'TAX' }),
    ],
    requests: [makeRequest(), makeRequest({ id: 'R2', departmentId: 'TAX', itemIds: ['TAX-1'] })],
    ...o,
  };
}
