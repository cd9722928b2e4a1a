/**
 * The boundary of every export: a scenario and a plan from anywhere (parsed objects, plain
 * JSON, or anything at all) become a checked pair and the lookups the formats share, or a
 * typed error (`ScenarioError`, `PlanError`) listing every problem. Inputs are only read.
 * Misspelt fields are errors here too: a scenario whose `exlusive` was meant as `exclusive`
 * would otherwise publish an unannounced check.
 */
import { toDay } from '../calendar/civil.js';
import { PlanError, ScenarioError } from '../model/issues.js';
import { safeParsePlan, safeParseScenario } from '../model/parse.js';
import { isParsedScenario } from '../model/parsed.js';
// Any plan that parses (the planner's or another system's): the schema's shape.
import type { ParsedPlan as Plan, Visit } from '../model/plan.js';
import type { Basis } from '../model/primitives.js';
import type { Department, Enterprise, InspectionRequest, Inspector, Item, Scenario } from '../model/scenario.js';
import { expandOccurrences } from '../occurrences/expand.js';
import { LOCALES, type Locale } from '../report/format.js';

/**
 * The default language of every export.
 * @example
 * exportCsv(scenario, plan); // headers and words in DEFAULT_EXPORT_LOCALE ('zh-CN')
 */
export const DEFAULT_EXPORT_LOCALE: Locale = 'zh-CN';

/** A well-formed `locale` option, else the default (options from plain JS may be anything). */
export function localeOption(options: unknown): Locale {
  const locale = isObject(options) ? options.locale : undefined;
  return typeof locale === 'string' && (LOCALES as readonly string[]).includes(locale) ? (locale as Locale) : DEFAULT_EXPORT_LOCALE;
}

export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A visit with everything the formats print, resolved once. */
export interface VisitView {
  visit: Visit;
  /** Position in `plan.visits`. */
  index: number;
  day: number;
  enterprise: Enterprise;
  lead: Department;
  /** In the visit's order. */
  departments: Department[];
  /** Items of the visit's occurrences, unique, by department order then the scenario's item order. */
  items: Item[];
  /** Bases of the visit's occurrences, unique, in contract order. */
  bases: Basis[];
  officers: Inspector[];
  /** Some occurrence of the visit is `exclusive`: treated as an unannounced check. */
  unannounced: boolean;
}

export interface ExportInput {
  scenario: Scenario;
  plan: Plan;
  locale: Locale;
  /** `metrics.separateVisits` of the plan as given, when it had one. */
  separateVisits?: number;
  /** Every visit, sorted by date, start, enterprise id, visit id. */
  visits: VisitView[];
  requestOf(occurrenceId: string): InspectionRequest | undefined;
  department(id: string): Department | undefined;
  enterprise(id: string): Enterprise | undefined;
  /** `name`, with ` (id)` when another thing of its kind has the same name. */
  label(kind: 'department' | 'enterprise' | 'inspector', id: string): string;
}

const BASIS_ORDER: readonly Basis[] = ['routine', 'random', 'special', 'complaint', 'referral', 'data-clue', 'enterprise-request', 'licensing', 'recheck', 'emergency'];

/**
 * Checks both documents (the plan against the scenario: every id it names must exist) and
 * resolves the visits. Throws `ScenarioError` or `PlanError`.
 */
