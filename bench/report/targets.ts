/**
 * The performance targets, each judged met, missed, reported or not measured from a report:
 * issue 12's per regime (bench/report/regime-targets.ts) first, then the earlier ones (on
 * normal and ample staff, the regimes they were set for), HiGHS, and the features.
 */
import { REGIMES } from '../generator/regimes.js';
import { variantsOf, type Variant } from '../options.js';
import type { BenchReport, TierResult } from '../summary.js';
import { featureTargets } from './feature-targets.js';
import { mipFigure } from './mip-table.js';
import { regimeTargets } from './regime-targets.js';
import { n0, n1, n2, statusOf } from './tables.js';

/** One target: what it asks, the verdict, and the figures behind it. */
export interface Target {
  target: string;
  status: 'met' | 'missed' | 'not measured' | 'reported';
  figure: string;
  /** Issue 12's targets hold for each regime: the regime, and the target's text without it (a row of the docs' table). */
  regime?: Variant;
  row?: string;
}

/** The regimes the earlier targets (before issue 12) were set for. */
const EARLIER_REGIMES: readonly Variant[] = ['normal', 'ample'];

/** Every target, in a fixed order; a target whose tier or comparison was not run says so. */
export function targets(report: BenchReport): Target[] {
  const find = (tier: string, variant: Variant) => report.results.find((r) => r.tier === tier && r.variant === variant);
  const variants = variantsOf(report.options).filter((v) => EARLIER_REGIMES.includes(v));
  const out: Target[] = [...regimeTargets(report)];
  const each = (tier: string, test: (r: TierResult) => { ok: boolean; figure: string } | undefined) => {
    const parts = variants.map((v) => ({ v, r: find(tier, v) })).filter((x) => x.r !== undefined);
    if (parts.length === 0) return { status: 'not measured' as const, figure: `${tier} not run` };
    const judged = parts.map(({ v, r }) => ({ v, j: test(r!) ?? { ok: false, figure: statusOf(r!).replace(/\*/g, '') } }));
    return { status: judged.every((x) => x.j.ok) ? ('met' as const) : ('missed' as const), figure: judged.map((x) => `${x.v}: ${x.j.figure}`).join('; ') };
  };
  out.push({ target: 'L: a valid plan in at most 10 s wall', ...each('L', (r) => (r.summary ? { ok: r.summary.wallSec <= 10, figure: `${n1(r.summary.wallSec)} s` } : undefined)) });
  out.push({ target: 'L: peak memory at most 1.5 GB (1,536 MiB)', ...each('L', (r) => (r.summary ? { ok: r.summary.peakRssMb <= 1536, figure: `${n0(r.summary.peakRssMb)} MiB` } : undefined)) });
  out.push({ target: 'XL: at most 60 s wall', ...each('XL', (r) => (r.summary ? { ok: r.summary.wallSec <= 60, figure: `${n1(r.summary.wallSec)} s` } : undefined)) });
  const ratio = variants
    .map((v) => ({ v, m: find('M', v)?.summary, l: find('L', v)?.summary }))
    .filter((x) => find('M', x.v) && find('L', x.v));
  if (ratio.length === 0) out.push({ target: 'near-linear growth: L at most 12× the time of M (10× the occurrences)', status: 'not measured', figure: 'M and L not both run' });
  else {
    const judged = ratio.map((x) => (x.m && x.l ? { v: x.v, ok: x.l.wallSec <= 12 * x.m.wallSec, f: `${n1(x.l.wallSec / x.m.wallSec)}× (M ${n1(x.m.wallSec)} s, L ${n1(x.l.wallSec)} s; log–log slope ${n2(Math.log(x.l.wallSec / x.m.wallSec) / Math.log(x.l.occurrences / x.m.occurrences))})` } : { v: x.v, ok: false, f: 'L or M did not give a valid plan' }));
    out.push({ target: 'near-linear growth: L at most 12× the time of M (10× the occurrences)', status: judged.every((j) => j.ok) ? 'met' : 'missed', figure: judged.map((j) => `${j.v}: ${j.f}`).join('; ') });
  }
  const ample = report.results.filter((r) => r.variant === 'ample');
  if (ample.length === 0) out.push({ target: 'ample staff: visits within 2% of lowerBound', status: 'not measured', figure: 'no ample tier run' });
  else {
    const judged = ample.map((r) => (r.summary ? { ok: r.summary.gapPct <= 2, f: `${r.tier} ${n2(r.summary.gapPct)}%` } : { ok: false, f: `${r.tier} ${statusOf(r).replace(/\*/g, '')}` }));
    out.push({ target: 'ample staff: visits within 2% of lowerBound', status: judged.every((j) => j.ok) ? 'met' : 'missed', figure: judged.map((j) => j.f).join('; ') });
  }
  const provenAmple = report.comparisons.filter((c) => c.variant === 'ample' && mipFigure(c).proven);
  if (provenAmple.length === 0) out.push({ target: 'ample staff: 0% from the MIP optimum where HiGHS proves one', status: 'not measured', figure: 'no proven MIP optimum on an ample scenario' });
  else {
    const judged = provenAmple.map((c) => {
      const m = mipFigure(c);
      const p = c.planner;
      return p ? { ok: p.scheduledPriority === m.priority && p.visits === m.visits, f: `${c.label}: planner ${p.scheduledPriority} / ${p.visits}, MIP ${m.priority} / ${m.visits}` } : { ok: false, f: `${c.label}: planner ${c.plannerStatus}` };
    });
    out.push({ target: 'ample staff: 0% from the MIP optimum where HiGHS proves one', status: judged.every((j) => j.ok) ? 'met' : 'missed', figure: judged.map((j) => j.f).join('; ') });
  }
  // Where staff or caps bind, lowerBound (which ignores both) is loose: the gap is reported, not judged.
  for (const v of REGIMES.filter((x) => x !== 'ample' && variantsOf(report.options).includes(x))) {
    const tight = report.results.filter((r) => r.variant === v && r.summary);
    const name = v === 'normal' ? 'tight (normal) staff' : v;
    out.push({ target: `${name}: gap to lowerBound`, status: tight.length > 0 ? 'reported' : 'not measured', figure: tight.map((r) => `${r.tier} ${n2(r.summary!.gapPct)}% (${n0(r.summary!.visits - r.summary!.lowerBound)} visits over the bound)`).join('; ') || '—' });
  }
  // Set for normal and ample staff; in the other regimes the MIP's pooled staff makes it a relaxation, so they are reported below.
  const s = report.comparisons.filter((c) => c.tier === 'S' && EARLIER_REGIMES.includes(c.variant));
  if (s.length === 0) {
    out.push({ target: 'HiGHS on S: the same optimum', status: 'not measured', figure: 'no S comparison run' });
    out.push({ target: 'HiGHS on S: planner at least 10× faster', status: 'not measured', figure: 'no S comparison run' });
  } else {
    const same = s.map((c) => {
      const m = mipFigure(c);
      const p = c.planner;
      if (!p) return { ok: false, f: `${c.label}: planner ${c.plannerStatus}` };
      if (!m.proven) {
        // Stopped by its limit, HiGHS's bound still proves an optimum that a planner reaching it (priority and visits) has.
        const b = c.mip.ok ? c.mip.result.proves : undefined;
        if (b && b.visits !== undefined && p.scheduledPriority === b.priority && p.visits === b.visits) return { ok: true, f: `${c.label}: planner ${p.scheduledPriority} / ${p.visits}, at HiGHS's bound (priority ≤ ${b.priority}, visits ≥ ${b.visits}): optimal, though HiGHS ${m.text.split(';')[0]}` };
        return { ok: false, f: `${c.label}: HiGHS ${m.text}` };
      }
      return { ok: p.scheduledPriority === m.priority && p.visits === m.visits, f: `${c.label}: planner ${p.scheduledPriority} / ${p.visits}, MIP ${m.priority} / ${m.visits}` };
    });
    out.push({ target: 'HiGHS on S: the same optimum (scheduled priority / visits)', status: same.every((j) => j.ok) ? 'met' : 'missed', figure: same.map((j) => j.f).join('; ') });
    const fast = s.map((c) => {
      const p = c.planner;
      if (!p || !c.mip.ok) return { ok: false, f: `${c.label}: not comparable` };
      const solveOnly = c.mip.result.solveMs / 1000;
      return { ok: solveOnly >= 10 * p.wallSec, f: `${c.label}: ${n0(solveOnly / p.wallSec)}× (planner ${n2(p.wallSec)} s; HiGHS solve alone ${n1(solveOnly)} s)` };
    });
    out.push({ target: 'HiGHS on S: planner at least 10× faster (against HiGHS solve time alone)', status: fast.every((j) => j.ok) ? 'met' : 'missed', figure: fast.map((j) => j.f).join('; ') });
  }
  const bound = report.comparisons.filter((c) => c.tier === 'S' && !EARLIER_REGIMES.includes(c.variant));
  if (bound.length > 0) {
    const figure = bound.map((c) => `${c.label}: planner ${c.planner ? `${c.planner.scheduledPriority} / ${c.planner.visits} in ${n2(c.planner.wallSec)} s` : c.plannerStatus}; HiGHS ${mipFigure(c).text}`);
    out.push({ target: 'HiGHS on S, cap-bound and staff-bound: what each reached (where staff binds the MIP pools officers, so its optimum is an upper bound, not a plan)', status: 'reported', figure: figure.join('; ') });
  }
  const m = report.comparisons.filter((c) => c.tier === 'M');
  if (m.length === 0) out.push({ target: 'HiGHS on M cuts: what it reached', status: 'not measured', figure: 'no M comparison run' });
  for (const cut of report.options.mipRequests) {
    const these = m.filter((c) => c.cut === cut);
    if (these.length === 0) continue;
    const figure = these.map((c) => {
      const f = mipFigure(c);
      const p = c.planner;
      // HiGHS's bound caps every valid plan (the MIP is exact or a relaxation): a planner at it has the best priority there is.
      const bound = c.mip.ok && !f.proven ? c.mip.result.proves : undefined;
      const atBound = p && bound && p.scheduledPriority === bound.priority ? ', at the bound: no plan schedules more priority' : '';
      const planner = p ? `; planner ${p.scheduledPriority} / ${p.visits} in ${n2(p.wallSec)} s${f.proven && f.seconds !== undefined ? `, ${n0(f.seconds / p.wallSec)}× faster${p.scheduledPriority === f.priority && p.visits === f.visits ? ', the same optimum' : ''}` : atBound}` : `; planner ${c.plannerStatus}`;
      return `${c.label}: ${f.text}${planner}`;
    });
    out.push({ target: `HiGHS on M cut to ${cut} requests: what it reached in ${report.options.mipTimeLimitSec} s`, status: 'reported', figure: figure.join('; ') });
  }
  out.push(...featureTargets(report.features));
  return out;
}
