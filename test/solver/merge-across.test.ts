/**
 * `mergeAcross` on the pattern of seed 17 of the small staff-bound scenarios: two departments
 * visit one enterprise separately, a per-enterprise cap counts both visits, and a third
 * department's request there is refused by that cap. Merging the two visits on the one day both
 * teams can attend — after moving the visit that holds one team that day — frees the cap slot.
 * No other move of the planner makes that trade.
 */
import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../src/compile/compile.js';
import { parseScenario } from '../../src/index.js';
import { chainBudget } from '../../src/solver/chains.js';
import { mergeAcross } from '../../src/solver/merge-across.js';
import { eject, ejectAcross, insert, relocateAndInsert } from '../../src/solver/moves.js';
import { PlanState } from '../../src/solver/state.js';
import { makeEnterprise, makeInspector, makeItem, makeRequest, makeScenario } from '../support/builders.js';
import { snapshot } from './state-snapshot.js';

const pair = (department: string, ids: [string, string], extra: Record<string, unknown> = {}) =>
  ids.map((id, k) => makeInspector({ id, name: `${department}-${k + 1}`, departmentId: department, maxVisitsPerDay: 1, ...extra }));

/**
 * E1: FIRE (priority 2, 2–3 March) and ENV (priority 3, 3–6 March) visited apart, on 2 and 5
 * March; at most two visits a month at an enterprise; SAMR (priority 2) can only go on 4 March,
 * when the ENV pair is on leave. The FIRE pair spends 3 March at E2 (priority 1, 3–4 March).
 */
function setUp(options: { fireAtE2Window?: { from: string; to: string }; samr?: boolean } = {}) {
  const scenario = parseScenario(
    makeScenario({
      departments: [
        { id: 'FIRE', name: '消防救援支队' },
        { id: 'ENV', name: '生态环境局' },
        { id: 'SAMR', name: '市场监管局' },
      ],
      items: [
        makeItem({ id: 'FIRE-1', departmentId: 'FIRE', name: '消防检查' }),
        makeItem({ id: 'ENV-1', departmentId: 'ENV', name: '排污检查' }),
        makeItem({ id: 'SAMR-1', departmentId: 'SAMR', name: '食品经营检查' }),
      ],
      enterprises: [makeEnterprise(), makeEnterprise({ id: 'E2', name: '某某超市' })],
      inspectors: [
        ...pair('FIRE', ['F1', 'F2']),
        ...pair('ENV', ['V1', 'V2'], { unavailable: [{ from: '2026-03-04', to: '2026-03-04' }] }),
        ...pair('SAMR', ['S1', 'S2']),
      ],
      caps: [{ id: 'E-2-PER-MONTH', per: 'enterprise', period: 'month', max: 2 }],
      requests: [
        makeRequest({ id: 'R-FIRE', departmentId: 'FIRE', itemIds: ['FIRE-1'], priority: 2, window: { from: '2026-03-02', to: '2026-03-03' } }),
        makeRequest({ id: 'R-ENV', departmentId: 'ENV', itemIds: ['ENV-1'], priority: 3, window: { from: '2026-03-03', to: '2026-03-06' } }),
        ...(options.samr === false ? [] : [makeRequest({ id: 'R-SAMR', priority: 2, window: { from: '2026-03-04', to: '2026-03-04' } })]),
        makeRequest({
          id: 'R-FIRE2',
          departmentId: 'FIRE',
          itemIds: ['FIRE-1'],
          enterpriseId: 'E2',
          priority: 1,
          window: options.fireAtE2Window ?? { from: '2026-03-03', to: '2026-03-04' },
        }),
      ],
    }),
  );
  const P = compileProblem(scenario);
  const state = new PlanState(P, 1);
  const index = (id: string) => P.occurrences.findIndex((o) => o.id === id);
  const day = (date: string) => (Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) - Date.UTC(2026, 2, 1)) / 86_400_000;
  const place = (id: string, date: string) => {
    const e = state.evaluate([index(id)], day(date));
    if (!e.ok) throw new Error(`${id} should fit on ${date}: ${JSON.stringify(e.failure)}`);
    state.commit(e.placement);
  };
  place('R-FIRE', '2026-03-02');
  place('R-ENV', '2026-03-05');
  place('R-FIRE2', '2026-03-03');
  return { P, state, index, day, e1: P.enterprises.findIndex((e) => e.id === 'E1') };
}

describe('mergeAcross', () => {
  it('the SAMR request is refused by the cap, and no other move places it', () => {
    const { state, index, day } = setUp();
    const samr = index('R-SAMR');
    const e = state.evaluate([samr], day('2026-03-04'));
    expect(e.ok ? undefined : e.failure.kind).toBe('cap');
    const before = snapshot(state);
    expect(insert(state, samr)).toBe(false);
    expect(relocateAndInsert(state, samr)).toBe(false);
    expect(eject(state, samr)).toBeUndefined();
    expect(ejectAcross(state, samr)).toBeUndefined();
    expect(snapshot(state)).toEqual(before);
  });

  it('merges the two visits on the day both teams can attend, moving the visit that held it, and the freed cap slot takes the SAMR request', () => {
    const { P, state, index, day, e1 } = setUp();
    const before = state.scheduledPriority;
    const touched = mergeAcross(state, e1, chainBudget(P));
    expect(touched).toBeDefined();
    const visitOf = (id: string) => state.visits.get(state.assigned[index(id)] as number);
    // FIRE and ENV in one visit on 3 March, the only day both can use.
    expect(visitOf('R-FIRE')?.key).toBe(visitOf('R-ENV')?.key);
    expect(visitOf('R-FIRE')?.day).toBe(day('2026-03-03'));
    // E2's visit moved to its other day, and SAMR placed on 4 March.
    expect(visitOf('R-FIRE2')?.day).toBe(day('2026-03-04'));
    expect(visitOf('R-SAMR')?.day).toBe(day('2026-03-04'));
    expect(state.scheduledPriority).toBe(before + 2);
    expect(state.visitsOf(e1)).toHaveLength(2);
  });

  it('does not trade a visit elsewhere for one visit fewer (priority first), and leaves the state exactly as it was', () => {
    // E2's FIRE visit can only be on 3 March, and nothing waits for a cap slot at E1: merging
    // would leave E2's visit out (priority 1) to save one visit.
    const { P, state, e1 } = setUp({ fireAtE2Window: { from: '2026-03-03', to: '2026-03-03' }, samr: false });
    const before = snapshot(state);
    expect(mergeAcross(state, e1, chainBudget(P))).toBeUndefined();
    expect(snapshot(state)).toEqual(before);
  });

  it('with the blocking visit free to move and nothing waiting, merging for one visit fewer is kept', () => {
    const { P, state, index, e1 } = setUp({ samr: false });
    const visits = state.visits.size;
    expect(mergeAcross(state, e1, chainBudget(P))).toBeDefined();
    expect(state.visits.size).toBe(visits - 1);
    expect(state.assigned[index('R-FIRE2')]).not.toBe(-1);
  });
});
