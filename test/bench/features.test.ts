/**
 * The issue-10 part of `npm run bench` (bench/features/, bench/report/feature-targets.ts): the
 * `--features` / `--tiers none` / `--with-features` options, the replan change (the ill
 * officer, what counts as kept), percentiles, and the targets' verdicts at their thresholds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { illOfficerOf, keptOthers, withOfficerIll } from '../../bench/features/ill-officer.js';
import { medianOf, percentile, type FeatureResults, type ReplanFigures } from '../../bench/features/types.js';
import { parseArgs } from '../../bench/options.js';
import { featureTargets } from '../../bench/report/feature-targets.js';
import { performanceMd } from '../../bench/report/performance-md.js';
import { targets } from '../../bench/report/targets.js';
import { readReport } from '../../bench/summary.js';

describe('--features', () => {
  it('measures every feature by default and none with --quick, unless given', () => {
    expect(parseArgs([]).features).toEqual(['replan', 'recommend', 'explain', 'draws']);
    expect(parseArgs(['--quick']).features).toEqual([]);
    expect(parseArgs(['--quick', '--features', 'explain']).features).toEqual(['explain']);
  });

  it('takes a list in any order (kept in the fixed order) or none', () => {
    expect(parseArgs(['--features', 'explain,replan']).features).toEqual(['replan', 'explain']);
    expect(parseArgs(['--features=none']).features).toEqual([]);
  });

  it('keeps the tier options working alongside it, and takes --tiers none', () => {
    const o = parseArgs(['--tiers', 'L', '--mip', 'none', '--out-dir', '/tmp/x']);
    expect(o.tiers).toEqual(['L']);
    expect(o.mip).toEqual([]);
    expect(o.outDir).toBe('/tmp/x');
    expect(o.features).toEqual(['replan', 'recommend', 'explain', 'draws']);
    expect(parseArgs(['--tiers', 'none', '--features', 'replan']).tiers).toEqual([]);
    expect(parseArgs(['--feature-rounds', '5']).featureRounds).toBe(5);
    expect(parseArgs([]).featureRounds).toBe(3);
    expect(parseArgs(['--from-results', 'a.json', '--with-features', 'b.json']).withFeatures).toBe('b.json');
  });
});

describe('the replan change', () => {
  const visit = (id: string, date: string, inspectorIds: string[]) => ({ id, date, inspectorIds });

  it('makes ill the officer on the most visits (lowest id on ties) from the middle visit\'s date', () => {
    const visits = [visit('V1', '2026-03-01', ['I2', 'I3']), visit('V2', '2026-03-02', ['I3', 'I2']), visit('V3', '2026-03-05', ['I1'])];
    expect(illOfficerOf(visits)).toEqual({ officer: 'I2', onVisits: 2, today: '2026-03-02' });
  });

  it('adds the leave without touching the scenario given', () => {
    const scenario = { horizon: { to: '2026-12-31' }, inspectors: [{ id: 'I1', unavailable: [{ from: '2026-01-01', to: '2026-01-02' }] }, { id: 'I2' }] };
    const changed = withOfficerIll(scenario, 'I1', '2026-06-01');
    expect(changed.inspectors[0]?.unavailable).toEqual([{ from: '2026-01-01', to: '2026-01-02' }, { from: '2026-06-01', to: '2026-12-31' }]);
    expect(scenario.inspectors[0]?.unavailable).toHaveLength(1);
    expect(() => withOfficerIll(scenario, 'I9', '2026-06-01')).toThrow(/I9/);
  });

  it('counts a visit he was not on as kept only when it is exactly as it was', () => {
    const before = [visit('V1', '2026-03-01', ['I1']), visit('V2', '2026-03-03', ['I1']), visit('V3', '2026-03-03', ['I2']), visit('V4', '2026-03-04', ['I3'])];
    const after = [visit('V1', '2026-03-01', ['I1']), visit('V2', '2026-03-03', ['I4']), visit('V3', '2026-03-03', ['I2']), visit('V4', '2026-03-05', ['I3'])];
    // V1 is his but in the past (before today): one of the others, kept; V2 is his; V4 moved.
    expect(keptOthers(before, after, 'I1', '2026-03-02')).toEqual({ his: 1, others: 3, kept: 2 });
  });
});

describe('percentiles', () => {
  it('p50 and p95 are values of the list, nearest rank, and ordered', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 300 }), (xs) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const p50 = percentile(sorted, 50);
        const p95 = percentile(sorted, 95);
        expect(xs).toContain(p50);
        expect(p95).toBeGreaterThanOrEqual(p50);
        expect(sorted.filter((x) => x <= p95).length / sorted.length).toBeGreaterThanOrEqual(0.95);
        expect(sorted.filter((x) => x < p95).length / sorted.length).toBeLessThan(0.95);
      }),
    );
    expect(medianOf([3, 1, 2])).toBe(2);
    expect(medianOf([4, 1, 2, 3])).toBe(2.5);
  });
});

const replanFigures = (over: Partial<ReplanFigures> = {}): ReplanFigures => ({
  tier: 'L', illOfficer: 'I-1', illOfficerVisits: 300, illFrom: '2026-07-01', visits: 1000, hisVisits: 100, others: 900, othersKept: 900,
  planMs: [9000, 9000, 9000], replanMs: [3000, 3000, 3000], planPhasesMs: {}, replanPhasesMs: {}, counts: {}, scheduledBefore: 10, scheduledAfter: 10, violations: 0, conflicts: 0, ...over,
});
const verdict = (features: FeatureResults, starts: string) => featureTargets(features).find((t) => t.target.startsWith(starts))?.status;

describe('feature targets', () => {
  it('replan: kept is met at 98 % and missed just below it, or when the plan has undeclared violations', () => {
    expect(verdict({ replan: { ok: true, figures: replanFigures({ others: 1000, othersKept: 980 }) } }, 'replan on L (')).toBe('met');
    expect(verdict({ replan: { ok: true, figures: replanFigures({ others: 1000, othersKept: 979 }) } }, 'replan on L (')).toBe('missed');
    expect(verdict({ replan: { ok: true, figures: replanFigures({ violations: 2, conflicts: 1 }) } }, 'replan on L (')).toBe('missed');
    expect(verdict({ replan: { ok: true, figures: replanFigures({ violations: 1, conflicts: 1 }) } }, 'replan on L (')).toBe('met');
  });

  it('replan: time is judged on the medians, met at a third and missed above', () => {
    expect(verdict({ replan: { ok: true, figures: replanFigures({ planMs: [9000, 30000, 9000], replanMs: [3000, 3000, 20000] }) } }, 'replan on L: at most')).toBe('met');
    expect(verdict({ replan: { ok: true, figures: replanFigures({ planMs: [9000, 9000, 9000], replanMs: [3001, 3001, 100] }) } }, 'replan on L: at most')).toBe('missed');
  });

  it('recommend: p95 under 200 ms on the unscheduled set', () => {
    const rec = (p95Ms: number): FeatureResults => ({ recommend: { ok: true, figures: { tier: 'L', visits: 1, firstCallMs: 1, unscheduled: { calls: 100, p50Ms: 1, p95Ms, maxMs: p95Ms, withOptions: 0 }, takenOut: { calls: 100, p50Ms: 1, p95Ms: 999, maxMs: 999, withOptions: 100 }, addedViolations: 0 } } });
    expect(verdict(rec(199.9), 'recommend')).toBe('met');
    expect(verdict(rec(200), 'recommend')).toBe('missed');
  });

  it('says not measured when a feature did not run, and missed when it failed', () => {
    for (const t of featureTargets(undefined)) expect(t.status).toBe('not measured');
    expect(verdict({ explain: { ok: false, message: 'boom\nstack' } }, 'explain')).toBe('missed');
    expect(verdict({ replan: { ok: false, message: 'killed' } }, 'replan on L: at most')).toBe('missed');
  });

  it('an old results file (no features) still renders, its feature targets not measured', () => {
    const report = readReport('bench/results/2026-12-02.json');
    expect(report.features).toBeUndefined();
    const lines = targets(report).filter((t) => t.target.startsWith('replan') || t.target.startsWith('recommend') || t.target.startsWith('explain'));
    expect(lines).toHaveLength(4);
    for (const t of lines) expect(t.status).toBe('not measured');
    expect(performanceMd(report, false, false)).toContain('## Replan, recommend and explain (issue 10)');
  });
});
