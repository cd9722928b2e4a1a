/**
 * Issue 12's targets, judged per regime (normal, ample, cap-bound, staff-bound) on the host the
 * report was measured on: L planSync ≤ 5 s, CLI end to end ≤ 8 s, peak RSS ≤ 700 MB, the CLI at
 * most 6× the read + `JSON.parse` of the file (the aim); XL planSync ≤ 30 s and ≤ 1.5 GB; L at
 * most 11× M; and on ample staff visits within 0.5% of lowerBound. Plus what each regime was
 * generated to bind (reported). Memory is counted in MiB, as every RSS figure of the bench.
 */
import { REGIMES } from '../generator/regimes.js';
import { regimesFor, variantsOf, type Variant } from '../options.js';
import { summarizeCli, type BenchReport, type TierResult } from '../summary.js';
import { n0, n1, n2, statusOf, times } from './tables.js';
import type { Target } from './targets.js';

/** The figures of issue 12's targets. */
export const ISSUE12 = {
  lPlanSec: 5,
  lCliSec: 8,
  lRssMb: 700,
  /** The aim: L end to end at most this multiple of reading + `JSON.parse` of the same file. */
  lCliMultiple: 6,
  xlPlanSec: 30,
  xlRssMb: 1536,
  /** L's planSync time at most this multiple of M's, in every regime. */
  growth: 11,
  ampleGapPct: 0.5,
} as const;

type Judged = { ok: boolean; figure: string };

