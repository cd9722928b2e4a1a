/**
 * The exact model of bench/mip/exact.ts (officers assigned, visit times, officer-day limits,
 * travel) checked three ways: its optimum is a plan the validator accepts; where staff never
 * binds it equals the exhaustive optimum of test/support/exact.ts; and it is never worse than
 * the planner. Then the staff-aware bounds of `metrics` are checked against it: no optimum
 * schedules more than `priorityUpperBound`, none reaches the plan's priority in fewer than
 * `visitsLowerBound` visits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactPlan, solveExactStage, type ExactVisit } from '../../bench/mip/exact.js';
import { expandOccurrences, parseScenario, planSync, validatePlan, type PlanToValidate, type Scenario } from '../../src/index.js';
import { arbAmpleScenario } from '../arbitraries/ample.js';
import { arbScenario } from '../arbitraries/scenario.js';
import { makeEnterprise, makeInspector, makeRequest, makeScenario } from '../support/builders.js';
import { exactOptimum } from '../support/exact.js';

interface Optimum {
  priority: number;
  visits: number;
  officers: number;
  plan: PlanToValidate;
}

/** The lexicographic optimum (priority, visits, officers), both stages proven. */
async function optimum(s: Scenario): Promise<Optimum> {
  const first = await solveExactStage(s, { kind: 'priority' }, 20);
  expect(first.status).toBe('optimal');
  const second = await solveExactStage(s, { kind: 'visits', priority: Math.round(first.objective ?? 0) }, 20);
  expect(second.status).toBe('optimal');
  const visits: ExactVisit[] = second.visits ?? [];
  const priority = new Map(expandOccurrences(s).map((o) => [o.id, o.request.priority]));
  return {
    priority: visits.reduce((t, v) => t + v.occurrenceIds.reduce((a, id) => a + (priority.get(id) ?? 0), 0), 0),
    visits: visits.length,
    officers: visits.reduce((t, v) => t + v.inspectorIds.length, 0),
    plan: exactPlan(s, visits) as PlanToValidate,
  };
}

const planned = (s: Scenario) => {
  const plan = planSync(s, { locale: 'en', timeLimitMs: 2_000 });
  const priority = new Map(expandOccurrences(s).map((o) => [o.id, o.request.priority]));
  return { plan, priority: plan.visits.reduce((t, v) => t + v.occurrenceIds.reduce((a, id) => a + (priority.get(id) ?? 0), 0), 0) };
};

