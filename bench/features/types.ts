/**
 * The feature measurements of `npm run bench` (`--features`): replan on L against a full plan,
 * `recommend` p50/p95 on L, `explain` p50/p95 on M (issue 10), and the visits coordinated random
 * draws save on M (issue 11). Their figures, as the results file keeps them.
 */
import type { DrawComparison } from '../draw-compare.js';

export const FEATURES = ['replan', 'recommend', 'explain', 'draws'] as const;
export type Feature = (typeof FEATURES)[number];

/** The tier each feature is measured on (the issue's). */
export const FEATURE_TIER: Record<Feature, 'L' | 'M'> = { replan: 'L', recommend: 'L', explain: 'M', draws: 'M' };

/** Per-call times of a set of calls (ms). */
export interface Percentiles {
  calls: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export interface ReplanFigures {
  tier: string;
  /** The officer on the most visits, ill from `illFrom` (= `today`) to the end of the horizon. */
  illOfficer: string;
  illOfficerVisits: number;
  illFrom: string;
  visits: number;
  /** His visits on or after `illFrom` (the ones the change touches). */
  hisVisits: number;
  /** Visits he was not on: how many, and how many the replan kept exactly (id, date, enterprise, times, occurrences, team). */
  others: number;
  othersKept: number;
  /** Each round: a full plan and a replan, each in a fresh process, one after the other. */
  planMs: number[];
  replanMs: number[];
  /** CPU time of the same calls (user + system, all threads): less moved by other work on a shared machine. Absent in older files. */
  planCpuMs?: number[];
  replanCpuMs?: number[];
  planPhasesMs: Record<string, number>;
  replanPhasesMs: Record<string, number>;
  counts: Record<string, number>;
  scheduledBefore: number;
  scheduledAfter: number;
  /** Violations `validatePlan` finds in the replanned plan, and the conflicts the diff declares (fixed visits the change broke). */
  violations: number;
  conflicts: number;
}

export interface RecommendFigures {
  tier: string;
  visits: number;
  /** The first call: it indexes the plan (cached for the calls after it). */
  firstCallMs: number;
  /** Over unscheduled occurrences of the plan. */
  unscheduled: Percentiles & { withOptions: number };
  /** Over occurrences of single-occurrence visits taken out of the plan (they have options). */
  takenOut: Percentiles & { withOptions: number };
  /** The best option of the first call that had one, applied with applyEdits: violations it added. */
  addedViolations: number;
}

export interface ExplainFigures {
  tier: string;
  visits: number;
  maxRelaxations: number;
  unscheduled: Percentiles & { withRelaxations: number };
}

/**
 * One comparison of bench/draw-compare.ts: each department draws the same sample sizes
 * independently and coordinated, and each set of requests is planned alone.
 */
export interface DrawCase extends DrawComparison {
  /** The scenario: a tier and its generator seed (normal regime). */
  tier: string;
  seed: number;
  enterprises: number;
  drawSeed: number;
  planSeed: number;
  timeLimitMs: number;
}

/** The draws on the bench's tier, and on the demo's scenario (what `npm run demo` prints). */
export interface DrawFigures {
  cases: DrawCase[];
}

/** A feature's figures, or why there are none. */
export type FeatureOutcome<T> = { ok: true; figures: T } | { ok: false; message: string };

export interface FeatureResults {
  replan?: FeatureOutcome<ReplanFigures>;
  recommend?: FeatureOutcome<RecommendFigures>;
  explain?: FeatureOutcome<ExplainFigures>;
  /** Absent in files before 2026-12-04. */
  draws?: FeatureOutcome<DrawFigures>;
}

/** The p-th percentile (nearest rank) of ascending values. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** p50, p95 and max of per-call times. */
export function percentiles(times: readonly number[]): Percentiles {
  const sorted = [...times].sort((a, b) => a - b);
  return { calls: sorted.length, p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), maxMs: sorted[sorted.length - 1] ?? NaN };
}

/** The median of a non-empty list. */
export function medianOf(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