/** Every issue-12 target in a fixed order: per regime the L, XL and growth lines, then the ample gap and the regimes' shares. */
export function regimeTargets(report: BenchReport): Target[] {
  const o = report.options;
  const out: Target[] = [];
  const find = (tier: string, v: Variant) => report.results.find((r) => r.tier === tier && r.variant === v);
  /** One target of one tier and regime: not measured if that scenario was not run; missed if it failed. */
  const per = (tier: 'L' | 'XL', row: string, judge: (r: TierResult) => Judged | string) => {
    for (const v of REGIMES) {
      const r = find(tier, v);
      const target = `${tier} ${v}: ${row}`;
      if (!r) {
        const optIn = tier === 'XL' && o.tiers.includes('XL') && variantsOf(o).includes(v) && !regimesFor(o, 'XL').includes(v);
        out.push({ target, row: `${tier}: ${row}`, regime: v, status: 'not measured', figure: optIn ? `XL ${v} not run (opt-in: \`--xl-regimes all\`)` : `${tier} ${v} not run` });
        continue;
      }
      const j = r.summary ? judge(r) : statusOf(r).replace(/\*/g, '');
      if (typeof j === 'string') out.push({ target, row: `${tier}: ${row}`, regime: v, status: r.summary ? 'not measured' : 'missed', figure: j });
      else out.push({ target, row: `${tier}: ${row}`, regime: v, status: j.ok ? 'met' : 'missed', figure: j.figure });
    }
  };
  const planSync = (max: number) => (r: TierResult): Judged => {
    const s = r.summary!;
    return { ok: s.wallSec <= max, figure: `${n2(s.wallSec)} s${multipleOf(s.wallSec, s.readParseSec)}${runsNote(s.wallSecRuns)}` };
  };
  const rss = (max: number) => (r: TierResult): Judged => {
    const s = r.summary!;
    const c = summarizeCli(r);
    const worst = Math.max(s.peakRssMb, c?.peakRssMb ?? 0);
    // A CLI run that failed or did not finish leaves its memory unknown: not met.
    return { ok: worst <= max && !cliFailed(r), figure: `planSync ${n0(s.peakRssMb)} MB, CLI ${c ? `${n0(c.peakRssMb)} MB` : cliMissing(r)}` };
  };
  const cli = (test: (seconds: number, base: number | undefined) => Judged | string) => (r: TierResult): Judged | string => {
    const c = summarizeCli(r);
    if (c) return test(c.wallSec, r.summary!.readParseSec);
    return cliFailed(r) ? { ok: false, figure: `CLI ${cliMissing(r)}` } : `CLI ${cliMissing(r)}`;
  };

  per('L', `planSync at most ${ISSUE12.lPlanSec} s`, planSync(ISSUE12.lPlanSec));
  per('L', `CLI end to end (read, parse, plan, write) at most ${ISSUE12.lCliSec} s`, cli((sec, base) => ({ ok: sec <= ISSUE12.lCliSec, figure: `${n2(sec)} s${multipleOf(sec, base)}` })));
  per('L', `peak RSS at most ${ISSUE12.lRssMb} MB`, rss(ISSUE12.lRssMb));
  per('L', `CLI end to end at most ${ISSUE12.lCliMultiple}× reading + JSON.parse of the file (the aim; host-independent)`, cli((sec, base) => (base === undefined ? 'no read + JSON.parse time (an older results file)' : { ok: sec / base <= ISSUE12.lCliMultiple, figure: `${times(sec, base)} (${n2(sec)} s / ${n2(base)} s)` })));
  per('XL', `planSync at most ${ISSUE12.xlPlanSec} s`, planSync(ISSUE12.xlPlanSec));
  per('XL', 'peak RSS at most 1.5 GB (1,536 MiB)', rss(ISSUE12.xlRssMb));

  for (const v of REGIMES) {
    const target = `growth, ${v}: L at most ${ISSUE12.growth}× the planSync time of M`;
    const m = find('M', v);
    const l = find('L', v);
    const base = { target, row: `growth: L at most ${ISSUE12.growth}× the planSync time of M`, regime: v };
    if (!m || !l) out.push({ ...base, status: 'not measured', figure: `${!m ? 'M' : 'L'} ${v} not run` });
    else if (!m.summary || !l.summary) out.push({ ...base, status: 'missed', figure: `${!m.summary ? `M ${statusOf(m)}` : `L ${statusOf(l)}`}`.replace(/\*/g, '') });
    else {
      const ratio = l.summary.wallSec / m.summary.wallSec;
      const slope = Math.log(ratio) / Math.log(l.summary.occurrences / m.summary.occurrences);
      out.push({ ...base, status: ratio <= ISSUE12.growth ? 'met' : 'missed', figure: `${n1(ratio)}× (M ${n2(m.summary.wallSec)} s, L ${n2(l.summary.wallSec)} s; log–log slope ${n2(slope)})` });
    }
  }

  const ample = report.results.filter((r) => r.variant === 'ample');
  const gapTarget = `ample staff: visits within ${ISSUE12.ampleGapPct}% of lowerBound`;
  if (ample.length === 0) out.push({ target: gapTarget, status: 'not measured', figure: 'no ample tier run' });
  else {
    const judged = ample.map((r) => (r.summary ? { ok: r.summary.gapPct <= ISSUE12.ampleGapPct, f: `${r.tier} ${n2(r.summary.gapPct)}%` } : { ok: false, f: `${r.tier} ${statusOf(r).replace(/\*/g, '')}` }));
    out.push({ target: gapTarget, status: judged.every((j) => j.ok) ? 'met' : 'missed', figure: judged.map((j) => j.f).join('; ') });
  }

  // What the regimes were generated to bind (docs/scenario-generator.md): reported, so a planner change that moves them shows.
  const shares = (v: Variant, what: string, part: (r: TierResult) => string | undefined) => {
    const rows = report.results.filter((r) => r.variant === v && r.summary);
    const parts = rows.map((r) => part(r)).filter((x): x is string => x !== undefined);
    out.push({ target: `${v}: ${what}`, status: parts.length > 0 ? 'reported' : 'not measured', figure: parts.join('; ') || `no ${v} tier run` });
  };
  shares('cap-bound', 'occurrences ending CAP_REACHED (generated for 25–40%)', (r) => {
    const s = r.summary!;
    return s.capReached === undefined ? undefined : `${r.tier} ${n1((100 * s.capReached) / Math.max(1, s.occurrences))}% (${n0(s.capReached)})`;
  });
  shares('staff-bound', 'on-site occurrences ending STAFF_CAPACITY or DISPLACED (generated for 10–20%)', (r) => {
    const s = r.summary!;
    return s.staffCapacity === undefined || s.displaced === undefined || s.onsite === undefined ? undefined : `${r.tier} ${n1((100 * (s.staffCapacity + s.displaced)) / Math.max(1, s.onsite))}% (${n0(s.staffCapacity)} + ${n0(s.displaced)})`;
  });
  return out;
}

/** ", 3.1× read + JSON.parse" when the yardstick was measured. */
const multipleOf = (seconds: number, base: number | undefined) => (base === undefined ? '' : ` = ${times(seconds, base)} read + JSON.parse`);

/** The runs behind a median, when there were several. */
const runsNote = (runs: readonly number[]) => (runs.length > 1 ? ` (median of ${runs.map(n2).join(', ')})` : '');

const cliFailed = (r: TierResult) => (r.cli ?? []).some((x) => x.status !== 'ok');

/** Why a scenario has no CLI figure. */
function cliMissing(r: TierResult): string {
  const bad = r.cli?.find((x) => x.status !== 'ok');
  if (bad) return bad.status === 'did-not-finish' ? `did not finish (${bad.detail ?? ''})` : `failed: ${bad.detail?.split('\n')[0] ?? ''}`;
  return 'not run';
}
