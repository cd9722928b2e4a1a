/**
 * Words of `recommend`, one table per locale: why each option, and why a day is impossible
 * (one template per funnel rule, `.join` when only a join was possible that day). Bases and
 * officer filters come from the shared terms table, so they read as in every other message.
 */
import type { Locale, MessageTable } from '../report/format.js';

const en: MessageTable = {
  'why.join': 'Join visit {visitId} to {enterpriseName} on {date} ({start}–{end}); {added}',
  'why.join.added': 'add {names}',
  'why.join.none': 'no officer to add',
  'why.new-visit': 'New visit to {enterpriseName} on {date}, {start}–{end}, with {names}',
  'why.preferred': 'a preferred date',
  'why.makeup': 'a make-up workday',

  horizon: '{date} is outside the planning horizon {horizonFrom} to {horizonTo}',
  window: '{date} is outside the window {windowFrom} to {windowTo}',
  'fixed-date': 'the request must be inspected on its fixed date {fixedDate}',
  'not-working-day': '{date} is not a working day',
  'makeup-forbidden': '{date} is a make-up workday, which the policy forbids',
  'enterprise-unavailable': 'enterprise {enterpriseName} cannot receive visits on {date}',
  'quiet-period': '{date} falls in quiet period {quietPeriodId} of enterprise {enterpriseName}, which does not exempt the basis "{basis}"',
  whitelist: 'enterprise {enterpriseName} is whitelisted, and a "{basis}" inspection with no item in an exempt field may not be planned',
  'department-area': '{departmentName} has no jurisdiction over area {area} of enterprise {enterpriseName}',
  'cap.limit': 'cap {capId} is used up from {periodFrom} to {periodTo}: {count} counted of at most {limit} ({events})',
  'cap.gap': 'cap {capId} needs {minGapDays} days between inspections, and {events} is {gapDays} day(s) away',
  exclusive: 'occurrence {exclusiveOccurrenceId} must be inspected alone',
  'too-many-departments': 'it would join {count} departments, more than the maximum of {max}',
  'visit-too-long.day-end': 'the visit would end at {end}, after the working day ends at {dayEnd}',
  'visit-too-long.enterprise': 'the visit would last {minutes} min, longer than the {max} min enterprise {enterpriseName} accepts',
  'team-busy': 'visit {visitId} would last until {end}, and officer {inspectorName} cannot stay that long',
  'staff.count': '{departmentName} cannot send {required} officers: {remaining} left after the filter "{filterName}"',
  'staff.qualification': '{departmentName} has no team of {required} officers free that day holding every qualification needed{missing}',
  join: 'enterprise {enterpriseName} already has visit {visitId} that day (one visit a day), and it cannot be joined: {reason}',

  'filter.daily-visits': 'daily visit limit',
  'filter.daily-minutes': 'daily minutes limit',
  'filter.time': 'free at the same time (travel included)',
  'event.visit': 'visit {visitId} ({date})',
  'event.history': 'the inspection of {date}',
  'missing.list': ' (none holds {list})',
};

const zhCN: MessageTable = {
  'why.join': '并入 {date} 对企业{enterpriseName}的检查组 {visitId}（{start}–{end}），{added}',
  'why.join.added': '增派{names}',
  'why.join.none': '无需增派执法人员',
  'why.new-visit': '新建检查组：{date} {start}–{end} 检查企业{enterpriseName}，执法人员{names}',
  'why.preferred': '期望日期',
  'why.makeup': '调休工作日',

  horizon: '{date} 不在计划期 {horizonFrom} 至 {horizonTo} 之内',
  window: '{date} 不在检查任务的时间窗口 {windowFrom} 至 {windowTo} 内',
  'fixed-date': '该任务须在指定日期 {fixedDate} 检查',
  'not-working-day': '{date} 不是工作日',
  'makeup-forbidden': '{date} 是调休工作日，本计划规定不得在调休工作日检查',
  'enterprise-unavailable': '企业{enterpriseName} {date} 不能接受检查',
  'quiet-period': '{date} 处于企业{enterpriseName}的安静期 {quietPeriodId}，检查依据“{basis}”不属于豁免范围',
  whitelist: '企业{enterpriseName}在“无事不扰”白名单内，依据“{basis}”且不涉及豁免领域的检查不得安排',
  'department-area': '{departmentName}对企业{enterpriseName}所在区域 {area} 无管辖权',
  'cap.limit': '频次上限 {capId} 在 {periodFrom} 至 {periodTo} 期间已用完：已计入 {count} 次，上限 {limit} 次（{events}）',
  'cap.gap': '频次上限 {capId} 要求两次检查至少相隔 {minGapDays} 天，而{events}仅相隔 {gapDays} 天',
  exclusive: '检查任务 {exclusiveOccurrenceId} 须单独检查',
  'too-many-departments': '并入后将联合 {count} 个部门，超过每次最多 {max} 个部门的规定',
  'visit-too-long.day-end': '检查将于 {end} 结束，晚于工作时间终点 {dayEnd}',
  'visit-too-long.enterprise': '检查时长将达 {minutes} 分钟，超过企业{enterpriseName}单次检查最长 {max} 分钟的限制',
  'team-busy': '检查组 {visitId} 将延长至 {end}，执法人员{inspectorName}当天无法继续参加',
  'staff.count': '{departmentName}当日派不出 {required} 名执法人员：经“{filterName}”筛选后仅剩 {remaining} 名',
  'staff.qualification': '{departmentName}当日没有同时具备所需全部资质的 {required} 人小组{missing}',
  join: '企业{enterpriseName}当天已有检查组 {visitId}（每天至多进门一次），且无法并入：{reason}',

  'filter.daily-visits': '每日检查次数上限',
  'filter.daily-minutes': '每日检查时长上限',
  'filter.time': '同一时段有空（含路程）',
  'event.visit': '检查组 {visitId}（{date}）',
  'event.history': '{date} 的已有检查',
  'missing.list': '（无人具备：{list}）',
};

export const recommendMessages: Record<Locale, MessageTable> = { en, 'zh-CN': zhCN };
