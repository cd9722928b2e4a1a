/**
 * One job of the issue-10 measurements (`npm run bench --features`, bench/features/run.ts), in a
 * process of its own: a full plan or a replan (each timed alone, as a person runs them), or the
 * recommend / explain calls, or the draws of issue 11 (bench/draw-compare.ts). Forked by
 * bench/child.ts; answers one `FeatureJobResult` message.
 * Loads the built package like bench/measure.ts (`JI_BENCH_SOURCE=src`: the sources).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type * as Library from '../src/index.js';
import type { Plan } from '../src/index.js';
import { compareDraws } from './draw-compare.js';
import { measureExplain, measureRecommend } from './features/calls.js';
import type { DrawCase, ExplainFigures, RecommendFigures } from './features/types.js';
import { generateScenario, type Tier } from './generator/index.js';
import { builtUrl } from './paths.js';

const library = (await import(process.env.JI_BENCH_SOURCE === 'src' ? '../src/index.js' : builtUrl('index.js'))) as typeof Library;

export type FeatureJob =
  | { kind: 'plan'; scenarioFile: string; seed: number; outFile: string }
  | { kind: 'replan'; scenarioFile: string; previousFile: string; today: string; seed: number; outFile: string }
  | { kind: 'recommend'; scenarioFile: string; planFile?: string; seed: number; calls: number; tier: string }
  | { kind: 'explain'; scenarioFile: string; planFile?: string; seed: number; calls: number; maxRelaxations: number; tier: string }
  /** The scenario is the generator's (normal regime) for `tier` and `seed`; the departments' draws replace its requests. */
  | { kind: 'draws'; tier: Tier; seed: number; drawSeed: number; planSeed: number; timeLimitMs: number };

export type FeatureJobResult =
  | { ok: true; kind: 'plan'; ms: number; cpuMs: number; phasesMs: Record<string, number> }
  | { ok: true; kind: 'replan'; ms: number; cpuMs: number; phasesMs: Record<string, number>; violations: number; conflicts: number; counts: Record<string, number>; scheduled: number }
  | { ok: true; kind: 'recommend'; figures: RecommendFigures }
  | { ok: true; kind: 'explain'; figures: ExplainFigures }
  | { ok: true; kind: 'draws'; figures: DrawCase }
  | { ok: false; message: string };

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
/** CPU time (user + system, every thread of the process) since `from`, in ms: less moved by other processes than the wall time. */
const cpuMsSince = (from: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};

function run(job: FeatureJob): FeatureJobResult {
  if (job.kind === 'draws') {
    const scenario = library.parseScenario(generateScenario({ tier: job.tier, seed: job.seed }));
    const c = compareDraws(scenario, job, library);
    const violations = c.independent.violations + c.coordinated.violations;
    if (violations > 0) return { ok: false, message: `draws on ${job.tier}: the plans break hard rules (${c.independent.violations} violations independent, ${c.coordinated.violations} coordinated)` };
    const { tier, seed, drawSeed, planSeed, timeLimitMs } = job;
    return { ok: true, kind: 'draws', figures: { ...c, tier, seed, enterprises: scenario.enterprises.length, drawSeed, planSeed, timeLimitMs } };
  }
  const scenario = library.parseScenario(readJson(job.scenarioFile));
  switch (job.kind) {
    case 'plan': {
      const t = performance.now();
      const cpu = process.cpuUsage();
      const plan = library.planSync(scenario, { seed: job.seed, locale: 'en' });
      const ms = performance.now() - t;
      const cpuMs = cpuMsSince(cpu);
      writeFileSync(job.outFile, JSON.stringify(plan));
      return { ok: true, kind: 'plan', ms, cpuMs, phasesMs: plan.meta.phasesMs as Record<string, number> };
    }
    case 'replan': {
      const previous = readJson(job.previousFile);
      const t = performance.now();
      const cpu = process.cpuUsage();
      const { plan, diff } = library.replanSync(scenario, previous, { seed: job.seed, today: job.today, locale: 'en' });
      const ms = performance.now() - t;
      const cpuMs = cpuMsSince(cpu);
      // After the timing: the plan's violations (a fixed visit the change broke is declared in diff.conflicts).
      const violations = library.validatePlan(scenario, plan, { locale: 'en' }).violations.length;
      writeFileSync(job.outFile, JSON.stringify(plan));
      return { ok: true, kind: 'replan', ms, cpuMs, phasesMs: plan.meta.phasesMs as Record<string, number>, violations, conflicts: diff.conflicts.length, counts: { ...diff.counts }, scheduled: plan.metrics.scheduled };
    }
    case 'recommend':
    case 'explain': {
      const plan = job.planFile !== undefined ? (readJson(job.planFile) as Plan) : library.planSync(scenario, { seed: job.seed, locale: 'en' });
      if (job.kind === 'recommend') return { ok: true, kind: 'recommend', figures: measureRecommend(library, scenario, plan, job.calls, job.tier) };
      return { ok: true, kind: 'explain', figures: measureExplain(library, scenario, plan, job.calls, job.maxRelaxations, job.tier) };
    }
  }
}

if (process.send) {
  process.once('message', (job: FeatureJob) => {
    let result: FeatureJobResult;
    try {
      result = run(job);
    } catch (error) {
      result = { ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    process.send!(result, () => process.exit(0));
  });
}
