/**
 * The HiGHS-on-M targets of `npm run bench` (bench/report/targets.ts): one line per M cut,
 * and what a line claims about the planner — "the same optimum" only where HiGHS proved one
 * and the planner has it, "at the bound" only where HiGHS stopped with a bound the planner's
 * priority reaches. Built on the recorded results of 2026-12-02, edited per case.
 */
import { describe, expect, it } from 'vitest';
import { targets } from '../../bench/report/targets.js';
import { readReport, type BenchReport, type MipComparison } from '../../bench/summary.js';

const recorded = () => readReport('bench/results/2026-12-02.json');

const cutLine = (report: BenchReport, cut: number) => targets(report).find((t) => t.target.startsWith(`HiGHS on M cut to ${cut} requests`));

/** The comparison of one cut and variant, to edit in place. */
function comparison(report: BenchReport, cut: number, variant: 'normal' | 'ample'): MipComparison {
  const c = report.comparisons.find((x) => x.tier === 'M' && x.cut === cut && x.variant === variant);
  if (!c || !c.mip.ok || !c.planner) throw new Error(`no finished comparison for M cut ${cut} ${variant}`);
  return c;
}

/** The part of a target's figure about one comparison. */
const about = (figure: string, label: string) => figure.split('; M-cut').map((s, i) => (i === 0 ? s : `M-cut${s}`)).find((s) => s.startsWith(label)) ?? '';

describe('HiGHS on M cuts', () => {
  it('has one reported line per cut, in ascending order', () => {
    const report = recorded();
    const lines = targets(report).filter((t) => t.target.startsWith('HiGHS on M cut'));
    expect(lines.map((t) => t.target)).toEqual(report.options.mipRequests.map((n) => `HiGHS on M cut to ${n} requests: what it reached in ${report.options.mipTimeLimitSec} s`));
    for (const t of lines) expect(t.status).toBe('reported');
  });

  it('says "the same optimum" only when the planner has HiGHS\'s proven optimum', () => {
    const report = recorded();
    const c = comparison(report, 1000, 'normal');
    if (!c.mip.ok || !c.mip.result.incumbent) throw new Error('expected a proven optimum');
    c.mip.result.proven = true;
    c.planner!.scheduledPriority = c.mip.result.incumbent.priority;
    c.planner!.visits = c.mip.result.incumbent.visits;
    expect(about(cutLine(report, 1000)!.figure, c.label)).toContain('the same optimum');
    c.planner!.visits = c.mip.result.incumbent.visits + 1;
    expect(about(cutLine(report, 1000)!.figure, c.label)).not.toContain('the same optimum');
  });

  it('says "at the bound" only when HiGHS stopped with a bound that the planner\'s priority reaches', () => {
    const report = recorded();
    const c = comparison(report, 1000, 'ample');
    if (!c.mip.ok) throw new Error('expected HiGHS to have answered');
    c.mip.result.proven = false;
    c.mip.result.proves = { priority: 2040 };
    c.planner!.scheduledPriority = 2040;
    expect(about(cutLine(report, 1000)!.figure, c.label)).toContain('at the bound');
    c.planner!.scheduledPriority = 2039;
    expect(about(cutLine(report, 1000)!.figure, c.label)).not.toContain('at the bound');
    // A proven optimum is reported as such, never as a bound.
    c.mip.result.proven = true;
    c.planner!.scheduledPriority = 2040;
    expect(about(cutLine(report, 1000)!.figure, c.label)).not.toContain('at the bound');
  });
});

describe('HiGHS on S', () => {
  const same = (report: BenchReport) => targets(report).find((t) => t.target.startsWith('HiGHS on S: the same optimum'))!;
  const sAmple = (report: BenchReport) => {
    const c = report.comparisons.find((x) => x.tier === 'S' && x.variant === 'ample');
    if (!c || !c.mip.ok || !c.planner) throw new Error('no finished S ample comparison');
    return c;
  };

  it('counts a planner at the bound of a HiGHS stopped by its limit (priority and visits) as the same optimum', () => {
    const report = recorded();
    const c = sAmple(report);
    if (!c.mip.ok) throw new Error('expected HiGHS to have answered');
    c.mip.result.proven = false;
    c.mip.result.proves = { priority: c.planner!.scheduledPriority, visits: c.planner!.visits };
    expect(same(report).status).toBe('met');
    expect(same(report).figure).toContain("at HiGHS's bound");
    c.mip.result.proves = { priority: c.planner!.scheduledPriority, visits: c.planner!.visits - 1 };
    expect(same(report).status).toBe('missed');
    c.mip.result.proves = { priority: c.planner!.scheduledPriority };
    expect(same(report).status).toBe('missed');
    c.mip.result.proves = { priority: c.planner!.scheduledPriority + 1, visits: c.planner!.visits };
    expect(same(report).status).toBe('missed');
  });

  it('judges normal and ample only; where staff binds the MIP is a relaxation, and is reported', () => {
    const report = recorded();
    expect(same(report).status).toBe('met');
    const normal = report.comparisons.find((x) => x.tier === 'S' && x.variant === 'normal')!;
    const staff: MipComparison = { ...structuredClone(normal), label: 'S staff-bound', variant: 'staff-bound' };
    staff.planner!.scheduledPriority -= 30;
    report.comparisons.push(staff);
    expect(same(report).status).toBe('met');
    const line = targets(report).find((t) => t.target.startsWith('HiGHS on S, cap-bound and staff-bound'));
    expect(line?.status).toBe('reported');
    expect(line?.figure).toContain(`S staff-bound: planner ${staff.planner!.scheduledPriority} / ${staff.planner!.visits}`);
  });
});
