/**
 * What `draw` returns: requests a scenario accepts and the planner merges, the whitelist and
 * jurisdiction rules, joint tasks, determinism whatever the order of the input's lists, and
 * the caller's objects untouched.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draw, DrawError, InputError, parseScenario, planSync, ScenarioError, validatePlan } from '../../src/index.js';
import { drawScenario, drawScenarioInput, enterprises, intersection, makeTask, WINDOW } from './fixture.js';

const whitelistedEvery = (n: number) => (_e: unknown, i: number) => (i % n === 0 ? { whitelisted: true } : {});

describe('requests', () => {
  const input = drawScenarioInput(enterprises({ D: 6, C: 10 }));
  const scenario = parseScenario(input);

  it('one request per drawn enterprise, id <task>/<enterprise>, basis random, the task\'s window and priority; the scenario accepts them', () => {
    const { drawn, requests } = draw(scenario, [makeTask({ id: 'T1', ratio: 0.5, priority: 3 })], { seed: 1 });
    expect(requests.map((r) => r.enterpriseId)).toEqual(drawn.T1);
    for (const r of requests) expect(r).toEqual({ id: `T1/${r.enterpriseId}`, departmentId: 'SAMR', enterpriseId: r.enterpriseId, itemIds: ['price'], window: WINDOW, basis: 'random', priority: 3 });
    const next = parseScenario({ ...input, requests: [...input.requests, ...requests] });
    expect(next.requests).toHaveLength(requests.length);
  });

  it('a joint task: one sample, a request for every department on every drawn enterprise, all with one window, merged by the planner into one visit each', () => {
    const staffed = drawScenarioInput(enterprises({ D: 4 }), {
      inspectors: ['SAMR', 'FIRE'].flatMap((d) => [1, 2].map((k) => ({ id: `${d}${k}`, name: `${d}员${k}`, departmentId: d, certificate: { validFrom: '2026-01-01', validTo: '2026-12-31' } }))),
    });
    const sc = parseScenario(staffed);
    const { drawn, requests } = draw(sc, [makeTask({ id: 'J', ratio: 0.5, participants: [{ departmentId: 'FIRE', itemIds: ['fire'] }] })], { seed: 3 });
    expect(drawn.J).toHaveLength(2);
    expect(requests.map((r) => r.id).sort()).toEqual((drawn.J ?? []).flatMap((e) => [`J/${e}/FIRE`, `J/${e}/SAMR`]).sort());
    const next = parseScenario({ ...staffed, requests });
    const plan = planSync(next, { seed: 1 });
    expect(validatePlan(next, plan).valid).toBe(true);
    expect(plan.metrics.visits).toBe(2);
    for (const v of plan.visits) expect(v.departmentIds.slice().sort()).toEqual(['FIRE', 'SAMR']);
  });

  it('a request id the scenario already has is a DrawError naming the task', () => {
    const { requests } = draw(scenario, [makeTask({ ratio: 1 })], { seed: 1 });
    const taken = parseScenario({ ...input, requests: requests.slice(0, 1) });
    expect(() => draw(taken, [makeTask({ ratio: 1 })], { seed: 1 })).toThrow(DrawError);
    try {
      draw(taken, [makeTask({ ratio: 1 })], { seed: 1 });
    } catch (e) {
      expect((e as DrawError).issues.map((i) => i.path)).toEqual(['[0].id']);
      expect((e as DrawError).issues[0]?.message).toContain(requests[0]?.id);
    }
  });
});

describe('who may be drawn', () => {
  it('whitelisted enterprises are excluded from a task whose items are in no exempt field, recorded as such', () => {
    const sc = drawScenario({ C: 30 }, whitelistedEvery(3));
    const { drawn, audit } = draw(sc, [makeTask({ itemIds: ['price'], ratio: 1 })], { seed: 1 });
    const listed = new Set(sc.enterprises.filter((e) => e.whitelisted).map((e) => e.id));
    expect(listed.size).toBe(10);
    expect(drawn.T1).toHaveLength(20);
    for (const id of drawn.T1 ?? []) expect(listed.has(id)).toBe(false);
    expect(audit.tasks[0]?.units.filter((u) => u.rule === 'whitelisted').map((u) => u.enterpriseId).sort()).toEqual([...listed].sort());
  });

  it('…but stay in the population when an item is in an exempt field (food-drug)', () => {
    const sc = drawScenario({ C: 30 }, whitelistedEvery(3));
    const { drawn } = draw(sc, [makeTask({ itemIds: ['food', 'price'], ratio: 1 })], { seed: 1 });
    expect(drawn.T1).toHaveLength(30);
  });

  it('a joint task on a whitelisted enterprise: no request for a cooperating department whose items are in no exempt field', () => {
    const sc = drawScenario({ C: 3 }, () => ({ whitelisted: true }));
    const { requests } = draw(sc, [makeTask({ departmentId: 'FIRE', itemIds: ['fire'], ratio: 1, participants: [{ departmentId: 'SAMR', itemIds: ['price'] }] })], { seed: 1 });
    expect(requests.map((r) => r.departmentId)).toEqual(['FIRE', 'FIRE', 'FIRE']);
  });

  it("enterprises outside the initiating department's areas are excluded (outside-jurisdiction)", () => {
    const sc = drawScenario({ B: 10 });
    const { drawn, audit } = draw(sc, [makeTask({ departmentId: 'TAX', itemIds: ['invoice'], ratio: 1 })], { seed: 1 });
    for (const id of drawn.T1 ?? []) expect(sc.enterprises.find((e) => e.id === id)?.area).toBe('A1');
    expect(audit.tasks[0]?.units.filter((u) => u.rule === 'outside-jurisdiction')).toHaveLength(5);
  });

  it('population filters: area, riskGrade, tags, whitelisted, each narrowing', () => {
    const sc = drawScenario({ D: 9, C: 9, A: 9 }, whitelistedEvery(4));
    const pick = (population: object) => draw(sc, [makeTask({ itemIds: ['food'], ratio: 1, population })], { seed: 1 }).drawn.T1 ?? [];
    const byId = new Map(sc.enterprises.map((e) => [e.id, e]));
    expect(pick({ area: ['A2'] }).every((id) => byId.get(id)?.area === 'A2')).toBe(true);
    expect(pick({ riskGrade: ['D', 'A'] }).map((id) => byId.get(id)?.riskGrade).sort()).toEqual([...'AAAAAAAAADDDDDDDDD']);
    expect(pick({ tags: ['catering'] })).toHaveLength(9);
    expect(pick({ whitelisted: true }).every((id) => byId.get(id)?.whitelisted)).toBe(true);
    expect(pick({ whitelisted: true })).toHaveLength(7);
    expect(pick({ area: ['A1'], riskGrade: ['C'], tags: ['retail'] })).toEqual(['EC1', 'EC5', 'EC7']);
  });
});

describe('coordination and avoidance within one call', () => {
  const sc = drawScenario({ D: 20, C: 60, B: 100 });

  it('a task that avoids an earlier task of the same call shares none of its enterprises', () => {
    const { drawn } = draw(sc, [makeTask({ id: 'B', ratio: 0.3, avoid: ['A'] }), makeTask({ id: 'A', ratio: 0.3 })], { seed: 9 });
    expect(intersection(drawn.A ?? [], drawn.B ?? [])).toBe(0);
  });

  it('coordination is symmetric and transitive: A↔B and C→B put A, B, C on one stream', () => {
    const { audit } = draw(sc, [makeTask({ id: 'A', coordinateWith: ['B'] }), makeTask({ id: 'B' }), makeTask({ id: 'C', coordinateWith: ['B'] }), makeTask({ id: 'D' })], { seed: 9 });
    expect(audit.tasks.map((t) => t.stream)).toEqual(['group:A', 'group:A', 'group:A', 'task:D']);
    expect(audit.tasks[1]?.coordinatedWith).toEqual(['A', 'C']);
  });
});

describe('determinism', () => {
  it('law: the order of the enterprises and of the tasks changes nothing', () => {
    const ents = enterprises({ D: 8, C: 15, B: 20, U: 4 });
    const tasks = [makeTask({ id: 'A', ratio: 0.3 }), makeTask({ id: 'B', ratio: 0.2, coordinateWith: ['A'] }), makeTask({ id: 'C', ratio: 0.2, avoid: ['A'] })];
    const base = draw(parseScenario(drawScenarioInput(ents)), tasks, { seed: 5 });
    fc.assert(
      fc.property(fc.shuffledSubarray(ents, { minLength: ents.length }), fc.shuffledSubarray(tasks, { minLength: tasks.length }), (e, t) => {
        const again = draw(parseScenario(drawScenarioInput(e)), t, { seed: 5 });
        expect(again.drawn).toEqual(base.drawn);
      }),
      { numRuns: 40 },
    );
  });

  it('never mutates its arguments (deep-frozen scenario JSON, tasks and options)', () => {
    const input = drawScenarioInput(enterprises({ D: 5, C: 5 }));
    const tasks = [makeTask({ avoid: [{ enterpriseIds: ['ED1'] }], population: { tags: ['retail'] } })];
    const previous = [draw(parseScenario(input), [makeTask({ id: 'OLD' })], { seed: 1 }).audit];
    const before = JSON.stringify([input, tasks, previous]);
    const freeze = <T>(x: T): T => {
      if (x && typeof x === 'object') {
        Object.freeze(x);
        for (const v of Object.values(x)) freeze(v);
      }
      return x;
    };
    draw(freeze(input) as never, freeze(tasks), freeze({ seed: 3, previous }));
    expect(JSON.stringify([input, tasks, previous])).toBe(before);
  });
});

describe('bad arguments', () => {
  const sc = drawScenario({ C: 3 });
  it('a scenario that breaks the contract: ScenarioError', () => {
    expect(() => draw({ version: 2 } as never, [makeTask()])).toThrow(ScenarioError);
  });
  it('bad options: InputError with options.<name> paths, in the language asked', () => {
    try {
      draw(sc, [makeTask()], { seed: 1.5, locale: 'en', previous: [{ kind: 'x' }] as never });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).issues.map((i) => i.path)).toEqual(['options.seed', 'options.previous[0].kind']);
      expect((e as InputError).message).toMatch(/^The options have 2 problem/);
    }
  });
  it('law: any tasks value gives a result or a DrawError, never another exception', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4 }), fc.array(fc.record({ id: fc.string(), departmentId: fc.constantFrom('SAMR', 'FIRE', 'X'), itemIds: fc.array(fc.constantFrom('food', 'fire', 'price', 'nope')), window: fc.constant(WINDOW), ratio: fc.double(), coordinateWith: fc.array(fc.string({ maxLength: 2 })), avoid: fc.array(fc.oneof(fc.string({ maxLength: 2 }), fc.record({ enterpriseIds: fc.array(fc.string()) }))) }, { requiredKeys: [] })), (junk, shaped) => {
        for (const tasks of [junk, shaped]) {
          try {
            draw(sc, tasks as never, { seed: 1 });
          } catch (e) {
            if (!(e instanceof DrawError)) throw e;
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
