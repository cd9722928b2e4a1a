/**
 * The catalogue of hard rules (contract §2.1), in contract order, then the rules that keep the
 * plan whole (§1.6, §2: occurrences at their enterprise, known ids, accounting, metrics). Each file is one rule: id, title, rationale with its source, messages, check.
 */
import * as visitDay from './visit-day.js';
import * as occurrenceWindow from './occurrence-window.js';
import * as enterpriseAvailability from './enterprise-availability.js';
import * as quietPeriod from './quiet-period.js';
import * as visitDepartments from './visit-departments.js';
import * as exclusive from './exclusive.js';
import * as departmentArea from './department-area.js';
import * as whitelist from './whitelist.js';
import * as visitDuration from './visit-duration.js';
import * as team from './team.js';
import * as officerDay from './officer-day.js';
import * as cap from './cap.js';
import * as leadDepartment from './lead-department.js';
import * as visitEnterprise from './visit-enterprise.js';
import * as references from './references.js';
import * as occurrenceAccounting from './occurrence-accounting.js';
import * as metrics from './metrics.js';
import { severityOf, type RuleInfo, type RuleModule } from './types.js';

export type { RuleInfo, RuleModule, RuleViolation, LocalizedText, Severity } from './types.js';
export { severityOf } from './types.js';

/** Every rule with its check, in catalogue order. */
export const ruleModules: readonly RuleModule[] = [
  visitDay,
  occurrenceWindow,
  enterpriseAvailability,
  quietPeriod,
  visitDepartments,
  exclusive,
  departmentArea,
  whitelist,
  visitDuration,
  team,
  officerDay,
  cap,
  leadDepartment,
  visitEnterprise,
  references,
  occurrenceAccounting,
  metrics,
];

/**
 * The catalogue a host shows: hard rules first in contract order, then the accounting rules.
 * @example
 * for (const rule of rules) console.log(rule.id, rule.title['zh-CN'], rule.contractSection);
 */
export const rules: RuleInfo[] = ruleModules.map((r) => ({
  id: r.id,
  title: { ...r.title },
  rationale: r.rationale,
  source: r.source,
  contractSection: r.contractSection,
  severity: r.severity,
  kinds: Object.fromEntries(Object.keys(r.messages).map((kind) => [kind, severityOf(r, kind)])),
}));
