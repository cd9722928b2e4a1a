/**
 * The issue-10 measurements of `npm run bench` (`--features`), each job in a fresh child
 * (bench/feature-job.ts):
 * - replan on L: a full plan, then its best-booked officer ill from the middle visit's date to the
 *   end (bench/features/ill-officer.ts) and a replan of that; `--feature-rounds` rounds, plan and
 *   replan interleaved so that both see the same load of a shared machine;
 * - recommend on L: per-call times over 100 unscheduled occurrences and 100 taken out of visits;
 * - explain on M: per-call times over 50 unscheduled occurrences (relaxations verified);
 * - draws (issue 11) on M and on the demo's scenario: each department draws the same sample
 *   sizes independently and coordinated, both planned alone (bench/draw-compare.ts).
 * A job that fails or times out becomes `{ ok: false, message }`, never an exception.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runChild, type ChildOutcome } from '../child.js';
import type { FeatureJob, FeatureJobResult } from '../feature-job.js';
import type { Options } from '../options.js';
import { illOfficerOf, keptOthers, withOfficerIll } from './ill-officer.js';
import { FEATURE_TIER, medianOf, type DrawCase, type DrawFigures, type FeatureOutcome, type FeatureResults, type ReplanFigures } from './types.js';

type ScenarioFile = (tier: 'M' | 'L') => string;

const log = (line: string) => process.stderr.write(`${line}\n`);

async function job<K extends FeatureJobResult & { ok: true }>(o: Options, j: FeatureJob): Promise<K | { ok: false; message: string }> {
  const out: ChildOutcome<FeatureJobResult> = await runChild<FeatureJobResult>('bench/feature-job.ts', j, o.timeoutMin * 60_000);
  if (out.kind === 'timeout') return { ok: false, message: `${j.kind}: killed after ${o.timeoutMin} min` };
  if (out.kind === 'crash') return { ok: false, message: `${j.kind}: exit code ${out.code}, signal ${out.signal}: ${out.stderr.split('\n').slice(-5).join(' | ')}` };
  return out.value as K | { ok: false; message: string };
}

/** Every feature of `o.features`, on the scenarios `scenarioFile` generates; files go to `tmp`. */
export async function measureFeatures(o: Options, scenarioFile: ScenarioFile, tmp: string): Promise<FeatureResults> {
  const results: FeatureResults = {};
  let lPlan: string | undefined;
  if (o.features.includes('replan')) {
    const r = await measureReplan(o, scenarioFile(FEATURE_TIER.replan), tmp);
    results.replan = r.outcome;
    lPlan = r.planFile;
  }
  if (o.features.includes('recommend')) {
    log(`recommend on ${FEATURE_TIER.recommend}: 100 + 100 calls`);
    const r = await job<Extract<FeatureJobResult, { kind: 'recommend' }>>(o, { kind: 'recommend', scenarioFile: scenarioFile(FEATURE_TIER.recommend), ...(lPlan ? { planFile: lPlan } : {}), seed: o.seed, calls: 100, tier: FEATURE_TIER.recommend });
    results.recommend = r.ok ? { ok: true, figures: r.figures } : r;
    log(`  recommend: ${r.ok ? `p50 ${r.figures.unscheduled.p50Ms.toFixed(1)} ms, p95 ${r.figures.unscheduled.p95Ms.toFixed(1)} ms` : r.message}`);
  }
  if (o.features.includes('explain')) {
    log(`explain on ${FEATURE_TIER.explain}: 50 calls`);
    const r = await job<Extract<FeatureJobResult, { kind: 'explain' }>>(o, { kind: 'explain', scenarioFile: scenarioFile(FEATURE_TIER.explain), seed: o.seed, calls: 50, maxRelaxations: 6, tier: FEATURE_TIER.explain });
    results.explain = r.ok ? { ok: true, figures: r.figures } : r;
    log(`  explain: ${r.ok ? `p50 ${r.figures.unscheduled.p50Ms.toFixed(0)} ms, p95 ${r.figures.unscheduled.p95Ms.toFixed(0)} ms` : r.message}`);
  }
  if (o.features.includes('draws')) results.draws = await measureDraws(o);
  return results;
}

/** The draw seed of bench/draw.ts and of the demo (examples/demo.ts, whose generator and plan seeds are 2026 too). */
export const DRAW_SEED = 2026;

/**
 * The draws of issue 11 on the bench's tier (generator seed `o.seed`, as the other features) and
 * on the demo's scenario with the demo's seeds and time limit, so the page has the figure the demo prints.
 */
