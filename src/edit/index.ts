/**
 * Edits made by a person (issue 10): each kind of edit is an immer producer over the plan;
 * `editPlan` applies one, recomputes the metrics in the same patches, and judges the result
 * with the validator. The edit is applied even when it breaks a rule (the person decides);
 * an edit that cannot be applied at all is an `EditError`.
 */
import { enablePatches, Immer, type Draft } from 'immer';
import type { Metrics, Plan } from '../model/plan-types.js';
import type { Scenario } from '../model/scenario.js';
import type { Locale } from '../report/format.js';
import { validatePlan } from '../validate/index.js';
import { readPlans, readScenario } from '../validate/plan-input.js';
import { editContext, type EditContext } from './context.js';
import { makeIssue } from '../model/issues.js';
import { EditError, editIssue, fromInputIssue, prefixIssue } from './errors.js';
import { metricsAfter } from './metrics.js';
import { moveVisit } from './move-visit.js';
import { moveOccurrence, schedule, unschedule } from './occurrences.js';
import { addOfficer, removeOfficer } from './officers.js';
import { nextVisitId, readEdit } from './read-edit.js';
import type { Edit, EditOptions, EditResult, PlanPatch } from './types.js';

export { EditError, EDIT_ISSUE_CODES, type EditIssue, type EditIssueCode } from './errors.js';
export { EDIT_KINDS } from './read-edit.js';
export type { Edit, EditKind, EditOptions, EditResult, NewVisit, PlanPatch } from './types.js';

enablePatches();
// Our own instance: the caller's plan is never frozen (immer's default would freeze the parts
// of it the result shares); the result shares what did not change with the input.
const immer = new Immer({ autoFreeze: false });

/**
 * The defaults of `EditOptions`.
 * @example
 * defaultEditOptions.locale; // 'zh-CN'
 */
export const defaultEditOptions = { locale: 'zh-CN' as Locale, validate: true } as const;

type Producer<E extends Edit> = (draft: Draft<Plan>, edit: E, ctx: EditContext, base: Plan) => void;
const producers: { [K in Edit['kind']]: Producer<Extract<Edit, { kind: K }>> } = {
  'move-visit': moveVisit,
  'add-officer': addOfficer,
  'remove-officer': removeOfficer,
  'move-occurrence': moveOccurrence,
  unschedule,
  schedule,
};

function readOptions(options: unknown): { locale: Locale; validate: boolean } {
  const o = options !== null && typeof options === 'object' ? (options as EditOptions) : {};
  return { locale: o.locale === 'en' || o.locale === 'zh-CN' ? o.locale : defaultEditOptions.locale, validate: o.validate !== false };
}

/** A new visit gets the next `V<n>` of the plan before the edit when the person named none. */
function withVisitId(edit: Edit, plan: Plan): Edit {
  if (edit.kind === 'move-occurrence' && edit.toNewVisit && edit.toNewVisit.id === undefined) return { ...edit, toNewVisit: { ...edit.toNewVisit, id: nextVisitId(plan) } };
  if (edit.kind === 'schedule' && edit.newVisit && edit.newVisit.id === undefined) return { ...edit, newVisit: { ...edit.newVisit, id: nextVisitId(plan) } };
  return edit;
}

/** Writes the metrics that differ (an absent `metrics` is added whole; fields the library does not know stay). */
function writeMetrics(draft: Draft<Plan>, metrics: Metrics): void {
  if ((draft as Partial<Plan>).metrics === undefined) {
    draft.metrics = metrics;
    return;
  }
  const target = draft.metrics as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(metrics)) if (target[key] !== value) target[key] = value;
}

interface Step {
  plan: Plan;
  patches: PlanPatch[];
  inversePatches: PlanPatch[];
}

function applyOne(base: Plan, input: unknown, ctx: EditContext): Step {
  const edit = withVisitId(readEdit(input, base, ctx), base);
  const produce = producers[edit.kind] as Producer<Edit>;
  const [edited, patches, inverse] = immer.produceWithPatches(base, (draft) => {
    produce(draft, edit, ctx, base);
  });
  const metrics = metricsAfter(base, edited, ctx);
  const [plan, metricPatches, metricInverse] = immer.produceWithPatches(edited, (draft) => writeMetrics(draft, metrics));
  return { plan, patches: [...patches, ...metricPatches], inversePatches: [...metricInverse, ...inverse] };
}

// Plans known to be readable: those read once, and every plan an edit made from one (its shape
// follows from its base's). A chain of edits reads the plan it starts from only once.
const readable = new WeakSet<object>();

function readPlan(plan: unknown, locale: Locale): void {
  if (plan !== null && typeof plan === 'object' && readable.has(plan)) return;
  readPlans(plan, undefined, locale);
  readable.add(plan as object);
}

function judged(scenario: Scenario, step: Step, opts: { locale: Locale; validate: boolean }): EditResult {
  readable.add(step.plan);
  if (!opts.validate) return { ...step, violations: [], warnings: [] };
  const { violations, warnings } = validatePlan(scenario, step.plan, { locale: opts.locale });
  return { ...step, violations, warnings };
}

