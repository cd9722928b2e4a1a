/**
 * The independent plan validator: every breach of contract §2 and §2.1 in a plan, as data.
 * It reads only the scenario and the plan (never the solver), so it can judge any plan: the
 * planner's, another system's, one edited by hand, or one department's part of a joint plan.
 */
import type { Metrics, Plan, PlanInput } from '../model/plan.js';
import type { RuleId } from '../model/codes.js';
import type { Scenario } from '../model/scenario.js';
import type { Locale } from '../report/format.js';
import { ruleModules } from '../rules/index.js';
import { severityOf, type Severity } from '../rules/types.js';
import { buildContext } from './context.js';
import { violationMessage } from './messages.js';
import { readPlans, readScenario, readScope } from './plan-input.js';

export type { Severity } from '../rules/types.js';

/**
 * A plan as `validatePlan` accepts it: the planner's `Plan`, or any plan of contract v1 §2
 * where `meta` and `metrics` (and each of their fields) may be absent, `offsite`,
 * `unscheduled`, `warnings` and an entry's `reasons` default to `[]`. At run time any value is
 * accepted; one whose shape cannot be read is refused with a `PlanError`.
 * @example
 * const foreign: PlanToValidate = { version: 1, visits: [{ id: 'V1', enterpriseId: 'E1', date: '2026-03-02', start: '09:00', end: '10:30',
 *   departmentIds: ['SAMR'], leadDepartmentId: 'SAMR', occurrenceIds: ['R1'], inspectorIds: ['I1', 'I2'] }] };
 */
export type PlanToValidate =
  | Plan
  | (Omit<PlanInput, 'meta' | 'metrics' | 'offsite' | 'unscheduled' | 'warnings'> & {
      offsite?: PlanInput['offsite'];
      unscheduled?: { occurrenceId: string; reasons?: PlanInput['unscheduled'][number]['reasons'] }[];
      warnings?: PlanInput['warnings'];
      metrics?: Partial<Metrics>;
      meta?: Partial<PlanInput['meta']>;
    });

/**
 * Options of `validatePlan`.
 * @example
 * validatePlan(scenario, plan, { locale: 'en' });
 * validatePlan(scenario, samrPlan, { departmentIds: ['SAMR'], context: jointPlan });
 */
export interface ValidateOptions {
  /** Language of the messages; default `zh-CN`. */
  locale?: Locale;
  /**
   * Judge only these departments' part of the plan (a department's partial plan): every rule
   * and cap applies to the plan's visits, but only these departments' occurrences must be
   * accounted for. Each id must be a department of the scenario.
   */
  departmentIds?: readonly string[];
  /**
   * With `departmentIds`: the rest of the joint plan, counted toward caps, one visit a day per
   * enterprise and the officers' days, but not judged. Its visits with an id the plan uses, and
   * its occurrences of the departments in scope (or that the plan places itself), give way to the plan's.
   */
  context?: PlanToValidate;
}

/**
 * One finding: a breach of a rule, with its severity.
 * @example
 * const f: ValidationFinding = { ruleId: 'metrics', severity: 'warning', message: '统计指标 metrics.personVisits 为 3，但计划中实际为 4',
 *   details: { kind: 'mismatch', metric: 'personVisits', reported: 3, actual: 4 } };
 */
export interface ValidationFinding {
  /** Stable id of the rule (see `rules`), e.g. `cap`. */
  ruleId: RuleId;
  /** `violation` for the hard rules, unknown ids and missing or repeated occurrences; `warning` for bookkeeping. */
  severity: Severity;
  /** In `options.locale`. */
  message: string;
  visitId?: string;
  occurrenceId?: string;
  inspectorId?: string;
  /** The facts; `details.kind` names the kind of breach within the rule. */
  details: Record<string, unknown>;
}

/**
 * A finding (the name of earlier versions, kept for hosts written against them).
 * @example
 * const teamBreaches = (vs: Violation[]) => vs.filter((v) => v.ruleId === 'team');
 */
export type Violation = ValidationFinding;

