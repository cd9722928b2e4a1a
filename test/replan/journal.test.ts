/**
 * The solver state's one undo mechanism: every change between `mark()` and `rollback(mark)` is
 * undone exactly — nested transactions included, kept (`release`) or not — whatever mix of
 * commits and removals happened in between.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../src/compile/compile.js';
import { parseScenario } from '../../src/index.js';
import { construct } from '../../src/solver/construct.js';
import { PlanState } from '../../src/solver/state.js';
import { arbScenario } from '../arbitraries/scenario.js';
import { snapshot } from '../solver/state-snapshot.js';

const RUNS = Number(process.env.JI_PROPERTY_RUNS ?? 60);

/**
 * Everything the state holds that a move can change, as plain data: the solver tests' snapshot
 * (tallies of every enterprise, every officer-day's bookings, the counters), with the visits in
 * full and what the officers' checks and the enterprise-day index answer for them.
 */
function digest(state: PlanState) {
  const visits = [...state.visits.values()].map((v) => ({ ...v, teams: v.teams.map((t) => ({ ...t, officers: [...t.officers] })) })).sort((a, b) => a.key - b.key);
  const days: unknown[] = [];
  for (const v of visits) for (const t of v.teams) for (const o of t.officers) days.push([o, v.day, state.hasRoom(o, v.day, 1), state.isFree(o, v.day, v.start, v.end, v.enterprise)]);
  return { ...snapshot(state), visits, days, byEnterprise: visits.map((v) => state.visitAt(v.enterprise, v.day)) };
}

type Step = { kind: 'remove' | 'commit' | 'open' | 'keep' | 'undo'; pick: number; day: number };
const arbStep: fc.Arbitrary<Step> = fc.record({ kind: fc.constantFrom('remove', 'commit', 'commit', 'open', 'keep', 'undo'), pick: fc.nat(), day: fc.nat() });

describe('PlanState journal', () => {
  it('rollback(mark) restores the state exactly after any nested mix of commits and removals', () => {
    fc.assert(
      fc.property(arbScenario({ staff: 'ample', requests: { min: 2, max: 10 }, enterprises: { min: 1, max: 3 } }), fc.array(arbStep, { maxLength: 40 }), (input, steps) => {
        const state = new PlanState(compileProblem(parseScenario(input)), 1);
        construct(state);
        const before = digest(state);
        const outer = state.mark();
        const open: number[] = [];
        let changes = 0;
        for (const s of steps) {
          if (s.kind === 'open') open.push(state.mark());
          else if (s.kind === 'keep' && open.length > 0) state.release(open.pop() as number);
          else if (s.kind === 'undo' && open.length > 0) state.rollback(open.pop() as number);
          else if (s.kind === 'remove' && state.visits.size > 0) {
            const keys = [...state.visits.keys()];
            state.remove(keys[s.pick % keys.length] as number);
            changes++;
          } else if (s.kind === 'commit') {
            const free = state.P.occurrences.filter((o) => state.assigned[o.index] === -1 && o.feasible.length > 0);
            if (free.length === 0) continue;
            const o = free[s.pick % free.length] as (typeof free)[number];
            const e = state.evaluate([o.index], o.feasible[s.day % o.feasible.length] as number);
            if (e.ok) {
              state.commit(e.placement);
              changes++;
            }
          }
        }
        while (open.length > 0) state.release(open.pop() as number);
        state.rollback(outer);
        expect(state.inTransaction).toBe(false);
        expect(digest(state)).toEqual(before);
        return changes >= 0;
      }),
      { numRuns: RUNS },
    );
  });

  it('release keeps the changes, and outside a transaction nothing is journalled', () => {
    fc.assert(
      fc.property(arbScenario({ staff: 'ample', requests: { min: 2, max: 8 }, enterprises: { min: 1, max: 3 } }), (input) => {
        const state = new PlanState(compileProblem(parseScenario(input)), 1);
        construct(state);
        fc.pre(state.visits.size > 0);
        const key = [...state.visits.keys()][0] as number;
        const m = state.mark();
        state.remove(key);
        state.release(m);
        expect(state.visits.has(key)).toBe(false);
        expect(state.inTransaction).toBe(false);
        const after = digest(state);
        // A rollback to a mark taken now undoes nothing done before it.
        state.rollback(state.mark());
        expect(digest(state)).toEqual(after);
      }),
      { numRuns: RUNS },
    );
  });
});
