/**
 * `replan` / `replanSync`: plan a (possibly changed) scenario starting from a previous plan,
 * changing as few visits as the changed scenario requires (see docs/replan.md).
 * Objective, in order: no hard-rule violation; most scheduled priority; fewest changed visits
 * (a team change counts less than a date change); then fewer visits, officers, soft wishes.
 */
import { parseDay } from '../calendar/civil.js';
import { compileProblem } from '../compile/compile.js';
import { InputError, makeIssue, PlanError, ScenarioError, type InputIssue } from '../model/issues.js';
import { safeParseScenario } from '../model/parse.js';
import { isParsedScenario, parseWarningsOf } from '../model/parsed.js';
import type { Plan } from '../model/plan.js';
import type { Scenario } from '../model/scenario.js';
import type { Locale } from '../report/format.js';
import { namesOf } from '../report/names.js';
import { defaultPlanOptions, type PlanProgress } from '../solver/options.js';
import { buildPlan } from '../solver/output.js';
import { objectiveOf, placeLeftovers, type SearchOutcome } from '../solver/search.js';
import { PlanState } from '../solver/state.js';
import { monotonicNow } from '../util/clock.js';
import { readPlan } from '../validate/plan-input.js';
import { diffPlans, type PlanDiff } from './diff.js';
import { loadPlan } from './load.js';
import { defaultReplanOptions, type ReplanOptions } from './options.js';
import { replanSearch } from './search.js';

/**
 * What `replan` returns: the new plan (contract v1, visit ids of kept visits unchanged) and what changed.
 * @example
 * const { plan, diff }: ReplanResult = await replan(scenario, previous, { today: '2026-04-01' });
 */
export interface ReplanResult {
  plan: Plan;
  diff: PlanDiff;
}

interface Checked {
  options: ReplanOptions;
  locale: Locale;
  todayDay: number | undefined;
  freezeDay: number | undefined;
  pin: Set<string>;
}

