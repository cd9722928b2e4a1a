/**
 * The tier table, as text for the console and as rows for docs/performance.md, with the number
 * formats and the markdown table the other report parts share.
 */
import type { TierResult } from '../summary.js';

export const n0 = (v: number) => Math.round(v).toLocaleString('en-US');
export const n1 = (v: number) => v.toFixed(1);
export const n2 = (v: number) => v.toFixed(2);

/** A tier's plan in a word: valid, or the first failure among its runs. */
export function statusOf(r: TierResult): string {
  const bad = r.runs.find((x) => x.status !== 'ok');
  if (!bad) return 'valid';
  if (bad.status === 'invalid-plan') return '**INVALID PLAN**';
  if (bad.status === 'did-not-finish') return `did not finish (${bad.detail})`;
  return bad.status.toUpperCase();
}

/** The tier table's columns; `rowOf` gives one row a tier and variant. */
export const HEAD = ['tier', 'staff', 'occurrences', 'runs', 'wall s (median)', 'peak RSS MB', 'occ/s', 'sched. priority %', 'visits', 'lowerBound', 'gap %', 'separate', 'saved', 'person-visits', 'rounds', 'stoppedEarly', 'plan'];

export function rowOf(r: TierResult): string[] {
  const s = r.summary;
  if (!s) {
    const f = r.runs.find((x) => x.figures)?.figures;
    return [r.tier, r.variant, f ? n0(f.metrics.occurrences) : '?', String(r.runs.length), f ? n2(f.wallMs / 1000) : '—', f ? n0(f.peakRssMb) : '—', ...Array(10).fill('—'), statusOf(r)];
  }
  return [
    r.tier,
    r.variant,
    n0(s.occurrences),
    String(r.runs.length),
    n2(s.wallSec),
    n0(s.peakRssMb),
    n0(s.occPerSec),
    n2(s.scheduledPct),
    n0(s.visits),
    n0(s.lowerBound),
    n2(s.gapPct),
    s.separateVisits !== undefined ? n0(s.separateVisits) : '—',
    s.visitsSaved !== undefined ? n0(s.visitsSaved) : '—',
    n0(s.personVisits),
    String(s.rounds ?? '—'),
    s.stoppedEarly ?? 'no',
    statusOf(r),
  ];
}

/** The tier table for the console: columns padded, no markdown bold. */
export function textTable(results: readonly TierResult[]): string {
  const rows = [HEAD, ...results.map(rowOf)].map((r) => r.map((c) => c.replace(/\*\*/g, '')));
  const widths = HEAD.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

/** A markdown table; columns in `left` are left-aligned, the others (figures) right-aligned. */
export function markdownTable(head: readonly string[], rows: readonly string[][], left: readonly number[] = [0, 1]): string {
  const align = head.map((_, i) => (left.includes(i) ? '---' : '---:')).join('|');
  return [`| ${head.join(' | ')} |`, `|${align}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
