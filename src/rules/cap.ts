/**
 * §2.1-9 with §1.7: frequency caps hold with history counted. An event (a visit or a history
 * entry) counts for a cap when it holds an occurrence of a capped department with a counted
 * basis. Tallies per enterprise, or per enterprise and department; each period may hold at
 * most the limit, and two events of one tally are at least minGapDays apart. A breach is the
 * plan's only when a plan visit takes part in it.
 */
import { dayFromParts, dayParts, daysInMonth, formatDay, parseDay } from '../calendar/civil.js';
import type { Cap, HistoryEntry } from '../model/scenario.js';
import { groupBy, type ValidationContext, type VisitInfo } from '../validate/context.js';
import type { RuleViolation } from './types.js';

export const id = 'cap';
export const severity = 'violation' as const;
export const contractSection = '§2.1-9, §1.7';
export const title = { en: 'Frequency caps', 'zh-CN': '检查频次上限' };
export const source = '国务院办公厅关于严格规范涉企行政检查的意见 (2024); ministries\' published yearly caps';
export const rationale =
  'The 2024 State Council General Office opinion on regulating enterprise inspections makes each ministry cap how often an enterprise is inspected; inspections triggered by complaints, referrals or clues do not count, and inspections already done do.';
export const checks =
  'Each cap, tally (enterprise, or enterprise and department) and period (calendar year, half-year, quarter, month, or every span of rollingDays consecutive days): the counted events (plan visits and history entries) do not exceed the limit (maxByRiskGrade for the enterprise\'s grade, else max); any two counted events of a tally are at least minGapDays apart (reported for consecutive events). Only breaches that involve a visit of the plan judged are reported; with a scope, the visits of the context count like history.';

export const messages = {
  'limit-enterprise': {
    en: 'Cap {capId}: enterprise {enterpriseName} has {count} counted inspections from {periodFrom} to {periodTo}, more than the limit of {limit} (counted: {events})',
    'zh-CN': '频次上限 {capId}：企业{enterpriseName}在 {periodFrom} 至 {periodTo} 期间计入检查 {count} 次，超过 {limit} 次的上限。计入的检查：{events}',
  },
  'limit-department': {
    en: 'Cap {capId}: department {departmentName} has {count} counted inspections of enterprise {enterpriseName} from {periodFrom} to {periodTo}, more than the limit of {limit} (counted: {events})',
    'zh-CN': '频次上限 {capId}：{departmentName}在 {periodFrom} 至 {periodTo} 期间对企业{enterpriseName}计入检查 {count} 次，超过 {limit} 次的上限。计入的检查：{events}',
  },
  'gap-enterprise': {
    en: 'Cap {capId}: counted inspections of enterprise {enterpriseName} on {firstDate} and {secondDate} are {gapDays} day(s) apart, less than the required {minGapDays} ({events})',
    'zh-CN': '频次上限 {capId}：企业{enterpriseName}于 {firstDate} 和 {secondDate} 的两次检查仅相隔 {gapDays} 天，少于规定的 {minGapDays} 天（{events}）',
  },
  'gap-department': {
    en: 'Cap {capId}: counted inspections of enterprise {enterpriseName} by department {departmentName} on {firstDate} and {secondDate} are {gapDays} day(s) apart, less than the required {minGapDays} ({events})',
    'zh-CN': '频次上限 {capId}：{departmentName}于 {firstDate} 和 {secondDate} 对企业{enterpriseName}的两次检查仅相隔 {gapDays} 天，少于规定的 {minGapDays} 天（{events}）',
  },
};

/** An inspection event of one enterprise that counts for the cap at hand. */
interface CapEvent {
  day: number;
  date: string;
  visit?: VisitInfo;
  historyIndex?: number;
  /** The capped departments it counts for. */
  departments: string[];
}

interface Period {
  from: number;
  to: number;
}