async function measureDraws(o: Options): Promise<FeatureOutcome<DrawFigures>> {
  const jobs: Extract<FeatureJob, { kind: 'draws' }>[] = [
    { kind: 'draws', tier: FEATURE_TIER.draws, seed: o.seed, drawSeed: DRAW_SEED, planSeed: o.seed, timeLimitMs: 60_000 },
    { kind: 'draws', tier: 'demo', seed: DRAW_SEED, drawSeed: DRAW_SEED, planSeed: DRAW_SEED, timeLimitMs: 10_000 },
  ];
  const cases: DrawCase[] = [];
  for (const j of jobs) {
    log(`draws on ${j.tier} (seed ${j.seed}): independent and coordinated, each planned`);
    const r = await job<Extract<FeatureJobResult, { kind: 'draws' }>>(o, j);
    if (!r.ok) return r;
    cases.push(r.figures);
    log(`  ${j.tier}: ${r.figures.independent.visits} visits independent, ${r.figures.coordinated.visits} coordinated, ${r.figures.saved} saved`);
  }
  return { ok: true, figures: { cases } };
}

async function measureReplan(o: Options, file: string, tmp: string): Promise<{ outcome: FeatureOutcome<ReplanFigures>; planFile?: string }> {
  const tier = FEATURE_TIER.replan;
  const planFile = path.join(tmp, `feature-${tier}-plan.json`);
  const changedFile = path.join(tmp, `feature-${tier}-changed.json`);
  const replanFile = path.join(tmp, `feature-${tier}-replan.json`);
  const planMs: number[] = [];
  const replanMs: number[] = [];
  const planCpuMs: number[] = [];
  const replanCpuMs: number[] = [];
  let planPhasesMs: Record<string, number> = {};
  let last: Extract<FeatureJobResult, { kind: 'replan' }> | undefined;
  let ill: ReturnType<typeof illOfficerOf> | undefined;
  log(`replan on ${tier}: ${o.featureRounds} rounds of a plan and a replan, each in a fresh process`);
  for (let round = 1; round <= o.featureRounds; round++) {
    const planned = await job<Extract<FeatureJobResult, { kind: 'plan' }>>(o, { kind: 'plan', scenarioFile: file, seed: o.seed, outFile: planFile });
    if (!planned.ok) return { outcome: planned };
    planMs.push(planned.ms);
    planCpuMs.push(planned.cpuMs);
    planPhasesMs = planned.phasesMs;
    if (!ill) {
      // The same seed gives the same plan each round: the change is made once.
      const previous = JSON.parse(readFileSync(planFile, 'utf8')) as { visits: { id: string; date: string; inspectorIds: string[] }[] };
      ill = illOfficerOf(previous.visits);
      writeFileSync(changedFile, JSON.stringify(withOfficerIll(JSON.parse(readFileSync(file, 'utf8')) as Parameters<typeof withOfficerIll>[0], ill.officer, ill.today)));
    }
    const replanned = await job<Extract<FeatureJobResult, { kind: 'replan' }>>(o, { kind: 'replan', scenarioFile: changedFile, previousFile: planFile, today: ill.today, seed: o.seed, outFile: replanFile });
    if (!replanned.ok) return { outcome: replanned, planFile };
    replanMs.push(replanned.ms);
    replanCpuMs.push(replanned.cpuMs);
    last = replanned;
    log(`  round ${round}/${o.featureRounds}: plan ${(planned.ms / 1000).toFixed(2)} s (CPU ${(planned.cpuMs / 1000).toFixed(2)} s), replan ${(replanned.ms / 1000).toFixed(2)} s (CPU ${(replanned.cpuMs / 1000).toFixed(2)} s)`);
  }
  if (!last || !ill) return { outcome: { ok: false, message: 'no round ran' }, planFile };
  const previous = JSON.parse(readFileSync(planFile, 'utf8')) as { visits: { id: string; date: string; inspectorIds: string[] }[]; metrics: { scheduled: number } };
  const after = JSON.parse(readFileSync(replanFile, 'utf8')) as { visits: { id: string; date: string; inspectorIds: string[] }[] };
  const kept = keptOthers(previous.visits, after.visits, ill.officer, ill.today);
  const figures: ReplanFigures = {
    tier,
    illOfficer: ill.officer,
    illOfficerVisits: ill.onVisits,
    illFrom: ill.today,
    visits: previous.visits.length,
    hisVisits: kept.his,
    others: kept.others,
    othersKept: kept.kept,
    planMs,
    replanMs,
    planCpuMs,
    replanCpuMs,
    planPhasesMs,
    replanPhasesMs: last.phasesMs,
    counts: last.counts,
    scheduledBefore: previous.metrics.scheduled,
    scheduledAfter: last.scheduled,
    violations: last.violations,
    conflicts: last.conflicts,
  };
  log(`  replan: kept ${kept.kept}/${kept.others} of the visits he was not on; median replan/plan ${(medianOf(replanMs) / medianOf(planMs)).toFixed(3)}`);
  return { outcome: { ok: true, figures }, planFile };
}
