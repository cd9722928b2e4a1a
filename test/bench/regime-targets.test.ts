/**
 * Issue 12's targets in `npm run bench` (bench/report/regime-targets.ts): each judged per regime
 * at its line (met at it, missed just past it), not measured when its scenario or the CLI was not
 * run, missed when a run failed; XL's slow regimes opt-in; and the rendering of the regime table,
 * the per-regime target table, the host it was judged on, and the draws (issue 11).
 */
import { describe, expect, it } from 'vitest';
import type { DrawCase, FeatureResults } from '../../bench/features/types.js';
import type { Machine } from '../../bench/machine.js';
import type { RunFigures } from '../../bench/measure.js';
import { parseArgs, type Variant } from '../../bench/options.js';
import { drawTarget } from '../../bench/report/feature-targets.js';
import { performanceMd } from '../../bench/report/performance-md.js';
import { ISSUE12 } from '../../bench/report/regime-targets.js';
import { regimeRowOf } from '../../bench/report/tables.js';
import { targets } from '../../bench/report/targets.js';
import { readReport, summarize, type BenchReport, type CliRecord, type RunRecord, type TierResult } from '../../bench/summary.js';

const EPYC: Machine = { cpu: 'AMD EPYC', cores: 2, ramGb: 24, node: 'v20.20.2', os: 'Linux' };
const XEON: Machine = { cpu: 'Intel(R) Xeon(R) Processor', cores: 2, ramGb: 24, node: 'v20.20.2', os: 'Linux' };

interface Shape {
  /** planSync seconds, one per run. */
  wall?: number[];
  readParse?: number;
  rss?: number;
  cli?: { sec: number; rss?: number } | CliRecord['status'];
  occurrences?: number;
  offsite?: number;
  visits?: number;
  lowerBound?: number;
  codes?: Record<string, number>;
  failed?: RunRecord['status'];
}

/** A tier's result as the runner records it: runs with figures, summarized as the runner does. */
function result(tier: string, variant: Variant, x: Shape = {}): TierResult {
  const occurrences = x.occurrences ?? 1000;
  const offsite = x.offsite ?? 100;
  const visits = x.visits ?? 500;
  const codes = x.codes ?? {};
  const unscheduled = Object.values(codes).reduce((a, b) => a + b, 0);
  const figures = (wallSec: number): RunFigures =>
    ({
      wallMs: wallSec * 1000,
      readParseMs: (x.readParse ?? 1) * 1000,
      parseMs: 2000,
      validateMs: 500,
      peakRssMb: x.rss ?? 400,
      peakRssEndMb: 450,
      metrics: { occurrences, offsite, visits, lowerBound: x.lowerBound ?? visits, scheduled: occurrences - offsite - unscheduled, unscheduled, personVisits: 2 * visits },
      meta: {},
      scheduledPriority: 10,
      onsitePriority: 12,
      unscheduledByCode: codes,
      trace: [],
    }) as unknown as RunFigures;
  const runs: RunRecord[] = x.failed ? [{ status: x.failed, detail: 'killed after 15 min' }] : (x.wall ?? [2]).map((w) => ({ status: 'ok', figures: figures(w) }));
  const summary = summarize(runs);
  let cli: CliRecord[] | undefined;
  if (typeof x.cli === 'string') cli = [{ status: x.cli, detail: 'exit code 1' }];
  else if (x.cli) cli = [{ status: 'ok', wallMs: x.cli.sec * 1000, peakRssMb: x.cli.rss ?? 300, visits, scheduled: summary?.scheduled ?? 0 }];
  return { tier, variant, requests: 900, runs, ...(summary ? { summary } : {}), ...(cli ? { cli } : {}) };
}

function report(results: TierResult[], args: string[] = [], machine: Machine = EPYC, features?: FeatureResults): BenchReport {
  return { date: '2026-12-04', command: 'npm run bench', machine, options: parseArgs([...args, '--date', '2026-12-04']), results, comparisons: [], ...(features ? { features } : {}) };
}

const verdict = (r: BenchReport, target: string) => {
  const t = targets(r).find((x) => x.target === target);
  if (!t) throw new Error(`no target ${target}`);
  return t;
};

