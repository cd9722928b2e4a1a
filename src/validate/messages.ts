/** Words a rule's breach in the caller's locale: the rule's template filled from details, names and text. */
import { fillTemplate, type Locale } from '../report/format.js';
import type { RuleModule, RuleViolation } from '../rules/types.js';
import { nameOf } from '../rules/wording.js';
import type { ValidationContext } from './context.js';

const LIST_SEPARATOR: Record<Locale, string> = { en: ', ', 'zh-CN': '、' };

export function violationMessage(rule: RuleModule, v: RuleViolation, ctx: ValidationContext, locale: Locale): string {
  const template = rule.messages[v.kind]?.[locale] ?? rule.messages[v.kind]?.en ?? `${rule.id}: ${v.kind}`;
  const d = v.details;
  const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
  const departmentId = str(d.departmentId);
  const enterpriseId = str(d.enterpriseId);
  const inspectorId = v.inspectorId ?? str(d.inspectorId);
  const values: Record<string, unknown> = {
    ...d,
    // Names (with the id where two share a name) for the ids of the facts.
    ...(departmentId !== undefined ? { departmentName: nameOf(ctx, 'department', departmentId, locale) } : {}),
    ...(enterpriseId !== undefined ? { enterpriseName: nameOf(ctx, 'enterprise', enterpriseId, locale) } : {}),
    ...(inspectorId !== undefined ? { inspectorName: nameOf(ctx, 'inspector', inspectorId, locale) } : {}),
    ...v.text?.[locale],
  };
  for (const [key, value] of Object.entries(values)) {
    if (Array.isArray(value)) values[key] = value.map((x) => (typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x))).join(LIST_SEPARATOR[locale]);
  }
  return fillTemplate(template, values);
}
