/**
 * The "visits saved" of coordinated draws: the same departments draw the same numbers of
 * enterprises twice — (a) each on its own random numbers, as departments do when they draw
 * alone; (b) all coordinated (`coordinateWith`: shared permanent random numbers) — and both
 * sets of requests are planned alone (the scenario's own requests stripped). Coordinated samples
 * land on the same enterprises, so the planner merges them into fewer visits. And a joint draw
 * (部门联合双随机抽查: one department draws, the others inspect the same enterprises with it)
 * against the same departments each drawing that many enterprises on its own.
 * Used by bench/draw.ts, examples/demo.ts and `npm run bench` (the draws feature, on the built
 * package: the library is a parameter, the sources by default).
 */
import { draw, planSync, validatePlan, type DrawTask, type Scenario } from '../src/index.js';
import { ITEMS, type DepartmentId } from './generator/departments.js';

/** The published example ratios of a provincial market-supervision draw (issue 11), by risk grade. */
export const BASE_RATIOS = { D: 0.3, C: 0.1, B: 0.02, A: 0.01 } as const;

export interface DrawRun {
  /** Drawn enterprises per task, summed. */
  drawn: number;
  requests: number;
  visits: number;
  /** Visits if every department went alone (the plan's separateVisits). */
  separateVisits: number;
  scheduled: number;
  violations: number;
  planMs: number;
}

export interface DrawComparison {
  tasks: number;
  independent: DrawRun;
  coordinated: DrawRun;
  /** independent.visits − coordinated.visits. */
  saved: number;
  /** One joint task against its departments each drawing as many enterprises alone. */
  joint?: JointComparison;
}

export interface JointComparison {
  /** The initiating department, then the cooperating ones. */
  departments: string[];
  /** Enterprises the joint task drew (each department alone draws as many). */
  sample: number;
  independent: DrawRun;
  joint: DrawRun;
  /** independent.visits − joint.visits. */
  saved: number;
}

/** Departments in the joint task: the initiating one and up to this many cooperating ones. */
const JOINT_PARTNERS = 3;

/** The kinds of enterprise (tags) the generator lets an item apply to; absent = every kind. */
function tagsOf(itemId: string): string[] | undefined {
  const [department, suffix] = itemId.split('-');
  return ITEMS[department as DepartmentId]?.find((def) => def.suffix === suffix)?.forTags;
}

/**
 * One task per department: its first on-site item, drawn from the enterprises that item
 * applies to (its object library: the generator's tags for the item), the base ratios scaled by a factor from 0.5 to 1.5 that differs by department (so sizes differ and
 * coordinated samples nest rather than coincide). Rounding `nearest`, so (a) and (b) draw the
 * same sizes exactly.
 */
export function departmentTasks(scenario: Scenario, window: { from: string; to: string }): DrawTask[] {
  const tasks: DrawTask[] = [];
  scenario.departments.forEach((d, k) => {
    const item = scenario.items.find((it) => it.departmentId === d.id && !it.offsite);
    if (!item) return;
    const f = 0.5 + (k % 6) / 5;
    const ratioByRiskGrade = Object.fromEntries(Object.entries(BASE_RATIOS).map(([g, r]) => [g, Math.min(1, r * f)]));
    const tags = tagsOf(item.id);
    tasks.push({ id: `${d.id}-draw`, departmentId: d.id, itemIds: [item.id], window, ratioByRiskGrade, rounding: 'nearest', ...(tags ? { population: { tags } } : {}) });
  });
  return tasks;
}

/** The calls a comparison makes: the sources' by default, the built package's in `npm run bench`. */
export interface DrawLibrary {
  draw: typeof draw;
  planSync: typeof planSync;
  validatePlan: typeof validatePlan;
}

const SOURCES: DrawLibrary = { draw, planSync, validatePlan };

function run(lib: DrawLibrary, scenario: Scenario, tasks: DrawTask[], drawSeed: number, planSeed: number, timeLimitMs: number): DrawRun {
  const stripped: Scenario = { ...scenario, requests: [] };
  const { drawn, requests } = lib.draw(stripped, tasks, { seed: drawSeed });
  const next: Scenario = { ...stripped, requests: requests.map((r) => ({ ...r, priority: r.priority ?? 1, exclusive: false, onsite: false, preferredDates: [] })) };
  const t0 = performance.now();
  const plan = lib.planSync(next, { seed: planSeed, timeLimitMs });
  const planMs = performance.now() - t0;
  const check = lib.validatePlan(next, plan);
  return {
    drawn: Object.values(drawn).reduce((a, d) => a + d.length, 0),
    requests: requests.length,
    visits: plan.metrics.visits,
    separateVisits: plan.metrics.separateVisits ?? Number.NaN,
    scheduled: plan.metrics.scheduled,
    violations: check.violations.length,
    planMs,
  };
}

/**
 * The first task's department draws for a joint task with the next departments as participants
 * (each with its own item); the independent arm gives each of those departments a task of its
 * own on the same population at the same ratios (so each draws as many enterprises), on its own
 * random numbers.
 */
function compareJoint(lib: DrawLibrary, scenario: Scenario, tasks: DrawTask[], options: { drawSeed: number; planSeed: number; timeLimitMs: number }): JointComparison | undefined {
  const [lead, ...rest] = tasks;
  const partners = rest.slice(0, JOINT_PARTNERS);
  if (!lead || partners.length === 0) return undefined;
  const jointTask: DrawTask = { ...lead, id: 'joint-draw', participants: partners.map((t) => ({ departmentId: t.departmentId, itemIds: t.itemIds })) };
  const alone: DrawTask[] = [lead, ...partners].map((t) => ({ ...lead, id: `${t.departmentId}-alone`, departmentId: t.departmentId, itemIds: t.itemIds }));
  const joint = run(lib, scenario, [jointTask], options.drawSeed, options.planSeed, options.timeLimitMs);
  const independent = run(lib, scenario, alone, options.drawSeed, options.planSeed, options.timeLimitMs);
  return { departments: [lead, ...partners].map((t) => t.departmentId), sample: joint.drawn, independent, joint, saved: independent.visits - joint.visits };
}

/** Draws and plans both ways; the tasks' window is the scenario's horizon. */
export function compareDraws(scenario: Scenario, options: { drawSeed: number; planSeed: number; timeLimitMs: number }, lib: DrawLibrary = SOURCES): DrawComparison {
  const tasks = departmentTasks(scenario, scenario.horizon);
  const independent = run(lib, scenario, tasks, options.drawSeed, options.planSeed, options.timeLimitMs);
  const first = tasks[0]?.id as string;
  const coordinated = run(lib, scenario, tasks.map((t, i) => (i === 0 ? t : { ...t, coordinateWith: [first] })), options.drawSeed, options.planSeed, options.timeLimitMs);
  const joint = compareJoint(lib, scenario, tasks, options);
  return { tasks: tasks.length, independent, coordinated, saved: independent.visits - coordinated.visits, ...(joint ? { joint } : {}) };
}