/**
 * What part of a plan was judged (present only when `departmentIds` was given).
 * @example
 * validatePlan(scenario, samrPlan, { departmentIds: ['SAMR'], context: jointPlan }).scope; // { departmentIds: ['SAMR'], contextVisits: 41 }
 */
export interface ValidationScope {
  departmentIds: string[];
  /** How many visits of the context were counted (after giving way to the plan's); absent without a context. */
  contextVisits?: number;
}

/**
 * What `validatePlan` returns.
 * @example
 * const { valid, violations, warnings, metrics } = validatePlan(scenario, plan);
 * if (!valid) console.error(`${violations.length} violations, ${warnings.length} warnings`);
 */
export interface ValidationResult {
  /** `violations.length === 0`: warnings do not make a plan invalid. */
  valid: boolean;
  violations: ValidationFinding[];
  warnings: ValidationFinding[];
  /** The plan's figures as counted by the validator (with its own simple `lowerBound`). */
  metrics: Metrics;
  scope?: ValidationScope;
}

/**
 * The defaults of `ValidateOptions`.
 * @example
 * defaultValidateOptions.locale; // 'zh-CN'
 */
export const defaultValidateOptions = { locale: 'zh-CN' as Locale } as const;

/**
 * Every breach of the rules in `plan`, in catalogue order, then plan order, split into
 * violations and warnings. A plan naming unknown ids is judged like any other (those ids are
 * `references` violations). Never mutates its arguments.
 *
 * @throws {ScenarioError} when `scenario` is not a valid scenario (one from `parseScenario` is used as is).
 * @throws {PlanError} when `plan` (or `options.context`) cannot be read as a plan: not an
 *   object, `visits` not a list, a visit without an id, … — every problem with its JSON path.
 * @throws {InputError} when `options.departmentIds` names departments the scenario lacks.
 *
 * @example
 * const { valid, violations, warnings } = validatePlan(scenario, plan);
 * // violations[0] → { ruleId: 'team', severity: 'violation', visitId: 'V3', message: '检查组 V3 中市场监管局仅派出 1 名执法人员，少于规定的 2 名', details: { kind: 'team-size', … } }
 *
 * @example
 * // A department's own visits, checked against the caps with the rest of the joint plan:
 * validatePlan(scenario, samrPlan, { departmentIds: ['SAMR'], context: jointPlan, locale: 'en' });
 */
export function validatePlan(scenario: Scenario, plan: PlanToValidate, options: ValidateOptions = {}): ValidationResult {
  const opts: ValidateOptions = typeof options === 'object' && options !== null ? options : {};
  const locale: Locale = opts.locale === 'en' || opts.locale === 'zh-CN' ? opts.locale : defaultValidateOptions.locale;
  const parsedScenario = readScenario(scenario, locale);
  const scoped = opts.departmentIds !== undefined || opts.context !== undefined;
  const departmentIds = scoped ? readScope(opts.departmentIds, parsedScenario, locale) : undefined;
  const input = readPlans(plan, opts.context, locale);
  const ctx = buildContext(parsedScenario, input.plan, departmentIds ? { departmentIds, ...(input.context ? { context: input.context } : {}) } : undefined);
  const violations: ValidationFinding[] = [];
  const warnings: ValidationFinding[] = [];
  for (const rule of ruleModules) {
    for (const v of rule.check(ctx)) {
      const severity = severityOf(rule, v.kind);
      const finding: ValidationFinding = { ruleId: rule.id, severity, message: violationMessage(rule, v, ctx, locale), details: { kind: v.kind, ...v.details } };
      if (v.visitId !== undefined) finding.visitId = v.visitId;
      if (v.occurrenceId !== undefined) finding.occurrenceId = v.occurrenceId;
      if (v.inspectorId !== undefined) finding.inspectorId = v.inspectorId;
      (severity === 'violation' ? violations : warnings).push(finding);
    }
  }
  const result: ValidationResult = { valid: violations.length === 0, violations, warnings, metrics: ctx.metrics };
  if (departmentIds) result.scope = { departmentIds, ...(input.context ? { contextVisits: ctx.background.length } : {}) };
  return result;
}