function checkedOptions(given: unknown): Checked {
  const locale = defaultReplanOptions.locale;
  if (given === undefined || given === null) return { options: {}, locale, todayDay: undefined, freezeDay: undefined, pin: new Set() };
  if (typeof given !== 'object' || Array.isArray(given)) throw new InputError('The options', [makeIssue(['options'], 'invalid_type', { expected: 'object', received: Array.isArray(given) ? 'array' : typeof given }, locale)]);
  const o = given as Record<string, unknown>;
  const issues: InputIssue[] = [];
  const received = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  const expect = (name: string, ok: (v: unknown) => boolean, expected: string) => {
    const v = o[name];
    if (v !== undefined && !ok(v)) issues.push(makeIssue(['options', name], 'invalid_type', { expected, received: received(v) }, locale));
  };
  const isDate = (v: unknown) => typeof v === 'string' && parseDay(v) !== undefined;
  expect('today', isDate, 'date "YYYY-MM-DD"');
  expect('freezeUntil', isDate, 'date "YYYY-MM-DD"');
  expect('pin', (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'), 'array of ids');
  expect('seed', Number.isSafeInteger, 'integer');
  expect('timeLimitMs', (v) => typeof v === 'number' && v >= 0 && !Number.isNaN(v), 'number ≥ 0');
  expect('locale', (v) => v === 'en' || v === 'zh-CN', '"zh-CN" | "en"');
  expect('onProgress', (v) => typeof v === 'function', 'function');
  expect('signal', (v) => typeof v === 'object' && v !== null && 'aborted' in v, 'AbortSignal');
  if (issues.length > 0) throw new InputError('The options', issues);
  const options = o as ReplanOptions;
  return {
    options,
    locale: options.locale ?? locale,
    todayDay: options.today === undefined ? undefined : parseDay(options.today),
    freezeDay: options.freezeUntil === undefined ? undefined : parseDay(options.freezeUntil),
    pin: new Set(options.pin ?? defaultReplanOptions.pin),
  };
}

interface Run {
  steps: Generator<PlanProgress, SearchOutcome>;
  finish: (outcome: SearchOutcome) => ReplanResult;
  onProgress: ((p: PlanProgress) => void) | undefined;
}

function start(scenarioInput: unknown, previousInput: unknown, given: unknown): Run {
  const { options, locale, todayDay, freezeDay, pin } = checkedOptions(given);
  let scenario: Scenario;
  if (isParsedScenario(scenarioInput)) scenario = scenarioInput;
  else {
    const parsed = safeParseScenario(scenarioInput, { locale });
    if (!parsed.success) throw new ScenarioError(parsed.issues, locale);
    scenario = parsed.data;
  }
  const now = monotonicNow;
  const t0 = now();
  const read = readPlan(previousInput, locale);
  if ('issues' in read) throw new PlanError(read.issues, locale);
  const previous = read.plan;
  const readAt = now();
  const seed = options.seed ?? scenario.policy.seed;
  const timeLimitMs = options.timeLimitMs ?? defaultReplanOptions.timeLimitMs;
  const onProgress = options.onProgress;
  onProgress?.({ phase: 'compile', fraction: 0 });
  const P = compileProblem(scenario);
  const compiledAt = now();
  let firstFree = 0;
  if (todayDay !== undefined) firstFree = Math.max(firstFree, todayDay - P.day0);
  if (freezeDay !== undefined) firstFree = Math.max(firstFree, freezeDay - P.day0 + 1);
  const state = new PlanState(P, seed);
  state.firstFree = Math.max(0, Math.min(firstFree, P.days));
  const loaded = loadPlan(state, previous, { todayDay, freezeDay, pin });
  // Nothing new is placed in the past or the frozen days (this problem is ours: compiled here).
  // The occurrences of fixed visits keep their windows (the report's bounds read them).
  if (firstFree > 0) {
    for (const o of P.occurrences) {
      const k = state.assigned[o.index] as number;
      if (k >= 0 && state.fixed.has(k)) continue;
      const f = o.feasible;
      if (f.length === 0 || (f[0] as number) >= firstFree) continue;
      // Ascending: a view from the first day not before `firstFree` (no copy).
      let lo = 0;
      let hi = f.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((f[mid] as number) < firstFree) lo = mid + 1;
        else hi = mid;
      }
      o.feasible = f.subarray(lo);
    }
  }
  const loadedAt = now();
  onProgress?.({ phase: 'construct', fraction: 0.3, best: objectiveOf(state) });
  const steps = replanSearch(state, {
    deadline: t0 + timeLimitMs,
    now,
    stallRounds: 1,
    aborted: () => options.signal?.aborted === true,
  });
  const finish = (outcome: SearchOutcome): ReplanResult => {
    const settleAt = now();
    if (!outcome.stoppedEarly) placeLeftovers(state);
    const settleMs = Math.round(now() - settleAt);
    onProgress?.({ phase: 'report', fraction: 0.97 });
    // One set of names for the plan's messages and the diff's summary.
    const names = namesOf(scenario, locale);
    const plan = buildPlan(state, {
      locale,
      names,
      seed,
      elapsedMs: now() - t0,
      computeSeparateVisits: defaultPlanOptions.computeSeparateVisits,
      inputWarnings: parseWarningsOf(scenario),
      extraMeta: {
        timeLimitMs,
        rounds: outcome.rounds,
        ...(outcome.stoppedEarly ? { stoppedEarly: outcome.stoppedEarly } : {}),
        phasesMs: { read: Math.round(readAt - t0), compile: Math.round(compiledAt - readAt), load: Math.round(loadedAt - compiledAt), ...outcome.phasesMs, settle: settleMs },
        replan: {
          ...(options.today !== undefined ? { today: options.today } : {}),
          ...(options.freezeUntil !== undefined ? { freezeUntil: options.freezeUntil } : {}),
          ...(pin.size > 0 ? { pin: [...pin].sort() } : {}),
        },
      },
    }) as Plan;
    const diff = diffPlans({ scenario, previous, plan, loaded: loaded.visits, locale, names });
    onProgress?.({ phase: 'done', fraction: 1, best: objectiveOf(state) });
    return { plan, diff };
  };
  return { steps, finish, onProgress };
}

/**
 * Re-plans synchronously (blocks the thread until done); see `replan`.
 * @example
 * const { plan, diff } = replanSync(changedScenario, previousPlan, { today: '2026-04-01' });
 * console.log(diff.summary);
 */
export function replanSync(scenario: Scenario, previousPlan: unknown, options: ReplanOptions = {}): ReplanResult {
  const run = start(scenario, previousPlan, options);
  for (;;) {
    const step = run.steps.next();
    if (step.done) return run.finish(step.value);
    run.onProgress?.(step.value);
  }
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Plans a (possibly changed) scenario starting from `previousPlan` — the planner's or one made
 * by hand — changing as few visits as it must: visits still valid keep their date, team and id;
 * a visit the change breaks is repaired with the smallest change (officers replaced, else moved,
 * else cancelled); new requests join existing visits where they can. Past (`today`), frozen
 * (`freezeUntil`) and pinned visits never change. Returns the plan and what changed.
 * @example
 * const { plan, diff } = await replan(parseScenario(changed), previousPlan, { today: '2026-04-01', pin: ['V12'] });
 * console.log(diff.summary); // 原计划 120 个检查组：117 个不变，3 个调整，0 个取消；新增 0 个。…
 */
export async function replan(scenario: Scenario, previousPlan: unknown, options: ReplanOptions = {}): Promise<ReplanResult> {
  const run = start(scenario, previousPlan, options);
  for (;;) {
    const step = run.steps.next();
    if (step.done) return run.finish(step.value);
    run.onProgress?.(step.value);
    await nextTick();
  }
}

export { defaultReplanOptions, type ReplanOptions } from './options.js';
export type { OccurrenceChange, PlanDiff, ReplanReason, VisitChange } from './diff.js';