/** The calendar period containing `day`. */
export function calendarPeriod(day: number, period: 'year' | 'half-year' | 'quarter' | 'month'): Period {
  const { year, month } = dayParts(day);
  const span = period === 'year' ? 12 : period === 'half-year' ? 6 : period === 'quarter' ? 3 : 1;
  const first = month - ((month - 1) % span);
  const last = first + span - 1;
  return { from: dayFromParts(year, first, 1), to: dayFromParts(year, last, daysInMonth(year, last)) };
}

/** A visit of the plan judged (not history, not a scope's context). */
const isOwn = (e: CapEvent): boolean => e.visit !== undefined && !e.visit.background;

function eventFacts(e: CapEvent): Record<string, unknown> {
  if (!e.visit) return { source: 'history', historyIndex: e.historyIndex, date: e.date };
  return { source: e.visit.background ? 'context' : 'visit', visitId: e.visit.visit.id, date: e.date };
}

function eventText(events: readonly CapEvent[]): { en: string[]; 'zh-CN': string[] } {
  return {
    en: events.map((e) => (!e.visit ? `earlier inspection on ${e.date}` : e.visit.background ? `visit ${e.visit.visit.id} of the other departments (${e.date})` : `visit ${e.visit.visit.id} (${e.date})`)),
    'zh-CN': events.map((e) => (!e.visit ? `${e.date} 的已有检查` : e.visit.background ? `其他部门的检查组 ${e.visit.visit.id}（${e.date}）` : `检查组 ${e.visit.visit.id}（${e.date}）`)),
  };
}

const lastVisitId = (events: readonly CapEvent[]) => [...events].reverse().find(isOwn)?.visit?.visit.id;

export function check(ctx: ValidationContext): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (ctx.scenario.caps.length === 0) return out;
  const history = groupBy(
    ctx.scenario.history.map((entry, index) => ({ entry, index })),
    (h) => h.entry.enterpriseId,
  );
  for (const cap of ctx.scenario.caps) {
    // A breach needs a plan visit, so only enterprises with visits are examined.
    for (const [enterpriseId, visits] of ctx.visitsByEnterprise()) {
      const events = countingEvents(cap, visits, history.get(enterpriseId) ?? []);
      if (!events.some(isOwn)) continue;
      const grade = ctx.enterprises.get(enterpriseId)?.riskGrade;
      const limit = (grade !== undefined ? cap.maxByRiskGrade?.[grade] : undefined) ?? cap.max;
      const tallies: [string | undefined, CapEvent[]][] =
        cap.per === 'enterprise'
          ? [[undefined, events]]
          : [...new Set(events.flatMap((e) => e.departments))].map((d) => [d, events.filter((e) => e.departments.includes(d))]);
      for (const [departmentId, tally] of tallies) {
        const tallyFacts = { capId: cap.id, per: cap.per, enterpriseId, ...(departmentId !== undefined ? { departmentId } : {}) };
        if (limit !== undefined) out.push(...limitBreaches(cap, tally, limit, tallyFacts));
        if (cap.minGapDays !== undefined && cap.minGapDays > 0) out.push(...gapBreaches(tally, cap.minGapDays, tallyFacts));
      }
    }
  }
  return out;
}

function countingEvents(cap: Cap, visits: readonly VisitInfo[], history: readonly { entry: HistoryEntry; index: number }[]): CapEvent[] {
  const capped = cap.departmentIds ? new Set(cap.departmentIds) : undefined;
  const bases = new Set(cap.countsBases);
  const counts = (d: string) => capped === undefined || capped.has(d);
  const events: CapEvent[] = [];
  for (const { entry, index } of history) {
    const day = parseDay(entry.date);
    if (day === undefined || !bases.has(entry.basis)) continue;
    const departments = [...new Set(entry.departmentIds.filter(counts))];
    if (departments.length > 0) events.push({ day, date: entry.date, historyIndex: index, departments });
  }
  for (const v of visits) {
    const departments = [...new Set(v.occurrences.filter((o) => bases.has(o.request.basis) && counts(o.request.departmentId)).map((o) => o.request.departmentId))];
    if (departments.length > 0) events.push({ day: v.day, date: v.visit.date, visit: v, departments });
  }
  // By date; history before visits on one day; then input order (history, then visits, are already in it).
  return events.sort((a, b) => a.day - b.day || Number(a.visit !== undefined) - Number(b.visit !== undefined));
}

