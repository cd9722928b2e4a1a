import { describe, expect, it } from 'vitest';
import type { ParsedPlan as Plan } from '../../src/model/plan.js';
import type { ValidateOptions } from '../../src/validate/index.js';
import type { Scenario } from '../../src/model/scenario.js';
import { ruleModules } from '../../src/rules/index.js';
import { validatePlan } from '../../src/validate/index.js';
import { makeDepartment, makeEnterprise, makeInspector, makeItem, makeRequest } from '../support/builders.js';
import { makePlan, scenarioOf } from '../support/plans.js';

/** Bad plans that together break every kind of every rule. */
function badPlans(): { scenario: Scenario; plan: Plan; options?: ValidateOptions }[] {
  const scenario = scenarioOf({
    calendar: { extraWorkdays: ['2026-03-07'], quietPeriods: [{ id: 'Q1', rule: 'FREQ=MONTHLY;BYMONTHDAY=10' }] },
    departments: [makeDepartment(), makeDepartment({ id: 'TAX', name: '税务局', areas: ['999999'] })],
    items: [
      makeItem({ qualifications: ['food'] }),
      makeItem({ id: 'TAX-1', departmentId: 'TAX', name: '发票检查', durationMinutes: 90 }),
      makeItem({ id: 'TAX-2', departmentId: 'TAX', name: '数据核查', offsite: true }),
    ],
    enterprises: [
      makeEnterprise({ whitelisted: true, leadDepartmentId: 'SAMR', unavailable: [{ from: '2026-03-03', to: '2026-03-03' }], maxVisitMinutes: 100, location: { lat: 34, lng: 113 } }),
      makeEnterprise({ id: 'E2', name: '某某超市', location: { lat: 34.1, lng: 113 } }),
    ],
    inspectors: [
      makeInspector({ certificate: { validFrom: '2026-01-01', validTo: '2026-03-04' }, areas: ['999999'], avoid: ['E1'], unavailable: [{ from: '2026-03-07', to: '2026-03-07' }], maxVisitsPerDay: 1, maxMinutesPerDay: 60 }),
      makeInspector({ id: 'I2', name: '李娜' }),
      makeInspector({ id: 'I3', name: '王芳', departmentId: 'TAX' }),
      makeInspector({ id: 'I4', name: '刘洋', departmentId: 'TAX' }),
    ],
    requests: [
      makeRequest({ exclusive: true, fixedDate: '2026-03-06' }),
      makeRequest({ id: 'R2', departmentId: 'TAX', itemIds: ['TAX-1'] }),
      makeRequest({ id: 'R3', departmentId: 'TAX', itemIds: ['TAX-2'] }),
      makeRequest({ id: 'R4', enterpriseId: 'E2', window: { from: '2026-03-02', to: '2026-03-31' } }),
      makeRequest({ id: 'R5', enterpriseId: 'E2', departmentId: 'TAX', itemIds: ['TAX-2'], onsite: true, window: { from: '2026-03-02', to: '2026-03-31' } }),
      makeRequest({ id: 'R6', enterpriseId: 'E2', departmentId: 'TAX', itemIds: ['TAX-1'], window: { from: '2026-03-02', to: '2026-03-31' } }),
      makeRequest({ id: 'R7', enterpriseId: 'E2', window: { from: '2026-03-02', to: '2026-03-31' } }),
      makeRequest({ id: 'R10', departmentId: 'TAX', itemIds: ['TAX-1'], window: { from: '2026-03-02', to: '2026-03-31' } }),
      makeRequest({ id: 'R11', window: { from: '2026-03-02', to: '2026-03-31' } }),
    ],
    caps: [
      { id: 'C1', per: 'enterprise', period: 'month', max: 1, minGapDays: 5 },
      { id: 'C2', per: 'enterprise-department', period: 'month', max: 1, minGapDays: 5 },
    ],
    policy: { makeupWorkdays: 'forbid', maxDepartmentsPerVisit: 1, travelMinutesPerKm: 1 },
  });
  const plan = makePlan(
    scenario,
    [
      { date: '2026-03-07', start: '08:00', end: '08:30', occurrenceIds: ['R1', 'R2', 'R3'], departmentIds: ['SAMR', 'SAMR'], inspectorIds: ['I1', 'I1', 'I3'] },
      { date: '2026-03-07', start: '16:00', end: '17:30', occurrenceIds: ['R4'], enterpriseId: 'E1', inspectorIds: ['I1', 'I2'], leadDepartmentId: 'TAX' },
      { date: '2026-03-07', start: '16:00', end: '15:00', occurrenceIds: ['R1'], inspectorIds: ['I2', 'I9'] },
      { id: 'V3', date: '2026-04-03', start: '09:00', end: '10:00', occurrenceIds: ['R9'], enterpriseId: 'E9', inspectorIds: [], departmentIds: ['FIRE'], leadDepartmentId: 'FIRE' },
      { date: '2026-03-10', start: '09:00', end: '10:30', occurrenceIds: ['R6', 'R7'], inspectorIds: ['I2', 'I3', 'I4'], leadDepartmentId: 'SAMR' },
      { date: '2026-03-11', start: '09:00', end: '10:00', occurrenceIds: ['R7'], inspectorIds: ['I2'] },
      { date: '2026-03-11', start: '10:05', end: '11:00', occurrenceIds: ['R4'], enterpriseId: 'E1', inspectorIds: ['I2'] },
      { date: '2026-03-03', start: '09:00', end: '10:45', occurrenceIds: ['R10'], inspectorIds: ['I3', 'I4'] },
      { date: '2026-03-08', occurrenceIds: ['R7'], inspectorIds: ['I2'] },
      { date: '2026-03-12', start: '09:00', end: '10:30', occurrenceIds: ['R6'], inspectorIds: ['I4'] },
      { date: '2026-03-12', start: '10:00', end: '11:30', occurrenceIds: ['R10'], inspectorIds: ['I4'] },
    ],
    { offsite: ['R5', 'R8'], unscheduled: ['R2'], metrics: { lowerBound: 99, scheduled: 0 } },
  );
  plan.unscheduled[0] = { occurrenceId: 'R2', reasons: [] };
  plan.visits.push({ ...plan.visits[0]!, id: 'V1', date: '2026-02-30' });
  plan.visits.push({ ...plan.visits[1]!, id: 'V-empty', date: '2026-03-13', occurrenceIds: [] });
  // SAMR's partial plan that also places TAX's R2: out of scope.
  const partial = makePlan(scenario, [{ date: '2026-03-02', occurrenceIds: ['R2'], inspectorIds: ['I3', 'I4'] }], { offsite: [], unscheduled: ['R1', 'R4', 'R7', 'R11'] });
  return [{ scenario, plan }, { scenario, plan: partial, options: { departmentIds: ['SAMR'] } }];
}

describe('messages', () => {
  const cases = badPlans();
  const all = (locale: 'en' | 'zh-CN') =>
    cases.flatMap(({ scenario, plan, options }) => {
      const result = validatePlan(scenario, plan, { ...options, locale });
      return [...result.violations, ...result.warnings];
    });

  it('the bad plans break every kind of every rule', () => {
    const seen = new Set(all('en').map((v) => `${v.ruleId}/${String(v.details.kind)}`));
    const kinds = ruleModules.flatMap((r) => Object.keys(r.messages).map((k) => `${r.id}/${k}`));
    expect(kinds.filter((k) => !seen.has(k))).toEqual([]);
  });

  it.each(['en', 'zh-CN'] as const)('every %s message is filled in', (locale) => {
    for (const v of all(locale)) {
      expect(v.message, `${v.ruleId}/${String(v.details.kind)}`).not.toMatch(/[{}]|undefined|\[object/);
      if (locale === 'zh-CN') expect(v.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
