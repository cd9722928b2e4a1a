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

/** One `joint-inspection plan` run end to end, in a fresh process (bench/jobs.ts `measureCli`). */
export interface CliRecord {
  status: 'ok' | 'error' | 'did-not-finish';
  /** From the spawn to the exit: start-up, reading, parsing, planning and writing the plan. */
  wallMs?: number;
  peakRssMb?: number;
  /** The written plan's metrics, to compare with planSync's (same seed, same time limit). */
  visits?: number;
  scheduled?: number;
  detail?: string;
}

/** The runs of one scenario (a tier and a regime, or the M cut). */
export interface TierResult {
  tier: string;
  variant: Variant;
  /** Requests in the scenario (M-cut only differs from the generator's). */
  requests: number;
  runs: RunRecord[];
  summary?: Summary;
  /** The CLI end to end (`--cli-runs`, after the planSync runs); absent in older files and on the M cuts. */
  cli?: CliRecord[];
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
  /** Reading the file and `JSON.parse` of its text, first in each run's process (median); absent in files before 2026-12-04. */
  readParseSec?: number;
  validateSec: number;
  /** Scheduled occurrences (`metrics.scheduled`). */
  scheduled?: number;
  /** On-site occurrences (not `offsite`), and unscheduled ones by their first reason code (absent in files before 2026-12-04). */
  onsite?: number;
  capReached?: number;
  staffCapacity?: number;
  displaced?: number;
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
  /** The commit the measured package was built from, and whether src/ had uncommitted changes then (absent in files before 2026-12-04). */
  build?: { commit: string; srcChanged: boolean };
  /** How long the whole run took, and the host's load averages (1, 5, 15 min) at its start and end: how shared the machine was. Absent in files before 2026-12-04. */
  elapsedSec?: number;
  loadAverage?: { start: number[]; end: number[] };
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
    ...(good.every((g) => g.readParseMs !== undefined) ? { readParseSec: median(good.map((g) => g.readParseMs! / 1000)) } : {}),
    validateSec: median(good.map((g) => g.validateMs / 1000)),
    ...(f.unscheduledByCode
      ? { scheduled: m.scheduled, onsite: m.occurrences - m.offsite, capReached: f.unscheduledByCode.CAP_REACHED ?? 0, staffCapacity: f.unscheduledByCode.STAFF_CAPACITY ?? 0, displaced: f.unscheduledByCode.DISPLACED ?? 0 }
      : {}),
    objectiveDiffers: good.some((g) => g.scheduledPriority !== f.scheduledPriority || g.metrics.visits !== m.visits),
  };
}

/** The CLI's figures over its runs: the median wall time and the largest peak RSS, if every run ended well. */
export interface CliSummary {
  wallSec: number;
  wallSecRuns: number[];
  peakRssMb: number;
  /** The written plans have the visits and scheduled count of the planSync runs (false: a different plan). */
  samePlan: boolean;
}

export function summarizeCli(r: TierResult): CliSummary | undefined {
  const runs = r.cli ?? [];
  if (runs.length === 0 || runs.some((x) => x.status !== 'ok')) return undefined;
  const wall = runs.map((x) => x.wallMs! / 1000);
  const s = r.summary;
  return {
    wallSec: median(wall),
    wallSecRuns: wall,
    peakRssMb: Math.max(...runs.map((x) => x.peakRssMb!)),
    samePlan: s !== undefined && runs.every((x) => x.visits === s.visits && x.scheduled === s.scheduled),
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
