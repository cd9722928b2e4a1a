/** Small helpers that word facts for messages (names instead of ids where a reader expects them). */
import type { Locale } from '../report/format.js';
import { term } from '../report/locales/terms.js';
import type { ValidationContext } from '../validate/context.js';

export type NamedKind = 'department' | 'enterprise' | 'inspector';

/** Per context and kind: the names that two or more of the scenario's entries share. */
const sharedNames = new WeakMap<ValidationContext, Map<NamedKind, Set<string>>>();

function shared(ctx: ValidationContext, kind: NamedKind): Set<string> {
  let byKind = sharedNames.get(ctx);
  if (!byKind) sharedNames.set(ctx, (byKind = new Map()));
  let names = byKind.get(kind);
  if (!names) {
    const list = kind === 'department' ? ctx.scenario.departments : kind === 'enterprise' ? ctx.scenario.enterprises : ctx.scenario.inspectors;
    const seen = new Set<string>();
    names = new Set();
    for (const x of list) (seen.has(x.name) ? names : seen).add(x.name);
    byKind.set(kind, names);
  }
  return names;
}

/**
 * How a message names a department, enterprise or officer: by its name, with the id where
 * two of its kind share the name (`张伟（I7）`, in English `张伟 (I7)`); an unknown id as itself.
 */
export function nameOf(ctx: ValidationContext, kind: NamedKind, id: string, locale: Locale): string {
  const map: ReadonlyMap<string, { name: string }> = kind === 'department' ? ctx.departments : kind === 'enterprise' ? ctx.enterprises : ctx.inspectors;
  const name = map.get(id)?.name;
  if (name === undefined) return id;
  if (!shared(ctx, kind).has(name)) return name;
  return locale === 'zh-CN' ? `${name}（${id}）` : `${name} (${id})`;
}

export function departmentNames(ctx: ValidationContext, ids: readonly string[], locale: Locale): string[] {
  return ids.map((id) => nameOf(ctx, 'department', id, locale));
}

/** The same value worded once per locale by `word`. */
export function perLocale<T>(word: (locale: Locale) => T): Record<Locale, T> {
  return { en: word('en'), 'zh-CN': word('zh-CN') };
}

/** Phrases an empty list as "none" / "无". */
export function orNone(list: readonly string[]): { en: string[] | string; 'zh-CN': string[] | string } {
  return list.length > 0 ? { en: [...list], 'zh-CN': [...list] } : { en: 'none', 'zh-CN': '无' };
}

/** A basis as a Chinese reader knows it: the one term of `report/locales/terms.ts` (the code itself if unknown). */
export function basisZh(basis: string): string {
  const key = `basis.${basis}`;
  const word = term('zh-CN', key);
  return word === key ? basis : word;
}
