import { describe, expect, it } from 'vitest';
import { makeItem, makeRequest } from '../support/builders.js';
import { validatePlan } from '../../src/index.js';
import { jointVisit, makePlan, scenarioOf, violationsOf, warningsOf } from '../support/plans.js';

const RULE = 'occurrence-accounting';
const samrVisit = { date: '2026-03-02', occurrenceIds: ['R1'], inspectorIds: ['I1', 'I2'] };
/** TAX-1 can be done off-site, so R2 needs no visit. */
const offsiteTax = (onsite = false) =>
  scenarioOf({
    items: [makeItem(), makeItem({ id: 'TAX-1', departmentId: 'TAX', name: '申报数据核查', durationMinutes: 90, offsite: true })],
    requests: [makeRequest(), makeRequest({ id: 'R2', departmentId: 'TAX', itemIds: ['TAX-1'], onsite })],
  });

describe('occurrence-accounting (§2, §1.6)', () => {
  it('penalizes an occurrence that appears nowhere', () => {
    const scenario = scenarioOf();
    const plan = makePlan(scenario, [samrVisit], { unscheduled: [] });
    expect(violationsOf(scenario, plan, RULE).map((v) => [v.occurrenceId, v.details])).toEqual([['R2', { kind: 'missing', occurrenceId: 'R2' }]]);
  });

  it('penalizes an occurrence that appears twice', () => {
    const scenario = scenarioOf();
    const plan = makePlan(scenario, [jointVisit], { unscheduled: ['R2'] });
    const found = violationsOf(scenario, plan, RULE, { locale: 'zh-CN' });
    expect(found.map((v) => v.details)).toEqual([{ kind: 'duplicate', occurrenceId: 'R2', count: 2, places: [{ place: 'visit', visitId: 'V1' }, { place: 'unscheduled' }] }]);
    expect(found[0]?.message).toBe('检查任务 R2 在计划中出现 2 次（检查组 V1、未安排），应当且仅应出现一次');
  });

  it('penalizes an occurrence listed twice in one visit', () => {
    const scenario = scenarioOf();
    const plan = makePlan(scenario, [{ ...jointVisit, occurrenceIds: ['R1', 'R2', 'R2'] }]);
    expect(violationsOf(scenario, plan, RULE).map((v) => [v.details.kind, v.details.count])).toEqual([['duplicate', 2]]);
  });

  it('does not penalize an unscheduled occurrence with a reason', () => {
    const scenario = scenarioOf();
    expect(violationsOf(scenario, makePlan(scenario, [samrVisit]))).toEqual([]);
  });

  it('warns about an unscheduled occurrence without a reason, and the plan stays valid', () => {
    const scenario = scenarioOf();
    const plan = makePlan(scenario, [samrVisit]);
    plan.unscheduled[0] = { occurrenceId: 'R2', reasons: [] };
    expect(violationsOf(scenario, plan)).toEqual([]);
    expect(warningsOf(scenario, plan, RULE).map((v) => [v.severity, v.details])).toEqual([['warning', { kind: 'no-reason', occurrenceId: 'R2' }]]);
  });

  it('warns the same about an unscheduled entry whose reasons are absent (a plan from another system)', () => {
    const scenario = scenarioOf();
    const plan = makePlan(scenario, [samrVisit]);
    const { reasons: _omitted, ...bare } = plan.unscheduled[0]!;
    const foreign = { ...plan, unscheduled: [bare] };
    expect(validatePlan(scenario, foreign).warnings.map((v) => v.details)).toEqual([{ kind: 'no-reason', occurrenceId: 'R2' }]);
  });

  describe('off-site occurrences', () => {
    it('are listed under offsite', () => {
      const scenario = offsiteTax();
      const plan = makePlan(scenario, [samrVisit]);
      expect(plan.offsite).toEqual([{ occurrenceId: 'R2' }]);
      expect(violationsOf(scenario, plan)).toEqual([]);
    });

    it('may not be placed in a visit', () => {
      const scenario = offsiteTax();
      const found = violationsOf(scenario, makePlan(scenario, [jointVisit]), RULE);
      expect(found).toEqual([expect.objectContaining({ occurrenceId: 'R2', visitId: 'V1', details: { kind: 'offsite-misplaced', occurrenceId: 'R2', placedIn: [{ place: 'visit', visitId: 'V1' }] } })]);
    });

    it('may not be left unscheduled', () => {
      const scenario = offsiteTax();
      const found = violationsOf(scenario, makePlan(scenario, [samrVisit], { offsite: [], unscheduled: ['R2'] }), RULE);
      expect(found.map((v) => v.details)).toEqual([{ kind: 'offsite-misplaced', occurrenceId: 'R2', placedIn: [{ place: 'unscheduled' }] }]);
    });

    it('exclude a request marked onsite, which may not be listed under offsite', () => {
      const scenario = offsiteTax(true);
      expect(violationsOf(scenario, makePlan(scenario, [jointVisit]))).toEqual([]);
      const found = violationsOf(scenario, makePlan(scenario, [samrVisit], { offsite: ['R2'], unscheduled: [] }), RULE);
      expect(found.map((v) => v.details)).toEqual([{ kind: 'not-offsite', occurrenceId: 'R2' }]);
    });
  });
});
