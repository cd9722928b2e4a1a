/** §2: the plan's metrics, when given, agree with the plan itself, and lowerBound ≤ visits. Bookkeeping: warnings. */
import type { ValidationContext } from '../validate/context.js';
import type { RuleViolation } from './types.js';

export const id = 'metrics';
export const severity = 'warning' as const;
export const contractSection = '§2';
export const title = { en: 'Metrics agree with the plan', 'zh-CN': '统计指标须与计划一致' };
export const source = 'Contract §2; plans are published and audited';
export const rationale =
  'The figures of a plan are published and audited (each body publishes its inspection plan), so they must agree with the plan they describe (practical).';
export const checks =
  "Only the metrics the plan gives (absent ones are counted by the validator, not reported): metrics.occurrences is the number of the scenario's occurrences (with a scope, of the departments in scope); scheduled the number of occurrence ids inside visits; offsite and unscheduled the lengths of those lists; visits the number of visits; personVisits the sum over visits of inspectorIds.length; lowerBound ≤ visits; when separateVisits and visitsSaved are both given, visitsSaved = separateVisits − visits.";

export const messages = {
  mismatch: {
    en: 'metrics.{metric} is {reported}, but the plan has {actual}',
    'zh-CN': '统计指标 metrics.{metric} 为 {reported}，但计划中实际为 {actual}',
  },
  'lower-bound': {
    en: 'metrics.lowerBound is {lowerBound}, more than the {visits} visits of the plan, so it cannot be a lower bound',
    'zh-CN': '统计指标 metrics.lowerBound 为 {lowerBound}，大于计划中的检查组数 {visits}，不可能是下界',
  },
};

export function check(ctx: ValidationContext): RuleViolation[] {
  const out: RuleViolation[] = [];
  // Absent metrics are no finding: the validator counts them itself (result.metrics).
  const m = ctx.plan.metrics;
  if (m === undefined) return out;
  const truth = ctx.metrics;
  const actual: Record<string, number> = {
    occurrences: truth.occurrences,
    scheduled: truth.scheduled,
    offsite: truth.offsite,
    unscheduled: truth.unscheduled,
    visits: truth.visits,
    personVisits: truth.personVisits,
  };
  if (m.separateVisits !== undefined && m.visitsSaved !== undefined) actual.visitsSaved = m.separateVisits - truth.visits;
  for (const [metric, value] of Object.entries(actual)) {
    const reported = m[metric];
    if (reported !== undefined && reported !== value) out.push({ kind: 'mismatch', details: { metric, reported, actual: value } });
  }
  if (m.lowerBound !== undefined && m.lowerBound > truth.visits) out.push({ kind: 'lower-bound', details: { lowerBound: m.lowerBound, visits: truth.visits } });
  return out;
}
