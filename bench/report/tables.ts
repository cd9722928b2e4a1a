/**
 * The tier tables, as text for the console and as rows for docs/performance.md — the plan's
 * figures, and per regime the times, memory and what binds (issue 12) — with the number formats
 * and the markdown table the other report parts share.
 */
import { TIER_ORDER, type BenchTier } from '../options.js';
import { summarizeCli, type TierResult } from '../summary.js';

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

/** The tier table's columns; `rowOf` gives one row a tier and regime. */
export const HEAD = ['tier', 'regime', 'occurrences', 'runs', 'wall s (median)', 'peak RSS MB', 'occ/s', 'sched. priority %', 'visits', 'lowerBound', 'gap %', 'separate', 'saved', 'person-visits', 'rounds', 'stoppedEarly', 'plan'];

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

/** `seconds` as a multiple of the read + `JSON.parse` time of the same file (the host's yardstick), or — without it. */
export const times = (seconds: number, readParseSec: number | undefined) => (readParseSec !== undefined && readParseSec > 0 ? `${n1(seconds / readParseSec)}×` : '—');

/** A count and its share of `of`, e.g. `6,959 (31.6%)`. */
const share = (n: number, of: number) => `${n0(n)} (${of > 0 ? n1((100 * n) / of) : '0.0'}%)`;

/** The regime table's columns (issue 12); `regimeRowOf` gives one row a tier and regime. */
export const REGIME_HEAD = ['tier', 'regime', 'occurrences', 'on-site', 'read + JSON.parse ms', 'planSync s', 'planSync ×', 'CLI s', 'CLI ×', 'peak RSS MB: planSync / CLI', 'CAP_REACHED (of all)', 'STAFF_CAPACITY + DISPLACED (of on-site)', 'plan'];

/** The rows of the regime table: the generated tiers (not the M cuts). */
export const regimeRows = (results: readonly TierResult[]): TierResult[] => results.filter((r) => TIER_ORDER.includes(r.tier as BenchTier));

export function regimeRowOf(r: TierResult): string[] {
  const s = r.summary;
  const c = summarizeCli(r);
  const bad = r.cli?.find((x) => x.status !== 'ok');
  const cliStatus = bad ? (bad.status === 'did-not-finish' ? 'did not finish' : bad.status.toUpperCase()) : '—';
  const base = s?.readParseSec;
  const status = `${statusOf(r)}${c && !c.samePlan ? '; the CLI\'s plan differs' : ''}`;
  if (!s) return [r.tier, r.variant, '?', '—', '—', '—', '—', c ? n2(c.wallSec) : cliStatus, '—', `— / ${c ? n0(c.peakRssMb) : '—'}`, '—', '—', status];
  const bound = s.capReached !== undefined && s.onsite !== undefined;
  return [
    r.tier,
    r.variant,
    n0(s.occurrences),
    s.onsite !== undefined ? n0(s.onsite) : '—',
    base !== undefined ? (base < 0.1 ? n1(base * 1000) : n0(base * 1000)) : '—',
    n2(s.wallSec),
    times(s.wallSec, base),
    c ? n2(c.wallSec) : cliStatus,
    c ? times(c.wallSec, base) : '—',
    `${n0(s.peakRssMb)} / ${c ? n0(c.peakRssMb) : '—'}`,
    bound ? share(s.capReached!, s.occurrences) : '—',
    bound ? `${n0(s.staffCapacity!)} + ${n0(s.displaced!)} (${s.onsite! > 0 ? n1((100 * (s.staffCapacity! + s.displaced!)) / s.onsite!) : '0.0'}%)` : '—',
    status,
  ];
}

/** A table for the console: columns padded (the first two to the left), no markdown bold. */
export function textTable(results: readonly TierResult[], head: readonly string[] = HEAD, row: (r: TierResult) => string[] = rowOf): string {
  const rows = [head, ...results.map(row)].map((r) => r.map((c) => c.replace(/\*\*/g, '')));
  const widths = head.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

/** A markdown table; columns in `left` are left-aligned, the others (figures) right-aligned. */
export function markdownTable(head: readonly string[], rows: readonly string[][], left: readonly number[] = [0, 1]): string {
  const align = head.map((_, i) => (left.includes(i) ? '---' : '---:')).join('|');
  return [`| ${head.join(' | ')} |`, `|${align}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
