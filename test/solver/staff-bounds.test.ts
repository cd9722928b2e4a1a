/**
 * The staff-aware bounds the planner adds to `metrics` (docs/bounds.md): `scheduledPriority`,
 * `priorityUpperBound` (no valid plan schedules more) and `visitsLowerBound` (no valid plan
 * reaching `scheduledPriority` has fewer visits). Against the exact optimum: test/bench/mip-exact.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandOccurrences, parseScenario, planSync, replan, type Plan, type Scenario } from '../../src/index.js';
import { arbAmpleScenario } from '../arbitraries/ample.js';
import { arbScenario } from '../arbitraries/scenario.js';
import { makeEnterprise, makeInspector, makeItem, makeRequest, makeScenario } from '../support/builders.js';

const plan = (s: Scenario, seed = 0): Plan => planSync(s, { seed, locale: 'en', timeLimitMs: 2_000 });

function priorityOf(s: Scenario, p: Plan): number {
  const priority = new Map(expandOccurrences(s).map((o) => [o.id, o.request.priority]));
  return p.visits.reduce((t, v) => t + v.occurrenceIds.reduce((a, id) => a + (priority.get(id) ?? 0), 0), 0);
}

/** The plan of `s` schedules `scheduledPriority`, at most `priorityUpperBound`, in at least `visitsLowerBound` visits. */
function expectBoundsHold(s: Scenario, seed: number): void {
  const p = plan(s, seed);
  expect(p.metrics.scheduledPriority).toBe(priorityOf(s, p));
  expect(p.metrics.priorityUpperBound).toBeGreaterThanOrEqual(p.metrics.scheduledPriority!);
  expect(p.metrics.visitsLowerBound).toBeLessThanOrEqual(p.visits.length);
}

/** One department (SAMR), a pair of officers, three enterprises wanting it on 2026-03-03 with priorities 3, 2, 1. */
const oneDay = (officer: Parameters<typeof makeInspector>[0] = {}, item: Parameters<typeof makeItem>[0] = {}) =>
  parseScenario(
    makeScenario({
      departments: [{ id: 'SAMR', name: '市场监管局' }],
      items: [makeItem(item)],
      enterprises: [makeEnterprise(), makeEnterprise({ id: 'E2', name: '某某超市' }), makeEnterprise({ id: 'E3', name: '某某药店' })],
      inspectors: [makeInspector(officer), makeInspector({ id: 'I2', name: '李娜', ...officer })],
      requests: [3, 2, 1].map((priority, i) => makeRequest({ id: `R${i + 1}`, enterpriseId: `E${i + 1}`, fixedDate: '2026-03-03', priority })),
    }),
  );

describe('staff-aware bounds in metrics', () => {
  it('bound the priority by the officers’ visits a day', () => {
    const p = plan(oneDay({ maxVisitsPerDay: 1 }));
    expect(p.metrics.priorityUpperBound).toBe(3);
    expect(p.metrics.scheduledPriority).toBe(3);
    expect(p.metrics.visitsLowerBound).toBe(1);
  });

  it('bound the priority by the officers’ minutes a day', () => {
    // 150-minute visits, 320 minutes a day each: two visits, not three.
    const p = plan(oneDay({ maxMinutesPerDay: 320 }, { durationMinutes: 150 }));
    expect(p.metrics.priorityUpperBound).toBe(5);
    expect(p.metrics.visitsLowerBound).toBeLessThanOrEqual(p.visits.length);
  });

  it('bound the priority by the holders of a qualification', () => {
    const s = parseScenario(
      makeScenario({
        departments: [{ id: 'SAMR', name: '市场监管局' }],
        items: [makeItem({ qualifications: ['special-equipment'] })],
        enterprises: [makeEnterprise(), makeEnterprise({ id: 'E2', name: '某某超市' })],
        inspectors: [
          makeInspector({ qualifications: ['special-equipment'], maxVisitsPerDay: 1 }),
          makeInspector({ id: 'I2', name: '李娜' }),
          makeInspector({ id: 'I3', name: '王芳' }),
        ],
        requests: [makeRequest({ fixedDate: '2026-03-03', priority: 2 }), makeRequest({ id: 'R2', enterpriseId: 'E2', fixedDate: '2026-03-03' })],
      }),
    );
    expect(plan(s).metrics.priorityUpperBound).toBe(2);
  });

  it('equal the whole candidate priority when staff does not bind', () => {
    const p = plan(oneDay());
    expect(p.metrics.priorityUpperBound).toBe(6);
    expect(p.metrics.scheduledPriority).toBe(6);
    expect(p.metrics.visitsLowerBound).toBe(3);
  });

  it('law: the plan schedules scheduledPriority, at most priorityUpperBound, in at least visitsLowerBound visits', () => {
    fc.assert(
      fc.property(fc.constantFrom('ample', 'tight', 'scarce' as const), fc.integer({ min: 0, max: 3 }), (staff, seed) => {
        const input = fc.sample(arbScenario({ staff, requests: { min: 1, max: 10 } }), { numRuns: 1, seed: seed * 7919 + staff.length })[0]!;
        expectBoundsHold(parseScenario(input), seed);
      }),
      { numRuns: 12, seed: 20261203 },
    );
    fc.assert(
      fc.property(arbScenario({ staff: 'tight', requests: { min: 2, max: 10 } }), fc.integer({ min: 0, max: 9 }), (input, seed) => {
        expectBoundsHold(parseScenario(input), seed);
      }),
      { numRuns: 150, seed: 20261203 },
    );
  });

  it('law: priorityUpperBound depends on the scenario only, not on the seed', () => {
    fc.assert(
      fc.property(arbScenario({ staff: 'tight', requests: { min: 2, max: 8 } }), (input) => {
        const s = parseScenario(input);
        expect(plan(s, 1).metrics.priorityUpperBound).toBe(plan(s, 2).metrics.priorityUpperBound);
      }),
      { numRuns: 40, seed: 20261203 },
    );
  });

  it('law: with ample staff, priorityUpperBound is what it is with officers of unlimited visits and minutes', () => {
    fc.assert(
      fc.property(arbAmpleScenario({ caps: true }), (input) => {
        const unlimited = { ...input, inspectors: input.inspectors.map((p) => ({ ...p, maxVisitsPerDay: 1000, maxMinutesPerDay: 100_000 })) };
        expect(plan(parseScenario(input)).metrics.priorityUpperBound).toBe(plan(parseScenario(unlimited)).metrics.priorityUpperBound);
      }),
      { numRuns: 60, seed: 20261203 },
    );
  });

  it('hold for a replanned plan (visits kept as they were count as scheduled)', async () => {
    const s = oneDay({ maxVisitsPerDay: 1 });
    const first = plan(s);
    const { plan: next } = await replan(s, first, { today: '2026-03-01', pin: [first.visits[0]!.id] });
    expect(next.metrics.scheduledPriority).toBe(priorityOf(s, next));
    expect(next.metrics.priorityUpperBound).toBeGreaterThanOrEqual(next.metrics.scheduledPriority!);
    expect(next.metrics.visitsLowerBound).toBeLessThanOrEqual(next.visits.length);
  });
});
