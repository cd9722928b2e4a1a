/** Options of `replan`, with their exported defaults. */
import type { Locale } from '../report/format.js';
import type { PlanProgress } from '../solver/options.js';

/**
 * Options of `replan`; every one optional (defaults in `defaultReplanOptions`).
 * @example
 * const options: ReplanOptions = { today: '2026-04-01', freezeUntil: '2026-04-07', pin: ['V12', 'R3-2'], locale: 'en' };
 * const { plan, diff } = replan(scenario, previousPlan, options);
 */
export interface ReplanOptions {
  /**
   * Visits dated before this day have happened: they never move, still count toward caps and
   * the officers' days, and nothing new is placed before it. Default: none (all may change).
   */
  today?: string;
  /** Nothing on or before this date changes (its visits are kept, nothing new is placed there). Default: none. */
  freezeUntil?: string;
  /** Visit ids, or occurrence ids (their visit), that keep their date, time, team and occurrences. */
  pin?: readonly string[];
  /** Seed of every random choice; default `scenario.policy.seed`. */
  seed?: number;
  /** Stop looking after this many ms (the plan is still valid); default `defaultReplanOptions.timeLimitMs`. */
  timeLimitMs?: number;
  /** Stop early and return the best valid plan so far. */
  signal?: AbortSignal;
  onProgress?: (progress: PlanProgress) => void;
  /** Language of messages and of the diff's summary; default `zh-CN`. */
  locale?: Locale;
}

/**
 * The defaults of `ReplanOptions`.
 * @example
 * defaultReplanOptions.locale;      // 'zh-CN'
 * defaultReplanOptions.pin;         // []
 */
export const defaultReplanOptions = {
  pin: [] as readonly string[],
  timeLimitMs: 60_000,
  locale: 'zh-CN' as Locale,
} as const;
