/** `recommend` in words: an option's `why`, and the message of an impossible day, naming people, departments and enterprises by name. */
import { fillTemplate, type Locale } from '../report/format.js';
import { term } from '../report/locales/terms.js';
import { namesOf, type Names } from '../report/names.js';
import type { Occurrence } from '../occurrences/expand.js';
import type { CapEventFact, DayVerdict, Placement, StaffFunnel } from '../placement/index.js';
import type { PlanIndex } from '../placement/plan-index.js';
import { recommendMessages } from './messages.js';

const namesCache = new WeakMap<object, Partial<Record<Locale, Names>>>();

function names(index: PlanIndex, locale: Locale): Names {
  let byLocale = namesCache.get(index);
  if (!byLocale) namesCache.set(index, (byLocale = {}));
  return (byLocale[locale] ??= namesOf(index.scenario, locale));
}

const say = (locale: Locale, key: string, values: Record<string, unknown>) => fillTemplate(recommendMessages[locale][key] ?? recommendMessages.en[key] ?? key, values);
const list = (locale: Locale, xs: readonly string[]) => xs.join(locale === 'en' ? ', ' : '、');

export function optionWhy(index: PlanIndex, occ: Occurrence, p: Placement, flags: { preferred: boolean; makeup: boolean }, locale: Locale): string {
  const n = names(index, locale);
  const people = list(locale, p.inspectorIds.map((id) => n.inspector(id)));
  const enterpriseName = n.enterprise(occ.request.enterpriseId);
  const text =
    p.kind === 'join'
      ? say(locale, 'why.join', { ...p, enterpriseName, added: p.inspectorIds.length > 0 ? say(locale, 'why.join.added', { names: people }) : say(locale, 'why.join.none', {}) })
      : say(locale, 'why.new-visit', { ...p, enterpriseName, names: people });
  const tags = [flags.preferred && say(locale, 'why.preferred', {}), flags.makeup && say(locale, 'why.makeup', {})].filter((t): t is string => typeof t === 'string');
  if (tags.length === 0) return text;
  return locale === 'en' ? `${text} (${tags.join(', ')})` : `${text}（${tags.join('，')}）`;
}

function events(locale: Locale, facts: readonly CapEventFact[]): string {
  return list(locale, facts.map((e) => say(locale, e.source === 'visit' ? 'event.visit' : 'event.history', e as unknown as Record<string, unknown>)));
}

function staffText(index: PlanIndex, s: StaffFunnel, locale: Locale): string {
  const departmentName = names(index, locale).department(s.departmentId);
  if (s.filter === 'qualification') {
    const missing = s.missingQualifications.length > 0 ? say(locale, 'missing.list', { list: list(locale, s.missingQualifications) }) : '';
    return say(locale, 'staff.qualification', { departmentName, required: s.required, missing });
  }
  const step = s.steps.find((x) => x.filter === s.filter);
  const own = recommendMessages[locale][`filter.${s.filter}`];
  const filterName = own ?? term(locale, `filter.${s.filter}`);
  return say(locale, 'staff.count', { departmentName, required: Math.max(0, s.required - s.present), remaining: step?.remaining ?? 0, filterName });
}

/** The message of a day on which the occurrence cannot be placed. */
export function dayMessage(index: PlanIndex, occ: Occurrence, v: DayVerdict, locale: Locale): string {
  const n = names(index, locale);
  const f = v.facts;
  const values: Record<string, unknown> = { ...f, date: v.date, enterpriseName: n.enterprise(occ.request.enterpriseId), departmentName: n.department(occ.request.departmentId) };
  if (typeof f.basis === 'string') values.basis = term(locale, `basis.${f.basis}`);
  if (typeof f.inspectorId === 'string') values.inspectorName = n.inspector(f.inspectorId);
  let text: string;
  switch (v.rule) {
    case 'cap': {
      const period = f.period as { from: string; to: string } | undefined;
      const evs = (f.events as CapEventFact[] | undefined) ?? [];
      text = say(locale, f.kind === 'gap' ? 'cap.gap' : 'cap.limit', { ...values, periodFrom: period?.from, periodTo: period?.to, count: evs.length, events: events(locale, evs) });
      break;
    }
    case 'visit-too-long':
      text = say(locale, f.bound === 'day-end' ? 'visit-too-long.day-end' : 'visit-too-long.enterprise', values);
      break;
    case 'staff':
      text = staffText(index, f as unknown as StaffFunnel, locale);
      break;
    default:
      text = say(locale, v.rule ?? 'horizon', values);
  }
  return f.joinOnly === true && v.rule !== 'horizon' ? say(locale, 'join', { ...values, reason: text }) : text;
}
