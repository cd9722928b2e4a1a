/**
 * `plan` and `planSync`: the scenario's requests merged into as few enterprise visits as the
 * law allows, dated, staffed, and every occurrence accounted for (contract v1 §2, §3).
 */
import { compileProblem } from '../compile/compile.js';
import type { Plan } from '../model/plan.js';
import type { Scenario } from '../model/scenario.js';
import { monotonicNow } from '../util/clock.js';
import { validatePlan } from '../validate/index.js';
import { defaultPlanOptions, type PlanOptions, type PlanProgress } from './options.js';
import { buildPlan } from './output.js';
import { objectiveOf, search, type SearchOutcome } from './search.js';
import { PlanState } from './state.js';

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

function start(scenario: Scenario, options: PlanOptions): Run {
  const now = options.clock ?? monotonicNow;
  const t0 = now();
  const seed = options.seed ?? scenario.policy.seed;
  const timeLimitMs = options.timeLimitMs ?? scenario.policy.timeLimitMs ?? defaultPlanOptions.timeLimitMs;
  const locale = options.locale ?? defaultPlanOptions.locale;
  const onProgress = options.onProgress;
  onProgress?.({ phase: 'compile', fraction: 0 });
  const problem = compileProblem(scenario);
  const compiledAt = now();
  const state = new PlanState(problem, seed);
  const steps = search(state, {
    deadline: t0 + timeLimitMs,
    now,
    stallRounds: options.stallRounds ?? defaultPlanOptions.stallRounds,
    aborted: () => options.signal?.aborted === true,
  });
  const finish = (outcome: SearchOutcome): Plan => {
    onProgress?.({ phase: 'report', fraction: 0.97 });
    const reportAt = now();
    const plan = buildPlan(state, {
      locale,
      seed,
      elapsedMs: now() - t0,
      computeSeparateVisits: options.computeSeparateVisits ?? defaultPlanOptions.computeSeparateVisits,
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
    return plan;
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
