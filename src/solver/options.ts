/** Options of `plan` / `planSync`, with their exported defaults. */
import type { ProgressPhase } from '../model/codes.js';
import type { Locale } from '../report/format.js';

/**
 * What `onProgress` receives during a run.
 * @example
 * const onProgress = (p: PlanProgress) => process.stderr.write(`\r${p.phase} ${Math.round(p.fraction * 100)}%`);
 * await plan(scenario, { onProgress });
 */
export interface PlanProgress {
  /** `compile`, `construct`, `improve`, `balance`, `report`, then `done`. */
  phase: ProgressPhase;
  /** 0…1 of the whole run (time-based during `improve`). */
  fraction: number;
  /** The objective of the best plan so far: scheduled priority (higher is better), then visits, then officers. */
  best?: { scheduledPriority: number; visits: number; personVisits: number };
}

/**
 * Options of `plan` / `planSync`; every one optional (defaults in `defaultPlanOptions`).
 * @example
 * const options: PlanOptions = { seed: 7, timeLimitMs: 10_000, locale: 'en', signal: AbortSignal.timeout(5_000) };
 * const result = await plan(scenario, options);
 */
export interface PlanOptions {
  /** Seed of every random choice; default `scenario.policy.seed`. */
  seed?: number;
  /** Stop improving after this many ms; default `scenario.policy.timeLimitMs`, else `defaultPlanOptions.timeLimitMs`. */
  timeLimitMs?: number;
  /** Stop early and return the best valid plan so far (marked in `meta.stoppedEarly`). */
  signal?: AbortSignal;
  onProgress?: (progress: PlanProgress) => void;
  /** Language of messages; default `zh-CN`. */
  locale?: Locale;
  /** Check the plan with `validatePlan` before returning it and throw on any violation. */
  assert?: boolean;
  /**
   * Local-search effort: stop when this many consecutive improvement rounds find nothing
   * (the planner stops when improvement stalls, not only at the time limit).
   */
  stallRounds?: number;
  /** The monotonic clock for the time limit and `meta.elapsedMs` (milliseconds); default `performance.now`. */
  clock?: () => number;
  /** Plan each department alone as well, to report `separateVisits` and `visitsSaved`. */
  computeSeparateVisits?: boolean;
  /**
   * Record in the plan's `audit` section how every team was drawn (双随机), for
   * `verifyTeamDraw`; off by default, as a city's year makes it large (docs/team-audit.md).
   */
  audit?: boolean;
}

/**
 * The defaults of `PlanOptions` (a scenario's `policy.seed` / `policy.timeLimitMs` come before them).
 * @example
 * defaultPlanOptions.locale;      // 'zh-CN'
 * defaultPlanOptions.timeLimitMs; // 60000
 */
export const defaultPlanOptions = {
  // A safety net, not the usual stop: the search ends when a round improves nothing (a city's
  // year, 150,000 occurrences, stalls after about 7 s on a 2-core server; a province's 500,000
  // after about 27 s, and the limit counts from the start, compilation included).
  timeLimitMs: 60_000,
  locale: 'zh-CN' as Locale,
  assert: false,
  stallRounds: 1,
  computeSeparateVisits: true,
  audit: false,
} as const;
