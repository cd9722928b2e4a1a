/**
 * Where staff binds: the planner against the EXACT model (bench/mip/exact.ts) on small
 * staff-bound scenarios (bench/mip/staff-scenarios.ts), seeded. For each scenario: `planSync`
 * (seed 1), then HiGHS in two stages (the most priority; then, at that priority, the fewest
 * visits and officers), both plans checked with `validatePlan`. Reports how many optima are
 * proven, on how many of those the planner reaches the optimum (same priority, visits and
 * officers), the priority lost overall, and the extra visits and officers.
 *
 *   npx tsx bench/mip-staff.ts [--count 30] [--first-seed 1] [--time-limit 30] [--json]
 *
 * `npm run bench -- --mip-staff N` runs it in a child process (bench/jobs.ts) and prints the summary.
 */
import { expandOccurrences, parseScenario, planSync, validatePlan, type Plan, type PlanToValidate, type Scenario } from '../src/index.js';
import { exactPlan, solveExactStage, type ExactVisit } from './mip/exact.js';
import { smallStaffBoundScenario } from './mip/staff-scenarios.js';

export interface MipStaffJob {
  count: number;
  firstSeed: number;
  /** HiGHS time limit per stage, seconds. */
  timeLimitSec: number;
}

export interface PlanFigures {
  priority: number;
  visits: number;
  officers: number;
}

export interface MipStaffCase {
  seed: number;
  enterprises: number;
  officers: number;
  occurrences: number;
  /** Unscheduled by the planner with STAFF_CAPACITY or DISPLACED (staff binds). */
  staffUnscheduled: number;
  planner: PlanFigures & { ms: number; valid: boolean; priorityUpperBound?: number; visitsLowerBound?: number };
  exact?: PlanFigures & { valid: boolean; violations: string[] };
  /** Both stages proven optimal. */
  proven: boolean;
  status: string[];
  /** Best proven bound on the priority (stage 1). */
  priorityBound?: number;
  exactMs: number;
  columns: number;
  rows: number;
}

export interface MipStaffSummary {
  cases: MipStaffCase[];
  proven: number;
  /** Proven cases where the planner has the optimum's priority, visits and officers. */
  reached: number;
  /** Proven cases where the planner has the optimum's priority. */
  priorityReached: number;
  /** Σ (optimum − planner) priority over the proven cases, and Σ optimum priority there. */
  priorityLost: number;
  priorityOptimal: number;
  /** Over proven cases where the planner reached the optimum's priority: extra visits, then extra officers at equal visits. */
  extraVisits: number;
  extraOfficers: number;
}

function figures(s: Scenario, visits: readonly { occurrenceIds: readonly string[]; inspectorIds: readonly string[] }[]): PlanFigures {
  const priority = new Map(expandOccurrences(s).map((o) => [o.id, o.request.priority]));
  let p = 0;
  let officers = 0;
  for (const v of visits) {
    for (const id of v.occurrenceIds) p += priority.get(id) ?? 0;
    officers += v.inspectorIds.length;
  }
  return { priority: p, visits: visits.length, officers };
}

export async function runCase(seed: number, timeLimitSec: number): Promise<MipStaffCase> {
  const json = smallStaffBoundScenario(seed);
  const s = parseScenario(json);
  const t0 = performance.now();
  const plan: Plan = planSync(s, { seed: 1, locale: 'en' });
  const ms = performance.now() - t0;
  const metrics = plan.metrics as Plan['metrics'] & { priorityUpperBound?: number; visitsLowerBound?: number };
  const out: MipStaffCase = {
    seed,
    enterprises: s.enterprises.length,
    officers: s.inspectors.length,
    occurrences: plan.metrics.occurrences,
    staffUnscheduled: plan.unscheduled.filter((u) => u.reasons.some((r) => r.code === 'STAFF_CAPACITY' || r.code === 'DISPLACED')).length,
    planner: {
      ...figures(s, plan.visits),
      ms,
      valid: validatePlan(s, plan).valid,
      ...(metrics.priorityUpperBound !== undefined ? { priorityUpperBound: metrics.priorityUpperBound } : {}),
      ...(metrics.visitsLowerBound !== undefined ? { visitsLowerBound: metrics.visitsLowerBound } : {}),
    },
    proven: false,
    status: [],
    exactMs: 0,
    columns: 0,
    rows: 0,
  };
  const first = await solveExactStage(s, { kind: 'priority' }, timeLimitSec);
  out.status.push(first.status);
  out.exactMs += first.solveMs;
  out.columns = first.columns;
  out.rows = first.rows;
  if (first.bound !== undefined) out.priorityBound = Math.floor(first.bound + 1e-6);
  let visits: ExactVisit[] | undefined = first.visits;
  if (first.proven && first.objective !== undefined) {
    const second = await solveExactStage(s, { kind: 'visits', priority: Math.round(first.objective) }, timeLimitSec);
    out.status.push(second.status);
    out.exactMs += second.solveMs;
    out.proven = second.proven;
    visits = second.visits ?? visits;
  }
  if (visits) {
    const check = validatePlan(s, exactPlan(s, visits) as PlanToValidate, { locale: 'en' });
    out.exact = { ...figures(s, visits), valid: check.valid, violations: check.violations.map((v) => `${v.ruleId}: ${v.message}`) };
  }
  return out;
}