/**
 * Applies one edit made by a person to a plan and says what the edited plan breaks. Never
 * mutates (or freezes) `scenario`, `plan` or `edit`; the result shares unchanged parts with
 * `plan`. Metrics are recomputed inside the patches. `applyPlanPatches(result.plan,
 * result.inversePatches)` gives back `plan` exactly; `applyPlanPatches(plan, result.patches)`
 * gives `result.plan`.
 *
 * @throws {EditError} when the edit cannot be applied: unknown visit, officer or occurrence, a
 *   date or time that is not one, an occurrence already where the edit would put it — every
 *   problem with its path in the edit.
 * @throws {ScenarioError} when `scenario` is not a valid scenario.
 * @throws {PlanError} when `plan` cannot be read as a plan.
 *
 * @example
 * const { plan: edited, violations, inversePatches } = editPlan(scenario, plan, { kind: 'move-visit', visitId: 'V3', date: '2026-04-05' });
 * for (const v of violations) console.log(v.ruleId, v.message); // visit-day 检查组 V3 安排在 2026-04-05，该日不是工作日
 * const undone = applyPlanPatches(edited, inversePatches); // the plan as it was
 *
 * @example
 * // Take an occurrence out of its visit into a visit of its own, two days later, with a team:
 * editPlan(scenario, plan, { kind: 'move-occurrence', occurrenceId: 'R7#2', toNewVisit: { date: '2026-03-12', inspectorIds: ['I1', 'I2'] } }, { locale: 'en' });
 */
export function editPlan(scenario: Scenario, plan: Plan, edit: Edit, options: EditOptions = {}): EditResult {
  const opts = readOptions(options);
  const parsed = readScenario(scenario, opts.locale);
  readPlan(plan, opts.locale);
  return judged(parsed, applyOne(plan, edit, editContext(parsed, opts.locale)), opts);
}

/**
 * Applies several edits in turn (each to the plan the previous one made) and judges the plan
 * at the end. The patches are those of every edit in order; the inverse patches undo them all
 * (the last edit's first). An edit that cannot be applied throws an `EditError` whose paths
 * start with the edit's index (`[2].visitId`); no edit is then applied.
 *
 * @example
 * const { plan: edited, inversePatches } = applyEdits(scenario, plan, [
 *   { kind: 'remove-officer', visitId: 'V3', inspectorId: 'I2' },
 *   { kind: 'add-officer', visitId: 'V3', inspectorId: 'I5' },
 * ]);
 */
export function applyEdits(scenario: Scenario, plan: Plan, edits: readonly Edit[], options: EditOptions = {}): EditResult {
  const opts = readOptions(options);
  const parsed = readScenario(scenario, opts.locale);
  readPlan(plan, opts.locale);
  if (!Array.isArray(edits)) throw new EditError([fromInputIssue(makeIssue([], 'invalid_type', { expected: 'array', received: edits === null ? 'null' : typeof edits }, opts.locale))]);
  const ctx = editContext(parsed, opts.locale);
  let step: Step = { plan, patches: [], inversePatches: [] };
  edits.forEach((edit, i) => {
    let next: Step;
    try {
      next = applyOne(step.plan, edit, ctx);
    } catch (error) {
      if (error instanceof EditError) throw new EditError(error.issues.map((issue) => prefixIssue(issue, [i])));
      throw error;
    }
    step = { plan: next.plan, patches: [...step.patches, ...next.patches], inversePatches: [...next.inversePatches, ...step.inversePatches] };
  });
  return judged(parsed, step, opts);
}

const OPS = new Set(['add', 'remove', 'replace']);

/**
 * Applies patches (from `editPlan` or `applyEdits`) to a plan: `patches` to redo, or
 * `inversePatches` to the edited plan to undo. Never mutates `plan`.
 * @throws {EditError} (code `invalid_patch`, path the patch's index) when a patch is not one or does not fit the plan.
 * @example
 * const result = editPlan(scenario, plan, { kind: 'add-officer', visitId: 'V1', inspectorId: 'I5' });
 * const undone = applyPlanPatches(result.plan, result.inversePatches); // JSON.stringify(undone) === JSON.stringify(plan)
 * const redone = applyPlanPatches(undone, result.patches); // equal to result.plan
 */
export function applyPlanPatches(plan: Plan, patches: readonly PlanPatch[], options: Pick<EditOptions, 'locale'> = {}): Plan {
  const { locale } = readOptions(options);
  const bad = (i: number | undefined, detail: string) => new EditError([editIssue(i === undefined ? [] : [i], 'invalid_patch', { detail }, locale)]);
  if (plan === null || typeof plan !== 'object') throw bad(undefined, 'the plan is not an object');
  if (!Array.isArray(patches)) throw bad(undefined, 'patches must be a list');
  patches.forEach((p, i) => {
    const ok = p !== null && typeof p === 'object' && OPS.has(p.op) && Array.isArray(p.path) && (p.path as unknown[]).every((s) => typeof s === 'string' || typeof s === 'number');
    if (!ok) throw bad(i, 'expected { op: "add" | "remove" | "replace", path: (string | number)[], value? }');
  });
  try {
    return immer.applyPatches(plan, patches);
  } catch (error) {
    throw bad(undefined, error instanceof Error ? error.message : String(error));
  }
}
