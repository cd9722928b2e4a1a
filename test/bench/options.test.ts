/**
 * The options of `npm run bench`: the HiGHS comparison on M (`--mip-requests` takes a list of
 * cuts, and a results file written when there was one cut still reads as a list, its
 * comparisons tagged with their cut, so `--from-results` keeps working on old files); the
 * regimes XL is measured in (`--xl-regimes`, the slow ones opt-in), the CLI runs
 * (`--cli-runs`) and the planSync runs per tier and regime.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseArgs, regimesFor, runsFor, type Options } from '../../bench/options.js';
import { readReport } from '../../bench/summary.js';
import { exitOf } from '../support/exit.js';

describe('--mip-requests', () => {
  it('defaults to one M cut that HiGHS can solve in its minute', () => {
    expect(parseArgs([]).mipRequests).toEqual([1000]);
  });

  it('takes one cut or a list, ascending and without repeats', () => {
    expect(parseArgs(['--mip-requests', '500']).mipRequests).toEqual([500]);
    expect(parseArgs(['--mip-requests=3000,800,3000']).mipRequests).toEqual([800, 3000]);
  });
});

describe('readReport', () => {
  it('reads a file of one M cut as a list of one, each M comparison tagged with it', () => {
    const report = readReport('bench/results/2026-11-25.json');
    expect(report.options.mipRequests).toEqual([3000]);
    const m = report.comparisons.filter((c) => c.tier === 'M');
    expect(m.length).toBeGreaterThan(0);
    for (const c of m) expect(c.cut).toBe(3000);
    for (const c of report.comparisons.filter((x) => x.tier === 'S')) expect(c.cut).toBeUndefined();
  });
});


describe('--xl-regimes', () => {
  afterEach(() => vi.restoreAllMocks());

  it('measures XL in normal and ample by default, the other tiers in all four', () => {
    const o = parseArgs([]);
    expect(regimesFor(o, 'XL')).toEqual(['normal', 'ample']);
    for (const tier of ['S', 'M', 'L']) expect(regimesFor(o, tier)).toEqual(['normal', 'ample', 'cap-bound', 'staff-bound']);
  });

  it('by default keeps only the normal and ample of --regimes for XL', () => {
    expect(regimesFor(parseArgs(['--regimes', 'ample,cap-bound']), 'XL')).toEqual(['ample']);
    expect(regimesFor(parseArgs(['--regimes', 'staff-bound']), 'XL')).toEqual([]);
  });

  it('takes all (the regimes of --regimes), none, or a list in the regimes order', () => {
    expect(regimesFor(parseArgs(['--xl-regimes', 'all']), 'XL')).toEqual(['normal', 'ample', 'cap-bound', 'staff-bound']);
    expect(regimesFor(parseArgs(['--regimes', 'normal,cap-bound', '--xl-regimes=all']), 'XL')).toEqual(['normal', 'cap-bound']);
    expect(regimesFor(parseArgs(['--xl-regimes', 'none']), 'XL')).toEqual([]);
    expect(regimesFor(parseArgs(['--xl-regimes', 'staff-bound,normal']), 'XL')).toEqual(['normal', 'staff-bound']);
    expect(regimesFor(parseArgs(['--xl-regimes', 'staff-bound']), 'L')).toEqual(['normal', 'ample', 'cap-bound', 'staff-bound']);
  });

  it('reads a results file without xlRegimes as XL in the regimes of the others', () => {
    const old = { ...parseArgs(['--regimes', 'normal,ample']) } as Options;
    delete old.xlRegimes;
    expect(regimesFor(old, 'XL')).toEqual(['normal', 'ample']);
  });

  it.each([[['--xl-regimes', 'tight']], [['--xl-regimes', '']], [['--xl-regimes', 'all,normal']]])('rejects %j with the usage and exit code 2', (args) => {
    const out = exitOf(() => parseArgs(args));
    expect(out.code).toBe(2);
    expect(out.stderr.split('\n')[0]).toBe('--xl-regimes takes a list of normal, ample, cap-bound, staff-bound, all (those of --regimes) or none');
  });
});

describe('--cli-runs and the planSync runs', () => {
  afterEach(() => vi.restoreAllMocks());

  it('runs the CLI once per scenario by default, as often as asked, or not at all', () => {
    expect(parseArgs([]).cliRuns).toBe(1);
    expect(parseArgs(['--cli-runs', '3']).cliRuns).toBe(3);
    expect(parseArgs(['--cli-runs=0']).cliRuns).toBe(0);
    const out = exitOf(() => parseArgs(['--cli-runs', 'x']));
    expect(out.code).toBe(2);
    expect(out.stderr.split('\n')[0]).toBe('--cli-runs needs a non-negative integer');
  });

  it('runs planSync 3 times, once on XL and on L cap-bound and staff-bound; --runs overrides', () => {
    const o = parseArgs([]);
    expect(['normal', 'ample', 'cap-bound', 'staff-bound'].map((v) => runsFor(o, 'M', v as 'normal'))).toEqual([3, 3, 3, 3]);
    expect(['normal', 'ample', 'cap-bound', 'staff-bound'].map((v) => runsFor(o, 'L', v as 'normal'))).toEqual([3, 3, 1, 1]);
    expect(runsFor(o, 'XL', 'normal')).toBe(1);
    expect(runsFor(parseArgs(['--runs', '2']), 'L', 'cap-bound')).toBe(2);
    expect(runsFor(parseArgs(['--quick']), 'M', 'normal')).toBe(1);
  });
});