const L_PLAN = (v: Variant) => `L ${v}: planSync at most ${ISSUE12.lPlanSec} s`;
const L_CLI = (v: Variant) => `L ${v}: CLI end to end (read, parse, plan, write) at most ${ISSUE12.lCliSec} s`;
const L_RSS = (v: Variant) => `L ${v}: peak RSS at most ${ISSUE12.lRssMb} MB`;
const L_AIM = (v: Variant) => `L ${v}: CLI end to end at most ${ISSUE12.lCliMultiple}× reading + JSON.parse of the file (the aim; host-independent)`;
const XL_PLAN = (v: Variant) => `XL ${v}: planSync at most ${ISSUE12.xlPlanSec} s`;
const XL_RSS = (v: Variant) => `XL ${v}: peak RSS at most 1.5 GB (1,536 MiB)`;
const GROWTH = (v: Variant) => `growth, ${v}: L at most ${ISSUE12.growth}× the planSync time of M`;

describe('issue 12 targets, per regime', () => {
  it('L planSync: met at 5 s (the median of the runs), missed just above, each regime on its own', () => {
    const at = report([result('L', 'normal', { wall: [9, 5, 4] }), result('L', 'cap-bound', { wall: [5.01] })]);
    expect(verdict(at, L_PLAN('normal')).status).toBe('met');
    expect(verdict(at, L_PLAN('cap-bound')).status).toBe('missed');
    expect(verdict(at, L_PLAN('ample')).status).toBe('not measured');
    expect(verdict(at, L_PLAN('ample')).figure).toBe('L ample not run');
  });

  it('gives each time as a multiple of reading + JSON.parse of the same file', () => {
    const r = report([result('L', 'normal', { wall: [5], readParse: 1.25 })]);
    expect(verdict(r, L_PLAN('normal')).figure).toContain(`= ${(5 / 1.25).toFixed(1)}× read + JSON.parse`);
  });

  it('a run that did not finish misses the target and says why', () => {
    const r = report([result('L', 'staff-bound', { failed: 'did-not-finish' })]);
    expect(verdict(r, L_PLAN('staff-bound')).status).toBe('missed');
    expect(verdict(r, L_PLAN('staff-bound')).figure).toContain('did not finish');
  });

  it('CLI end to end: met at 8 s, missed above, not measured without a CLI run, missed when the CLI failed', () => {
    expect(verdict(report([result('L', 'normal', { cli: { sec: 8 } })]), L_CLI('normal')).status).toBe('met');
    expect(verdict(report([result('L', 'normal', { cli: { sec: 8.01 } })]), L_CLI('normal')).status).toBe('missed');
    expect(verdict(report([result('L', 'normal')]), L_CLI('normal')).status).toBe('not measured');
    expect(verdict(report([result('L', 'normal', { cli: 'error' })]), L_CLI('normal')).status).toBe('missed');
    expect(verdict(report([result('L', 'normal', { cli: 'did-not-finish' })]), L_CLI('normal')).status).toBe('missed');
  });

  it('peak RSS: the larger of planSync\'s and the CLI\'s counts, met at 700 MB', () => {
    expect(verdict(report([result('L', 'ample', { rss: 700, cli: { sec: 1, rss: 700 } })]), L_RSS('ample')).status).toBe('met');
    expect(verdict(report([result('L', 'ample', { rss: 600, cli: { sec: 1, rss: 701 } })]), L_RSS('ample')).status).toBe('missed');
    expect(verdict(report([result('L', 'ample', { rss: 701, cli: { sec: 1, rss: 600 } })]), L_RSS('ample')).status).toBe('missed');
    // A CLI that failed leaves its memory unknown.
    expect(verdict(report([result('L', 'ample', { rss: 300, cli: 'error' })]), L_RSS('ample')).status).toBe('missed');
  });

  it('the aim: CLI end to end at most 6× the read + JSON.parse time', () => {
    expect(verdict(report([result('L', 'normal', { readParse: 1, cli: { sec: 6 } })]), L_AIM('normal')).status).toBe('met');
    expect(verdict(report([result('L', 'normal', { readParse: 1, cli: { sec: 6.1 } })]), L_AIM('normal')).status).toBe('missed');
    expect(verdict(report([result('L', 'normal', { readParse: 2, cli: { sec: 12 } })]), L_AIM('normal')).status).toBe('met');
  });

  it('XL: 30 s and 1.5 GB; cap-bound and staff-bound are opt-in and say so when left out', () => {
    const r = report([result('XL', 'normal', { wall: [30], rss: 1536, cli: { sec: 40, rss: 1536 } }), result('XL', 'ample', { wall: [30.5], rss: 1537 })]);
    expect(verdict(r, XL_PLAN('normal')).status).toBe('met');
    expect(verdict(r, XL_RSS('normal')).status).toBe('met');
    expect(verdict(r, XL_PLAN('ample')).status).toBe('missed');
    expect(verdict(r, XL_RSS('ample')).status).toBe('missed');
    expect(verdict(r, XL_PLAN('cap-bound')).status).toBe('not measured');
    expect(verdict(r, XL_PLAN('cap-bound')).figure).toContain('--xl-regimes all');
    // Asked for, but not run (it failed to start, say): not "opt-in".
    const all = report([], ['--xl-regimes', 'all']);
    expect(verdict(all, XL_PLAN('cap-bound')).figure).not.toContain('opt-in');
  });

  it('growth: L at most 11× M in each regime; a failed M misses it', () => {
    expect(verdict(report([result('M', 'cap-bound', { wall: [2] }), result('L', 'cap-bound', { wall: [22] })]), GROWTH('cap-bound')).status).toBe('met');
    expect(verdict(report([result('M', 'cap-bound', { wall: [2] }), result('L', 'cap-bound', { wall: [22.1] })]), GROWTH('cap-bound')).status).toBe('missed');
    expect(verdict(report([result('M', 'normal', { failed: 'crashed' }), result('L', 'normal', { wall: [1] })]), GROWTH('normal')).status).toBe('missed');
    expect(verdict(report([result('L', 'normal', { wall: [1] })]), GROWTH('normal')).status).toBe('not measured');
  });

  it('ample staff: visits within 0.5% of lowerBound on every ample tier', () => {
    const gap = 'ample staff: visits within 0.5% of lowerBound';
    expect(verdict(report([result('M', 'ample', { visits: 1005, lowerBound: 1000 }), result('L', 'ample', { visits: 2010, lowerBound: 2000 })]), gap).status).toBe('met');
    expect(verdict(report([result('M', 'ample', { visits: 1005, lowerBound: 1000 }), result('L', 'ample', { visits: 2011, lowerBound: 2000 })]), gap).status).toBe('missed');
    // Staff-bound gaps are not judged by it.
    expect(verdict(report([result('M', 'ample', { visits: 1000, lowerBound: 1000 }), result('M', 'staff-bound', { visits: 1500, lowerBound: 1000 })]), gap).status).toBe('met');
  });

  it('reports what cap-bound and staff-bound bind, from the first reason codes', () => {
    const r = report([
      result('M', 'cap-bound', { occurrences: 2000, offsite: 0, codes: { CAP_REACHED: 640, STAFF_CAPACITY: 5 } }),
      result('M', 'staff-bound', { occurrences: 1100, offsite: 100, codes: { STAFF_CAPACITY: 120, DISPLACED: 30, CAP_REACHED: 7 } }),
    ]);
    expect(verdict(r, 'cap-bound: occurrences ending CAP_REACHED (generated for 25–40%)').figure).toBe(`M ${((100 * 640) / 2000).toFixed(1)}% (640)`);
    expect(verdict(r, 'staff-bound: on-site occurrences ending STAFF_CAPACITY or DISPLACED (generated for 10–20%)').figure).toBe(`M ${((100 * 150) / 1000).toFixed(1)}% (120 + 30)`);
  });

  it('keeps the earlier targets, judged on normal and ample only', () => {
    const r = report([result('L', 'normal', { wall: [9] }), result('L', 'cap-bound', { wall: [60] })]);
    const earlier = verdict(r, 'L: a valid plan in at most 10 s wall');
    expect(earlier.status).toBe('met');
    expect(earlier.figure).not.toContain('cap-bound');
    expect(targets(r).map((t) => t.target)).toContain('cap-bound: gap to lowerBound');
  });
});

