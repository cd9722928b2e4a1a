/** The section of docs/performance.md on the issue-10 measurements: how, and the figures. */
import type { BenchReport } from '../summary.js';
import { medianOf } from '../features/types.js';
import { markdownTable, n0, n1, n2 } from './tables.js';

export function featureSection(report: BenchReport): string[] {
  const f = report.features;
  const lines = ['## Replan, recommend and explain (issue 10)', ''];
  if (!f || Object.keys(f).length === 0) return [...lines, 'Not run in this benchmark (`--features none`, or a results file from before they were measured).', ''];
  const run = report.featuresRun;
  const o = run?.options ?? report.options;
  if (run) lines.push(`Measured separately on **${run.date}** with \`${run.command}\` (**machine:** ${run.machine.cpu}, ${run.machine.cores} cores, Node ${run.machine.node}), shown here with the tiers above (\`--from-results … --with-features${run.file ? ` ${run.file}` : ' …'}\`).`, '');
  lines.push(
    `- **replan** (tier L, seed ${o.seed}, normal staff): a full \`planSync\` and then \`replanSync\` of the changed scenario, each in a fresh child process (\`bench/feature-job.ts\`, the built package) and timed around the call alone on an already parsed scenario, ${o.featureRounds} rounds interleaved (plan, replan, plan, replan, …) so both see the same load; the medians count. The change: the officer on the most visits of the plan falls ill from the date of the plan's middle visit (that date is \`today\`: earlier visits are the past) to the end of the horizon. *Kept* = visits of the previous plan he was not on (from that date) that the new plan has exactly as they were, id included. The new plan is checked with \`validatePlan\` after the timing.`,
    '- **recommend** (tier L): the first call indexes the plan (cached for the calls after it) and is timed apart; then p50/p95 per call over the first 100 unscheduled occurrences, and over the occurrences of 100 single-occurrence visits spread over the plan, taken out of it (those have options). The best option found is applied with `applyEdits` and must add no violation.',
    '- **explain** (tier M): p50/p95 per call over the first 50 unscheduled occurrences, up to 6 relaxations each, every relaxation verified by planning with it; the first explanation\'s relaxations, applied, must leave no violation.',
    '',
  );
  const rows: string[][] = [];
  if (f.replan?.ok) {
    const r = f.replan.figures;
    const plan = medianOf(r.planMs);
    const replan = medianOf(r.replanMs);
    rows.push(['replan, L', `${r.illOfficer} (on ${n0(r.illOfficerVisits)} visits) ill from ${r.illFrom}: ${n0(r.hisVisits)} of his visits touched`, `kept ${n0(r.othersKept)} / ${n0(r.others)} (${((100 * r.othersKept) / Math.max(1, r.others)).toFixed(3)} %); replan ${n1(replan / 1000)} s vs plan ${n1(plan / 1000)} s = **${n2(replan / plan)}**`]);
    rows.push(['replan phases (ms)', Object.entries(r.replanPhasesMs).map(([k, v]) => `${k} ${n0(v)}`).join(', '), `plan: ${Object.entries(r.planPhasesMs).map(([k, v]) => `${k} ${n0(v)}`).join(', ')}`]);
    rows.push(['replan diff', Object.entries(r.counts).map(([k, v]) => `${k} ${n0(v)}`).join(', '), `scheduled ${n0(r.scheduledBefore)} → ${n0(r.scheduledAfter)}; violations ${r.violations} (declared conflicts ${r.conflicts}); rounds: plan ${r.planMs.map((x) => n1(x / 1000)).join(', ')} s, replan ${r.replanMs.map((x) => n1(x / 1000)).join(', ')} s${r.planCpuMs && r.replanCpuMs ? `; CPU: plan ${r.planCpuMs.map((x) => n1(x / 1000)).join(', ')} s, replan ${r.replanCpuMs.map((x) => n1(x / 1000)).join(', ')} s` : ''}`]);
  } else if (f.replan) rows.push(['replan, L', 'failed', f.replan.message.split('\n')[0] ?? '']);
  if (f.recommend?.ok) {
    const r = f.recommend.figures;
    rows.push(['recommend, L', `${n0(r.visits)} visits; first call (indexes the plan) ${n0(r.firstCallMs)} ms`, `unscheduled: p50 ${n1(r.unscheduled.p50Ms)} ms, p95 **${n1(r.unscheduled.p95Ms)} ms**, max ${n1(r.unscheduled.maxMs)} ms (${r.unscheduled.withOptions}/${r.unscheduled.calls} with options); taken out: p50 ${n1(r.takenOut.p50Ms)} ms, p95 **${n1(r.takenOut.p95Ms)} ms**, max ${n1(r.takenOut.maxMs)} ms (${r.takenOut.withOptions}/${r.takenOut.calls} with options)`]);
  } else if (f.recommend) rows.push(['recommend, L', 'failed', f.recommend.message.split('\n')[0] ?? '']);
  if (f.explain?.ok) {
    const r = f.explain.figures;
    rows.push(['explain, M', `${n0(r.visits)} visits, up to ${r.maxRelaxations} relaxations`, `p50 **${n0(r.unscheduled.p50Ms)} ms**, p95 **${n0(r.unscheduled.p95Ms)} ms**, max ${n0(r.unscheduled.maxMs)} ms over ${r.unscheduled.calls} calls (${r.unscheduled.withRelaxations} with a verified relaxation)`]);
  } else if (f.explain) rows.push(['explain, M', 'failed', f.explain.message.split('\n')[0] ?? '']);
  lines.push(markdownTable(['', 'what', 'figures'], rows, [0, 1, 2]), '', 'Their targets are in the list above. docs/replan.md, docs/recommend.md and docs/explain.md say where the time goes.', '');
  return lines;
}
