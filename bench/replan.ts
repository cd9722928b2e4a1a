/**
 * Replan bench: `npx tsx bench/replan.ts --tier L [--seed N]`. Plans a generated scenario, then
 * the officer on the most visits falls ill from the middle visit's date to the end of the
 * horizon (that date is `today`); replans and reports the share of the visits he was not on
 * that are unchanged (date, enterprise, occurrences, team, id), and the time against the full plan.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseScenario, planSync, replanSync, validatePlan } from '../src/index.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? (args[i + 1] as string) : fallback;
};
const tier = arg('--tier', 'M');
const seed = Number(arg('--seed', '1'));
const file = arg('--scenario', '');
const json = file !== '' ? readFileSync(file, 'utf8') : execFileSync('npx', ['tsx', 'bench/generate-cli.ts', '--tier', tier, '--seed', String(seed)], { encoding: 'utf8', maxBuffer: 1 << 30 });
const raw = JSON.parse(json) as { inspectors: { id: string; unavailable?: { from: string; to: string }[] }[]; horizon: { to: string } };
// Both timed on a parsed scenario (parsing is the same work for both).
const original = parseScenario(raw);
let t = performance.now();
const previous = planSync(original, { seed });
const planMs = performance.now() - t;
const count = new Map<string, number>();
for (const v of previous.visits) for (const i of v.inspectorIds) count.set(i, (count.get(i) ?? 0) + 1);
const [ill, onVisits] = [...count.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] as [string, number];
const today = (previous.visits[Math.floor(previous.visits.length / 2)] as { date: string }).date;
const changed = structuredClone(raw);
const officer = changed.inspectors.find((i) => i.id === ill) as (typeof changed.inspectors)[number];
officer.unavailable = [...(officer.unavailable ?? []), { from: today, to: changed.horizon.to }];
const scenario = parseScenario(changed);
t = performance.now();
const { plan, diff } = replanSync(scenario, previous, { seed, today });
const replanMs = performance.now() - t;
const his = new Set(previous.visits.filter((v) => v.inspectorIds.includes(ill) && v.date >= today).map((v) => v.id));
const after = new Map(plan.visits.map((v) => [v.id, JSON.stringify(v)]));
let others = 0;
let kept = 0;
for (const v of previous.visits) {
  if (his.has(v.id)) continue;
  others++;
  if (after.get(v.id) === JSON.stringify(v)) kept++;
}
const valid = validatePlan(scenario, plan).valid;
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
  hisVisitsFromToday: his.size,
  othersKept: `${kept}/${others} (${((100 * kept) / Math.max(1, others)).toFixed(2)}%)`,
  planMs: Math.round(planMs),
  replanMs: Math.round(replanMs),
  planPhasesMs: previous.meta.phasesMs,
  replanPhasesMs: plan.meta.phasesMs,
  ratio: (replanMs / planMs).toFixed(3),
  scheduledBefore: previous.metrics.scheduled,
  scheduledAfter: plan.metrics.scheduled,
  valid,
  counts: diff.counts,
};
console.log(JSON.stringify(figures, null, 2));
const pass = kept / Math.max(1, others) >= 0.98 && replanMs <= planMs / 3 && valid;
console.log(pass ? 'PASS: ≥ 98% of the other visits kept, in at most a third of the plan time' : 'FAIL');
process.exitCode = pass ? 0 : 1;
