/**
 * Replan bench: `npx tsx bench/replan.ts --tier L [--seed N] [--scenario FILE]`. Plans a
 * generated scenario, then the officer on the most visits falls ill from the middle visit's date
 * to the end of the horizon (that date is `today`); replans and reports the share of the visits
 * he was not on that are unchanged (date, enterprise, occurrences, team, id), and the time
 * against the full plan. The plan and the replan each run in a fresh process (as a person runs
 * them), timed around `planSync` / `replanSync` on an already parsed scenario. `npm run bench`
 * measures the same in several interleaved rounds (bench/features/run.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScenario, planSync, replanSync, validatePlan, type Plan } from '../src/index.js';
import { illOfficerOf, keptOthers, withOfficerIll } from './features/ill-officer.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? (args[i + 1] as string) : fallback;
};
const seed = Number(arg('--seed', '1'));
const child = arg('--child', '');

if (child === 'plan') {
  const scenario = parseScenario(JSON.parse(readFileSync(arg('--scenario', ''), 'utf8')));
  const t = performance.now();
  const plan = planSync(scenario, { seed });
  const ms = performance.now() - t;
  writeFileSync(arg('--out', ''), JSON.stringify(plan));
  console.log(JSON.stringify({ ms, phasesMs: plan.meta.phasesMs }));
} else if (child === 'replan') {
  const scenario = parseScenario(JSON.parse(readFileSync(arg('--scenario', ''), 'utf8')));
  const previous = JSON.parse(readFileSync(arg('--previous', ''), 'utf8')) as unknown;
  const t = performance.now();
  const result = replanSync(scenario, previous, { seed, today: arg('--today', '') });
  const ms = performance.now() - t;
  writeFileSync(arg('--out', ''), JSON.stringify(result));
  console.log(JSON.stringify({ ms, phasesMs: result.plan.meta.phasesMs }));
} else {
  const tier = arg('--tier', 'M');
  const dir = mkdtempSync(join(tmpdir(), 'ji-replan-bench-'));
  const run = (...more: string[]) => JSON.parse(execFileSync('npx', ['tsx', 'bench/replan.ts', '--seed', String(seed), ...more], { encoding: 'utf8', maxBuffer: 1 << 30 })) as { ms: number; phasesMs: Record<string, number> };
  try {
    const file = arg('--scenario', '') || join(dir, 'scenario.json');
    if (arg('--scenario', '') === '') execFileSync('npx', ['tsx', 'bench/generate-cli.ts', '--tier', tier, '--seed', String(seed), '--out', file]);
    const planned = run('--child', 'plan', '--scenario', file, '--out', join(dir, 'plan.json'));
    const previous = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as Plan;
    const { officer: ill, onVisits, today } = illOfficerOf(previous.visits);
    const changed = withOfficerIll(JSON.parse(readFileSync(file, 'utf8')) as Parameters<typeof withOfficerIll>[0], ill, today);
    writeFileSync(join(dir, 'changed.json'), JSON.stringify(changed));
    const replanned = run('--child', 'replan', '--scenario', join(dir, 'changed.json'), '--previous', join(dir, 'plan.json'), '--today', today, '--out', join(dir, 'replan.json'));
    const { plan, diff } = JSON.parse(readFileSync(join(dir, 'replan.json'), 'utf8')) as ReturnType<typeof replanSync>;
    const { his, others, kept } = keptOthers(previous.visits, plan.visits, ill, today);
    const valid = validatePlan(parseScenario(changed), plan).valid;
    let cpu = '';
    try {
      cpu = execFileSync('sh', ['-c', "lscpu | grep 'Model name'"], { encoding: 'utf8' }).replace(/\s+/g, ' ').trim();
    } catch {
      cpu = 'unknown CPU';
    }
    const figures = {
      tier,
      seed,
      cpu,
      visits: previous.visits.length,
      illOfficer: ill,
      illOfficerVisits: onVisits,
      illFrom: today,
      hisVisitsFromToday: his,
      othersKept: `${kept}/${others} (${((100 * kept) / Math.max(1, others)).toFixed(2)}%)`,
      planMs: Math.round(planned.ms),
      replanMs: Math.round(replanned.ms),
      ratio: (replanned.ms / planned.ms).toFixed(3),
      planPhasesMs: planned.phasesMs,
      replanPhasesMs: replanned.phasesMs,
      scheduledBefore: previous.metrics.scheduled,
      scheduledAfter: plan.metrics.scheduled,
      valid,
      counts: diff.counts,
    };
    console.log(JSON.stringify(figures, null, 2));
    const keptEnough = kept / Math.max(1, others) >= 0.98;
    const fastEnough = replanned.ms <= planned.ms / 3;
    console.log(`${keptEnough ? 'PASS' : 'FAIL'}: ≥ 98% of the visits he was not on kept`);
    console.log(`${fastEnough ? 'PASS' : 'FAIL'}: replan in at most a third of the plan's time`);
    console.log(`${valid ? 'PASS' : 'FAIL'}: the new plan passes validatePlan`);
    process.exitCode = keptEnough && fastEnough && valid ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
