/**
 * Public entry: every name a host may import, listed by name. Anything not here is internal
 * and may change without notice (docs/api.md says what is public and why).
 * `test/api/exports.test.ts` checks that each name here has a JSDoc with an `@example`.
 * @packageDocumentation
 */

// Parse: JSON in, a typed scenario or plan out, or every problem at once.
export {
  parseScenario,
  safeParseScenario,
  parsePlan,
  safeParsePlan,
  type ParseOptions,
  type PlanParseOptions,
  type ParseResult,
} from './model/parse.js';
export { isParsedScenario, parseWarningsOf } from './model/parsed.js';

// Plan: the planner and its options.
export { plan, planSync, PlanAssertionError } from './solver/index.js';
export { defaultPlanOptions, type PlanOptions, type PlanProgress } from './solver/options.js';

// Validate: judge any plan (the planner's, another system's, a department's part).
export {
  validatePlan,
  defaultValidateOptions,
  type ValidateOptions,
  type ValidationResult,
  type ValidationFinding,
  type ValidationScope,
  type Violation,
  type Severity,
  type PlanToValidate,
} from './validate/index.js';

// Rules catalogue: the validator's rules with titles, rationale and legal source.
export { rules, type RuleInfo } from './rules/index.js';

// Exports of a plan: publication CSV (一公开), iCalendar, the HTML preview.
export {
  exportCsv,
  exportIcs,
  renderPreview,
  defaultCsvExportOptions,
  defaultIcsExportOptions,
  defaultPreviewOptions,
  DEFAULT_EXPORT_LOCALE,
  type CsvExportOptions,
  type IcsExportOptions,
  type IcsExport,
  type IcsFile,
  type IcsOwnerKind,
  type PreviewOptions,
} from './export/index.js';

// Calendar: civil days as integers, working days, the cn-mainland preset.
// The helpers check their arguments (src/checked.ts): bad ones throw ArgumentError, never a TypeError.
export { parseDay, formatDay, isoWeekday, buildCalendar, scenarioCalendar, expandOccurrences, csvField } from './checked.js';
export { CN_MAINLAND, CN_MAINLAND_YEARS, type WorkingCalendar, type CalendarWarning } from './calendar/index.js';
export type { Occurrence } from './occurrences/expand.js';

// Errors: every failure a caller can catch is one of these.
export { InputError, ScenarioError, PlanError, type InputIssue, type PathSegment } from './model/issues.js';
export { ArgumentError } from './model/arguments.js';
export { ExportError } from './export/index.js';

// Codes: closed sets as runtime lists and string-literal unions.
export {
  REASON_CODES,
  WARNING_CODES,
  SOFT_FINDING_CODES,
  RULE_IDS,
  INPUT_ISSUE_CODES,
  PROGRESS_PHASES,
  type ReasonCode,
  type WarningCode,
  type SoftFindingCode,
  type RuleId,
  type InputIssueCode,
  type ProgressPhase,
} from './model/codes.js';
export { LOCALES, type Locale } from './report/format.js';

// Types of the scenario (contract v1 §1).
export {
  BASES,
  PLANNED_BASES,
  TRIGGERED_BASES,
  DEFAULT_WHITELIST_EXEMPT_FIELDS,
  type Scenario,
  type ScenarioInput,
  type CalendarSettings,
  type QuietPeriod,
  type Department,
  type Item,
  type Enterprise,
  type Inspector,
  type InspectionRequest,
  type Cap,
  type CapPeriod,
  type HistoryEntry,
  type Policy,
} from './model/scenario.js';
export { RISK_GRADES, type Basis, type RiskGrade, type DateRange } from './model/primitives.js';

// Types of the plan (contract v1 §2): what the planner returns, typed precisely.
export type {
  Plan,
  Visit,
  OffsiteEntry,
  UnscheduledEntry,
  Reason,
  ReasonDetails,
  Warning,
  WarningDetails,
  SoftFinding,
  SoftFindingDetails,
  Metrics,
  PlanMeta,
  PhasesMs,
  CapEvent,
  StaffFilter,
  FixedDateCause,
  PreferredDateCause,
} from './model/plan-types.js';
export type { ParsedPlan, PlanInput } from './model/plan.js';

// Edit: changes made by a person, as patches that undo exactly; the edited plan judged by the validator.
export {
  editPlan,
  applyEdits,
  applyPlanPatches,
  defaultEditOptions,
  EDIT_KINDS,
  EDIT_ISSUE_CODES,
  EditError,
  type Edit,
  type EditKind,
  type EditOptions,
  type EditResult,
  type NewVisit,
  type PlanPatch,
  type EditIssue,
  type EditIssueCode,
} from './edit/index.js';

// Recommend: the best ways to place one occurrence or a new request in a plan, with the edits that apply them.
export {
  recommend,
  defaultRecommendOptions,
  type RecommendOptions,
  type RecommendOption,
  type RecommendResult,
  type RecommendTarget,
  type RecommendRequest,
  type ImpossibleDay,
} from './recommend/index.js';
export type { FunnelRule } from './placement/types.js';

// Explain: why an occurrence is where it is, or the day-by-day funnel and the smallest verified relaxations that would place it.
export {
  explain,
  applyRelaxation,
  defaultExplainOptions,
  type Explanation,
  type ExplanationStatus,
  type ExplainedDay,
  type ExplainOptions,
  type Relaxation,
  type RelaxationKind,
  type ScenarioPatchOp,
  type TeamMember,
} from './explain/index.js';

// Replan: a changed scenario planned from the previous plan, changing as few visits as it must, with the diff.
export {
  replan,
  replanSync,
  defaultReplanOptions,
  type ReplanOptions,
  type ReplanResult,
  type PlanDiff,
  type VisitChange,
  type OccurrenceChange,
  type ReplanReason,
} from './replan/index.js';

// Draw: random draws of enterprises (双随机) on permanent random numbers, coordinated across tasks, with an audit record anyone can verify.
export {
  draw,
  defaultDrawOptions,
  type DrawTask,
  type DrawParticipant,
  type DrawPopulation,
  type DrawOptions,
  type DrawResult,
  type DrawnRequest,
  type DrawRule,
  type DrawAuditStratum,
  type DrawAuditUnit,
  type DrawAuditTask,
  type EnterpriseDrawAudit,
  type Rounding,
  type Stratum,
} from './draw/index.js';
export { verifyDraw, DrawError, type DrawVerification, type DrawMismatch, type DrawMismatchCode, type VerifyDrawOptions } from './draw/verify.js';
// Officers drawn at random (双随机), auditable: the plan's `audit` section (option `audit`) and its verifier.
export { verifyTeamDraw, type TeamDrawVerification, type TeamDrawMismatch, type TeamDrawMismatchCode, type TeamDrawVerifyOptions } from './draw/team-audit.js';
export type { TeamDrawAudit, TeamDrawEntry } from './model/team-audit.js';
