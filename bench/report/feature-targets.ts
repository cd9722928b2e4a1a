/**
 * The issue-10 targets, judged from the features' figures: replan on L keeps ≥ 98 % of the
 * visits the ill officer was not on and takes at most a third of a full plan's time (medians of
 * the interleaved rounds); recommend's p95 under 200 ms on L; explain's times (no target). And
 * issue 11's: coordinated draws, planned, need fewer visits than independent draws of the same sizes.
 */
import type { FeatureResults } from '../features/types.js';
import { medianOf } from '../features/types.js';
import { n0, n1, n2 } from './tables.js';
import type { Target } from './targets.js';

export const REPLAN_KEPT_MIN = 0.98;
export const REPLAN_TIME_MAX = 1 / 3;
export const RECOMMEND_P95_MAX_MS = 200;

/** A share in per cent with three decimals (98 % is the line; 99.996 % must not print as 100). */
const pct = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(3)} %`;

export function featureTargets(features: FeatureResults | undefined): Target[] {
  const f = features ?? {};
  const out: Target[] = [];
  const keptTarget = 'replan on L (an officer on many visits ill for the rest of the horizon): at least 98 % of the visits he was not on unchanged';
  const timeTarget = 'replan on L: at most a third of the time of a full plan (medians, interleaved fresh processes)';
  if (!f.replan) {
    out.push({ target: keptTarget, status: 'not measured', figure: 'replan not run' });
    out.push({ target: timeTarget, status: 'not measured', figure: 'replan not run' });
  } else if (!f.replan.ok) {
    const figure = `failed: ${f.replan.message.split('\n')[0] ?? ''}`;
    out.push({ target: keptTarget, status: 'missed', figure }, { target: timeTarget, status: 'missed', figure });
  } else {
    const r = f.replan.figures;
    const valid = r.violations <= r.conflicts;
    const share = r.othersKept / Math.max(1, r.others);
    out.push({
      target: keptTarget,
      status: share >= REPLAN_KEPT_MIN && valid ? 'met' : 'missed',
      figure: `${n0(r.othersKept)} / ${n0(r.others)} (${pct(r.othersKept, r.others)}); ${r.illOfficer} on ${n0(r.illOfficerVisits)} visits, ill from ${r.illFrom}; ${valid ? 'the new plan is valid' : `the new plan has ${r.violations} violations (${r.conflicts} declared conflicts)`}`,
    });
    const plan = medianOf(r.planMs);
    const replan = medianOf(r.replanMs);
    const ratio = replan / plan;
    out.push({
      target: timeTarget,
      status: ratio <= REPLAN_TIME_MAX ? 'met' : 'missed',
      figure: `${n2(ratio)} (replan ${n1(replan / 1000)} s, plan ${n1(plan / 1000)} s; ${r.replanMs.length} rounds)${r.planCpuMs && r.replanCpuMs && r.planCpuMs.length > 0 ? `; CPU time ${n2(medianOf(r.replanCpuMs) / medianOf(r.planCpuMs))} (${n1(medianOf(r.replanCpuMs) / 1000)} s / ${n1(medianOf(r.planCpuMs) / 1000)} s)` : ''}`,
    });
  }
  const recTarget = 'recommend on L: p95 under 200 ms (100 unscheduled occurrences)';
  if (!f.recommend) out.push({ target: recTarget, status: 'not measured', figure: 'recommend not run' });
  else if (!f.recommend.ok) out.push({ target: recTarget, status: 'missed', figure: `failed: ${f.recommend.message.split('\n')[0] ?? ''}` });
  else {
    const r = f.recommend.figures;
    out.push({
      target: recTarget,
      status: r.unscheduled.p95Ms < RECOMMEND_P95_MAX_MS ? 'met' : 'missed',
      figure: `p50 ${n1(r.unscheduled.p50Ms)} ms, p95 ${n1(r.unscheduled.p95Ms)} ms (${r.unscheduled.withOptions} of ${r.unscheduled.calls} with options); taken out of their visits: p50 ${n1(r.takenOut.p50Ms)} ms, p95 ${n1(r.takenOut.p95Ms)} ms (${r.takenOut.withOptions} of ${r.takenOut.calls} with options); first call, indexing the plan: ${n0(r.firstCallMs)} ms`,
    });
  }
  const expTarget = 'explain on M: time per call (no target)';
  if (!f.explain) out.push({ target: expTarget, status: 'not measured', figure: 'explain not run' });
  else if (!f.explain.ok) out.push({ target: expTarget, status: 'missed', figure: `failed: ${f.explain.message.split('\n')[0] ?? ''}` });
  else {
    const r = f.explain.figures;
    out.push({ target: expTarget, status: 'reported', figure: `p50 ${n0(r.unscheduled.p50Ms)} ms, p95 ${n0(r.unscheduled.p95Ms)} ms, max ${n0(r.unscheduled.maxMs)} ms over ${r.unscheduled.calls} unscheduled occurrences (${r.unscheduled.withRelaxations} with a verified relaxation; up to ${r.maxRelaxations} relaxations each)` });
  }
  out.push(drawTarget(f.draws));
  return out;
}

/**
 * Issue 11: on each scenario, coordinated draws of the same sizes (the same number drawn, and
 * as many requests) planned into fewer visits than independent draws, both plans valid.
 */
export function drawTarget(draws: FeatureResults['draws']): Target {
  const target = 'random draws (issue 11): coordinated and joint draws, planned, need fewer visits than independent draws of the same sizes';
  if (!draws) return { target, status: 'not measured', figure: 'draws not run' };
  if (!draws.ok) return { target, status: 'missed', figure: `failed: ${draws.message.split('\n')[0] ?? ''}` };
  if (draws.figures.cases.length === 0) return { target, status: 'not measured', figure: 'no scenario drawn' };
  const judged = draws.figures.cases.map((c) => {
    const sameSizes = c.independent.drawn === c.coordinated.drawn && c.independent.requests === c.coordinated.requests;
    const valid = c.independent.violations + c.coordinated.violations === 0;
    const saved = c.independent.visits - c.coordinated.visits;
    // The joint task: each department alone draws as many as the joint sample, so both arms
    // make about as many requests (each department's own jurisdiction and the whitelist may
    // leave a few out on either side): within 2 %.
    const j = c.joint;
    const jointSizes = j === undefined || Math.abs(j.independent.requests - j.joint.requests) <= 0.02 * Math.max(j.independent.requests, j.joint.requests);
    const jointOk = j === undefined || (jointSizes && j.independent.violations + j.joint.violations === 0 && j.saved > 0);
    const ok = sameSizes && valid && saved > 0 && j !== undefined && jointOk;
    const why = !sameSizes ? `, but the sizes differ (${n0(c.independent.drawn)} and ${n0(c.coordinated.drawn)} drawn)` : !valid ? `, but the plans have ${c.independent.violations} + ${c.coordinated.violations} violations` : '';
    const joint = j === undefined ? '; joint draw not measured' : `; joint draw of ${j.departments.length} departments on ${n0(j.sample)} enterprises: ${n0(j.independent.visits)} → ${n0(j.joint.visits)} visits, ${n0(j.saved)} saved, ${n0(j.independent.requests)} and ${n0(j.joint.requests)} requests${jointOk ? '' : ' (sizes or validity wrong)'}`;
    return { ok, f: `${c.tier}: ${n0(c.independent.visits)} → ${n0(c.coordinated.visits)} visits, ${n0(saved)} saved (${n1((100 * saved) / Math.max(1, c.independent.visits))} %) of ${n0(c.independent.drawn)} drawn${why}${joint}` };
  });
  return { target, status: judged.every((j) => j.ok) ? 'met' : 'missed', figure: judged.map((j) => j.f).join('; ') };
}
