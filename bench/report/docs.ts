/** Writes docs/performance.md and its two charts (time against size, the anytime curve on L). */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunFigures, TracePoint } from '../measure.js';
import { TIER_ORDER, variantsOf, type BenchTier, type Variant } from '../options.js';
import type { BenchReport } from '../summary.js';
import { anytimeChart, logLogChart, type Series } from '../svg.js';
import { performanceMd } from './performance-md.js';
import { n1, n2, statusOf } from './tables.js';

const COLORS: Record<Variant, string> = { normal: '#1f5fa8', ample: '#d2691e', 'cap-bound': '#6a3d9a', 'staff-bound': '#2e8b57' };

/** Writes performance.md and the charts there is data for into `docs`; returns the files written. */
export function writeDocs(report: BenchReport, docs: string): string[] {
  mkdirSync(docs, { recursive: true });
  const md = path.join(docs, 'performance.md');
  const written = [md];
  const measured = report.results.filter((r) => TIER_ORDER.includes(r.tier as BenchTier));
  const series: Series[] = variantsOf(report.options).map((v) => ({
    name: seriesName(v),
    color: COLORS[v],
    dashed: v === 'ample',
    points: measured
      .filter((r) => r.variant === v)
      .map((r) => {
        const f = r.runs.find((x) => x.figures)?.figures;
        const occ = r.summary?.occurrences ?? f?.metrics.occurrences ?? 0;
        if (r.summary) return { x: occ, y: r.summary.wallSec, label: `${r.tier} ${r.summary.wallSec < 10 ? n2(r.summary.wallSec) : n1(r.summary.wallSec)} s` };
        if (r.runs[0]?.status === 'did-not-finish') return { x: expectedOccurrences(r.tier), y: report.options.timeoutMin * 60, label: `${r.tier} > ${report.options.timeoutMin} min`, open: true };
        return { x: occ, y: f ? f.wallMs / 1000 : 0, label: `${r.tier} ${statusOf(r).replace(/\*/g, '')}`, open: true };
      }),
  }));
  const m = measured.find((r) => r.tier === 'M' && r.summary);
  const hasChart = series.some((s) => s.points.some((p) => p.x > 0 && p.y > 0));
  if (hasChart) {
    const file = path.join(docs, 'bench-time-vs-size.svg');
    writeFileSync(
      file,
      logLogChart({
        title: 'Planner wall time against scenario size (log–log)',
        xLabel: 'occurrences',
        yLabel: 'wall seconds (median)',
        series,
        ...(m?.summary ? { guideThrough: { x: m.summary.occurrences, y: m.summary.wallSec } } : {}),
      }),
    );
    written.push(file);
  }
  const anytime = variantsOf(report.options)
    .map((v) => ({ v, f: measured.find((r) => r.tier === 'L' && r.variant === v)?.runs.find((x) => x.figures)?.figures }))
    .filter((x): x is { v: Variant; f: RunFigures } => x.f !== undefined);
  if (anytime.length > 0) {
    const pts = (f: RunFigures, key: 'scheduledPriority' | 'visits') =>
      f.trace.filter((p): p is TracePoint & Required<Pick<TracePoint, typeof key>> => p[key] !== undefined).map((p) => ({ x: p.t, y: p[key] }));
    const file = path.join(docs, 'bench-anytime-L.svg');
    writeFileSync(
      file,
      anytimeChart({
        title: 'Tier L: best plan so far against elapsed time (from onProgress)',
        xLabel: 'elapsed seconds',
        panels: [
          { yLabel: 'scheduled priority', series: anytime.map(({ v, f }) => ({ name: seriesName(v), color: COLORS[v], dashed: v === 'ample', points: pts(f, 'scheduledPriority') })) },
          { yLabel: 'visits', series: anytime.map(({ v, f }) => ({ name: seriesName(v), color: COLORS[v], dashed: v === 'ample', points: pts(f, 'visits') })) },
        ],
      }),
    );
    written.push(file);
  }
  writeFileSync(md, performanceMd(report, hasChart, anytime.length > 0));
  return written;
}

/** A regime as the charts' legends name it. */
const seriesName = (v: Variant) => (v === 'normal' || v === 'ample' ? `${v} staff` : v);

/** About how many occurrences a tier has: where a run that did not finish, and so counted none, is plotted. */
function expectedOccurrences(tier: string): number {
  return { S: 500, M: 15_000, L: 150_000, XL: 500_000 }[tier] ?? 0;
}
