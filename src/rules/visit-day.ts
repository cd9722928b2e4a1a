/** §2.1-1: a visit's date lies in the horizon, is a working day, and is no forbidden make-up workday. */
import { formatDay } from '../calendar/civil.js';
import type { ValidationContext } from '../validate/context.js';
import type { RuleViolation } from './types.js';

export const id = 'visit-day';
export const severity = 'violation' as const;
export const contractSection = '§2.1-1';
export const title = { en: 'Visits on working days inside the horizon', 'zh-CN': '检查日期须为计划期内的工作日' };
export const source = '国务院办公厅关于部分节假日安排的通知 (yearly); contract §1.1, §4';
export const rationale =
  'No routine on-site inspection on statutory holidays; make-up workdays (调休) follow the State Council General Office holiday notice and may be forbidden by policy.';
export const checks =
  'Each visit: its date and times are readable; the date is inside the horizon; it is a working day of the scenario calendar (cn-mainland preset included); it is not a make-up workday when policy.makeupWorkdays is "forbid".';

export const messages = {
  'outside-horizon': {
    en: 'Visit {visitId} is on {date}, outside the planning horizon {horizonFrom} to {horizonTo}',
    'zh-CN': '检查组 {visitId} 的检查日期 {date} 不在计划期 {horizonFrom} 至 {horizonTo} 之内',
  },
  'not-working-day': {
    en: 'Visit {visitId} is on {date}, which is not a working day',
    'zh-CN': '检查组 {visitId} 安排在 {date}，当天不是工作日',
  },
  'makeup-forbidden': {
    en: 'Visit {visitId} is on {date}, a make-up workday, and the policy forbids make-up workdays',
    'zh-CN': '检查组 {visitId} 安排在调休工作日 {date}，而本计划规定不得在调休工作日检查',
  },
  malformed: {
    en: 'Visit {visitId} has an unreadable {fields}',
    'zh-CN': '检查组 {visitId} 的 {fields} 格式无法识别',
  },
};

export function check(ctx: ValidationContext): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const m of ctx.malformed) {
    const zh = m.fields.map((f) => ({ date: '检查日期', start: '开始时间', end: '结束时间' })[f] ?? f);
    out.push({ kind: 'malformed', visitId: m.visit.id, details: { visitId: m.visit.id, fields: m.fields }, text: { 'zh-CN': { fields: zh } } });
  }
  const forbid = ctx.policy.makeupWorkdays === 'forbid';
  for (const v of ctx.visits) {
    const base = { visitId: v.visit.id, date: v.visit.date };
    if (v.day < ctx.horizon.from || v.day > ctx.horizon.to) {
      out.push({ kind: 'outside-horizon', visitId: v.visit.id, details: { ...base, horizonFrom: formatDay(ctx.horizon.from), horizonTo: formatDay(ctx.horizon.to) } });
    }
    if (!ctx.calendar.isWorkingDay(v.day)) out.push({ kind: 'not-working-day', visitId: v.visit.id, details: base });
    else if (forbid && ctx.calendar.isMakeupWorkday(v.day)) out.push({ kind: 'makeup-forbidden', visitId: v.visit.id, details: base });
  }
  return out;
}
