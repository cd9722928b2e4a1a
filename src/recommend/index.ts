/**
 * `recommend(scenario, plan, target, options?)`: the best ways to place one occurrence in a
 * plan, ranked, each with the edits that apply it, and why the better-looking days are
 * impossible. Built on the placement engine (src/placement/); see docs/recommend.md.
 */
import { formatDay, toDay } from '../calendar/civil.js';
import type { Edit } from '../edit/types.js';
import { InputError, makeIssue, ScenarioError, type InputIssue } from '../model/issues.js';
import type { Plan } from '../model/plan-types.js';
import type { Scenario, ScenarioInput } from '../model/scenario.js';
import { expandRequest, type Occurrence } from '../occurrences/expand.js';
import { indexPlan, survey, surveyDay, type DayVerdict, type FunnelRule, type Placement } from '../placement/index.js';
import type { PlanIndex } from '../placement/plan-index.js';
import type { Locale } from '../report/format.js';
import { readScenario } from '../validate/plan-input.js';
import { dayMessage, optionWhy } from './wording.js';

type ArrayItem<T> = T extends readonly (infer U)[] ? U : never;

/**
 * A new inspection request as the scenario's `requests` take it (contract §1.6).
 * @example
 * const request: RecommendRequest = { id: 'R-NEW', departmentId: 'FIRE', enterpriseId: 'E12', itemIds: ['FIRE-1'], window: { from: '2026-04-01', to: '2026-04-30' }, basis: 'complaint' };
 */
export type RecommendRequest = ArrayItem<ScenarioInput['requests']>;

/**
 * What to place: the id of an occurrence of the scenario that is in no visit of the plan, or
 * a new request (not yet in the scenario; its first occurrence is placed).
 * @example
 * recommend(scenario, plan, 'R7#2');
 * recommend(scenario, plan, { id: 'R-NEW', departmentId: 'SAMR', enterpriseId: 'E3', itemIds: ['SAMR-1'], window: { from: '2026-03-02', to: '2026-03-13' } });
 */
export type RecommendTarget = string | RecommendRequest;

/**
 * Options of `recommend`.
 * @example
 * recommend(scenario, plan, 'R9', { limit: 3, locale: 'en' });
 */
export interface RecommendOptions {
  /** Most options returned; default 10. */
  limit?: number;
  /** Language of `why` and of the impossible days' messages; default `zh-CN`. */
  locale?: Locale;
}

/**
 * The defaults of `RecommendOptions`.
 * @example
 * defaultRecommendOptions.limit; // 10
 */
export const defaultRecommendOptions = { limit: 10, locale: 'zh-CN' as Locale } as const;

/**
 * One way to place the target, with the edits that apply it (in order: `applyEdits(scenario,
 * plan, option.edits)`; for a new request, to the scenario with the request appended).
 * @example
 * const best: RecommendOption = recommend(scenario, plan, 'R9').options[0]!;
 * applyEdits(scenario, plan, best.edits).violations; // []
 */
export interface RecommendOption {
  /** 1 for the best. */
  rank: number;
  kind: 'join' | 'new-visit';
  date: string;
  /** The visit's times after the edits. */
  start: string;
  end: string;
  /** The visit joined. */
  visitId?: string;
  /** Officers added to the visit joined, or the new visit's team. */
  inspectorIds: string[];
  edits: Edit[];
  effect: {
    /** Visits the plan gains (0 for a join, 1 for a new visit). */
    visits: 0 | 1;
    /** Officer-visits the plan gains (officers added or sent). */
    personVisits: number;
    /** The date is one of the request's preferred dates. */
    preferredDate: boolean;
    /** The date is a make-up workday (调休). */
    makeupWorkday: boolean;
  };
  /** Visits of the plan the option changes (1 for a join, 0 for a new visit). */
  churn: number;
  /** The option in words. */
  why: string;
}

/**
 * A better-looking day (a preferred date, or a day earlier than the best option) on which the
 * target cannot be placed: the first rule that fails, in words and as data.
 * @example
 * for (const d of recommend(scenario, plan, 'R9').impossible) console.log(d.date, d.rule, d.message);
 */
export interface ImpossibleDay {
  date: string;
  rule: FunnelRule;
  message: string;
  details: Record<string, unknown>;
}

/**
 * What `recommend` returns.
 * @example
 * const { target, options, impossible } = recommend(scenario, plan, 'R9');
 */
export interface RecommendResult {
  target: {
    occurrenceId: string;
    requestId: string;
    /** The target was a new request (apply the edits to the scenario with it appended). */
    newRequest: boolean;
    /** The occurrence's window clipped to the horizon. */
    window: { from: string; to: string };
  };
  options: RecommendOption[];
  impossible: ImpossibleDay[];
}

const scenarios = new WeakMap<object, Scenario>();

