/**
 * Soft findings: soft wishes of contract §3 the plan could not meet, per occurrence. Not
 * breaches (the plan is valid) and not plan-level warnings: facts a department may want to
 * act on. Today one kind: `PREFERRED_DATE_UNMET`, a scheduled occurrence dated on none of its
 * `preferredDates`, with the reason each preferred date was not used where it is cheaply
 * known. (An unscheduled occurrence has its reasons already; it gets no soft finding.)
 */
import { unavailableDays, type DaySet } from '../calendar/availability.js';
import { formatDay, toDay } from '../calendar/civil.js';
import type { COccurrence, CompiledProblem } from '../compile/problem.js';
import { formatMessage, type Locale } from './format.js';
import { reasonMessages } from './locales/reason-messages.js';
import { term } from './locales/terms.js';

/**
 * The codes of soft findings (soft wishes of contract §3 the plan could not meet).
 * @example
 * SOFT_FINDING_CODES; // ['PREFERRED_DATE_UNMET']
 */
export const SOFT_FINDING_CODES = ['PREFERRED_DATE_UNMET'] as const;
/**
 * One soft finding code.
 * @example
 * const code: SoftFindingCode = 'PREFERRED_DATE_UNMET';
 */
export type SoftFindingCode = (typeof SOFT_FINDING_CODES)[number];

export interface SoftFinding {
  code: SoftFindingCode;
  occurrenceId: string;
  visitId?: string;
  message: string;
  details: Record<string, unknown>;
}

/** Why a preferred date was not used, first cause first (the order of the static filters). */
export type PreferredDateCause =
  | 'fixed-date'
  | 'outside-window'
  | 'not-working-day'
  | 'makeup-workday'
  | 'enterprise-unavailable'
  | 'quiet-period'
  | 'no-eligible-inspectors'
  | 'joint-visit'
  | 'plan';

export interface PlacedOccurrence {
  occurrence: number;
  /** Horizon day index of its visit. */
  day: number;
  visitId: string;
  /** Occurrences in its visit. */
  visitSize: number;
}

function includes(sorted: Int32Array, x: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid] as number;
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

export function preferredDateCause(P: CompiledProblem, o: COccurrence, day: number, visitSize: number, unavailable: () => DaySet): PreferredDateCause {
  const r = o.source.request;
  const policy = P.scenario.policy;
  if (r.fixedDate !== undefined && toDay(r.fixedDate) !== day) return 'fixed-date';
  if (day < o.source.from || day > o.source.to) return 'outside-window';
  if (!P.calendar.isWorkingDay(day)) return 'not-working-day';
  const makeup = P.calendar.isMakeupWorkday(day);
  if (makeup && policy.makeupWorkdays === 'forbid') return 'not-working-day';
  if (unavailable().has(day)) return 'enterprise-unavailable';
  const area = P.enterprises[o.enterprise]?.source.area;
  for (const q of P.quietPeriods) {
    if (q.exemptBases.has(o.basis) || (q.areas !== undefined && (area === undefined || !q.areas.has(area)))) continue;
    if (q.days.has(day)) return 'quiet-period';
  }
  if (!includes(o.feasible, day - P.day0)) return 'no-eligible-inspectors';
  if (makeup && policy.makeupWorkdays === 'avoid') return 'makeup-workday';
  return visitSize > 1 ? 'joint-visit' : 'plan';
}

export function preferredDateFindings(P: CompiledProblem, placed: readonly PlacedOccurrence[], locale: Locale): SoftFinding[] {
  const out: SoftFinding[] = [];
  const horizon = { from: P.day0, to: P.day0 + P.days - 1 };
  const separator = locale === 'zh-CN' ? '；' : '; ';
  // Each enterprise's closed days, worked out once and only where a cause needs them.
  const closed = new Map<number, DaySet>();
  const ruleDays = new Map<string, readonly number[]>();
  for (const p of placed) {
    const o = P.occurrences[p.occurrence] as COccurrence;
    if (o.preferred.size === 0 || o.preferred.has(p.day)) continue;
    const ent = P.enterprises[o.enterprise];
    const unavailable = () => {
      let days = closed.get(o.enterprise);
      if (days === undefined) closed.set(o.enterprise, (days = unavailableDays(ent?.source.unavailable ?? [], ent?.source.unavailableRule, horizon, ruleDays)));
      return days;
    };
    const preferredDates = [...new Set(o.source.request.preferredDates)].sort();
    const unmet = preferredDates.map((date) => ({ date, cause: preferredDateCause(P, o, toDay(date), p.visitSize, unavailable) }));
    const date = formatDay(P.day0 + p.day);
    const words = {
      date,
      visitId: p.visitId,
      unmet: unmet.map((u) => formatMessage(reasonMessages, locale, 'preferred.date', { date: u.date, cause: term(locale, `cause.${u.cause}`) })).join(separator),
    };
    out.push({
      code: 'PREFERRED_DATE_UNMET',
      occurrenceId: o.id,
      visitId: p.visitId,
      message: formatMessage(reasonMessages, locale, 'PREFERRED_DATE_UNMET', words),
      details: { preferredDates, date, unmet },
    });
  }
  return out.sort((a, b) => (a.occurrenceId < b.occurrenceId ? -1 : a.occurrenceId > b.occurrenceId ? 1 : 0));
}