describe('the exact model', () => {
  // E1 and E2 0.1° of latitude apart (11.1 km, 23 min of travel at 2 min/km); one pair of officers, 09:00–17:00.
  const twoSites = (o: { minutes: number; maxMinutes?: number; travel?: number }) =>
    makeScenario({
      departments: [{ id: 'SAMR', name: '市场监管局' }],
      items: [{ id: 'SAMR-1', departmentId: 'SAMR', name: '食品经营检查', durationMinutes: o.minutes }],
      enterprises: [makeEnterprise({ location: { lat: 35.3, lng: 113.9 } }), makeEnterprise({ id: 'E2', name: '某某超市', location: { lat: 35.4, lng: 113.9 } })],
      inspectors: [makeInspector({ maxMinutesPerDay: o.maxMinutes }), makeInspector({ id: 'I2', name: '李娜', maxMinutesPerDay: o.maxMinutes })],
      requests: [makeRequest({ fixedDate: '2026-03-03' }), makeRequest({ id: 'R2', enterpriseId: 'E2', fixedDate: '2026-03-03' })],
      ...(o.travel !== undefined ? { policy: { travelMinutesPerKm: o.travel } } : {}),
    });

  it('sends one pair to two enterprises on one day when their minutes allow', async () => {
    const best = await optimum(parseScenario(twoSites({ minutes: 180 })));
    expect([best.priority, best.visits, best.officers]).toEqual([2, 2, 4]);
    expect(validatePlan(parseScenario(twoSites({ minutes: 180 })), best.plan).valid).toBe(true);
  });

  it('charges each officer the whole visit (maxMinutesPerDay)', async () => {
    expect((await optimum(parseScenario(twoSites({ minutes: 180, maxMinutes: 300 })))).priority).toBe(1);
  });

  it('keeps travel between two visits of one officer', async () => {
    // 2 × 230 min = 460 ≤ 480, but with 23 min of travel between them 483 > 480: one fits the day.
    expect((await optimum(parseScenario(twoSites({ minutes: 230 })))).priority).toBe(2);
    expect((await optimum(parseScenario(twoSites({ minutes: 230, travel: 2 })))).priority).toBe(1);
    expect((await optimum(parseScenario(twoSites({ minutes: 225, travel: 2 })))).priority).toBe(2);
  });

  it('orders visits in time: three visits that pairwise share an officer cannot all fit in one day', async () => {
    // I1 in A and B, I2 in B and C, I3 in A and C (recusals force it); each 180 min: 540 > 480.
    const s = makeScenario({
      departments: [{ id: 'SAMR', name: '市场监管局' }],
      items: [{ id: 'SAMR-1', departmentId: 'SAMR', name: '食品经营检查', durationMinutes: 180 }],
      enterprises: ['A', 'B', 'C'].map((id) => makeEnterprise({ id, name: `企业${id}` })),
      inspectors: [makeInspector({ avoid: ['C'] }), makeInspector({ id: 'I2', name: '李娜', avoid: ['A'] }), makeInspector({ id: 'I3', name: '王芳', avoid: ['B'] })],
      requests: ['A', 'B', 'C'].map((e, i) => makeRequest({ id: `R${i + 1}`, enterpriseId: e, fixedDate: '2026-03-03' })),
    });
    const best = await optimum(parseScenario(s));
    expect(best.priority).toBe(2);
    expect(validatePlan(parseScenario(s), best.plan).valid).toBe(true);
  });

  it('has the exhaustive optimum (priority, then visits) where staff never binds', async () => {
    await fc.assert(
      fc.asyncProperty(arbAmpleScenario({ caps: true }), async (input) => {
        const s = parseScenario(input);
        const best = await optimum(s);
        expect({ priority: best.priority, visits: best.visits }).toEqual(exactOptimum(s));
      }),
      { numRuns: 40, seed: 20261203 },
    );
  });

  it('finds valid plans, never worse than the planner (priority, visits, officers)', async () => {
    await fc.assert(
      fc.asyncProperty(arbScenario({ staff: 'tight', requests: { min: 2, max: 8 } }), async (input) => {
        const s = parseScenario(input);
        const best = await optimum(s);
        const check = validatePlan(s, best.plan);
        expect(check.violations.map((v) => v.ruleId)).toEqual([]);
        const { plan, priority } = planned(s);
        fc.pre(validatePlan(s, plan).valid);
        const ours = [priority, -plan.visits.length, -plan.metrics.personVisits];
        const theirs = [best.priority, -best.visits, -best.officers];
        const i = ours.findIndex((x, k) => x !== theirs[k]);
        if (i >= 0) expect(theirs[i]).toBeGreaterThan(ours[i] as number);
      }),
      { numRuns: 40, seed: 20261203 },
    );
  });
});

describe('the staff-aware bounds of metrics against the exact optimum', () => {
  it('no optimum schedules more than priorityUpperBound, nor reaches the plan’s priority in fewer than visitsLowerBound visits', async () => {
    await fc.assert(
      fc.asyncProperty(arbScenario({ staff: 'tight', requests: { min: 2, max: 8 } }), async (input) => {
        const s = parseScenario(input);
        const { plan } = planned(s);
        const best = await optimum(s);
        expect(best.priority).toBeLessThanOrEqual(plan.metrics.priorityUpperBound!);
        expect(best.visits).toBeGreaterThanOrEqual(plan.metrics.visitsLowerBound!);
      }),
      { numRuns: 40, seed: 20261204 },
    );
  });

  it('on small staff-bound scenarios too', async () => {
    const { smallStaffBoundScenario } = await import('../../bench/mip/staff-scenarios.js');
    for (const seed of [1, 2, 3, 7]) {
      const s = parseScenario(smallStaffBoundScenario(seed));
      const { plan, priority } = planned(s);
      const best = await optimum(s);
      expect(best.priority).toBeGreaterThanOrEqual(priority);
      expect(best.priority).toBeLessThanOrEqual(plan.metrics.priorityUpperBound!);
      expect(best.visits).toBeGreaterThanOrEqual(plan.metrics.visitsLowerBound!);
    }
  });
});
