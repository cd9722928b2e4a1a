/** The text of docs/performance.md: how it is measured, the results per regime, targets, the features, draws, observations, HiGHS. */
import { REGIMES } from '../generator/regimes.js';
import type { Machine } from '../machine.js';
import { regimesFor, TIER_ORDER, variantsOf, type BenchTier } from '../options.js';
import type { BenchReport } from '../summary.js';
import { drawSection } from './draw-section.js';
import { featureSection } from './feature-section.js';
import { MIP_HEAD, mipRows } from './mip-table.js';
import { HEAD, markdownTable, n1, n2, REGIME_HEAD, regimeRowOf, regimeRows, rowOf } from './tables.js';
import { targets, type Target } from './targets.js';

/** Whether the machine is the host class issue 12's targets are set for: a 2-core AMD EPYC. */
export const isSlowerHostClass = (mc: Machine) => /AMD EPYC/i.test(mc.cpu) && mc.cores === 2;

/** docs/performance.md; the sections on the charts appear only if the charts were written. */
export function performanceMd(report: BenchReport, timeChart: boolean, anytimeChartWritten: boolean): string {
  const o = report.options;
  const mc = report.machine;
  const t = targets(report);
  const failures = report.results.filter((r) => r.runs.some((x) => x.status === 'invalid-plan' || x.status === 'error'));
  const notes = report.results.filter((r) => r.summary?.objectiveDiffers).map((r) => `${r.tier} ${r.variant}`);
  const lines: string[] = [
    '# Performance',
    '',
    '<!-- Written by `npm run bench` (text in bench/report/performance-md.ts); edit that, not this file. `npm run bench -- --from-results bench/results/DATE.json` writes it again from a results file without measuring. -->',
    '',
    `Measured on **${report.date}** with \`${report.command}\`${report.build ? `, the package built from commit ${report.build.commit}${report.build.srcChanged ? ' (with uncommitted changes in src/)' : ''}` : ''}. Raw figures: \`bench/results/${report.date}.json\`.`,
    '',
    `**Machine:** ${mc.cpu}, ${mc.cores} cores, ${mc.ramGb} GB RAM, Node ${mc.node}, ${mc.os}.${runLength(report)}`,
    '',
    '## How it is measured',
    '',
    `- Scenarios come from the seeded generator (\`bench/generator/\`, docs/scenario-generator.md), seed ${o.seed}, each tier in the **regimes** of docs/scenario-generator.md ("Regimes"): **normal** (staff binds for a few per cent), **ample** (the same enterprises, requests, caps and history with many more officers), **cap-bound** (plus recurring monthly and quarterly programmes against tighter caps with a year of history: 25–40% of the occurrences end \`CAP_REACHED\`) and **staff-bound** (the normal scenario with officers below the load: 10–20% of the on-site occurrences end \`STAFF_CAPACITY\` or \`DISPLACED\`). This run: ${regimesMeasured(report)}.`,
    ...xlNote(report),
    `- Each run is a fresh child process (\`node --import tsx bench/measure.ts\`) that loads the **built package** (\`dist/index.js\`, what \`import 'joint-inspection'\` gives; \`npm run bench\` builds it first with tsup): it reads the scenario's file and \`JSON.parse\`s its text (timed apart: the yardstick below), parses that (\`parseScenario\`, not timed) and calls \`planSync(scenario, { seed: ${o.seed}, timeLimitMs: ${o.timeLimitMs}, computeSeparateVisits: true })\`. **Wall time** is that call alone (compile, construction, improvement rounds, report, separate-visits estimate). The time limit is generous on purpose: the planner stops when a round improves nothing, and the figure shows what it really needs; \`stoppedEarly\` would say if the limit was hit. A child that has not answered after ${o.timeoutMin} min is killed and reported as *did not finish*.`,
    '- **Peak RSS** is `process.resourceUsage().maxRSS` of that child right after `planSync` returns: reading, parsing and planning, not validation (the end-of-process figure, validation included, is in the JSON).',
    '- The machine is shared with other engineers\' work; nothing stops another process from running at the same time, so a single L or XL figure can carry some noise.',
    '- Every plan is checked with `validatePlan` after the timed part and **before** its figures count; an invalid plan is a failure and is shown as such below, never averaged in.',
    `- Runs per tier: ${o.runs ?? '3 for S and M in every regime and for L normal and ample (the median damps the noise of a shared machine), 1 for L cap-bound and staff-bound (a minute or more each) and for XL'}; the table shows the median wall time and the largest peak RSS. The plan is the same in every run (same seed); the JSON has every run.`,
    '- **The yardstick** (issue 12): each run\'s child first reads the scenario file and `JSON.parse`s its text, timed alone (*read + JSON.parse*), and only then calls `parseScenario` and `planSync`. Times are also given as a multiple (**×**) of that yardstick, measured in the same process on the same file: it moves with the host\'s speed and load as the planner does, so the multiple compares across hosts where seconds do not.',
    ...(o.cliRuns === undefined
      ? []
      : [
          `- **CLI end to end**: after a scenario's planSync runs, ${o.cliRuns === 0 ? 'not measured in this run (`--cli-runs 0`)' : `${o.cliRuns === 1 ? 'one run' : `${o.cliRuns} runs (the median counts)`} of \`node dist/cli.cjs plan FILE --out PLAN.json --seed ${o.seed} --time-limit ${o.timeLimitMs} --locale en\` in a fresh process, as a user runs it: the wall time from the spawn to the exit (Node's start-up, reading, parsing, planning — without the separate-visits estimate —, writing the plan's indented JSON), and the process's peak RSS (written at its exit by a preloaded \`bench/cli-rss.cjs\`). Its plan must have the visits and scheduled count of the planSync runs. Its multiple is against the median yardstick of those runs`}.`,
        ]),
    '- **sched. priority %** = scheduled priority / total priority of the occurrences that need a visit (off-site ones excluded). **gap %** = (visits − lowerBound) / lowerBound, where `lowerBound` is the planner\'s proven bound (docs/planner.md; it ignores staff and caps, so it is loose when they bind). **separate** = `metrics.separateVisits` (visits if every department went alone), **saved** = `visitsSaved`.',
    '',
    '## Results',
    '',
    markdownTable(HEAD, report.results.map(rowOf)),
    '',
  ];
  if (failures.length > 0) {
    lines.push(`> **FAILURES** — ${failures.map((r) => `${r.tier} ${r.variant}: ${r.runs.find((x) => x.status === 'invalid-plan' || x.status === 'error')!.detail}`).join('; ')}`, '');
  }
  if (notes.length > 0) lines.push(`> Runs of ${notes.join(', ')} gave different objectives although the seed was the same.`, '');
  const others = report.results.filter((r) => r.summary);
  if (others.length > 0) {
    lines.push(`Not in the wall time: parsing (read, \`JSON.parse\`, \`parseScenario\`) ${others.map((r) => `${r.tier}/${r.variant} ${n2(r.summary!.parseSec)} s`).join(', ')}; validation ${others.map((r) => `${r.tier}/${r.variant} ${n2(r.summary!.validateSec)} s`).join(', ')}.`, '');
  }
  lines.push(...regimeSection(report));
  const host = `${mc.cpu}, ${mc.cores} cores, ${mc.ramGb} GB, Node ${mc.node}`;
  lines.push(
    '## Targets',
    '',
    `Judged on the host of this run — **${host}** — ${isSlowerHostClass(mc) ? 'the slower host class issue 12 sets its targets for (2-core AMD EPYC)' : '**not** the host class issue 12 sets its targets for (a 2-core AMD EPYC): its verdicts hold for this host only'}; \`npm run bench\` with default options${report.command === 'npm run bench' ? '' : ' (this run: `' + report.command + '`; a target whose tier was not run says so)'}. The machine is shared, so a time near its line can fall either side of it from one run to the next.`,
    '',
  );
  const perRegime = t.filter((x) => x.row !== undefined && x.regime !== undefined);
  if (perRegime.length > 0) lines.push('### Issue 12, in every regime', '', regimeTargetTable(perRegime), '');
  lines.push(...(perRegime.length > 0 ? ['### The other targets', ''] : []));
  for (const x of t.filter((y) => !perRegime.includes(y))) lines.push(`- ${x.target}: **${x.status}** — ${x.figure}`);
  lines.push('');
  if (timeChart) lines.push('## Time against size', '', '![Planner wall time against occurrences, log–log, normal and ample staff](bench-time-vs-size.svg)', '', 'The dotted line has slope 1 through M: a planner whose time grows linearly with the occurrences would follow it. A hollow marker is a run that did not finish (plotted at the time-out) or failed.', '');
  if (anytimeChartWritten) lines.push('## Anytime curve, tier L', '', '![Best scheduled priority and visits against elapsed seconds on L](bench-anytime-L.svg)', '', 'Each step is an `onProgress` report of the best plan so far (`best.scheduledPriority`, `best.visits`). The first point is the end of construction; compilation comes before it.', '');
  lines.push(...featureSection(report), ...drawSection(report), ...observations(report), ...mipSection(report));
  // Measured apart from this run (bench/mip-staff.ts), written by hand in docs/where-staff-binds.md.
  lines.push('## Where staff binds (exact model)', '', 'The planner against the proven optima of an exact model (officers, visit times, officer-day limits) on 30 small staff-bound scenarios, with the command, figures and why the planner misses: [where-staff-binds.md](where-staff-binds.md). The staff-aware bounds in `metrics`: [bounds.md](bounds.md).', '');
  return `${lines.join('\n')}\n`;
}

/** How long the run took and how loaded the host was, when the results file says. */
function runLength(report: BenchReport): string {
  const parts: string[] = [];
  if (report.elapsedSec !== undefined) parts.push(` The whole run took ${n1(report.elapsedSec / 60)} min`);
  const load = report.loadAverage;
  if (load) parts.push(`${parts.length > 0 ? ';' : ''} load average (1 / 5 / 15 min) ${load.start.map(n2).join(' / ')} at its start and ${load.end.map(n2).join(' / ')} at its end, on ${report.machine.cores} cores`);
  return parts.length > 0 ? `${parts.join('')}.` : '';
}

/** "S, M and L in normal, ample, …; XL in normal, ample" — what this run measured. */
function regimesMeasured(report: BenchReport): string {
  const o = report.options;
  if (o.tiers.length === 0) return 'no tier (`--tiers none`)';
  const groups: { tiers: string[]; regimes: string }[] = [];
  for (const tier of o.tiers) {
    const regimes = regimesFor(o, tier).join(', ') || 'no regime';
    const last = groups[groups.length - 1];
    if (last && last.regimes === regimes) last.tiers.push(tier);
    else groups.push({ tiers: [tier], regimes });
  }
  return groups.map((g) => `${g.tiers.join(', ')} in ${g.regimes}`).join('; ');
}

/** Says that XL's slow regimes are opt-in, when this run left them out. */
function xlNote(report: BenchReport): string[] {
  const o = report.options;
  const left = REGIMES.filter((r) => variantsOf(o).includes(r) && !regimesFor(o, 'XL').includes(r));
  if (!o.tiers.includes('XL') || left.length === 0) return [];
  return [`- **XL in ${left.join(' and ')} is opt-in** (\`--xl-regimes all\`): each takes minutes on a 2-core host (L cap-bound alone takes over a minute), and with them a full \`npm run bench\` would run well past 25 minutes. Their XL targets below say *not measured*.`];
}

/** Issue 12's per-regime figures: times as seconds and as multiples of the yardstick, memory, and what binds. */
function regimeSection(report: BenchReport): string[] {
  const rows = regimeRows(report.results);
  if (rows.length === 0) return [];
  return [
    '## Regimes: time, memory and what binds',
    '',
    markdownTable(REGIME_HEAD, rows.map(regimeRowOf)),
    '',
    `*read + JSON.parse* is the yardstick (median over the runs); **planSync ×** and **CLI ×** are the times as multiples of it. Peak RSS: of the planSync child (reading, parsing and planning) and of the CLI process. Unscheduled occurrences are counted by their first reason code; \`STAFF_CAPACITY + DISPLACED\` is a share of the on-site occurrences (\`metrics.occurrences − metrics.offsite\`).`,
    '',
  ];
}

/** The per-regime targets as a table: a row a target, a column a regime, each cell the verdict and its figure. */
export function regimeTargetTable(per: readonly Target[]): string {
  const rowNames = [...new Set(per.map((x) => x.row!))];
  const cells = rowNames.map((row) => [row, ...REGIMES.map((v) => {
    const x = per.find((y) => y.row === row && y.regime === v);
    return x ? `**${x.status}** — ${x.figure}` : '—';
  })]);
  return markdownTable(['target', ...REGIMES], cells, [0, 1, 2, 3, 4]);
}

/** Facts the figures show on their own: growth between tiers, and where staff binds. */
function observations(report: BenchReport): string[] {
  const out: string[] = [];
  for (const v of variantsOf(report.options)) {
    const tiers = report.results.filter((r) => r.variant === v && TIER_ORDER.includes(r.tier as BenchTier) && r.summary);
    const steps = tiers.slice(1).map((r, i) => {
      const a = tiers[i]!.summary!;
      const b = r.summary!;
      return `${tiers[i]!.tier}→${r.tier} ${n2(Math.log(b.wallSec / a.wallSec) / Math.log(b.occurrences / a.occurrences))}`;
    });
    if (steps.length > 0) out.push(`- Growth of wall time with occurrences (log–log slope; 1 = linear), ${v === 'normal' || v === 'ample' ? `${v} staff` : v}: ${steps.join(', ')}.`);
  }
  for (const r of report.results.filter((x) => (x.tier === 'L' || x.tier === 'XL') && x.variant === variantsOf(report.options)[0] && x.summary)) {
    const f = r.runs[0]!.figures!;
    const starts: { phase: string; t: number }[] = [];
    for (const p of f.trace) if (starts[starts.length - 1]?.phase !== p.phase) starts.push({ phase: p.phase, t: p.t });
    const marks = starts.slice(1).map((p) => `${p.phase} ${n1(p.t)} s`);
    out.push(`- Where the time goes on ${r.tier} (${r.variant}): the first \`onProgress\` report of each phase came at ${marks.join(', ')} (construct is reported when construction ends, so compile and construction come before it; report includes the separate-visits estimate).`);
  }
  const same = TIER_ORDER.filter((t) => {
    const a = report.results.find((r) => r.tier === t && r.variant === 'normal')?.summary;
    const b = report.results.find((r) => r.tier === t && r.variant === 'ample')?.summary;
    return a && b && a.scheduledPriority === b.scheduledPriority && a.visits === b.visits;
  });
  if (same.length > 0) {
    out.push(`- Staff does not bind in the generated normal-staff tiers ${same.join(', ')}: their plans have exactly the scheduled priority and visits of the ample-staff variant. The "tight" figures are therefore not a test of the planner under scarce staff.`);
  }
  return out.length > 0 ? ['## Observations', '', ...out, ''] : [];
}

/** How the HiGHS comparison is made, and its table. */
function mipSection(report: BenchReport): string[] {
  const o = report.options;
  const lines = [
    '## HiGHS comparison',
    '',
    '`bench/mip.ts` writes each scenario as a mixed-integer program (CPLEX LP text, `bench/mip/model.ts`) and solves it with [HiGHS](https://highs.dev) 1.15 compiled to WebAssembly (the `highs` package, single thread), in a child process of its own, in the same `npm run bench`. The planner\'s figures are those of the runs above (same scenario, same seed).',
    '',
    '**The model.** `x[o,d]` ∈ {0,1} for each on-site occurrence and each of its feasible days, computed in `bench/mip/feasible.ts` from the contract with the public calendar helpers (window ∩ horizon ∩ working days, no make-up day under `forbid` ∩ enterprise available ∩ quiet periods ∩ `fixedDate`; whitelist, jurisdiction and parts longer than the enterprise\'s longest visit excluded outright; and, a necessary condition, days on which the department\'s eligible officers — certificate, leave, area, recusal, qualifications — could not field the team on their own); `y[e,d]` ∈ {0,1}, a visit to enterprise e on day d (so at most one per enterprise-day). Constraints: each occurrence at most once; `x ≤ y`; per visit and department, the minutes ≤ the enterprise\'s longest visit; an exclusive occurrence alone (`x[o,d] + x[o\',d] ≤ y[e,d]`); `maxDepartmentsPerVisit` through department indicators `z[e,d,k]`; every cap with history — per enterprise or per enterprise-department tallies, calendar periods and rolling windows (`Σ ≤ limit − history` in each), `minGapDays` as "at most one counting visit in any span of minGapDays days", and days too close to a counting history event removed; staff as an **aggregate** capacity per department and day: teams (`min·z` plus the extra officers an occurrence asks for) ≤ Σ `maxVisitsPerDay` of the officers present, and Σ need × minutes ≤ Σ `maxMinutesPerDay`. Objective: maximise W·Σ priority·x − Σ y with W = N + 1 (N = occurrences with a feasible day; an optimal solution has at most N visits), so priority dominates and visits break ties — the order of contract §3, points 2 and 3.',
    '',
    '**A relaxation when staff binds.** The staff constraints pool officers: they ignore which officer goes where, visit times and overlaps, travel time, and that recusal, areas and qualifications must hold for the team actually sent. So the MIP\'s optimum is an **upper bound** on what any valid plan can reach when staff binds (the normal-staff scenarios), and **exact** when staff is ample. A planner result equal to it is therefore proven optimal; a result below it may be the planner\'s shortfall or the bound\'s slack. `test/bench/mip.test.ts` checks the model: on 150 small ample-staff scenarios with caps and history its optimum equals the exhaustive optimum of `test/support/exact.ts`, on 30 small tight-staff ones it is never below a valid plan of the planner, and pinned examples cover exclusivity, gaps and rolling windows with history, and pooled staff.',
    '',
    `**M cut.** M (15,000 occurrences) is far beyond what the MIP can take, so the comparison uses **M cut to its first ${o.mipRequests.join(', ')} requests** (\`--mip-requests\`; the generator writes requests enterprise by enterprise, so a cut keeps whole enterprises, plus a few top-up requests)${o.mipRequests.length > 1 ? ': a small M that HiGHS can still solve in its time limit, and larger ones where it shows what it reaches' : ''}. Calendar, enterprises, officers, caps and history are M\'s unchanged, so a cut has the staff of the whole of M for a fraction of the work: staff rarely binds there. The planner is run on exactly the same cut.`,
    '',
    `HiGHS options: \`time_limit\` ${o.mipTimeLimitSec} s, \`mip_rel_gap\` 0 (the objective is integral, so "optimal" means proven). HiGHS checks its time limit only at some points (on large models it was seen to pass the limit at the end of presolve and run on for over ten minutes), so the bench also interrupts it from its simplex, interior-point and MIP callbacks once the limit has passed, and kills the child 2 minutes after it (in every run so far HiGHS either answered within its limit or had still not answered six minutes in). Times: building the LP text + HiGHS reading it + HiGHS solving; the "faster by" column uses all three, the S target below HiGHS's solve time alone.`,
    '',
  ];
  if (report.comparisons.length === 0) return [...lines, 'Not run in this benchmark (`--mip none`).', ''];
  lines.push(markdownTable(MIP_HEAD, mipRows(report.comparisons), [0, 4, 6]), '');
  lines.push('"did not finish" is HiGHS stopped by its time limit: the incumbent is the best solution it had, and the bound what it had proven about the optimum (priority ≤ …; visits ≥ … at that priority).', '');
  return lines;
}