export function readExportInput(scenarioInput: unknown, planInput: unknown, locale: Locale): ExportInput {
  let scenario: Scenario;
  if (isParsedScenario(scenarioInput)) scenario = scenarioInput;
  else {
    const parsed = safeParseScenario(scenarioInput, { locale });
    if (!parsed.success) throw new ScenarioError(parsed.issues, locale);
    scenario = parsed.data;
  }
  // The exports never read `meta`, and read `metrics` only for `separateVisits`: a plan from
  // another system may lack both, so stand-ins let the rest of it be checked as usual.
  const raw = typeof planInput === 'string' ? jsonOrText(planInput) : planInput;
  const metrics = isObject(raw) ? raw.metrics : undefined;
  const filled = isObject(raw) && (raw.meta === undefined || raw.metrics === undefined) ? { ...raw, meta: raw.meta ?? STAND_IN_META, metrics: raw.metrics ?? standInMetrics() } : raw;
  const parsedPlan = safeParsePlan(filled, { locale, scenario });
  if (!parsedPlan.success) throw new PlanError(parsedPlan.issues, locale);
  const plan = parsedPlan.data;
  const separate = isObject(metrics) ? metrics.separateVisits : undefined;

  const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((x) => [x.id, x]));
  const departments = byId(scenario.departments);
  const enterprises = byId(scenario.enterprises);
  const inspectors = byId(scenario.inspectors);
  const items = byId(scenario.items);
  const requests = new Map(expandOccurrences(scenario).map((o) => [o.id, o.request]));
  const deptOrder = new Map(scenario.departments.map((d, i) => [d.id, i]));
  const itemOrder = new Map(scenario.items.map((d, i) => [d.id, i]));
  const shared = (list: readonly { id: string; name: string }[]) => {
    const count = new Map<string, number>();
    for (const x of list) count.set(x.name, (count.get(x.name) ?? 0) + 1);
    return (id: string, name: string) => ((count.get(name) ?? 0) > 1 ? (locale === 'zh-CN' ? `${name}（${id}）` : `${name} (${id})`) : name);
  };
  const labels = { department: shared(scenario.departments), enterprise: shared(scenario.enterprises), inspector: shared(scenario.inspectors) };
  const lists = { department: departments, enterprise: enterprises, inspector: inspectors };

  // The plan's references were checked against the scenario, so every lookup below succeeds.
  const views = plan.visits.map((visit, index): VisitView => {
    const reqs = visit.occurrenceIds.map((id) => requests.get(id) as InspectionRequest);
    const itemIds = new Set(reqs.flatMap((r) => r.itemIds));
    const visitItems = [...itemIds]
      .map((id) => items.get(id))
      .filter((i): i is Item => i !== undefined)
      .sort((a, b) => (deptOrder.get(a.departmentId) ?? 0) - (deptOrder.get(b.departmentId) ?? 0) || (itemOrder.get(a.id) ?? 0) - (itemOrder.get(b.id) ?? 0));
    const bases = new Set(reqs.map((r) => r.basis));
    return {
      visit,
      index,
      day: toDay(visit.date),
      enterprise: enterprises.get(visit.enterpriseId) as Enterprise,
      lead: departments.get(visit.leadDepartmentId) as Department,
      departments: visit.departmentIds.map((id) => departments.get(id) as Department),
      items: visitItems,
      bases: BASIS_ORDER.filter((b) => bases.has(b)),
      officers: visit.inspectorIds.map((id) => inspectors.get(id) as Inspector),
      unannounced: reqs.some((r) => r.exclusive),
    };
  });
  views.sort(
    (a, b) =>
      a.day - b.day ||
      compare(a.visit.start, b.visit.start) ||
      compare(a.visit.enterpriseId, b.visit.enterpriseId) ||
      compare(a.visit.id, b.visit.id),
  );
  return {
    scenario,
    plan,
    locale,
    ...(typeof separate === 'number' ? { separateVisits: separate } : {}),
    visits: views,
    requestOf: (id) => requests.get(id),
    department: (id) => departments.get(id),
    enterprise: (id) => enterprises.get(id),
    label: (kind, id) => {
      const thing = lists[kind].get(id);
      return thing ? labels[kind](id, thing.name) : id;
    },
  };
}

const STAND_IN_META = { engine: '', engineVersion: '', seed: 0, elapsedMs: 0 };
const standInMetrics = () => ({ occurrences: 0, scheduled: 0, offsite: 0, unscheduled: 0, visits: 0, lowerBound: 0, personVisits: 0 });

/** The value of JSON text, or the text itself (then the plan parser reports the syntax error). */
function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
