/**
 * What every edit needs to know about the scenario, looked up once per call: occurrences,
 * items, departments in scenario order, enterprises, officers, and names for messages.
 */
import type { Scenario } from '../model/scenario.js';
import { expandOccurrences, type Occurrence } from '../occurrences/expand.js';
import type { Locale } from '../report/format.js';
import { namesOf, type Names } from '../report/names.js';

export interface EditContext {
  scenario: Scenario;
  occurrences: Map<string, Occurrence>;
  itemMinutes: Map<string, number>;
  departmentOrder: Map<string, number>;
  enterpriseLead: Map<string, string | undefined>;
  inspectorDepartment: Map<string, string>;
  names: Names;
  locale: Locale;
}

// Per parsed scenario and locale: a host applying many edits to one scenario (or `recommend`
// trying them) expands its occurrences once. Parsed scenarios are treated as immutable.
const cache = new WeakMap<Scenario, Partial<Record<Locale, EditContext>>>();

export function editContext(scenario: Scenario, locale: Locale): EditContext {
  let byLocale = cache.get(scenario);
  if (byLocale === undefined) cache.set(scenario, (byLocale = {}));
  return (byLocale[locale] ??= buildContext(scenario, locale));
}

function buildContext(scenario: Scenario, locale: Locale): EditContext {
  return {
    scenario,
    occurrences: new Map(expandOccurrences(scenario).map((o) => [o.id, o])),
    itemMinutes: new Map(scenario.items.map((i) => [i.id, i.durationMinutes])),
    departmentOrder: new Map(scenario.departments.map((d, i) => [d.id, i])),
    enterpriseLead: new Map(scenario.enterprises.map((e) => [e.id, e.leadDepartmentId])),
    inspectorDepartment: new Map(scenario.inspectors.map((i) => [i.id, i.departmentId])),
    names: namesOf(scenario, locale),
    locale,
  };
}
