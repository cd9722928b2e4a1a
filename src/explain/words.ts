/** A day's verdict of the placement funnel, and a cap's events, in words with names. */
import type { Locale } from '../report/format.js';
import { term } from '../report/locales/terms.js';
import type { Names } from '../report/names.js';
import type { CapEventFact, DayVerdict, StaffFunnel } from '../placement/types.js';
import { LIST, say } from './messages.js';

/** A cap's counted events as a reader names them: `visit V3 (2026-03-02)`, `the inspection of 2026-01-10`. */
export function eventWords(events: readonly CapEventFact[], locale: Locale): string {
  const words = events.map((e) => (e.source === 'visit' ? say(locale, 'events.visit', { visitId: e.visitId, date: e.date }) : say(locale, 'events.history', { date: e.date })));
  if (words.length === 0) return term(locale, 'none');
  if (locale === 'en' && words.length > 1) return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
  return words.join(LIST[locale]);
}

/** A cap's period kind (`year`, `rollingDays:30`) in words. */
export function periodKindWords(kind: unknown, locale: Locale): string {
  const text = String(kind);
  const rolling = /^rollingDays:(\d+)$/.exec(text);
  return rolling ? term(locale, 'period.rolling', { days: rolling[1] }) : term(locale, `period.${text}`);
}

function filterWord(filter: string, locale: Locale): string {
  return filter === 'daily-visits' || filter === 'daily-minutes' || filter === 'time' ? say(locale, `filter.${filter}`) : term(locale, `filter.${filter}`);
}

/** The officer funnel as `department 3 → certificate 2 → area 1`. */
export function funnelWords(staff: StaffFunnel, locale: Locale): string {
  return staff.steps.map((s) => `${filterWord(s.filter, locale)} ${s.remaining}`).join(' → ');
}

const str = (x: unknown): string => (x === undefined ? '' : String(x));
const list = (x: unknown, locale: Locale): string => (Array.isArray(x) ? (x.length > 0 ? x.map(String).join(LIST[locale]) : term(locale, 'none')) : str(x));

/** The verdict on a failed day in words, with people, departments and enterprises by name. */
export function verdictMessage(v: DayVerdict, names: Names, locale: Locale, enterpriseId: string): string {
  const f = v.facts;
  const base = {
    ...f,
    date: v.date,
    enterprise: names.enterprise(typeof f.enterpriseId === 'string' ? f.enterpriseId : enterpriseId),
    department: typeof f.departmentId === 'string' ? names.department(f.departmentId) : '',
    inspector: typeof f.inspectorId === 'string' ? names.inspector(f.inspectorId) : '',
    basis: typeof f.basis === 'string' ? term(locale, `basis.${f.basis}`) : '',
    exemptFields: list(f.exemptFields, locale),
    areas: list(f.areas, locale),
  };
  switch (v.rule) {
    case 'cap': {
      const events = eventWords((f.events as CapEventFact[] | undefined) ?? [], locale);
      const period = f.period as { from?: string; to?: string } | undefined;
      if (f.kind === 'gap') return say(locale, 'day.cap.gap', { ...base, events });
      return say(locale, 'day.cap.limit', { ...base, events, periodWords: periodKindWords(f.periodKind, locale), periodFrom: period?.from, periodTo: period?.to });
    }
    case 'visit-too-long':
      return say(locale, f.bound === 'day-end' ? 'day.visit-too-long.day-end' : 'day.visit-too-long.enterprise', base);
    case 'staff': {
      const staff = f as unknown as StaffFunnel;
      if (staff.filter === 'qualification') return say(locale, 'day.staff.qualification', { ...base, missing: list(staff.missingQualifications, locale) });
      return say(locale, 'day.staff', { ...base, funnel: funnelWords(staff, locale) });
    }
    case undefined:
      return v.mode === 'join' ? say(locale, 'day.ok.join', base) : say(locale, 'day.ok.new-visit', base);
    default:
      return say(locale, `day.${v.rule}`, base);
  }
}
