/**
 * `plan` and `planSync`: the scenario's requests merged into as few enterprise visits as the
 * law allows, dated, staffed, and every occurrence accounted for (contract v1 §2, §3).
 */
import { compileProblem } from '../compile/compile.js';
import { InputError, makeIssue, ScenarioError, type InputIssue } from '../model/issues.js';
import { safeParseScenario } from '../model/parse.js';
import { isParsedScenario, parseWarningsOf } from '../model/parsed.js';
import type { Plan } from '../model/plan.js';
import type { Scenario } from '../model/scenario.js';
import { monotonicNow } from '../util/clock.js';
import { validatePlan } from '../validate/index.js';
import { defaultPlanOptions, type PlanOptions, type PlanProgress } from './options.js';
import { buildPlan } from './output.js';
import { objectiveOf, placeLeftovers, search, type SearchOutcome } from './search.js';
import { PlanState } from './state.js';

/**
 * Thrown by `plan` / `planSync` with `assert: true` when the planner's plan breaks a hard rule
 * (a bug in the planner, never a property of the input): carries the violations.
 * @example
 * try {
 *   planSync(scenario, { assert: true });
 * } catch (error) {
 *   if (error instanceof PlanAssertionError) reportBug(error.violations);
 * }
 */
export class PlanAssertionError extends Error {
  readonly violations: ReturnType<typeof validatePlan>['violations'];
  constructor(violations: ReturnType<typeof validatePlan>['violations']) {
    super(`the planner produced an invalid plan (${violations.length} violations): ${violations.slice(0, 5).map((v) => `${v.ruleId}: ${v.message}`).join('; ')}`);
    this.name = 'PlanAssertionError';
    this.violations = violations;
  }
}

interface Run {
  state: PlanState;
  steps: Generator<PlanProgress, SearchOutcome>;
  finish: (outcome: SearchOutcome) => Plan;
  onProgress: ((p: PlanProgress) => void) | undefined;
}

/**
 * The scenario to plan: one from `parseScenario` as it is; anything else (plain JSON from a
 * JavaScript caller, a scenario copied or edited after parsing) is parsed first, and bad input
 * throws a `ScenarioError` listing every problem — never a TypeError from deep inside.
 */
function checkedScenario(input: unknown, locale: PlanOptions['locale']): Scenario {
  if (isParsedScenario(input)) return input;
  const parsed = safeParseScenario(input, locale === undefined ? {} : { locale });
  if (!parsed.success) throw new ScenarioError(parsed.issues, locale);
  return parsed.data;
}

/** Options from plain JavaScript may be anything: each ill-typed one is an issue at `options.<name>`. */
function checkedOptions(given: unknown): PlanOptions {
  if (given === undefined || given === null) return {};
  const locale = defaultPlanOptions.locale;
  if (typeof given !== 'object') throw new InputError('options', [makeIssue(['options'], 'invalid_type', { expected: 'object', received: typeof given }, locale)]);
  const o = given as Record<string, unknown>;
  const issues: InputIssue[] = [];
  const expect = (name: string, ok: (v: unknown) => boolean, expected: string) => {
    const v = o[name];
    if (v !== undefined && !ok(v)) issues.push(makeIssue(['options', name], 'invalid_type', { expected, received: v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v }, locale));
  };
  const isFunction = (v: unknown) => typeof v === 'function';
  const isBoolean = (v: unknown) => typeof v === 'boolean';
  expect('seed', Number.isSafeInteger, 'integer');
  expect('timeLimitMs', (v) => typeof v === 'number' && v >= 0 && !Number.isNaN(v), 'number ≥ 0');
  expect('stallRounds', (v) => Number.isSafeInteger(v) && (v as number) >= 1, 'integer ≥ 1');
  expect('locale', (v) => v === 'en' || v === 'zh-CN', '"zh-CN" | "en"');
  expect('onProgress', isFunction, 'function');
  expect('clock', isFunction, 'function');
  expect('signal', (v) => typeof v === 'object' && v !== null && 'aborted' in v, 'AbortSignal');
  expect('assert', isBoolean, 'boolean');
  expect('computeSeparateVisits', isBoolean, 'boolean');
  expect('audit', isBoolean, 'boolean');
  if (issues.length > 0) throw new InputError('options', issues, locale);
  return o as PlanOptions;
}

