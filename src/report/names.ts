/**
 * Names for messages: departments, enterprises, officers and caps as a reader knows them —
 * by name, with the id in brackets where two of one kind share that name (`某某餐馆（E12）`).
 * Caps have no name in contract v1, so their id is their name.
 */
import type { Scenario } from '../model/scenario.js';
import type { Locale } from './format.js';

export interface Names {
  department(id: string): string;
  enterprise(id: string): string;
  inspector(id: string): string;
  cap(id: string): string;
}

type Named = { id: string; name: string };

/** `name`, or `name（id）` / `name (id)` when another of its kind has the same name. */
export function withId(name: string, id: string, shared: boolean, locale: Locale): string {
  if (!shared) return name;
  return locale === 'zh-CN' ? `${name}（${id}）` : `${name} (${id})`;
}

/** One lookup per kind, built on first use (a plan with no reasons never builds one). */
function lookup(list: () => readonly Named[], locale: Locale): (id: string) => string {
  let byId: Map<string, string> | undefined;
  return (id) => {
    if (byId === undefined) {
      const count = new Map<string, number>();
      for (const x of list()) count.set(x.name, (count.get(x.name) ?? 0) + 1);
      byId = new Map();
      for (const x of list()) byId.set(x.id, withId(x.name === '' ? x.id : x.name, x.id, (count.get(x.name) ?? 0) > 1, locale));
    }
    return byId.get(id) ?? id;
  };
}

export function namesOf(scenario: Scenario, locale: Locale): Names {
  return {
    department: lookup(() => scenario.departments, locale),
    enterprise: lookup(() => scenario.enterprises, locale),
    inspector: lookup(() => scenario.inspectors, locale),
    cap: (id) => id,
  };
}

/** Ids as they are (for messages worded without a scenario at hand). */
export const idsAsNames: Names = { department: (id) => id, enterprise: (id) => id, inspector: (id) => id, cap: (id) => id };