describe('the regime table', () => {
  it('shows times as seconds and multiples, memory of both processes, and the refusals', () => {
    const row = regimeRowOf(result('L', 'cap-bound', { wall: [12], readParse: 1.5, rss: 900, cli: { sec: 15, rss: 800 }, occurrences: 3000, offsite: 200, codes: { CAP_REACHED: 1000, STAFF_CAPACITY: 20, DISPLACED: 8 } }));
    expect(row.slice(0, 2)).toEqual(['L', 'cap-bound']);
    expect(row).toContain((12 / 1.5).toFixed(1) + '×');
    expect(row).toContain((15 / 1.5).toFixed(1) + '×');
    expect(row).toContain('900 / 800');
    expect(row).toContain(`1,000 (${((100 * 1000) / 3000).toFixed(1)}%)`);
    expect(row).toContain(`20 + 8 (${((100 * 28) / 2800).toFixed(1)}%)`);
    expect(row[row.length - 1]).toBe('valid');
  });

  it('says so when the CLI\'s plan is not planSync\'s', () => {
    const r = result('M', 'normal', { cli: { sec: 2 } });
    expect(regimeRowOf(r).at(-1)).toBe('valid');
    r.cli![0]!.visits = 499;
    expect(regimeRowOf(r).at(-1)).toContain('the CLI\'s plan differs');
  });
});

