/**
 * The validator's boundary: whatever the caller passes (a plan from the planner, from another
 * system, edited by hand, or from plain JavaScript), read it with the lenient plan schema or
 * throw a typed error listing every problem by its JSON path. Past this, rules trust the shape.
 */
import type { z } from 'zod';
import { fromZodIssues, makeIssue, InputError, PlanError, ScenarioError, type InputIssue, type PathSegment } from '../model/issues.js';
import { safeParseScenario } from '../model/parse.js';
import { isParsedScenario } from '../model/parsed.js';
import { planInputSchema } from '../model/plan.js';
import type { Scenario } from '../model/scenario.js';
import type { Locale } from '../report/format.js';

/** A plan as the validator reads it: defaults filled in, `meta` and `metrics` maybe absent. */
export type ReadablePlan = z.output<typeof planInputSchema>;
export type ReadableVisit = ReadablePlan['visits'][number];

const prefixed = (issues: readonly InputIssue[], prefix: readonly PathSegment[], locale: Locale): InputIssue[] =>
  prefix.length === 0 ? [...issues] : issues.map((i) => makeIssue([...prefix, ...i.segments], i.code, i.details, locale));

/** Problems of a plan's shape, under `prefix` (e.g. `['context']`), or the plan as read. */
export function readPlan(input: unknown, locale: Locale, prefix: readonly PathSegment[] = []): { plan: ReadablePlan } | { issues: InputIssue[] } {
  // The visits (nearly all of a plan) are read by hand when every one is well formed; the rest,
  // and any plan with a visit that is not, by the schema (which names every problem).
  const visits = isRecord(input) ? readVisits(input.visits) : undefined;
  if (visits) {
    const rest = planInputSchema.safeParse({ ...(input as Record<string, unknown>), visits: [] });
    if (rest.success) return { plan: { ...rest.data, visits } };
  }
  const result = planInputSchema.safeParse(input);
  if (result.success) return { plan: result.data };
  return { issues: prefixed(fromZodIssues(result.error.issues, input, locale), prefix, locale) };
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

const isStrings = (x: unknown): x is string[] => {
  if (!Array.isArray(x)) return false;
  for (let i = 0; i < x.length; i++) if (typeof x[i] !== 'string') return false;
  return true;
};

/**
 * The visits as `visitInputSchema` reads them (a fresh object per visit holding its nine
 * fields, fresh lists, other keys dropped), or undefined when one is not well formed — the
 * schema then reads the plan and says what is wrong. Kept in step with `visitInputSchema` by a
 * test that reads random plans both ways.
 */
export function readVisits(list: unknown): ReadableVisit[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const out = new Array<ReadableVisit>(list.length);
  for (let i = 0; i < list.length; i++) {
    const v: unknown = list[i];
    if (!isRecord(v)) return undefined;
    const { id, enterpriseId, date, start, end, departmentIds, leadDepartmentId, occurrenceIds, inspectorIds } = v;
    if (typeof id !== 'string' || id.length === 0 || typeof enterpriseId !== 'string' || typeof date !== 'string' || typeof start !== 'string' || typeof end !== 'string' || typeof leadDepartmentId !== 'string') return undefined;
    if (!isStrings(departmentIds) || !isStrings(occurrenceIds) || !isStrings(inspectorIds)) return undefined;
    out[i] = { id, enterpriseId, date, start, end, departmentIds: departmentIds.slice(), leadDepartmentId, occurrenceIds: occurrenceIds.slice(), inspectorIds: inspectorIds.slice() };
  }
  return out;
}

/** The scenario as parsed by `parseScenario`, parsing it here when it does not come from there. */
export function readScenario(input: unknown, locale: Locale): Scenario {
  if (isParsedScenario(input)) return input;
  const parsed = safeParseScenario(input, { locale });
  if (!parsed.success) throw new ScenarioError(parsed.issues, locale);
  return parsed.data;
}

/** Throws the plan's problems (and the context's, under `context`) as one `PlanError`. */
export function readPlans(plan: unknown, context: unknown, locale: Locale): { plan: ReadablePlan; context?: ReadablePlan } {
  const own = readPlan(plan, locale);
  const other = context === undefined ? undefined : readPlan(context, locale, ['context']);
  const issues = [...('issues' in own ? own.issues : []), ...(other && 'issues' in other ? other.issues : [])];
  if (issues.length > 0 || 'issues' in own || (other && 'issues' in other)) throw new PlanError(issues, locale);
  return { plan: own.plan, ...(other ? { context: other.plan } : {}) };
}

/** Checks the scope's department ids against the scenario; throws an `InputError` for the options. */
export function readScope(departmentIds: unknown, scenario: Scenario, locale: Locale): string[] {
  const known = new Set(scenario.departments.map((d) => d.id));
  const issues: InputIssue[] = [];
  if (!Array.isArray(departmentIds)) issues.push(makeIssue(['departmentIds'], 'invalid_type', { expected: 'array', received: typeof departmentIds }, locale));
  else {
    if (departmentIds.length === 0) issues.push(makeIssue(['departmentIds'], 'too_small', { minimum: '1' }, locale));
    departmentIds.forEach((d, i) => {
      if (typeof d !== 'string') issues.push(makeIssue(['departmentIds', i], 'invalid_type', { expected: 'string', received: typeof d }, locale));
      else if (!known.has(d)) issues.push(makeIssue(['departmentIds', i], 'unknown_reference', { kind: 'department', id: d }, locale));
    });
  }
  if (issues.length > 0) throw new InputError('validation-options', issues, locale);
  return [...new Set(departmentIds as string[])];
}
