/**
 * The shape of a hard rule of the plan validator (contract §2.1) and of the breaches it
 * reports. A rule file exports exactly the fields of `RuleModule`; `rules/index.ts` lists
 * the files in contract order.
 */
import type { RuleId } from '../model/codes.js';
import type { Locale } from '../report/format.js';
import type { ValidationContext } from '../validate/context.js';

export type LocalizedText = { en: string; 'zh-CN': string };

/**
 * How grave a finding is. A `violation` makes the plan unlawful or impossible to carry out
 * (a hard rule of contract §2.1, an unknown id, an occurrence missing or twice); a `warning`
 * is bookkeeping (stale metrics, an unscheduled entry without a reason) and leaves the plan valid.
 * @example
 * const blocking = (s: Severity) => s === 'violation';
 */
export type Severity = 'violation' | 'warning';

/** One breach as a rule reports it; `validatePlan` adds the rule id and the message. */
export interface RuleViolation {
  /** Which kind of breach: a key of the rule's `messages`. Copied to `details.kind`. */
  kind: string;
  visitId?: string;
  occurrenceId?: string;
  inspectorId?: string;
  /** The facts, as plain data. */
  details: Record<string, unknown>;
  /** Values used only to word the message (already phrased per locale). */
  text?: Partial<Record<Locale, Record<string, unknown>>>;
}

export interface RuleModule {
  readonly id: RuleId;
  readonly title: LocalizedText;
  /** One line: why the rule exists, naming its legal or practical source. */
  readonly rationale: string;
  /** The source alone, short. */
  readonly source: string;
  /** Where the contract states it, e.g. `§2.1-7`. */
  readonly contractSection: string;
  /** What exactly is checked (for the catalogue). */
  readonly checks: string;
  /** Message templates by breach kind, with `{placeholders}` filled from details. */
  readonly messages: Readonly<Record<string, LocalizedText>>;
  /** The severity of the rule's findings. */
  readonly severity: Severity;
  /** Kinds whose severity differs from the rule's (e.g. `occurrence-accounting/no-reason` is a warning). */
  readonly kindSeverity?: Readonly<Record<string, Severity>>;
  check(ctx: ValidationContext): RuleViolation[];
}

/** The severity of one kind of breach of a rule. */
export function severityOf(rule: Pick<RuleModule, 'severity' | 'kindSeverity'>, kind: string): Severity {
  return rule.kindSeverity?.[kind] ?? rule.severity;
}

/**
 * A catalogue entry: what a host shows about a rule.
 * @example
 * const info: RuleInfo | undefined = rules.find((r) => r.id === 'cap');
 * console.log(info?.title['zh-CN'], info?.source);
 */
export type RuleInfo = {
  id: RuleId;
  title: { en: string; 'zh-CN': string };
  rationale: string;
  source: string;
  contractSection: string;
  /** The severity of the rule's findings (`violation` for every hard rule of §2.1). */
  severity: Severity;
  /** Every kind of breach the rule reports (`details.kind`) with its severity. */
  kinds: Record<string, Severity>;
};
