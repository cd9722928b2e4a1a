/**
 * `ejectAcross`: an occurrence refused only because its department's officers are taken that
 * day takes the officer-day from a less important visit at another enterprise — which is moved
 * to another day when one works, else left out — and never from one worth as much.
 */
import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../src/compile/compile.js';
import { parseScenario } from '../../src/index.js';
import { ejectAcross } from '../../src/solver/moves.js';
import { PlanState } from '../../src/solver/state.js';
import { makeEnterprise, makeInspector, makeRequest, makeScenario } from '../support/builders.js';

/** One SAMR pair, one visit a day each; R-HIGH at E1 can only go on 4 March; R-LOW at E2 wherever `lowWindow` allows. */
function setUp(lowPriority: number, lowWindow: { from: string; to: string }) {
  const scenario = parseScenario(
    makeScenario({
      departments: [{ id: 'SAMR', name: '市场监管局' }],
      items: [{ id: 'SAMR-1', departmentId: 'SAMR', name: '食品经营检查', durationMinutes: 60 }],
      enterprises: [makeEnterprise(), makeEnterprise({ id: 'E2', name: '某某超市' })],
      inspectors: [makeInspector({ maxVisitsPerDay: 1 }), makeInspector({ id: 'I2', name: '李娜', maxVisitsPerDay: 1 })],
      requests: [
        makeRequest({ id: 'R-HIGH', priority: 5, window: { from: '2026-03-04', to: '2026-03-04' } }),
        makeRequest({ id: 'R-LOW', enterpriseId: 'E2', priority: lowPriority, window: lowWindow }),
      ],
    }),
  );
  const P = compileProblem(scenario);
  const state = new PlanState(P, 1);
  const index = (id: string) => P.occurrences.findIndex((o) => o.id === id);
  const high = index('R-HIGH');
  const low = index('R-LOW');
  const day = P.occurrences[high]?.feasible[0] as number;
  // The low one holds the pair on the only day the high one has.
  const e = state.evaluate([low], day);
  if (!e.ok) throw new Error('the low visit should fit');
  state.commit(e.placement);
  return { P, state, high, low, day };
}

describe('ejectAcross', () => {
  it('takes the day from a less important visit elsewhere and moves that visit to another day', () => {
    const { state, high, low, day } = setUp(1, { from: '2026-03-02', to: '2026-03-06' });
    expect(state.evaluate([high], day).ok).toBe(false);
    const taken = ejectAcross(state, high);
    expect(taken?.left).toEqual([]);
    const placedHigh = state.visits.get(state.assigned[high] as number);
    const placedLow = state.visits.get(state.assigned[low] as number);
    expect(placedHigh?.day).toBe(day);
    expect(placedLow).toBeDefined();
    expect(placedLow?.day).not.toBe(day);
  });

  it('leaves the less important one out when it has no other day', () => {
    const { state, high, low, day } = setUp(1, { from: '2026-03-04', to: '2026-03-04' });
    const taken = ejectAcross(state, high);
    expect(taken?.left).toEqual([low]);
    expect(state.visits.get(state.assigned[high] as number)?.day).toBe(day);
    expect(state.assigned[low]).toBe(-1);
  });

  it('does not take the day from a visit worth as much', () => {
    const { state, high, low } = setUp(5, { from: '2026-03-04', to: '2026-03-04' });
    const before = state.assigned[low];
    expect(ejectAcross(state, high)).toBeUndefined();
    expect(state.assigned[high]).toBe(-1);
    expect(state.assigned[low]).toBe(before);
  });
});
