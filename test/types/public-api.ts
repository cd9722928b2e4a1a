/**
 * Type tests of the public API: type-checked by `tsc --noEmit -p .` (the first step of
 * `npm test`), never run. Each `@ts-expect-error` line is a mistake a host could make that
 * must not compile; if the types loosen (a code back to `string`, an index signature on
 * `meta`), the directive itself becomes an error ("unused @ts-expect-error").
 */
import {
  parseScenario,
  planSync,
  rules,
  validatePlan,
  REASON_CODES,
  type Locale,
  type Plan,
  type PlanMeta,
  type PlanOptions,
  type ProgressPhase,
  type Reason,
  type ReasonCode,
  type RuleId,
  type ValidateOptions,
  type Warning,
} from '../../src/index.js';

declare const plan: Plan;
declare const reason: Reason;
declare const meta: PlanMeta;

// Reason codes are a union: a misspelt code is a compile error, not a silent `false`.
// @ts-expect-error 'CAP_REACHD' is not a ReasonCode
export const misspeltCode = reason.code === 'CAP_REACHD';
export const rightCode: boolean = reason.code === 'CAP_REACHED';

// `meta` has no index signature: a misspelt field does not compile.
// @ts-expect-error `stopedEarly` is not a field of PlanMeta
export const misspeltMeta = meta.stopedEarly;
export const stopped: 'time-limit' | 'aborted' | undefined = meta.stoppedEarly;
export const rounds: number = plan.meta.rounds;
export const compileMs: number = plan.meta.phasesMs.compile;
// @ts-expect-error a phase the planner does not time
export const unknownPhaseMs = plan.meta.phasesMs.solve;

// Narrowing on `code` types `details`.
export function capOf(r: Reason): string | undefined {
  if (r.code === 'CAP_REACHED') return r.details.capId;
  return undefined;
}
export function filterOf(r: Reason): string | undefined {
  if (r.code === 'NO_ELIGIBLE_INSPECTORS') {
    const remaining: number | undefined = r.details.funnel.certificate;
    return `${r.details.filter} ${remaining ?? ''}`;
  }
  // @ts-expect-error `filter` exists only on NO_ELIGIBLE_INSPECTORS details
  return r.details.filter;
}
export function describe(r: Reason): string {
  switch (r.code) {
    case 'OUTSIDE_HORIZON':
      return `${r.details.from}…${r.details.to} / ${r.details.horizonFrom}`;
    case 'CAP_REACHED':
      return r.details.events.map((e) => (e.history ? e.date : `${e.date} ${e.visitId}`)).join(', ');
    case 'DISPLACED':
      return r.details.blockingVisitIds.join(', ');
    default:
      return r.message;
  }
}
// Every reason code is handled by an exhaustive switch (a new code breaks this on purpose).
export function exhaustive(code: ReasonCode): number {
  switch (code) {
    case 'OUTSIDE_HORIZON':
    case 'NO_WORKING_DAY':
    case 'ENTERPRISE_UNAVAILABLE':
    case 'QUIET_PERIOD':
    case 'WHITELISTED':
    case 'AREA_MISMATCH':
    case 'FIXED_DATE_INFEASIBLE':
    case 'VISIT_TOO_LONG':
    case 'CAP_REACHED':
    case 'NO_ELIGIBLE_INSPECTORS':
    case 'STAFF_CAPACITY':
    case 'DISPLACED':
    case 'MANUAL':
      return 1;
    default: {
      const never: never = code;
      return never;
    }
  }
}
export const codes: readonly ReasonCode[] = REASON_CODES;

// Warnings narrow the same way.
export function yearsMissing(w: Warning): number[] {
  if (w.code === 'CALENDAR_DATA_MISSING') return w.details.years;
  // @ts-expect-error a misspelt warning code
  if (w.code === 'CALENDER_DATA_MISSING') return [];
  return [];
}

// Rule ids are a union.
export const capRule: RuleId = 'cap';
// @ts-expect-error 'caps' is not a rule id
export const wrongRule: RuleId = 'caps';
export const catalogueIds: RuleId[] = rules.map((r) => r.id);
export function capFindings(scenario: Parameters<typeof validatePlan>[0], p: Plan): number {
  const { violations } = validatePlan(scenario, p);
  // @ts-expect-error a violation's ruleId is a RuleId: 'caps' can never match
  violations.filter((v) => v.ruleId === 'caps');
  return violations.filter((v) => v.ruleId === 'cap').length;
}

// Locales are a union: only 'zh-CN' and 'en'.
export const zh: Locale = 'zh-CN';
// @ts-expect-error 'zh' is not a locale
export const wrongLocale: Locale = 'zh';
// @ts-expect-error 'fr' is not a locale of the planner
export const wrongPlanLocale: PlanOptions = { locale: 'fr' };
// @ts-expect-error 'EN' is not a locale of the validator (case matters)
export const wrongValidateLocale: ValidateOptions = { locale: 'EN' };

// Progress phases are a union.
export const onProgress: PlanOptions['onProgress'] = (p) => {
  const phase: ProgressPhase = p.phase;
  // @ts-expect-error 'improving' is not a phase
  if (p.phase === 'improving') return;
  void phase;
};

// The planner returns the precise Plan; a parsed plan from elsewhere is validated as it is.
export function roundTrip(json: unknown): boolean {
  const scenario = parseScenario(json);
  const result: Plan = planSync(scenario, { seed: 1, locale: 'zh-CN' });
  return validatePlan(scenario, result).valid;
}
