/**
 * Laws of the compiler's shortcuts (issue 12): history seeded per (basis, departments) and per
 * enterprise equals the literal reading of contract §1.7; an occurrence's feasible days taken
 * as a slice of its request shape's shared days equal the literal reading of docs/planner.md
 * step 1; and sharing work between requests of one shape changes nothing about any of them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../src/compile/compile.js';
import { seedHistory } from '../../src/compile/caps.js';
import { KeySlots } from '../../src/compile/key-slots.js';
import { tallyKey, type CCap, type CompiledProblem, type COccurrence } from '../../src/compile/problem.js';
import { parseScenario, type Scenario } from '../../src/index.js';
import { BASES, type Basis } from '../../src/model/primitives.js';
import { toDay } from '../../src/calendar/civil.js';
import { arbScenario } from '../arbitraries/scenario.js';
import { arbDateIn } from '../arbitraries/dates.js';

/** Contract §1.7 read literally: every entry, every cap that counts its basis, per enterprise or per listed department; then each tally by day. */
function literalHistory(history: Scenario['history'], caps: readonly CCap[], entIndex: ReadonlyMap<string, number>, deptIndex: ReadonlyMap<string, number>) {
  const E = entIndex.size;
  const D = deptIndex.size;
  const tallies = new Map<number, { day: number; date: string }[]>();
  const push = (key: number, h: Scenario['history'][number]) => {
    const list = tallies.get(key) ?? [];
    list.push({ day: toDay(h.date), date: h.date });
    tallies.set(key, list);
  };
  for (const h of history) {
    const ent = entIndex.get(h.enterpriseId) as number;
    const departments = [...new Set(h.departmentIds.map((id) => deptIndex.get(id) as number))];
    for (const cap of caps) {
      if (!cap.bases.has(h.basis)) continue;
      const counted = departments.filter((d) => cap.departments === undefined || cap.departments.has(d));
      if (cap.perEnterprise) {
        if (counted.length > 0) push(tallyKey(cap.index, ent, -1, E, D), h);
      } else for (const d of counted) push(tallyKey(cap.index, ent, d, E, D), h);
    }
  }
  for (const list of tallies.values()) list.sort((a, b) => a.day - b.day);
  return tallies;
}

const DEPTS = ['A', 'B', 'C', 'D'];
const ENTS = ['E1', 'E2', 'E3', 'E4', 'E5'];

const arbCap = (index: number): fc.Arbitrary<CCap> =>
  fc
    .record({
      perEnterprise: fc.boolean(),
      departments: fc.option(fc.subarray([0, 1, 2, 3], { minLength: 1 }), { nil: undefined }),
      bases: fc.subarray([...BASES], { minLength: 1 }),
    })
    .map((c) => ({
      index,
      id: `cap-${index}`,
      source: { id: `cap-${index}`, per: c.perEnterprise ? 'enterprise' : 'enterprise-department', period: 'year', max: 1, countsBases: c.bases } as unknown as CCap['source'],
      perEnterprise: c.perEnterprise,
      departments: c.departments ? new Set(c.departments) : undefined,
      bases: new Set(c.bases as Basis[]),
      period: 'year' as const,
      rollingDays: 0,
      limitByGrade: () => 1,
      minGapDays: 0,
    }));

const arbCaps = fc.integer({ min: 0, max: 4 }).chain((n) => (n === 0 ? fc.constant<CCap[]>([]) : fc.tuple(...Array.from({ length: n }, (_, i) => arbCap(i))).map((c) => [...c])));

const arbEntry = fc.record({
  enterpriseId: fc.constantFrom(...ENTS),
  date: arbDateIn('2025-01-01', '2025-03-31'),
  departmentIds: fc.array(fc.constantFrom(...DEPTS), { minLength: 1, maxLength: 4 }),
  basis: fc.constantFrom(...BASES),
});

/** History in any order, or in date order (as hosts usually send it, which the seeding reads in one pass). */
const arbHistory = fc.tuple(fc.array(arbEntry, { maxLength: 40 }), fc.boolean()).map(([list, sorted]) => (sorted ? [...list].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)) : list));

