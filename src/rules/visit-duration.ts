/** §2.1-6: a visit lasts at least its longest department part, inside the working hours, within the enterprise's maximum. */
import { formatTime } from '../calendar/civil.js';
import type { ValidationContext, VisitInfo } from '../validate/context.js';
import type { RuleViolation } from './types.js';

export const id = 'visit-duration';
export const severity = 'violation' as const;
export const contractSection = '§2.1-6';
export const title = { en: 'Visit long enough and within hours', 'zh-CN': '检查时长与时段符合要求' };
export const source = '国务院办公厅关于严格规范涉企行政检查的意见 (2024): reduce disturbance to business';
export const rationale =
  "Departments work side by side, so a visit needs its longest department part; it stays within working hours and the enterprise's maximum so as not to disrupt business (2024 State Council General Office opinion).";
export const checks =
  "Each visit: each department's part is the sum of durationMinutes of the items of its occurrences in the visit (an item once per occurrence listing it); end − start is at least the longest part; start ≥ calendar.dayStart; end ≤ calendar.dayEnd; end − start ≤ the enterprise's maxVisitMinutes.";

export const messages = {
  reversed: {
    en: 'Visit {visitId} ends at {end}, before it starts at {start}',
    'zh-CN': '检查组 {visitId} 的结束时间 {end} 早于开始时间 {start}',
  },
  'too-short': {
    en: 'Visit {visitId} lasts {minutes} min, but department {departmentName} needs {needed} min for its items',
    'zh-CN': '检查组 {visitId} 时长 {minutes} 分钟，而{departmentName}的检查事项需要 {needed} 分钟',
  },
  'before-day-start': {
    en: 'Visit {visitId} starts at {start}, before the working day starts at {dayStart}',
    'zh-CN': '检查组 {visitId} 于 {start} 开始，早于工作时间起点 {dayStart}',
  },
  'after-day-end': {
    en: 'Visit {visitId} ends at {end}, after the working day ends at {dayEnd}',
    'zh-CN': '检查组 {visitId} 于 {end} 结束，晚于工作时间终点 {dayEnd}',
  },
  'too-long': {
    en: 'Visit {visitId} lasts {minutes} min, longer than the {max} min enterprise {enterpriseName} accepts',
    'zh-CN': '检查组 {visitId} 时长 {minutes} 分钟，超过企业{enterpriseName}单次检查最长 {max} 分钟的限制',
  },
};

/** The department with the longest part (first in list order on ties) and its minutes. */
function longestPart(v: VisitInfo): { departmentId: string; needed: number } | undefined {
  let best: { departmentId: string; needed: number } | undefined;
  for (const [departmentId, needed] of v.parts) if (!best || needed > best.needed) best = { departmentId, needed };
  return best;
}

export function check(ctx: ValidationContext): RuleViolation[] {
  const out: RuleViolation[] = [];
  const dayStart = formatTime(ctx.dayStart);
  const dayEnd = formatTime(ctx.dayEnd);
  for (const v of ctx.visits) {
    const { id: visitId, start, end } = v.visit;
    const minutes = v.end - v.start;
    const base = { visitId, start, end };
    if (minutes < 0) {
      out.push({ kind: 'reversed', visitId, details: base });
    } else {
      const longest = longestPart(v);
      if (longest && minutes < longest.needed) {
        out.push({
          kind: 'too-short',
          visitId,
          details: { ...base, minutes, needed: longest.needed, departmentId: longest.departmentId, parts: Object.fromEntries(v.parts) },
        });
      }
    }
    if (v.start < ctx.dayStart) out.push({ kind: 'before-day-start', visitId, details: { ...base, dayStart } });
    if (v.end > ctx.dayEnd) out.push({ kind: 'after-day-end', visitId, details: { ...base, dayEnd } });
    const max = v.enterprise?.maxVisitMinutes;
    if (max !== undefined && minutes > max) out.push({ kind: 'too-long', visitId, details: { ...base, minutes, max, enterpriseId: v.visit.enterpriseId } });
  }
  return out;
}
