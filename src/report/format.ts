/** Message templates: `{name}` placeholders filled from a details object. */
export type Locale = 'en' | 'zh-CN';
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