function start(input: Scenario, given: PlanOptions | undefined): Run {
  const options = checkedOptions(given);
  const locale = options.locale ?? defaultPlanOptions.locale;
  const scenario = checkedScenario(input, locale);
  const now = options.clock ?? monotonicNow;
  const t0 = now();
  const seed = options.seed ?? scenario.policy.seed;
  const timeLimitMs = options.timeLimitMs ?? scenario.policy.timeLimitMs ?? defaultPlanOptions.timeLimitMs;
  const onProgress = options.onProgress;
  onProgress?.({ phase: 'compile', fraction: 0 });
  const problem = compileProblem(scenario);
  const compiledAt = now();
  const state = new PlanState(problem, seed);
  state.auditTeams = options.audit ?? defaultPlanOptions.audit;
  const steps = search(state, {
    deadline: t0 + timeLimitMs,
    now,
    stallRounds: options.stallRounds ?? defaultPlanOptions.stallRounds,
    aborted: () => options.signal?.aborted === true,
  });
  const finish = (outcome: SearchOutcome): Plan => {
    // The last search step (however the search ended), then the report, which changes nothing.
    const settleAt = now();
    placeLeftovers(state);
    outcome.phasesMs.settle = Math.round(now() - settleAt);
    onProgress?.({ phase: 'report', fraction: 0.97 });
    const reportAt = now();
    const plan = buildPlan(state, {
      locale,
      seed,
      elapsedMs: now() - t0,
      computeSeparateVisits: options.computeSeparateVisits ?? defaultPlanOptions.computeSeparateVisits,
      inputWarnings: parseWarningsOf(scenario),
      extraMeta: {
        timeLimitMs,
        rounds: outcome.rounds,
        ...(outcome.stoppedEarly ? { stoppedEarly: outcome.stoppedEarly } : {}),
        // Where the time went (ms): compile, search phases, and the report so far.
        phasesMs: { compile: Math.round(compiledAt - t0), ...outcome.phasesMs },
      },
    });
    (plan.meta.phasesMs as Record<string, number>).report = Math.round(now() - reportAt);
    if (options.assert ?? defaultPlanOptions.assert) {
      const result = validatePlan(scenario, plan, { locale: 'en' });
      if (!result.valid) throw new PlanAssertionError(result.violations);
    }
    onProgress?.({ phase: 'done', fraction: 1, best: objectiveOf(state) });
    // What output.ts writes is what plan-types.ts declares (test/api/plan-shape.test.ts checks it).
    return plan as Plan;
  };
  return { state, steps, finish, onProgress };
}

/**
 * Plans synchronously (blocks the thread until done). Prefer `plan` for large scenarios.
 * @example
 * const scenario = parseScenario(json);
 * const result = planSync(scenario, { seed: 7 });
 */
export function planSync(scenario: Scenario, options: PlanOptions = {}): Plan {
  const run = start(scenario, options);
  for (;;) {
    const step = run.steps.next();
    if (step.done) return run.finish(step.value);
    run.onProgress?.(step.value);
  }
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Plans without blocking the event loop for long: yields between chunks of work, reports
 * progress, and honours `signal` by returning the best valid plan found so far.
 * @example
 * const controller = new AbortController();
 * const result = await plan(parseScenario(json), { signal: controller.signal, onProgress: (p) => console.log(p.phase, p.fraction) });
 * if (result.meta.stoppedEarly) console.warn('stopped early:', result.meta.stoppedEarly);
 */
export async function plan(scenario: Scenario, options: PlanOptions = {}): Promise<Plan> {
  const run = start(scenario, options);
  for (;;) {
    const step = run.steps.next();
    if (step.done) return run.finish(step.value);
    run.onProgress?.(step.value);
    await nextTick();
  }
}

export { defaultPlanOptions, type PlanOptions, type PlanProgress } from './options.js';
