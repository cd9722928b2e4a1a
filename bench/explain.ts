/**
 * `explain` on a planned scenario: p50/p95 per call over unscheduled occurrences (issue 10:
 * "`explain` time"), relaxations included — each one costs a parse of the relaxed scenario, an
 * index of the plan against it and a `validatePlan` of the placed result. Checked before the
 * figures count (bench/features/calls.ts, shared with `npm run bench`): for the first explanation
 * with relaxations, each relaxation's placement, applied to the plan under the relaxed
 * scenario, leaves no violation.
 *
 *   tsx bench/explain.ts --tier M [--seed 1] [--calls 50] [--max-relaxations 6] [--scenario FILE --plan FILE]
 */
import { readFileSync } from 'node:fs';
import * as lib from '../src/index.js';
import { parseScenario, planSync, type Plan } from '../src/index.js';
import { measureExplain } from './features/calls.js';
import { callScriptFlag, flags, otherFlag, parseInteger, type CallScriptArgs } from './cli-args.js';
import { generateScenario } from './generator/index.js';

const USAGE = 'usage: tsx bench/explain.ts --tier demo|S|M|L|XL [--seed N] [--calls N] [--max-relaxations N] [--scenario FILE --plan FILE]';

function main(argv: string[]): void {
  const args: CallScriptArgs = { tier: 'M', seed: 1, calls: 50 };
  let maxRelaxations = 6;
  for (const f of flags(argv)) {
    if (f.flag === '--max-relaxations') {
      maxRelaxations = parseInteger('--max-relaxations', f.value(), USAGE, 0);
      continue;
    }
    if (!callScriptFlag(f, args, USAGE)) otherFlag(f, USAGE);
  }
  const { tier, seed, calls, scenarioFile, planFile } = args;
  const input: unknown = scenarioFile !== undefined ? JSON.parse(readFileSync(scenarioFile, 'utf8')) : generateScenario({ tier, seed });
  const scenario = parseScenario(input);
  let plan: Plan;
  const t = performance.now();
  if (planFile !== undefined) plan = JSON.parse(readFileSync(planFile, 'utf8')) as Plan;
  else {
    plan = planSync(scenario, { seed });
    console.log(`planned in ${Math.round(performance.now() - t)} ms`);
  }
  const figures = measureExplain(lib, scenario, plan, calls, maxRelaxations, tier);
  const u = figures.unscheduled;
  console.log(`tier ${tier} seed ${seed}: ${plan.visits.length} visits, ${plan.unscheduled.length} unscheduled`);
  console.log(`explain over ${u.calls} unscheduled occurrences (maxRelaxations ${maxRelaxations}): p50 ${Math.round(u.p50Ms)} ms, p95 ${Math.round(u.p95Ms)} ms, max ${Math.round(u.maxMs)} ms`);
  console.log(`with at least one verified relaxation: ${u.withRelaxations}/${u.calls}; the first explanation's relaxations checked after the timing`);
}

main(process.argv.slice(2));
