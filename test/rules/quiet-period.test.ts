import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/model/scenario.js';
import { makeRequest } from '../support/builders.js';
import { jointVisit, makePlan, scenarioOf, violationsOf } from '../support/plans.js';

const RULE = 'quiet-period';
type Quiet = NonNullable<NonNullable<ScenarioInput['calendar']>['quietPeriods']>[number];
const firstFiveDays = (o: Partial<Quiet> = {}) => ({ calendar: { quietPeriods: [{ id: 'Q1', rule: 'FREQ=MONTHLY;BYMONTHDAY=1,2,3,4,5', ...o }] } });

describe('quiet-period (§2.1-4)', () => {
  it('penalizes a routine visit on a quiet day', () => {
    const scenario = scenarioOf(firstFiveDays());
    const found = violationsOf(scenario, makePlan(scenario, [{ ...jointVisit, date: '2026-03-05' }]), RULE);
    expect(found.map((v) => v.details)).toEqual([
      { kind: 'not-exempt', visitId: 'V1', enterpriseId: 'E1', date: '2026-03-05', quietPeriodId: 'Q1', occurrenceIds: ['R1', 'R2'], bases: ['routine'], exemptBases: ['complaint', 'referral', 'data-clue', 'enterprise-request', 'licensing', 'recheck', 'emergency'] },
    ]);
  });

  it('does not penalize the first day after the quiet days', () => {
    const scenario = scenarioOf(firstFiveDays());
    expect(violationsOf(scenario, makePlan(scenario, [{ ...jointVisit, date: '2026-03-06' }]), RULE)).toEqual([]);
  });

  it('exempts triggered bases by default, and lists only the non-exempt occurrences', () => {
    const scenario = scenarioOf({ ...firstFiveDays(), requests: [makeRequest({ basis: 'complaint' }), makeRequest({ id: 'R2', departmentId: 'TAX', itemIds: ['TAX-1'] })] });
    const found = violationsOf(scenario, makePlan(scenario, [{ ...jointVisit, date: '2026-03-05' }]), RULE);
    expect(found.map((v) => v.details.occurrenceIds)).toEqual([['R2']]);
    const alone = makePlan(scenario, [
      { date: '2026-03-05', occurrenceIds: ['R1'], inspectorIds: ['I1', 'I2'] },
      { date: '2026-03-06', occurrenceIds: ['R2'], inspectorIds: ['I3', 'I4'] },
    ]);
    expect(violationsOf(scenario, alone)).toEqual([]);
  });

  it('penalizes every planned basis, e.g. a special campaign', () => {
    const scenario = scenarioOf({ ...firstFiveDays(), requests: [makeRequest({ basis: 'special' })] });
    const found = violationsOf(scenario, makePlan(scenario, [{ date: '2026-03-05', occurrenceIds: ['R1'], inspectorIds: ['I1', 'I2'] }]), RULE, { locale: 'zh-CN' });
    expect(found.map((v) => [v.details.bases, v.message])).toEqual([
      [['special'], '检查组 V1 的检查日期 2026-03-05 处于企业某某餐饮有限公司的安静期 Q1，但检查任务 R1 的检查依据（专项检查）不属于豁免范围'],
    ]);
  });

  it('honours explicit exemptBases', () => {
    const scenario = scenarioOf(firstFiveDays({ exemptBases: ['routine'] }));
    expect(violationsOf(scenario, makePlan(scenario, [{ ...jointVisit, date: '2026-03-05' }]), RULE)).toEqual([]);
  });

  it('applies only to the listed areas', () => {
    const elsewhere = scenarioOf(firstFiveDays({ areas: ['999999'] }));
    expect(violationsOf(elsewhere, makePlan(elsewhere, [{ ...jointVisit, date: '2026-03-05' }]), RULE)).toEqual([]);
    const here = scenarioOf(firstFiveDays({ areas: ['410702'] }));
    expect(violationsOf(here, makePlan(here, [{ ...jointVisit, date: '2026-03-05' }]), RULE)).toHaveLength(1);
  });
});