/** The scope's context visits among the events, when there are any. */
function contextIds(events: readonly CapEvent[]): { contextVisitIds?: string[] } {
  const ids = events.flatMap((e) => (e.visit?.background ? [e.visit.visit.id] : []));
  return ids.length > 0 ? { contextVisitIds: ids } : {};
}

function limitBreaches(cap: Cap, tally: readonly CapEvent[], limit: number, facts: Record<string, unknown>): RuleViolation[] {
  const breaches: { period: Period; events: CapEvent[] }[] = [];
  const period = cap.period;
  if (typeof period === 'string') {
    for (const events of groupBy(tally, (e) => calendarPeriod(e.day, period).from).values()) {
      if (events.length > limit && events.some(isOwn)) breaches.push({ period: calendarPeriod((events[0] as CapEvent).day, period), events });
    }
  } else {
    // A span holding too many events can slide to start on its first event, so spans starting
    // on an event day cover every breach; a span whose events a reported span already holds adds nothing.
    const n = period.rollingDays;
    let j = 0;
    let reportedEnd = -1;
    for (let i = 0; i < tally.length; i++) {
      const from = (tally[i] as CapEvent).day;
      if (i > 0 && (tally[i - 1] as CapEvent).day === from) continue;
      j = Math.max(j, i);
      while (j + 1 < tally.length && (tally[j + 1] as CapEvent).day <= from + n - 1) j++;
      const events = tally.slice(i, j + 1);
      if (j > reportedEnd && events.length > limit && events.some(isOwn)) {
        breaches.push({ period: { from, to: from + n - 1 }, events });
        reportedEnd = j;
      }
    }
  }
  return breaches.map(({ period: p, events }) => ({
    kind: facts.departmentId === undefined ? 'limit-enterprise' : 'limit-department',
    visitId: lastVisitId(events),
    details: {
      ...facts,
      period: { from: formatDay(p.from), to: formatDay(p.to) },
      periodKind: typeof cap.period === 'string' ? cap.period : `rollingDays:${cap.period.rollingDays}`,
      limit,
      count: events.length,
      events: events.map(eventFacts),
      visitIds: events.flatMap((e) => (isOwn(e) ? [e.visit?.visit.id as string] : [])),
      ...contextIds(events),
      historyDates: events.flatMap((e) => (e.visit ? [] : [e.date])),
    },
    text: { en: { periodFrom: formatDay(p.from), periodTo: formatDay(p.to), events: eventText(events).en }, 'zh-CN': { periodFrom: formatDay(p.from), periodTo: formatDay(p.to), events: eventText(events)['zh-CN'] } },
  }));
}

/**
 * Consecutive counted events closer than minGapDays. Any closer pair has a closer consecutive
 * pair between its ends that holds the same plan visit, so consecutive pairs name every breach.
 */
function gapBreaches(tally: readonly CapEvent[], minGapDays: number, facts: Record<string, unknown>): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (let i = 1; i < tally.length; i++) {
    const a = tally[i - 1] as CapEvent;
    const b = tally[i] as CapEvent;
    const gapDays = b.day - a.day;
    if (gapDays >= minGapDays || (!isOwn(a) && !isOwn(b))) continue;
    const events = [a, b];
    out.push({
      kind: facts.departmentId === undefined ? 'gap-enterprise' : 'gap-department',
      visitId: lastVisitId(events),
      details: { ...facts, minGapDays, gapDays, firstDate: a.date, secondDate: b.date, events: events.map(eventFacts), visitIds: events.flatMap((e) => (isOwn(e) ? [e.visit?.visit.id as string] : [])), ...contextIds(events), historyDates: events.flatMap((e) => (e.visit ? [] : [e.date])) },
      text: { en: { events: eventText(events).en }, 'zh-CN': { events: eventText(events)['zh-CN'] } },
    });
  }
  return out;
}
