/**
 * `recommend` on a city-year plan: the time to index the plan once, then p50/p95 per call over
 * 100 unscheduled occurrences and over 100 occurrences taken out of their visits (issue 10: p95
 * under 200 ms on tier L), with the timed calls of `npm run bench` (bench/features/calls.ts).
 * The best option of the first call that has one is applied with `applyEdits` and must add no
 * violation.
 *
 *   tsx bench/recommend.ts --tier L [--seed 1] [--calls 100] [--scenario FILE --plan FILE]
 *
 * Without --plan the scenario is planned first (tier L takes a while); with --scenario/--plan
 * the given files are used (e.g. a plan written by `joint-inspection plan`).
 */
import { readFileSync } from 'node:fs';
import * as lib from '../src/index.js';
import { parseScenario, planSync, type Plan } from '../src/index.js';
import { measureRecommend } from './features/calls.js';
import type { RecommendFigures } from './features/types.js';
import { callScriptFlag, fail, flags, otherFlag, type CallScriptArgs } from './cli-args.js';
import { generateScenario } from './generator/index.js';

const USAGE = 'usage: tsx bench/recommend.ts --tier demo|S|M|L|XL [--seed N] [--calls N] [--scenario FILE --plan FILE]';

function main(argv: string[]): void {
  const args: CallScriptArgs = { tier: 'L', seed: 1, calls: 100 };
  for (const f of flags(argv)) {
    if (!callScriptFlag(f, args, USAGE)) otherFlag(f, USAGE);
  }
  const { tier, seed, calls, scenarioFile, planFile } = args;
  const input: unknown = scenarioFile !== undefined ? JSON.parse(readFileSync(scenarioFile, 'utf8')) : generateScenario({ tier, seed });
  let t = performance.now();
  const scenario = parseScenario(input);
  const parseMs = performance.now() - t;
  let plan: Plan;
  if (planFile !== undefined) plan = JSON.parse(readFileSync(planFile, 'utf8')) as Plan;
  else {
    t = performance.now();
    plan = planSync(scenario, { seed });
    console.log(`planned in ${Math.round(performance.now() - t)} ms`);
  }
  const f = measureRecommend(lib, scenario, plan, calls, tier);
  if (f.addedViolations > 0) fail(`the best option of the first call that had one adds ${f.addedViolations} violation(s)`, USAGE);
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const line = (p: RecommendFigures['unscheduled']) => `recommend × ${p.calls}: p50 ${ms(p.p50Ms)}, p95 ${ms(p.p95Ms)}, max ${ms(p.maxMs)}; ${p.withOptions} with options`;
  console.log(`tier ${tier} seed ${seed}: ${scenario.requests.length} requests, ${plan.visits.length} visits, ${plan.unscheduled.length} unscheduled`);
  console.log(`parse scenario ${ms(parseMs)}; first call, which indexes the plan, ${ms(f.firstCallMs)}`);
  console.log(`unscheduled occurrences: ${line(f.unscheduled)}`);
  console.log(`occurrences of single-occurrence visits taken out of the plan: ${line(f.takenOut)}`);
}

main(process.argv.slice(2));
