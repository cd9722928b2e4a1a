/** §2.1-2: every occurrence's window (clipped to the horizon) contains the visit's date; a fixedDate equals it. */
import { formatDay } from '../calendar/civil.js';
import type { ValidationContext } from '../validate/context.js';
import type { RuleViolation } from './types.js';

export const id = 'occurrence-window';
export const severity = 'violation' as const;
export const contractSection = '§2.1-2';
export const title = { en: 'Visit inside each occurrence window', 'zh-CN': '检查日期须在检查任务的时间窗口内' };
export const source = "Departments' published inspection plans; contract §1.6";
export const rationale =
  "Each department's published inspection plan fixes when an inspection is due; a fixedDate is a commitment to the enterprise (practical: plans are published).";
export const checks =
  "Each occurrence of a visit: the visit date lies inside the occurrence's window clipped to the horizon (for a recurring request, the k-th window); when the request has a fixedDate, the visit date equals it.";

export const messages = {
  'outside-window': {
    en: 'Visit {visitId} on {date} is outside the window {windowFrom} to {windowTo} of occurrence {occurrenceId}',
    'zh-CN': '检查组 {visitId} 的检查日期 {date} 不在检查任务 {occurrenceId} 的时间窗口 {windowFrom} 至 {windowTo} 内',
  },
  'fixed-date': {
    en: 'Occurrence {occurrenceId} must be inspected on {fixedDate}, but visit {visitId} is on {date}',
    'zh-CN': '检查任务 {occurrenceId} 须在指定日期 {fixedDate} 检查，但检查组 {visitId} 安排在 {date}',
  },
};

export function check(ctx: ValidationContext): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const v of ctx.visits) {
    for (const o of v.occurrences) {
      const base = { visitId: v.visit.id, occurrenceId: o.id, date: v.visit.date };
      if (v.day < o.from || v.day > o.to) {
        // An empty clipped window (from > to) is reported with the raw window, which is what the request says.
        const [from, to] = o.from <= o.to ? [o.from, o.to] : [o.rawFrom, o.rawTo];
        out.push({ kind: 'outside-window', visitId: v.visit.id, occurrenceId: o.id, details: { ...base, windowFrom: formatDay(from), windowTo: formatDay(to) } });
      }
      const fixed = o.request.fixedDate;
      if (fixed !== undefined && fixed !== v.visit.date) {
        out.push({ kind: 'fixed-date', visitId: v.visit.id, occurrenceId: o.id, details: { ...base, fixedDate: fixed } });
      }
    }
  }
  return out;
}