/** The parsed scenario, once per scenario object. */
function parsedScenario(input: unknown, locale: Locale): Scenario {
  if (input !== null && typeof input === 'object') {
    const hit = scenarios.get(input);
    if (hit) return hit;
    const parsed = readScenario(input, locale);
    scenarios.set(input, parsed);
    return parsed;
  }
  return readScenario(input, locale);
}

function readOptions(options: unknown): { limit: number; locale: Locale } {
  const locale = options !== null && typeof options === 'object' && ((options as RecommendOptions).locale === 'en' || (options as RecommendOptions).locale === 'zh-CN') ? ((options as RecommendOptions).locale as Locale) : defaultRecommendOptions.locale;
  if (options === undefined) return { ...defaultRecommendOptions };
  const issues: InputIssue[] = [];
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    issues.push(makeIssue(['options'], 'invalid_type', { expected: 'object', received: options === null ? 'null' : Array.isArray(options) ? 'array' : typeof options }, locale));
  } else {
    const o = options as Record<string, unknown>;
    if (o.limit !== undefined && !(typeof o.limit === 'number' && Number.isInteger(o.limit) && o.limit >= 1)) {
      issues.push(makeIssue(['options', 'limit'], 'invalid_argument', { expected: locale === 'en' ? 'a whole number ≥ 1' : '不小于 1 的整数', received: JSON.stringify(o.limit) ?? String(o.limit) }, locale));
    }
    if (o.locale !== undefined && o.locale !== 'en' && o.locale !== 'zh-CN') {
      issues.push(makeIssue(['options', 'locale'], 'invalid_value', { values: '"zh-CN", "en"', received: JSON.stringify(o.locale) ?? String(o.locale) }, locale));
    }
  }
  if (issues.length > 0) throw new InputError('options', issues, locale);
  const o = options as RecommendOptions;
  return { limit: o.limit ?? defaultRecommendOptions.limit, locale };
}

const targetError = (issue: InputIssue, locale: Locale) => new InputError('recommend', [issue], locale);

/** The occurrence to place: an unscheduled occurrence of the scenario, or a new request's first occurrence. */
function resolveTarget(scenarioInput: unknown, scenario: Scenario, index: PlanIndex, target: unknown, locale: Locale): { occ: Occurrence; newRequest: boolean } {
  const invalid = (expectedZh: string, expectedEn: string, received: string) =>
    targetError(makeIssue(['target'], 'invalid_argument', { expected: locale === 'en' ? expectedEn : expectedZh, received }, locale), locale);
  if (typeof target === 'string') {
    const occ = index.ctx.occurrences.get(target);
    if (!occ) throw targetError(makeIssue(['target'], 'unknown_occurrence', { id: target }, locale), locale);
    const visit = index.plan.visits.find((v) => v.occurrenceIds.includes(target));
    if (visit) throw invalid('未安排的检查任务', 'an occurrence in no visit', locale === 'en' ? `one in visit ${visit.id}` : `已在检查组 ${visit.id} 中的检查任务`);
    if (index.ctx.isOffsite(target)) throw invalid('须现场检查的检查任务', 'an occurrence that needs a visit', locale === 'en' ? 'an off-site occurrence' : '非现场检查任务');
    return { occ, newRequest: false };
  }
  if (target === null || typeof target !== 'object' || Array.isArray(target)) {
    throw invalid('检查任务编号或新的检查需求', 'an occurrence id or a new request', target === null ? 'null' : Array.isArray(target) ? 'array' : typeof target);
  }
  // A new request is read as part of the scenario, so it meets every rule a request meets.
  const base = (scenarioInput !== null && typeof scenarioInput === 'object' ? scenarioInput : scenario) as { requests?: unknown };
  const requests = Array.isArray(base.requests) ? base.requests : scenario.requests;
  const at = requests.length;
  let extended: Scenario;
  try {
    extended = readScenario({ ...(base as object), requests: [...requests, target] }, locale);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    const own = error.issues.map((i) => (i.segments[0] === 'requests' && i.segments[1] === at ? makeIssue(['target', ...i.segments.slice(2)], i.code, i.details, locale) : i));
    throw new InputError('recommend', own, locale);
  }
  const occ = expandFirst(extended, at);
  if (!occ) throw invalid('至少有一项检查任务的检查需求', 'a request with at least one occurrence', locale === 'en' ? 'a recurrence with no date in its window' : '时间窗口内没有日期的重复规则');
  return { occ, newRequest: true };
}

function expandFirst(scenario: Scenario, at: number): Occurrence | undefined {
  const r = scenario.requests[at];
  return r && expandRequest(r, at, toDay(scenario.horizon.from), toDay(scenario.horizon.to))[0];
}

/** Ranking: joins (fewer officers added first) before new visits, preferred dates, no make-up workday, earlier days, lighter officers. */
function rankKey(p: Placement, preferred: ReadonlySet<string>, index: PlanIndex): number[] {
  return [p.kind === 'join' ? 0 : 1, p.kind === 'join' ? p.inspectorIds.length : 0, preferred.has(p.date) ? 0 : 1, index.ctx.calendar.isMakeupWorkday(p.day) ? 1 : 0, p.day, p.load];
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if ((a[i] as number) !== (b[i] as number)) return (a[i] as number) - (b[i] as number);
  return 0;
}