export async function runMipStaff(job: MipStaffJob, log: (line: string) => void = () => {}): Promise<MipStaffSummary> {
  const cases: MipStaffCase[] = [];
  for (let seed = job.firstSeed; seed < job.firstSeed + job.count; seed++) {
    const c = await runCase(seed, job.timeLimitSec);
    cases.push(c);
    log(caseLine(c));
  }
  const summary: MipStaffSummary = { cases, proven: 0, reached: 0, priorityReached: 0, priorityLost: 0, priorityOptimal: 0, extraVisits: 0, extraOfficers: 0 };
  for (const c of cases) {
    if (!c.proven || !c.exact) continue;
    summary.proven++;
    summary.priorityOptimal += c.exact.priority;
    summary.priorityLost += c.exact.priority - c.planner.priority;
    if (c.planner.priority !== c.exact.priority) continue;
    summary.priorityReached++;
    summary.extraVisits += c.planner.visits - c.exact.visits;
    if (c.planner.visits === c.exact.visits) summary.extraOfficers += c.planner.officers - c.exact.officers;
    if (c.planner.visits === c.exact.visits && c.planner.officers === c.exact.officers) summary.reached++;
  }
  return summary;
}

export function caseLine(c: MipStaffCase): string {
  const e = c.exact;
  const p = c.planner;
  const verdict = !c.proven ? `not proven (${c.status.join(', ')})` : e && p.priority === e.priority && p.visits === e.visits && p.officers === e.officers ? 'optimum' : 'GAP';
  return [
    `seed ${String(c.seed).padStart(2)}`,
    `${c.enterprises} ent, ${c.officers} officers, ${c.occurrences} occ, staff-unscheduled ${c.staffUnscheduled}`,
    `planner ${p.priority}/${p.visits}/${p.officers}${p.valid ? '' : ' INVALID'}`,
    `exact ${e ? `${e.priority}/${e.visits}/${e.officers}${e.valid ? '' : ` INVALID ${e.violations.join('; ')}`}` : '—'}`,
    p.priorityUpperBound !== undefined ? `bounds P≤${p.priorityUpperBound} V≥${p.visitsLowerBound}` : '',
    `${(c.exactMs / 1000).toFixed(1)} s, ${verdict}`,
  ]
    .filter(Boolean)
    .join(' | ');
}

export function summaryLines(s: MipStaffSummary): string[] {
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
  return [
    `proven optimal: ${s.proven} of ${s.cases.length}`,
    `planner reaches the optimum (priority, visits, officers): ${s.reached} of ${s.proven} (${pct(s.reached, s.proven)}; target ≥ 95%)`,
    `planner reaches the optimum priority: ${s.priorityReached} of ${s.proven}`,
    `priority lost: ${s.priorityLost} of ${s.priorityOptimal} (${pct(s.priorityLost, s.priorityOptimal)}; target ≤ 0.5%)`,
    `extra visits (at the optimum priority): ${s.extraVisits}; extra officers (at the optimum visits): ${s.extraOfficers}`,
    `invalid plans: planner ${s.cases.filter((c) => !c.planner.valid).length}, exact ${s.cases.filter((c) => c.exact && !c.exact.valid).length}`,
  ];
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

if (process.send) {
  process.once('message', (job: MipStaffJob) => {
    void runMipStaff(job).then(
      (summary) => process.send!({ ok: true, summary }, () => process.exit(0)),
      (error: unknown) => process.send!({ ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.exit(0)),
    );
  });
} else if (process.argv[1]?.endsWith('mip-staff.ts')) {
  const job = { count: option('--count', 30), firstSeed: option('--first-seed', 1), timeLimitSec: option('--time-limit', 30) };
  const json = process.argv.includes('--json');
  void runMipStaff(job, json ? undefined : (line) => process.stdout.write(`${line}\n`)).then((summary) => {
    if (json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    else for (const line of summaryLines(summary)) process.stdout.write(`${line}\n`);
  });
}
