/**
 * `explain(scenario, plan, occurrenceId)`: every decision about one occurrence in words a
 * regulator uses (issue 10). Scheduled: why this day (each other day of the window ruled out by
 * a hard rule, or possible but worse) and why this team. Unscheduled: the full funnel — each day
 * of its window with the first rule that fails and its facts — and the smallest relaxations of
 * the scenario that make it schedulable, each verified by placing it in the plan and checking
 * the result with the validator. Off site: no visit is needed.
 */
import { ArgumentError, describeValue } from '../model/arguments.js';
import type { Plan } from '../model/plan-types.js';
import type { Scenario } from '../model/scenario.js';
import { indexPlan, survey } from '../placement/index.js';
import type { Locale } from '../report/format.js';
import { namesOf } from '../report/names.js';
import { readScenario } from '../validate/plan-input.js';
import { RULE_WORDS, say } from './messages.js';
import { relaxations } from './relax.js';
import { explainScheduled } from './scheduled.js';
import type { ExplainedDay, Explanation, ExplainOptions } from './types.js';
import { verdictMessage } from './words.js';

export { applyRelaxation } from './patch.js';
export type { ExplainedDay, Explanation, ExplainOptions, ExplanationStatus, Relaxation, RelaxationKind, ScenarioPatchOp, TeamMember } from './types.js';

/**
 * The defaults of `ExplainOptions`.
 * @example
 * defaultExplainOptions.maxRelaxations; // 6
 */
export const defaultExplainOptions = { locale: 'zh-CN' as Locale, maxRelaxations: 6 } as const;

function readOptions(options: unknown): { locale: Locale; maxRelaxations: number } {
  const o = options !== null && typeof options === 'object' ? (options as ExplainOptions) : {};
  const locale = o.locale === 'en' || o.locale === 'zh-CN' ? o.locale : defaultExplainOptions.locale;
  const max = typeof o.maxRelaxations === 'number' && Number.isInteger(o.maxRelaxations) && o.maxRelaxations >= 0 ? o.maxRelaxations : defaultExplainOptions.maxRelaxations;
  return { locale, maxRelaxations: max };
}

/** The rule most days fail on (ties: the funnel's earlier rule, as met first). */
function mainRule(days: readonly ExplainedDay[]): string | undefined {
  const count = new Map<string, number>();
  for (const d of days) if (d.rule) count.set(d.rule, (count.get(d.rule) ?? 0) + 1);
  return [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * Explains one occurrence of a plan: why it is on its day with its team, or why it has no
 * place and what smallest change to the scenario would give it one. Never mutates its
 * arguments. Messages name people, departments and enterprises by name (with the id where two
 * share a name).
 *
 * @throws {ScenarioError} when `scenario` is not a valid scenario.
 * @throws {PlanError} when `plan` cannot be read as a plan.
 * @throws {ArgumentError} when `occurrenceId` is not an occurrence of the scenario.
 *
 * @example
 * const e = explain(scenario, plan, 'R4');
 * if (e.status === 'unscheduled') {
 *   for (const d of e.days) console.log(d.date, d.rule, d.message); // 2026-03-03 staff 消防救援支队当日派不出 2 名执法人员：…
 *   for (const r of e.relaxations) console.log(r.message); // 2026-04-08 增加 1 名具备 fire-systems 资质的消防救援支队执法人员
 *   const relaxed = applyRelaxation(scenario, e.relaxations[0]); // R4 can be planned in it
 * }
 *
 * @example
 * // A scheduled one, in English: why this day, why these officers.
 * const e = explain(scenario, plan, 'R1', { locale: 'en' });
 * if (e.status === 'scheduled') console.log(e.summary, e.team.map((m) => m.why));
 */
export function explain(scenario: Scenario, plan: Plan, occurrenceId: string, options: ExplainOptions = {}): Explanation {
  const { locale, maxRelaxations } = readOptions(options);
  const parsed = readScenario(scenario, locale);
  const index = indexPlan(parsed, plan, locale);
  const occ = typeof occurrenceId === 'string' ? index.ctx.occurrences.get(occurrenceId) : undefined;
  if (!occ) throw ArgumentError.of('explain', [{ parameter: 'occurrenceId', expected: 'the id of an occurrence of the scenario', received: describeValue(occurrenceId) }], locale);
  const names = namesOf(parsed, locale);
  const enterpriseId = occ.request.enterpriseId;
  const occurrence = `${locale === 'zh-CN' ? '检查任务 ' : 'Occurrence '}${occ.id}`;

  const visit = index.plan.visits.find((v) => v.occurrenceIds.includes(occ.id));
  if (visit) {
    const { days, team } = explainScheduled(parsed, plan, index, occ, visit, names, locale);
    const summary = say(locale, 'summary.scheduled', {
      occurrence,
      visitId: visit.id,
      date: visit.date,
      enterprise: names.enterprise(enterpriseId),
      team: team.map((m) => names.inspector(m.inspectorId)).join(locale === 'zh-CN' ? '、' : ', '),
      days: days.length,
      impossible: days.filter((d) => d.outcome === 'impossible').length,
      possible: days.filter((d) => d.outcome === 'possible').length,
    });
    return { occurrenceId: occ.id, status: 'scheduled', visitId: visit.id, date: visit.date, days, team, summary };
  }
  if (index.ctx.isOffsite(occ.id)) return { occurrenceId: occ.id, status: 'offsite', days: [], summary: say(locale, 'summary.offsite', { occurrence }) };

  const surveys = survey(index, occ);
  const days: ExplainedDay[] = surveys.map(({ verdict: v }) =>
    v.ok
      ? { date: v.date, outcome: 'possible', message: verdictMessage(v, names, locale, enterpriseId), details: { ...v.facts, mode: v.mode } }
      : { date: v.date, outcome: 'impossible', ...(v.rule ? { rule: v.rule } : {}), message: verdictMessage(v, names, locale, enterpriseId), details: { ...v.facts } },
  );
  const relaxed = maxRelaxations > 0 ? relaxations({ scenario: parsed, plan, index, occ, verdicts: surveys.map((s) => s.verdict), names, locale }, maxRelaxations) : [];
  const rule = mainRule(days);
  const relaxText = relaxed.length > 0 ? say(locale, 'summary.relaxations', { count: relaxed.length, first: relaxed[0]?.message }) : say(locale, 'summary.no-relaxation');
  const summary = say(locale, 'summary.unscheduled', {
    occurrence,
    days: days.length,
    impossible: days.filter((d) => d.outcome === 'impossible').length,
    possible: days.filter((d) => d.outcome === 'possible').length,
    mainRule: rule ? say(locale, 'summary.main-rule', { rule: RULE_WORDS[locale][rule] ?? rule }) : '',
    relaxations: relaxText,
  });
  return { occurrenceId: occ.id, status: 'unscheduled', days, relaxations: relaxed, summary };
}
