/**
 * The draw's statistical promises, each over fixed seeds with its tolerance stated (the seeds
 * are fixed, so a test gives the same answer on every run: no flakiness).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draw, type Stratum } from '../../src/index.js';
import { drawScenario, drawScenarioInput, enterprises, intersection, makeTask, type Population } from './fixture.js';
import { parseScenario } from '../../src/index.js';

const SEEDS = Array.from({ length: 400 }, (_, i) => 1000 + i);
/** The published example ratios (a provincial market-supervision draw). */
const RATIOS = { D: 0.3, C: 0.1, B: 0.02, A: 0.01 } as const;

describe('inclusion probability: each enterprise is drawn at its stratum ratio', () => {
  const pop: Population = { D: 20, C: 40, B: 100, A: 100 };
  const scenario = drawScenario(pop);
  const counts = new Map<string, number>();
  for (const seed of SEEDS) {
    const { drawn } = draw(scenario, [makeTask({ ratio: undefined, ratioByRiskGrade: RATIOS })], { seed });
    for (const id of drawn.T1 ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const S = SEEDS.length;

  for (const grade of ['D', 'C', 'B', 'A'] as const) {
    const r = RATIOS[grade];
    const ids = scenario.enterprises.filter((e) => e.riskGrade === grade).map((e) => e.id);
    it(`stratum ${grade} (ratio ${r}, ${ids.length} enterprises, ${S} seeds): every count within 4.5 binomial standard deviations, chi-square within df + 5√(2df)`, () => {
      // Each count is Binomial(S, r) (unbiased rounding makes the inclusion probability exactly r).
      const mean = S * r;
      const sd = Math.sqrt(S * r * (1 - r));
      let chi = 0;
      for (const id of ids) {
        const x = counts.get(id) ?? 0;
        expect(Math.abs(x - mean), id).toBeLessThanOrEqual(4.5 * sd);
        chi += (x - mean) ** 2 / (sd * sd);
      }
      const df = ids.length - 1;
      expect(chi).toBeLessThanOrEqual(df + 5 * Math.sqrt(2 * df));
      // The stratum's draws altogether: S·N·r within 4.5 standard deviations of the total.
      const total = ids.reduce((a, id) => a + (counts.get(id) ?? 0), 0);
      expect(Math.abs(total - S * ids.length * r)).toBeLessThanOrEqual(4.5 * Math.sqrt(S * ids.length * r * (1 - r)));
    });
  }

  it('class A is drawn (at its ratio), never excluded by its class alone', () => {
    const drawnA = [...counts].filter(([id]) => id.startsWith('EA')).reduce((a, [, n]) => a + n, 0);
    expect(drawnA).toBeGreaterThan(0);
  });
});

describe('sample size matches the ratio within rounding', () => {
  const pop: Population = { D: 17, C: 33, B: 71, A: 9, U: 13 };
  const scenario = drawScenario(pop);
  const sizes: Record<Stratum, number> = { D: 17, C: 33, B: 71, A: 9, ungraded: 13 };
  const ratioOf = (s: Stratum) => (s === 'ungraded' ? 0.25 : RATIOS[s]);
  for (const rounding of ['unbiased', 'nearest', 'up'] as const) {
    it(`${rounding}: each stratum's size is ratio × N rounded ${rounding === 'unbiased' ? 'down or up' : rounding === 'up' ? 'up' : 'to nearest'}`, () => {
      for (const seed of SEEDS.slice(0, 50)) {
        const { audit } = draw(scenario, [makeTask({ ratio: 0.25, ratioByRiskGrade: RATIOS, rounding })], { seed });
        for (const s of audit.tasks[0]?.strata ?? []) {
          const e = ratioOf(s.stratum) * sizes[s.stratum];
          const drawnHere = audit.tasks[0]?.units.filter((u) => u.stratum === s.stratum && u.rule === 'drawn').length;
          expect(drawnHere).toBe(s.sampleSize);
          if (rounding === 'unbiased') expect([Math.floor(e + 1e-9), Math.ceil(e - 1e-9)]).toContain(s.sampleSize);
          if (rounding === 'nearest') expect(Math.abs(s.sampleSize - e)).toBeLessThanOrEqual(0.5);
          if (rounding === 'up') expect(s.sampleSize).toBe(Math.ceil(e - 1e-9));
        }
      }
    });
  }

  it('unbiased: over the seeds the mean size of a stratum is ratio × N (within 4.5 standard errors)', () => {
    // B: 71 × 0.02 = 1.42 → 1 or 2, 2 with probability 0.42.
    const n = SEEDS.map((seed) => draw(scenario, [makeTask({ ratio: undefined, ratioByRiskGrade: RATIOS })], { seed }).audit.tasks[0]?.strata.find((s) => s.stratum === 'B')?.sampleSize ?? -1);
    const mean = n.reduce((a, b) => a + b, 0) / n.length;
    expect(Math.abs(mean - 1.42)).toBeLessThanOrEqual(4.5 * Math.sqrt((0.42 * 0.58) / n.length));
  });

  it('minCount and maxCount bound the total; the bounded total is shared in proportion to the expected sizes', () => {
    for (const seed of SEEDS.slice(0, 30)) {
      const few = draw(scenario, [makeTask({ ratio: 0.01, minCount: 20 })], { seed }).drawn.T1 ?? [];
      expect(few).toHaveLength(20);
      const many = draw(scenario, [makeTask({ ratio: 0.5, maxCount: 10 })], { seed }).audit.tasks[0];
      expect(many?.drawn).toHaveLength(10);
      // 10 shared over 17 : 33 : 71 : 9 : 13 (every ratio 0.5) → quotas 1.19, 2.31, 4.97, 0.63, 0.91.
      expect(Object.fromEntries(many?.strata.map((s) => [s.stratum, s.sampleSize]) ?? [])).toEqual({ D: 1, C: 2, B: 5, A: 1, ungraded: 1 });
    }
  });
});

describe('coordination: coordinated tasks overlap far more than independent draws of the same sizes', () => {
  // SAMR draws 10 % of everyone; FIRE draws 20 % of the catering enterprises (a third of them).
  const scenario = drawScenario({ D: 60, C: 150, B: 300, A: 90 });
  const samr = makeTask({ id: 'SAMR', ratio: 0.1 });
  const fire = makeTask({ id: 'FIRE', departmentId: 'FIRE', itemIds: ['fire'], ratio: 0.2, population: { tags: ['catering'] } });
  const catering = new Set(scenario.enterprises.filter((e) => e.tags.includes('catering')).map((e) => e.id));
  const measure = (coordinated: boolean) => {
    let overlap = 0;
    let possible = 0;
    for (const seed of SEEDS.slice(0, 200)) {
      const { drawn } = draw(scenario, [samr, coordinated ? { ...fire, coordinateWith: ['SAMR'] } : fire], { seed });
      overlap += intersection(drawn.SAMR ?? [], drawn.FIRE ?? []);
      // The most two samples can share: SAMR's enterprises that are in FIRE's population.
      possible += (drawn.SAMR ?? []).filter((id) => catering.has(id)).length;
    }
    return { overlap: overlap / 200, possible: possible / 200 };
  };
  const independent = measure(false);
  const coordinated = measure(true);

  it("independent: the overlap is what chance gives (FIRE's 40 × SAMR's 10 % = 4, within 0.5)", () => {
    expect(Math.abs(independent.overlap - 4)).toBeLessThanOrEqual(0.5);
  });

  it('coordinated: at least 4 times the independent overlap, and at least 90 % of the most possible', () => {
    // Measured (seeds 1000–1199): independent 3.86 enterprises shared; coordinated 19.77, of at most ≈ 20 (docs/draw.md).
    expect(coordinated.overlap).toBeGreaterThanOrEqual(4 * independent.overlap);
    expect(coordinated.overlap).toBeGreaterThanOrEqual(0.9 * coordinated.possible);
  });

  it('on one population, coordinated samples nest: the smaller is inside the larger', () => {
    for (const seed of SEEDS.slice(0, 50)) {
      const { drawn } = draw(scenario, [samr, makeTask({ id: 'FIRE', departmentId: 'FIRE', itemIds: ['fire'], ratio: 0.05, coordinateWith: ['SAMR'] })], { seed });
      expect(intersection(drawn.SAMR ?? [], drawn.FIRE ?? [])).toBe(drawn.FIRE?.length);
    }
  });
});

describe('negative coordination: avoided enterprises are never drawn while the population allows', () => {
  it('law: in each stratum, no avoided unit is drawn unless every unavoided one is', () => {
    fc.assert(
      fc.property(
        fc.record({ D: fc.integer({ min: 0, max: 12 }), C: fc.integer({ min: 0, max: 12 }), B: fc.integer({ min: 0, max: 12 }) }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.func(fc.boolean()),
        (pop, ratio, seed, avoids) => {
          const scenario = drawScenario(pop);
          const avoided = scenario.enterprises.map((e) => e.id).filter((id) => avoids(id));
          const { audit } = draw(scenario, [makeTask({ ratio, avoid: [{ enterpriseIds: avoided }] })], { seed });
          const task = audit.tasks[0];
          for (const s of task?.strata ?? []) {
            const units = task?.units.filter((u) => u.stratum === s.stratum) ?? [];
            const free = units.filter((u) => !avoided.includes(u.enterpriseId));
            const drawnAvoided = units.filter((u) => avoided.includes(u.enterpriseId) && u.rule === 'drawn-despite-avoid');
            if (free.length >= s.sampleSize) expect(drawnAvoided).toEqual([]);
            else expect(free.every((u) => u.rule === 'drawn')).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('last year\'s record avoided: this year\'s sample (same seed) shares nothing with it', () => {
    const scenario = drawScenario({ D: 30, C: 60, B: 90 });
    const lastYear = draw(scenario, [makeTask({ id: 'SAMR-2025', ratio: 0.2 })], { seed: 5 });
    const thisYear = draw(scenario, [makeTask({ id: 'SAMR-2026', ratio: 0.2, avoid: ['SAMR-2025'] })], { seed: 5, previous: [lastYear.audit] });
    expect(thisYear.drawn['SAMR-2026']).toHaveLength(lastYear.drawn['SAMR-2025']?.length ?? -1);
    expect(intersection(thisYear.drawn['SAMR-2026'] ?? [], lastYear.drawn['SAMR-2025'] ?? [])).toBe(0);
  });
});

describe('stability: adding one enterprise to the population changes at most 2 selections', () => {
  it('law: with no count bound in force, the symmetric difference of the samples is at most 2, and no other random number moves', () => {
    fc.assert(
      fc.property(
        fc.record({ D: fc.integer({ min: 0, max: 30 }), C: fc.integer({ min: 0, max: 30 }), A: fc.integer({ min: 0, max: 30 }), U: fc.integer({ min: 0, max: 10 }) }),
        fc.constantFrom('A', 'B', 'C', 'D', undefined),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('unbiased', 'nearest', 'up'),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (pop, grade, ratio, rounding, seed) => {
          const ents = enterprises(pop);
          const before = parseScenario(drawScenarioInput(ents));
          const added = { id: 'NEW', name: '新企业', area: 'A1', tags: ['retail'], ...(grade ? { riskGrade: grade } : {}) };
          const after = parseScenario(drawScenarioInput([...ents.slice(0, ents.length >> 1), added, ...ents.slice(ents.length >> 1)]));
          const task = makeTask({ ratio, rounding });
          const a = draw(before, [task], { seed });
          const b = draw(after, [task], { seed });
          const x = a.drawn.T1 ?? [];
          const y = b.drawn.T1 ?? [];
          expect(x.length + y.length - 2 * intersection(x, y)).toBeLessThanOrEqual(2);
          const prn = new Map(b.audit.tasks[0]?.units.map((u) => [u.enterpriseId, u.prn]));
          for (const u of a.audit.tasks[0]?.units ?? []) expect(prn.get(u.enterpriseId)).toBe(u.prn);
        },
      ),
      { numRuns: 200 },
    );
  });
});