describe('seedHistory', () => {
  const entIndex = new Map(ENTS.map((id, i) => [id, i]));
  const deptIndex = new Map(DEPTS.map((id, i) => [id, i]));

  it('equals the literal reading: the same tallies, first met first, each by day (one day in entry order)', () => {
    fc.assert(
      fc.property(arbCaps, arbHistory, (caps, history) => {
        const scenario = { history } as unknown as Scenario;
        const got = seedHistory(scenario, caps, entIndex, deptIndex);
        const want = literalHistory(history as Scenario['history'], caps, entIndex, deptIndex);
        expect([...got.keys()]).toEqual([...want.keys()]);
        for (const [key, list] of want) expect(got.get(key)).toEqual(list);
      }),
      { numRuns: 300 },
    );
  });
});

/** Horizon day indices d in the occurrence's window (or its fixed date) that docs/planner.md step 1 admits, read literally. */
function literalFeasible(P: CompiledProblem, o: COccurrence): number[] {
  const r = o.source.request;
  const ent = P.enterprises[o.enterprise] as CompiledProblem['enterprises'][number];
  const policy = P.scenario.policy;
  const from = r.fixedDate !== undefined ? toDay(r.fixedDate) : o.source.from;
  const to = r.fixedDate !== undefined ? toDay(r.fixedDate) : o.source.to;
  const area = ent.source.area;
  const unavailable = (day: number) => ent.source.unavailable.some((u) => day >= toDay(u.from) && day <= toDay(u.to));
  const out: number[] = [];
  for (let day = from; day <= to; day++) {
    const i = day - P.day0;
    if (i < 0 || i >= P.days) continue;
    if (!P.calendar.isWorkingDay(day)) continue;
    if (P.calendar.isMakeupWorkday(day) && policy.makeupWorkdays === 'forbid') continue;
    if (unavailable(day)) continue;
    const quiet = P.quietPeriods.some((q) => q.days.has(day) && !q.exemptBases.has(r.basis) && (q.areas === undefined || (area !== undefined && q.areas.has(area))));
    if (quiet) continue;
    const there = P.officers.filter(
      (x) => x.department === o.department && x.available[i] === 1 && !(x.areas && area !== undefined && !x.areas.has(area)) && !x.avoid.has(ent.id),
    );
    if (there.length < o.need) continue;
    if (!o.qualifications.every((q) => there.some((x) => x.qualifications.has(q)))) continue;
    out.push(i);
  }
  return out;
}

describe('compileProblem', () => {
  it("gives each occurrence the feasible days of the literal reading (window, working day, quiet periods, a team of its department)", () => {
    fc.assert(
      fc.property(arbScenario({ requests: { min: 2, max: 10 }, enterprises: { min: 1, max: 6 }, staff: 'tight' }), (input) => {
        const scenario = parseScenario(input);
        const P = compileProblem(scenario);
        for (const o of P.occurrences) {
          const ent = P.enterprises[o.enterprise] as CompiledProblem['enterprises'][number];
          if (ent.source.unavailableRule !== undefined) continue; // its rule's days are the calendar module's to read
          expect(Array.from(o.feasible), o.id).toEqual(literalFeasible(P, o));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('compiles each occurrence as it would alone: requests that share a shape share nothing else', () => {
    fc.assert(
      fc.property(arbScenario({ requests: { min: 2, max: 8 }, enterprises: { min: 1, max: 5 }, staff: 'tight' }), (input) => {
        const P = compileProblem(parseScenario(input));
        const seen = (p: CompiledProblem) =>
          new Map<string, unknown>([
            ...p.occurrences.map((o) => [o.id, { feasible: Array.from(o.feasible), qualifications: o.qualifications, caps: o.caps, need: o.need, minutes: o.minutes, preferred: [...o.preferred] }] as const),
            ...p.excluded.map((x) => [x.occurrence.id, x.reason] as const),
            ...p.offsite.map((o) => [o.id, 'offsite'] as const),
          ]);
        const together = seen(P);
        for (const request of input.requests ?? []) {
          const alone = seen(compileProblem(parseScenario({ ...input, requests: [request] })));
          for (const [id, facts] of alone) expect(together.get(id), id).toEqual(facts);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('KeySlots', () => {
  it('numbers keys as a map would: the same slot for the same key, new keys 0, 1, 2… in the order first seen', () => {
    const key = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 2 ** 31 }), fc.double({ min: 0, max: 2 ** 53 - 1, noNaN: true }).map(Math.floor));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), (keys) => {
        const slots = new KeySlots();
        const map = new Map<number, number>();
        for (const k of keys) {
          if (!map.has(k)) map.set(k, map.size);
          expect(slots.slot(k)).toBe(map.get(k));
        }
        expect(slots.size).toBe(map.size);
      }),
      { numRuns: 300 },
    );
  });
});
