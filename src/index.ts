/** Public entry: everything a host may import. */
export * from './model/index.js';
export { isParsedScenario, parseWarningsOf } from './model/parsed.js';
export {
  buildCalendar,
  scenarioCalendar,
  parseDay,
  formatDay,
  isoWeekday,
  type WorkingCalendar,
  type CalendarWarning,
  CN_MAINLAND,
} from './calendar/index.js';
export { expandOccurrences, type Occurrence } from './occurrences/expand.js';
export type { Locale } from './report/format.js';
export { validatePlan, type Violation, type ValidationResult, type ValidateOptions } from './validate/index.js';
export { rules, type RuleInfo } from './rules/index.js';
export { plan, planSync } from './solver/index.js';
export { defaultPlanOptions, type PlanOptions, type PlanProgress } from './solver/options.js';
export {
  exportCsv,
  exportIcs,
  renderPreview,
  csvField,
  defaultCsvExportOptions,
  defaultIcsExportOptions,
  defaultPreviewOptions,
  ExportError,
  type CsvExportOptions,
  type IcsExportOptions,
  type IcsExport,
  type IcsFile,
  type IcsOwnerKind,
  type PreviewOptions,
} from './export/index.js';
