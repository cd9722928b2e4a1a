/**
 * `CapTallies.capRefusals` works out, for a whole window at once, the cap that refuses an
 * occurrence alone on each day (rolling caps as spans, calendar periods once per period). It
 * must say exactly what `capRefusal` says day by day, in any state of the plan — here the
 * states a cap-bound scenario goes through: nothing placed, fully constructed, and with random
 * visits taken out again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../src/compile/compile.js';
import { parseScenario } from '../../src/index.js';
import { construct } from '../../src/solver/construct.js';
import { PlanState } from '../../src/solver/state.js';
import { generateScenario } from '../../bench/generator/index.js';

const scenario = parseScenario(generateScenario({ tier: 'S', seed: 3, regime: 'cap-bound' }));

function expectSameAsDayByDay(state: PlanState): number {
  const out: Parameters<PlanState['tallies']['capRefusals']>[2] = [];
  let refusals = 0;
  for (const o of state.P.occurrences) {
    if (o.caps.length === 0) continue;
    state.tallies.capRefusals(o.index, o.feasible, out);
    const dayByDay = Array.from(o.feasible, (d) => state.tallies.capRefusal(o.index, d));
    expect(out).toEqual(dayByDay);
    refusals += dayByDay.filter((f) => f !== undefined).length;
  }
  return refusals;
}

describe('capRefusals: the whole window at once, as capRefusal says day by day', () => {
  it('with nothing placed and after construction (the scenario binds: some days are refused)', () => {
    const state = new PlanState(compileProblem(scenario), 1);
    expectSameAsDayByDay(state);
    construct(state);
    expect(expectSameAsDayByDay(state)).toBeGreaterThan(0);
  });

  it('with random visits taken out again (fast-check)', () => {
    const P = compileProblem(scenario);
    const built = new PlanState(P, 1);
    construct(built);
    const keys = [...built.visits.keys()].sort((a, b) => a - b);
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(keys.length - 1), { maxLength: 40 }), (picked) => {
        const mark = built.mark();
        for (const k of picked) built.remove(keys[k] as number);
        try {
          expectSameAsDayByDay(built);
        } finally {
          built.rollback(mark);
        }
      }),
      { numRuns: 15 },
    );
  });

  it('one failure object per cap, shared by the days it refuses', () => {
    const state = new PlanState(compileProblem(scenario), 1);
    construct(state);
    const out: Parameters<PlanState['tallies']['capRefusals']>[2] = [];
    let shared = 0;
    for (const o of state.P.occurrences) {
      state.tallies.capRefusals(o.index, o.feasible, out);
      const distinct = new Set(out.filter((f) => f !== undefined));
      expect(distinct.size).toBeLessThanOrEqual(o.caps.length);
      if (out.filter((f) => f !== undefined).length > distinct.size) shared++;
    }
    expect(shared).toBeGreaterThan(0);
  });
});
