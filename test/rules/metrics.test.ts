import { describe, expect, it } from 'vitest';
import { makeItem, makeRequest } from '../support/builders.js';
import { validatePlan } from '../../src/index.js';
import { jointVisit, makePlan, scenarioOf, violationsOf, warningsOf } from '../support/plans.js';

const RULE = 'metrics';

describe('metrics (§2)', () => {
  // R1, R2 in one visit of four officers; R3 off-site; R4 unscheduled.
  const scenario = scenarioOf({
    items: [makeItem(), makeItem({ id: 'TAX-1', departmentId: 'TAX', name: '发票检查', durationMinutes: 90 }), makeItem({ id: 'TAX-2', departmentId: 'TAX', name: '数据核查', offsite: true })],
    requests: [
      makeRequest(),
      makeRequest({ id: 'R2', departmentId: 'TAX', itemIds: ['TAX-1'] }),
      makeRequest({ id: 'R3', departmentId: 'TAX', itemIds: ['TAX-2'] }),
      makeRequest({ id: 'R4', window: { from: '2026-03-09', to: '2026-03-13' } }),
    ],
  });
  const truth = { occurrences: 4, scheduled: 2, offsite: 1, unscheduled: 1, visits: 1, lowerBound: 1, personVisits: 4 };

  it('accepts metrics that agree with the plan', () => {
    const plan = makePlan(scenario, [jointVisit], { metrics: { lowerBound: 1 } });
    expect(plan.metrics).toEqual(truth);
    expect(violationsOf(scenario, plan)).toEqual([]);
    expect(warningsOf(scenario, plan)).toEqual([]);
  });

  it('penalizes each metric that disagrees', () => {
    const wrong = { occurrences: 3, scheduled: 1, offsite: 0, unscheduled: 2, visits: 2, personVisits: 2 };
    const plan = makePlan(scenario, [jointVisit], { metrics: wrong });
    // Stale figures are bookkeeping: warnings, and the plan stays valid.
    expect(violationsOf(scenario, plan)).toEqual([]);
    const found = warningsOf(scenario, plan, RULE);
    expect(found.map((v) => v.details)).toEqual([
      { kind: 'mismatch', metric: 'occurrences', reported: 3, actual: 4 },
      { kind: 'mismatch', metric: 'scheduled', reported: 1, actual: 2 },
      { kind: 'mismatch', metric: 'offsite', reported: 0, actual: 1 },
      { kind: 'mismatch', metric: 'unscheduled', reported: 2, actual: 1 },
      { kind: 'mismatch', metric: 'visits', reported: 2, actual: 1 },
      { kind: 'mismatch', metric: 'personVisits', reported: 2, actual: 4 },
    ]);
  });

  it('penalizes a lowerBound above the number of visits', () => {
    const found = warningsOf(scenario, makePlan(scenario, [jointVisit], { metrics: { lowerBound: 2 } }), RULE, { locale: 'zh-CN' });
    expect(found.map((v) => [v.details, v.message])).toEqual([
      [{ kind: 'lower-bound', lowerBound: 2, visits: 1 }, '统计指标 metrics.lowerBound 为 2，大于计划中的检查组数 1，不可能是下界'],
    ]);
  });

  it('checks visitsSaved = separateVisits − visits when both are given', () => {
    expect(warningsOf(scenario, makePlan(scenario, [jointVisit], { metrics: { separateVisits: 2, visitsSaved: 1 } }), RULE)).toEqual([]);
    expect(warningsOf(scenario, makePlan(scenario, [jointVisit], { metrics: { separateVisits: 2, visitsSaved: 2 } }), RULE).map((v) => v.details)).toEqual([
      { kind: 'mismatch', metric: 'visitsSaved', reported: 2, actual: 1 },
    ]);
  });
});
