/**
 * Words the exports share with every other message: the shared terms table
 * (`report/locales/terms.ts`), so a basis or a reason reads the same in a published list,
 * a calendar, the preview and an unscheduled reason.
 */
import type { Basis } from '../model/primitives.js';
import type { Locale } from '../report/format.js';
import { term } from '../report/locales/terms.js';

export function basisWord(basis: Basis, locale: Locale): string {
  return term(locale, `basis.${basis}`);
}

/** The short title of a reason code (`CAP_REACHED` → 检查频次已达上限); the code itself when it has none. */
export function reasonTitle(code: string, locale: Locale): string {
  const key = `reason.${code}`;
  const title = term(locale, key);
  return title === key ? code : title;
}
