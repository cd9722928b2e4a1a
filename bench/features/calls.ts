/**
 * The timed calls of the recommend and explain benches, on a library passed in (the built
 * package in `npm run bench`, the sources in the bench/recommend.ts and bench/explain.ts scripts).
 * Each checks what it measured before its figures count, and throws if the check fails.
 */
import type * as Library from '../../src/index.js';
import type { Plan, Scenario } from '../../src/index.js';
import { percentiles, type ExplainFigures, type RecommendFigures } from './types.js';

type Lib = Pick<typeof Library, 'recommend' | 'explain' | 'applyEdits' | 'applyRelaxation' | 'parseScenario' | 'validatePlan'>;

/**
 * `recommend` × `calls` on the first unscheduled occurrences of `plan`, after a first call that
 * indexes the plan (timed apart); then on the occurrences of `calls` single-occurrence visits
 * spread over the plan, taken out of it (one new plan, indexed by its own first call).
 */
export function measureRecommend(lib: Lib, scenario: Scenario, plan: Plan, calls: number, tier: string): RecommendFigures {
  const targets = plan.unscheduled.map((u) => u.occurrenceId).slice(0, calls);
  if (targets.length === 0) throw new Error('the plan has no unscheduled occurrence');
  let t = performance.now();
  lib.recommend(scenario, plan, targets[0] as string);
  const firstCallMs = performance.now() - t;
  const times: number[] = [];
  let withOptions = 0;
  let best: { id: string; edits: Parameters<Lib['applyEdits']>[2] } | undefined;
  for (const id of targets) {
    t = performance.now();
    const result = lib.recommend(scenario, plan, id);
    times.push(performance.now() - t);
    if (result.options.length > 0) {
      withOptions++;
      best ??= { id, edits: result.options[0]?.edits ?? [] };
    }
  }
  const singles = plan.visits.filter((v) => v.occurrenceIds.length === 1);
  const step = Math.max(1, Math.floor(singles.length / calls));
  const removed = new Set(singles.filter((_, i) => i % step === 0).slice(0, calls));
  const taken = [...removed].map((v) => v.occurrenceIds[0] as string);
  const opened: Plan = {
    ...plan,
    visits: plan.visits.filter((v) => !removed.has(v)),
    unscheduled: [...plan.unscheduled, ...taken.map((occurrenceId) => ({ occurrenceId, reasons: [{ code: 'MANUAL' as const, message: 'bench', details: {} }] }))],
  };
  if (taken.length > 0) lib.recommend(scenario, opened, taken[0] as string);
  const times2: number[] = [];
  let withOptions2 = 0;
  for (const id of taken) {
    t = performance.now();
    const result = lib.recommend(scenario, opened, id);
    times2.push(performance.now() - t);
    if (result.options.length > 0) withOptions2++;
  }
  // Checked after the timing: the best option found first, applied, adds no violation.
  let addedViolations = 0;
  if (best) {
    const before = lib.validatePlan(scenario, plan).violations.length;
    addedViolations = Math.max(0, lib.applyEdits(scenario, plan, best.edits).violations.length - before);
    if (addedViolations > 0) throw new Error(`the best option for ${best.id} adds ${addedViolations} violation(s)`);
  }
  return { tier, visits: plan.visits.length, firstCallMs, unscheduled: { ...percentiles(times), withOptions }, takenOut: { ...percentiles(times2), withOptions: withOptions2 }, addedViolations };
}

/**
 * `explain` × `calls` on the first unscheduled occurrences of `plan`, relaxations included (each
 * verified by planning with it). Checked after the timing: the first explanation's relaxations,
 * each applied to the scenario with its placement, leave no violation.
 */
export function measureExplain(lib: Lib, scenario: Scenario, plan: Plan, calls: number, maxRelaxations: number, tier: string): ExplainFigures {
  const targets = plan.unscheduled.map((u) => u.occurrenceId).slice(0, calls);
  if (targets.length === 0) throw new Error('the plan has no unscheduled occurrence');
  const times: number[] = [];
  let withRelaxations = 0;
  type Unscheduled = Extract<ReturnType<Lib['explain']>, { status: 'unscheduled' }>;
  let first: { id: string; relaxations: Unscheduled['relaxations'] } | undefined;
  for (const id of targets) {
    const t = performance.now();
    const e = lib.explain(scenario, plan, id, { maxRelaxations });
    times.push(performance.now() - t);
    if (e.status !== 'unscheduled') throw new Error(`${id} is listed unscheduled but explained as ${e.status}`);
    if (e.relaxations.length > 0) {
      withRelaxations++;
      first ??= { id, relaxations: e.relaxations };
    }
  }
  for (const r of first?.relaxations ?? []) {
    const relaxed = lib.parseScenario(lib.applyRelaxation(scenario, r));
    const placed = lib.applyEdits(relaxed, plan, r.placement.edits);
    if (placed.violations.length > 0) throw new Error(`relaxation ${r.kind} of ${first?.id} leaves ${placed.violations.length} violation(s): ${placed.violations[0]?.message}`);
  }
  return { tier, visits: plan.visits.length, maxRelaxations, unscheduled: { ...percentiles(times), withRelaxations } };
}
