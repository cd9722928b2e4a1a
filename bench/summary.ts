/**
 * What the benchmark measured: a record per run, the summary of a tier's runs, the HiGHS
 * comparisons, and the report that bench/results/DATE.json holds.
 */
import { readFileSync } from 'node:fs';
import type { FeatureResults } from './features/types.js';
import type { Machine } from './machine.js';
import type { RunFigures, TracePoint } from './measure.js';
import type { MipOutcome } from './mip.js';
import type { Options, Variant } from './options.js';

/** One planner run in a child: its figures if it returned a plan, and what went wrong if anything did. */
export interface RunRecord {
  status: 'ok' | 'invalid-plan' | 'error' | 'did-not-finish' | 'crashed';
  figures?: RunFigures;
  detail?: string;
}

/** The runs of one scenario (a tier and a staff variant, or the M cut). */
export interface TierResult {
  tier: string;
  variant: Variant;
  /** Requests in the scenario (M-cut only differs from the generator's). */
  requests: number;
  runs: RunRecord[];
  summary?: Summary;
}

/** A scenario's figures over its runs: median times, the largest peak RSS, the plan's metrics. */
export interface Summary {
  occurrences: number;
  wallSec: number;
  wallSecRuns: number[];
  peakRssMb: number;
  occPerSec: number;
  scheduledPriority: number;
  onsitePriority: number;
  scheduledPct: number;
  visits: number;
  lowerBound: number;
  gapPct: number;
  separateVisits: number | undefined;
  visitsSaved: number | undefined;
  personVisits: number;
  unscheduled: number;
  rounds: number | undefined;
  stoppedEarly: string | undefined;
  parseSec: number;
  validateSec: number;
  /** Runs of one tier whose plans differ in objective (should never happen: same seed). */
  objectiveDiffers: boolean;
}

/** HiGHS and the planner on one scenario. */
export interface MipComparison {
  label: string;
  tier: 'S' | 'M';
  variant: Variant;
  /** For an M cut: the number of M's requests it keeps (`--mip-requests`). */
  cut?: number;
  requests: number;
  planner: Summary | undefined;
  plannerStatus: string;
  mip: MipOutcome | { ok: false; message: string };
}

/** Everything one benchmark run measured: what bench/results/DATE.json holds and the docs show. */
export interface BenchReport {
  date: string;
  command: string;
  machine: Machine;
  options: Options;
  results: TierResult[];
  comparisons: MipComparison[];
  /** The issue-10 measurements (absent in files before 2026-12-03, or with `--features none`). */
  features?: FeatureResults;
  /** When the features come from another run (`--from-results … --with-features FILE`): that run. */
  featuresRun?: { date: string; command: string; machine: Machine; options: Options; file?: string };
}

/** Reads a results file; the JSON writes Infinity as the string "Infinity". */
export function readReport(file: string): BenchReport {
  const report = JSON.parse(readFileSync(file, 'utf8'), (_k, v: unknown) => (v === 'Infinity' ? Infinity : v)) as BenchReport;
  // Files before 2026-12-02 held one M cut: a number, and comparisons without `cut`.
  const cuts = report.options.mipRequests as number[] | number;
  if (typeof cuts === 'number') {
    report.options.mipRequests = [cuts];
    for (const c of report.comparisons) if (c.tier === 'M') c.cut ??= cuts;
  }
  return report;
}

/** The results file's text. */
export function reportJson(report: BenchReport): string {
  return `${JSON.stringify(report, (_k, v: unknown) => (v === Infinity ? 'Infinity' : v), 1)}\n`;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The figures of a tier, if every run gave a valid plan. */
export function summarize(runs: readonly RunRecord[]): Summary | undefined {
  const good = runs.filter((r) => r.status === 'ok').map((r) => r.figures!);
  if (good.length === 0 || good.length !== runs.length) return undefined;
  const f = good[0]!;
  const m = f.metrics;
  const wall = good.map((g) => g.wallMs / 1000);
  const wallSec = median(wall);
  return {
    occurrences: m.occurrences,
    wallSec,
    wallSecRuns: wall,
    peakRssMb: Math.max(...good.map((g) => g.peakRssMb)),
    occPerSec: m.occurrences / wallSec,
    scheduledPriority: f.scheduledPriority,
    onsitePriority: f.onsitePriority,
    scheduledPct: (100 * f.scheduledPriority) / Math.max(1, f.onsitePriority),
    visits: m.visits,
    lowerBound: m.lowerBound,
    gapPct: m.lowerBound > 0 ? (100 * (m.visits - m.lowerBound)) / m.lowerBound : 0,
    separateVisits: m.separateVisits,
    visitsSaved: m.visitsSaved,
    personVisits: m.personVisits,
    unscheduled: m.unscheduled,
    rounds: f.meta.rounds as number | undefined,
    stoppedEarly: f.meta.stoppedEarly as string | undefined,
    parseSec: median(good.map((g) => g.parseMs / 1000)),
    validateSec: median(good.map((g) => g.validateMs / 1000)),
    objectiveDiffers: good.some((g) => g.scheduledPriority !== f.scheduledPriority || g.metrics.visits !== m.visits),
  };
}

/** The trace without reports that repeat the previous one (same phase, same objective): the same step curve. */
export function thinTrace(trace: readonly TracePoint[]): TracePoint[] {
  return trace.filter((p, i) => {
    const q = trace[i - 1];
    const same = q && q.phase === p.phase && q.scheduledPriority === p.scheduledPriority && q.visits === p.visits && q.personVisits === p.personVisits;
    return !same || i === trace.length - 1;
  });
}