/**
 * The best ways to place an occurrence (or a new request) in a plan, ranked by their effect
 * on the objective and their churn: joining an existing visit of its enterprise (which visit,
 * which officers to add) before a new visit (day, hours, team); preferred dates, days that are
 * no make-up workday, earlier days and lighter officers first. Each option carries the edits
 * that apply it; applied with `applyEdits` they give a plan without violations (when the plan
 * had none). `impossible` says why the better-looking days — preferred dates, and working days
 * of the window earlier than the best option (all of them when there is none) — cannot take it.
 *
 * The plan is indexed once per (scenario, plan) object pair and cached, so asking about many
 * occurrences of one plan is fast; do not mutate either while asking.
 *
 * @throws {ScenarioError} when `scenario` is not a valid scenario.
 * @throws {PlanError} when `plan` cannot be read as a plan.
 * @throws {InputError} when `target` is unknown, already in a visit, off-site, or an invalid
 *   request (paths under `target`), or `options` are invalid.
 *
 * @example
 * const { options, impossible } = recommend(scenario, plan, 'R9');
 * console.log(options[0]?.why); // 并入 2026-03-04 对企业某某餐饮有限公司的检查组 V3（09:00–10:30），增派张伟
 * const { plan: edited, violations } = applyEdits(scenario, plan, options[0]!.edits); // violations: []
 *
 * @example
 * // A complaint just arrived: where can it go?
 * const request = { id: 'C-17', departmentId: 'SAMR', enterpriseId: 'E3', itemIds: ['SAMR-1'], window: { from: '2026-03-02', to: '2026-03-06' }, basis: 'complaint' as const };
 * const result = recommend(scenario, plan, request, { locale: 'en', limit: 3 });
 * applyEdits({ ...scenario, requests: [...scenario.requests, request] }, plan, result.options[0]!.edits);
 */
export function recommend(scenario: Scenario, plan: Plan, target: RecommendTarget, options: RecommendOptions = {}): RecommendResult {
  const opts = readOptions(options);
  const parsed = parsedScenario(scenario, opts.locale);
  const index = indexPlan(parsed, plan, opts.locale);
  const { occ, newRequest } = resolveTarget(scenario, parsed, index, target, opts.locale);
  const preferred = new Set(occ.request.preferredDates);
  const days = survey(index, occ);
  const ranked = days
    .flatMap((s) => s.placements)
    .map((p) => ({ p, key: rankKey(p, preferred, index) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((x) => x.p);
  const options_ = ranked.slice(0, opts.limit).map((p, i): RecommendOption => ({
    rank: i + 1,
    kind: p.kind,
    date: p.date,
    start: p.start,
    end: p.end,
    ...(p.visitId !== undefined ? { visitId: p.visitId } : {}),
    inspectorIds: p.inspectorIds,
    edits: p.edits,
    effect: { visits: p.kind === 'join' ? 0 : 1, personVisits: p.inspectorIds.length, preferredDate: preferred.has(p.date), makeupWorkday: index.ctx.calendar.isMakeupWorkday(p.day) },
    churn: p.kind === 'join' ? 1 : 0,
    why: optionWhy(index, occ, p, { preferred: preferred.has(p.date), makeup: index.ctx.calendar.isMakeupWorkday(p.day) }, opts.locale),
  }));
  const impossible = impossibleDays(index, occ, days.map((s) => s.verdict), ranked[0], preferred).map((v) => ({
    date: v.date,
    rule: v.rule as FunnelRule,
    message: dayMessage(index, occ, v, opts.locale),
    details: v.facts,
  }));
  const window = occ.from <= occ.to ? { from: formatDay(occ.from), to: formatDay(occ.to) } : { from: formatDay(occ.rawFrom), to: formatDay(occ.rawTo) };
  return { target: { occurrenceId: occ.id, requestId: occ.request.id, newRequest, window }, options: options_, impossible };
}

/** Preferred dates (inside the window or not), then failing working days of the window before the best option (all, when none). */
function impossibleDays(index: PlanIndex, occ: Occurrence, verdicts: readonly DayVerdict[], best: Placement | undefined, preferred: ReadonlySet<string>): DayVerdict[] {
  const byDay = new Map(verdicts.map((v) => [v.day, v]));
  const out = new Map<number, DayVerdict>();
  for (const date of [...preferred].sort()) {
    const day = toDay(date);
    const v = byDay.get(day) ?? surveyDay(index, occ, day).verdict;
    if (!v.ok && best?.date !== date) out.set(day, v);
  }
  for (const v of verdicts) {
    if (v.ok || (best && v.day >= best.day)) continue;
    if (v.rule === 'not-working-day' || v.rule === 'horizon') continue;
    out.set(v.day, v);
  }
  return [...out.values()].sort((a, b) => a.day - b.day);
}