const drawCase = (tier: string, independent: number, coordinated: number, over: Partial<DrawCase> = {}): DrawCase => {
  const run = (visits: number, drawn = 2170) => ({ drawn, requests: drawn, visits, separateVisits: drawn, scheduled: drawn - 3, violations: 0, planMs: 1500 });
  const joint = { departments: ['SAMR', 'TAX', 'HRSS', 'ENV'], sample: 79, independent: run(283, 316), joint: { ...run(79, 79), requests: 316, scheduled: 313 }, saved: 204 };
  return { tasks: 12, independent: run(independent), coordinated: run(coordinated), saved: independent - coordinated, joint, tier, seed: 1, enterprises: 5000, drawSeed: 2026, planSeed: 1, timeLimitMs: 60_000, ...over };
};

describe('random draws (issue 11)', () => {
  it('met when coordinated draws of the same sizes need fewer visits on every scenario, both plans valid', () => {
    expect(drawTarget({ ok: true, figures: { cases: [drawCase('M', 1471, 572), drawCase('demo', 663, 238)] } }).status).toBe('met');
    expect(drawTarget({ ok: true, figures: { cases: [drawCase('M', 1471, 572), drawCase('demo', 663, 663)] } }).status).toBe('missed');
    const sizes = drawCase('M', 1471, 572);
    sizes.coordinated.drawn = 2169;
    expect(drawTarget({ ok: true, figures: { cases: [sizes] } }).status).toBe('missed');
    const invalid = drawCase('M', 1471, 572);
    invalid.coordinated.violations = 1;
    expect(drawTarget({ ok: true, figures: { cases: [invalid] } }).status).toBe('missed');
    expect(drawTarget(undefined).status).toBe('not measured');
    expect(drawTarget({ ok: false, message: 'killed\nstack' }).status).toBe('missed');
    // The joint draw must be measured, of the same sizes, valid, and save visits too.
    const { joint: _dropped, ...noJoint } = drawCase('M', 1471, 572);
    expect(drawTarget({ ok: true, figures: { cases: [noJoint] } }).status).toBe('missed');
    const jointNoGain = drawCase('M', 1471, 572);
    jointNoGain.joint = { ...jointNoGain.joint!, saved: 0 };
    expect(drawTarget({ ok: true, figures: { cases: [jointNoGain] } }).status).toBe('missed');
    const jointSizes = drawCase('M', 1471, 572);
    jointSizes.joint = { ...jointSizes.joint!, independent: { ...jointSizes.joint!.independent, drawn: 300, requests: 300 } };
    expect(drawTarget({ ok: true, figures: { cases: [jointSizes] } }).status).toBe('missed');
    const jointInvalid = drawCase('M', 1471, 572);
    jointInvalid.joint = { ...jointInvalid.joint!, joint: { ...jointInvalid.joint!.joint, violations: 2 } };
    expect(drawTarget({ ok: true, figures: { cases: [jointInvalid] } }).status).toBe('missed');
  });

  it('renders the comparison, its command and machine in place of the hand-written section', () => {
    const c = drawCase('M', 1471, 572);
    const md = performanceMd(report([], [], XEON, { draws: { ok: true, figures: { cases: [c] } } }), false, false);
    const section = md.slice(md.indexOf('## Random draws (issue 11)'));
    expect(section).toContain('npx tsx bench/draw.ts --tier M --seed 1');
    expect(section).toContain('with `npm run bench` on Intel(R) Xeon(R) Processor, 2 cores');
    expect(section).toContain('| M seed 1 (5,000 enterprises, 12 draws) | independent | 2,170 | 2,170 | 2,167 | 1,471 | 1.5 s |');
    expect(section).toContain(`**M: ${1471 - 572} visits saved (${((100 * (1471 - 572)) / 1471).toFixed(1)} % of 1,471), joint draw 204 saved (of 283)**`);
    expect(section).toContain('| M seed 1 (5,000 enterprises, 12 draws) | SAMR+TAX+HRSS+ENV alone, 79 each | 316 | 316 | 313 | 283 | 1.5 s |');
    expect(section).toContain('| M seed 1 (5,000 enterprises, 12 draws) | SAMR+TAX+HRSS+ENV joint (one sample) | 79 | 316 | 313 | 79 | 1.5 s |');
    expect(md).not.toContain('hand-written');
    expect(performanceMd(report([]), false, false)).toContain('Not run in this benchmark (`--features` without `draws`');
  });
});

