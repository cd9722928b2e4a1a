/**
 * The visits that coordinated random draws save (issue 11): one task per department, drawn
 * (a) independently and (b) coordinated, each planned alone with planSync; prints both and the
 * saving. The plans are checked with validatePlan before anything is printed.
 *
 *   npx tsx bench/generate-cli.ts --tier M --seed 1 --out /tmp/m.json
 *   npx tsx bench/draw.ts --scenario /tmp/m.json [--draw-seed 2026] [--plan-seed 1] [--time-limit 60000]
 *   npx tsx bench/draw.ts --tier demo --seed 2026          (generates the scenario in-process)
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fail, flags, otherFlag, parseInteger, parseText, parseTier } from './cli-args.js';
import { compareDraws } from './draw-compare.js';
import { generateScenario, type Tier } from './generator/index.js';
import { parseScenario } from '../src/index.js';

const USAGE = 'usage: tsx bench/draw.ts (--scenario FILE | --tier demo|S|M|L|XL [--seed N]) [--draw-seed N] [--plan-seed N] [--time-limit MS]';

let file: string | undefined;
let tier: Tier | undefined;
let seed = 1;
let drawSeed = 2026;
let planSeed = 1;
let timeLimitMs = 60_000;
for (const f of flags(process.argv.slice(2))) {
  switch (f.flag) {
    case '--scenario':
      file = parseText(f.value(), '--scenario needs a file name', USAGE);
      break;
    case '--tier':
      tier = parseTier(f.value(), USAGE);
      break;
    case '--seed':
      seed = parseInteger('--seed', f.value(), USAGE);
      break;
    case '--draw-seed':
      drawSeed = parseInteger('--draw-seed', f.value(), USAGE);
      break;
    case '--plan-seed':
      planSeed = parseInteger('--plan-seed', f.value(), USAGE);
      break;
    case '--time-limit':
      timeLimitMs = parseInteger('--time-limit', f.value(), USAGE);
      break;
    default:
      otherFlag(f, USAGE);
  }
}
if ((file === undefined) === (tier === undefined)) fail('give --scenario FILE or --tier', USAGE);

const json: unknown = file !== undefined ? JSON.parse(readFileSync(file, 'utf8')) : generateScenario({ tier: tier as Tier, seed });
const scenario = parseScenario(json);
const c = compareDraws(scenario, { drawSeed, planSeed, timeLimitMs });
if (c.independent.violations + c.coordinated.violations > 0) fail(`a plan breaks a hard rule: ${c.independent.violations} + ${c.coordinated.violations} violations`, USAGE);

const row = (name: string, r: typeof c.independent) =>
  `${name.padEnd(12)} ${String(r.drawn).padStart(6)} ${String(r.requests).padStart(8)} ${String(r.scheduled).padStart(9)} ${String(r.visits).padStart(6)} ${String(r.separateVisits).padStart(8)} ${(r.planMs / 1000).toFixed(1).padStart(7)}`;
console.log(`scenario: ${file ?? `tier ${tier} seed ${seed}`} — ${scenario.enterprises.length} enterprises, ${c.tasks} department draws (its own requests stripped); draw seed ${drawSeed}, plan seed ${planSeed}`);
console.log(`cpu: ${cpus()[0]?.model ?? '?'}`);
console.log(`${'draws'.padEnd(12)} ${'drawn'.padStart(6)} ${'requests'.padStart(8)} ${'scheduled'.padStart(9)} ${'visits'.padStart(6)} ${'separate'.padStart(8)} ${'plan s'.padStart(7)}`);
console.log(row('independent', c.independent));
console.log(row('coordinated', c.coordinated));
console.log(`visits saved by coordinating the same draws: ${c.saved} (${((c.saved / c.independent.visits) * 100).toFixed(1)} % of ${c.independent.visits})`);
if (c.joint) {
  const j = c.joint;
  if (j.independent.violations + j.joint.violations > 0) fail(`a joint-draw plan breaks a hard rule: ${j.independent.violations} + ${j.joint.violations} violations`, USAGE);
  console.log(`joint draw (${j.departments.join('+')}, one sample of ${j.sample}) against each drawing ${j.sample} alone:`);
  console.log(row('alone', j.independent));
  console.log(row('joint', j.joint));
  console.log(`visits saved by the joint draw: ${j.saved} (${((j.saved / Math.max(1, j.independent.visits)) * 100).toFixed(1)} % of ${j.independent.visits})`);
}
