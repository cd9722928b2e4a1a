/**
 * One measured planner run, in a process of its own so that its peak memory is its own.
 * `npm run bench` (bench/jobs.ts) forks this file (`node --import tsx bench/measure.ts`) and
 * sends a `MeasureJob`; the answer is one `MeasureResult` message, then the process exits.
 *
 * Timed: `planSync` only (compile, search, report, separateVisits), and apart from it, first in
 * the process, reading the scenario file and `JSON.parse` of its text: the host's yardstick that
 * the report divides times by (issue 12). Not timed: `parseScenario`, and the checks after it —
 * `validatePlan` runs on every plan before any figure is reported, and an invalid plan is
 * returned as a failure with its violations.
 */
import { readFileSync } from 'node:fs';
import type * as Library from '../src/index.js';
import type { Plan, Scenario } from '../src/index.js';
import { builtUrl } from './paths.js';

/**
 * The planner measured is the built package (`dist/index.js`, what `import 'joint-inspection'`
 * loads; `npm run bench` builds it first), not the sources through tsx: tsx wraps every
 * function it creates in a naming helper, which costs time in hot loops that users never pay.
 * Under `npm run bench` it is the copy of dist/ taken when the run started (bench/paths.ts).
 * `JI_BENCH_SOURCE=src` measures the sources instead.
 */
const library = (await import(process.env.JI_BENCH_SOURCE === 'src' ? '../src/index.js' : builtUrl('index.js'))) as typeof Library;
const { expandOccurrences, parseScenario, planSync, validatePlan } = library;

export interface MeasureJob {
  scenarioFile: string;
  seed: number;
  timeLimitMs: number;
}

/** One `onProgress` call: seconds since `planSync` started, and the best objective so far. */
export interface TracePoint {
  t: number;
  phase: string;
  scheduledPriority?: number;
  visits?: number;
  personVisits?: number;
}

export interface RunFigures {
  wallMs: number;
  /** Reading the scenario file and `JSON.parse` of its text, in this process before anything else (absent in files before 2026-12-04). */
  readParseMs?: number;
  /** Reading, `JSON.parse` and `parseScenario`. */
  parseMs: number;
  validateMs: number;
  /** Peak resident set size (MB) when the plan was returned: reading, parsing and planning. */
  peakRssMb: number;
  /** Peak RSS at the end of the process, validation included. */
  peakRssEndMb: number;
  metrics: Plan['metrics'];
  meta: Plan['meta'];
  scheduledPriority: number;
  onsitePriority: number;
  /** Unscheduled occurrences by their first reason code (absent in files before 2026-12-04). */
  unscheduledByCode?: Record<string, number>;
  trace: TracePoint[];
}

export type MeasureResult =
  | { ok: true; figures: RunFigures }
  | { ok: false; kind: 'invalid-plan'; violations: number; sample: string[]; figures: RunFigures }
  | { ok: false; kind: 'error'; message: string };

const rssMb = () => process.resourceUsage().maxRSS / 1024;

function measure(job: MeasureJob): MeasureResult {
  const t0 = performance.now();
  let json: unknown = JSON.parse(readFileSync(job.scenarioFile, 'utf8'));
  const readParseMs = performance.now() - t0;
  const scenario: Scenario = parseScenario(json);
  json = undefined;
  const parseMs = performance.now() - t0;

  const trace: TracePoint[] = [];
  const start = performance.now();
  const plan = planSync(scenario, {
    seed: job.seed,
    timeLimitMs: job.timeLimitMs,
    locale: 'en',
    computeSeparateVisits: true,
    onProgress: (p) => trace.push({ t: (performance.now() - start) / 1000, phase: p.phase, ...p.best }),
  });
  const wallMs = performance.now() - start;
  const peakRssMb = rssMb();

  const v0 = performance.now();
  const { valid, violations } = validatePlan(scenario, plan, { locale: 'en' });
  const validateMs = performance.now() - v0;
  const { scheduledPriority, onsitePriority } = priorities(scenario, plan);
  const unscheduledByCode: Record<string, number> = {};
  for (const u of plan.unscheduled) {
    const code = u.reasons[0]?.code ?? 'none';
    unscheduledByCode[code] = (unscheduledByCode[code] ?? 0) + 1;
  }
  const figures: RunFigures = {
    wallMs,
    readParseMs,
    parseMs,
    validateMs,
    peakRssMb,
    peakRssEndMb: rssMb(),
    metrics: plan.metrics,
    meta: plan.meta,
    scheduledPriority,
    onsitePriority,
    unscheduledByCode,
    trace,
  };
  if (!valid) {
    const sample = violations.slice(0, 10).map((v) => `${v.ruleId}${v.visitId ? ` ${v.visitId}` : ''}: ${v.message}`);
    return { ok: false, kind: 'invalid-plan', violations: violations.length, sample, figures };
  }
  return { ok: true, figures };
}

/** Scheduled priority, and the total priority of the occurrences that need a visit. */
function priorities(scenario: Scenario, plan: Plan): { scheduledPriority: number; onsitePriority: number } {
  const priority = new Map(expandOccurrences(scenario).map((o) => [o.id, o.request.priority]));
  const offsite = new Set(plan.offsite.map((o) => o.occurrenceId));
  let onsitePriority = 0;
  for (const [id, p] of priority) if (!offsite.has(id)) onsitePriority += p;
  let scheduledPriority = 0;
  for (const v of plan.visits) for (const id of v.occurrenceIds) scheduledPriority += priority.get(id) ?? 0;
  return { scheduledPriority, onsitePriority };
}

if (process.send) {
  process.once('message', (job: MeasureJob) => {
    let result: MeasureResult;
    try {
      result = measure(job);
    } catch (error) {
      result = { ok: false, kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    process.send!(result, () => process.exit(0));
  });
}