describe('docs/performance.md', () => {
  const results = () => [result('M', 'normal', { wall: [1] }), result('L', 'normal', { wall: [4], cli: { sec: 7 } }), result('L', 'cap-bound', { wall: [40], cli: { sec: 45 } })];

  it('states the host the targets were judged on, and whether it is the issue\'s host class', () => {
    expect(performanceMd(report(results()), false, false)).toContain('**AMD EPYC, 2 cores, 24 GB, Node v20.20.2** — the slower host class issue 12 sets its targets for');
    expect(performanceMd(report(results(), [], XEON), false, false)).toContain('— **not** the host class issue 12 sets its targets for');
  });

  it('has the regime table and the per-regime targets as a table, a column a regime', () => {
    const md = performanceMd(report(results()), false, false);
    expect(md).toContain('## Regimes: time, memory and what binds');
    const table = md.slice(md.indexOf('### Issue 12, in every regime'));
    expect(table).toContain('| target | normal | ample | cap-bound | staff-bound |');
    const row = table.split('\n').find((l) => l.startsWith('| L: planSync at most 5 s |'))!;
    const cells = row.split(' | ');
    expect(cells[1]).toContain('**met** — 4.00 s');
    expect(cells[2]).toContain('**not measured**');
    expect(cells[3]).toContain('**missed** — 40.00 s');
  });

  it('says XL\'s slow regimes are opt-in when XL ran without them, and not otherwise', () => {
    const note = 'XL in cap-bound and staff-bound is opt-in';
    expect(performanceMd(report(results()), false, false)).toContain(note);
    expect(performanceMd(report(results(), ['--xl-regimes', 'all']), false, false)).not.toContain(note);
    expect(performanceMd(report(results(), ['--tiers', 'S,M,L']), false, false)).not.toContain(note);
  });

  it('names the commit the package was built from, and uncommitted changes in src/, when the results file has it', () => {
    const r = report(results());
    expect(performanceMd(r, false, false)).toContain('with `npm run bench`. Raw figures');
    r.build = { commit: 'abc1234', srcChanged: true };
    expect(performanceMd(r, false, false)).toContain('with `npm run bench`, the package built from commit abc1234 (with uncommitted changes in src/). Raw figures');
    r.build.srcChanged = false;
    expect(performanceMd(r, false, false)).toContain('built from commit abc1234. Raw figures');
  });

  it('says how long the run took and how loaded the host was, when the results file has it', () => {
    const r = report(results());
    expect(performanceMd(r, false, false)).not.toContain('The whole run took');
    r.elapsedSec = 1530;
    r.loadAverage = { start: [4.9, 6.04, 6.87], end: [0.76, 4.27, 5.69] };
    expect(performanceMd(r, false, false)).toContain(`The whole run took ${(1530 / 60).toFixed(1)} min; load average (1 / 5 / 15 min) 4.90 / 6.04 / 6.87 at its start and 0.76 / 4.27 / 5.69 at its end, on 2 cores.`);
  });

  it('still renders a results file from before regimes, with the new targets not measured', () => {
    const old = readReport('bench/results/2026-12-02.json');
    const md = performanceMd(old, false, false);
    expect(md).toContain('| L: CLI end to end (read, parse, plan, write) at most 8 s | **not measured**');
    expect(targets(old).find((t) => t.target === L_PLAN('cap-bound'))?.status).toBe('not measured');
  });
});
