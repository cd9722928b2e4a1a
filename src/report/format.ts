/** Message templates: `{name}` placeholders filled from a details object. */

/**
 * The language of every message: `zh-CN` (the default everywhere) or `en`.
 * @example
 * const locale: Locale = 'en';
 * planSync(scenario, { locale });
 */
export type Locale = 'en' | 'zh-CN';
/**
 * Every supported locale.
 * @example
 * const menu = LOCALES.map((l) => ({ value: l, label: l === 'zh-CN' ? '中文' : 'English' }));
 */
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

export type MessageTable = Record<string, string>;

export function fillTemplate(template: string, details: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = details[key];
    if (value === undefined) return whole;
    return Array.isArray(value) ? value.join(', ') : String(value);
  });
}

/** The message for `code` in `locale`, falling back to English, then to the code itself. */
export function formatMessage(
  tables: Readonly<Record<Locale, MessageTable>>,
  locale: Locale,
  code: string,
  details: Readonly<Record<string, unknown>> = {},
): string {
  // An unsupported locale (from a host's JSON, say) falls back to English rather than failing.
  const template = (tables[locale] as MessageTable | undefined)?.[code] ?? tables.en[code] ?? code;
  return fillTemplate(template, details);
}
