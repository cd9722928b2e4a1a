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
  const result = planInputSchema.safeParse(input);
  if (result.success) return { plan: result.data };
  return { issues: prefixed(fromZodIssues(result.error.issues, input, locale), prefix, locale) };
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
