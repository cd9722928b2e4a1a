/**
 * `explain` on a planned scenario: p50/p95 per call over unscheduled occurrences (issue 10:
 * "`explain` time"), relaxations included — each one costs a parse of the relaxed scenario, an
 * index of the plan against it and a `validatePlan` of the placed result. Checked before the
 * figures count: for the first explanation with relaxations, each relaxation's placement,
 * applied to the plan under the relaxed scenario, leaves no violation.
 *
 *   tsx bench/explain.ts --tier M [--seed 1] [--calls 50] [--max-relaxations 6] [--scenario FILE --plan FILE]
 */
import { readFileSync } from 'node:fs';
import { applyEdits, applyRelaxation, explain, parseScenario, planSync, type Plan } from '../src/index.js';
import { fail, flags, otherFlag, parseInteger, parseText } from './cli-args.js';
import { generateScenario, TIERS, type Tier } from './generator/index.js';

const USAGE = 'usage: tsx bench/explain.ts --tier demo|S|M|L|XL [--seed N] [--calls N] [--max-relaxations N] [--scenario FILE --plan FILE]';

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function main(argv: string[]): void {
  let tier: Tier = 'M';
  let seed = 1;
  let calls = 50;
  let maxRelaxations = 6;
  let scenarioFile: string | undefined;
  let planFile: string | undefined;
  for (const f of flags(argv)) {
    const { value } = f;
    switch (f.flag) {
      case '--tier': {
        const v = value();
        if (!TIERS.includes(v as Tier)) fail(`unknown tier ${String(v)}`, USAGE);
        tier = v as Tier;
        break;
      }
      case '--seed':
        seed = parseInteger('--seed', value(), USAGE);
        break;
      case '--calls':
        calls = parseInteger('--calls', value(), USAGE, 1);
        break;
      case '--max-relaxations':
        maxRelaxations = parseInteger('--max-relaxations', value(), USAGE, 0);
        break;
      case '--scenario':
        scenarioFile = parseText(value(), '--scenario needs a file name', USAGE);
        break;
      case '--plan':
        planFile = parseText(value(), '--plan needs a file name', USAGE);
        break;
      default:
        otherFlag(f, USAGE);
    }
  }
  const input: unknown = scenarioFile !== undefined ? JSON.parse(readFileSync(scenarioFile, 'utf8')) : generateScenario({ tier, seed });
  const scenario = parseScenario(input);
  let plan: Plan;
  let t = performance.now();
  if (planFile !== undefined) plan = JSON.parse(readFileSync(planFile, 'utf8')) as Plan;
  else {
    plan = planSync(scenario, { seed });
    console.log(`planned in ${Math.round(performance.now() - t)} ms`);
  }
  const targets = plan.unscheduled.map((u) => u.occurrenceId).slice(0, calls);
  if (targets.length === 0) fail('the plan has no unscheduled occurrence', USAGE);
  const times: number[] = [];
  const kinds = new Map<string, number>();
  let withRelaxations = 0;
  let checked = false;
  for (const id of targets) {
    t = performance.now();
    const e = explain(scenario, plan, id, { maxRelaxations });
    times.push(performance.now() - t);
    if (e.status !== 'unscheduled') fail(`${id} is listed unscheduled but explained as ${e.status}`, USAGE);
    if (e.relaxations.length > 0) withRelaxations++;
    for (const r of e.relaxations) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
    if (!checked && e.relaxations.length > 0) {
      // Outside the timing: each relaxation, applied, places the occurrence without a violation.
      for (const r of e.relaxations) {
        const relaxed = parseScenario(applyRelaxation(scenario, r));
        const placed = applyEdits(relaxed, plan, r.placement.edits);
        if (placed.violations.length > 0) fail(`relaxation ${r.kind} of ${id} leaves ${placed.violations.length} violation(s): ${placed.violations[0]?.message}`, USAGE);
      }
      checked = true;
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`tier ${tier} seed ${seed}: ${plan.visits.length} visits, ${plan.unscheduled.length} unscheduled`);
  console.log(`explain over ${targets.length} unscheduled occurrences (maxRelaxations ${maxRelaxations}): p50 ${Math.round(percentile(sorted, 50))} ms, p95 ${Math.round(percentile(sorted, 95))} ms, max ${Math.round(sorted[sorted.length - 1] ?? NaN)} ms`);
  console.log(`with at least one verified relaxation: ${withRelaxations}/${targets.length}; kinds: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`relaxations checked before timing: ${checked ? 'yes' : 'none to check'}`);
}

main(process.argv.slice(2));
