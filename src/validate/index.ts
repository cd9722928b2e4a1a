/**
 * The independent plan validator: every breach of contract §2 and §2.1 in a plan, as data.
 * It reads only the scenario and the plan (never the solver), so it can judge any plan,
 * including one edited by hand.
 */
import type { Plan } from '../model/plan.js';
import type { Scenario } from '../model/scenario.js';
import type { Locale } from '../report/format.js';
import { ruleModules } from '../rules/index.js';
import { buildContext } from './context.js';
import { violationMessage } from './messages.js';

export interface ValidateOptions {
  /** Language of the messages; default `en`. */
  locale?: Locale;
}

export interface Violation {
  /** Stable id of the rule (see `rules`), e.g. `cap`. */
  ruleId: string;
  /** In `options.locale`. */
  message: string;
  visitId?: string;
  occurrenceId?: string;
  inspectorId?: string;
  /** The facts; `details.kind` names the kind of breach within the rule. */
  details: Record<string, unknown>;
}

export interface ValidationResult {
  valid: boolean;
  violations: Violation[];
}

export const defaultValidateOptions = { locale: 'en' as Locale } as const;

/**
 * Every violation of the hard rules in `plan`, in catalogue order, then plan order.
 * Never throws on a plan that names unknown ids: those are violations too.
 *
 * @example
 * const { valid, violations } = validatePlan(scenario, plan, { locale: 'zh-CN' });
 * // violations[0] → { ruleId: 'team', visitId: 'V3', message: '检查组 V3 中市场监管局仅派出 1 名执法人员，少于规定的 2 名', details: { kind: 'team-size', … } }
 */
export function validatePlan(scenario: Scenario, plan: Plan, options: ValidateOptions = {}): ValidationResult {
  const locale = options.locale ?? defaultValidateOptions.locale;
  const ctx = buildContext(scenario, plan);
  const violations: Violation[] = [];
  for (const rule of ruleModules) {
    for (const v of rule.check(ctx)) {
      const violation: Violation = { ruleId: rule.id, message: violationMessage(rule, v, ctx, locale), details: { kind: v.kind, ...v.details } };
      if (v.visitId !== undefined) violation.visitId = v.visitId;
      if (v.occurrenceId !== undefined) violation.occurrenceId = v.occurrenceId;
      if (v.inspectorId !== undefined) violation.inspectorId = v.inspectorId;
      violations.push(violation);
    }
  }
  return { valid: violations.length === 0, violations };
}
