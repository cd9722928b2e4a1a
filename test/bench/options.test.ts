/**
 * The bench's HiGHS comparison on M: `--mip-requests` takes a list of cuts, and a results file
 * written when there was one cut (a number) still reads as a list, its comparisons tagged
 * with their cut, so `npm run bench -- --from-results` keeps working on old files.
 */
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../bench/options.js';
import { readReport } from '../../bench/summary.js';

describe('--mip-requests', () => {
  it('defaults to a small M cut that HiGHS can solve and a larger one', () => {
    expect(parseArgs([]).mipRequests).toEqual([1000, 3000]);
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
