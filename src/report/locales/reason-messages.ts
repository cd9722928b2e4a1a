/**
 * Prose for unscheduled reasons, plan warnings and soft findings, one table per locale. The
 * words inside them (bases, filters, causes, periods) come from `terms.ts`; names of things
 * are filled in by `reasons.ts` / `warnings.ts` (`{enterprise}`, `{department}`, …).
 */
import type { Locale, MessageTable } from '../format.js';

const en: MessageTable = {
  OUTSIDE_HORIZON: 'its window {from}…{to} lies outside the planning horizon {horizonFrom}…{horizonTo}',
  NO_WORKING_DAY: 'its window {from}…{to} has no working day that may be used',
  ENTERPRISE_UNAVAILABLE: '{enterprise} cannot receive visits on any working day of the window {from}…{to}',
  QUIET_PERIOD: 'every working day of the window {from}…{to} falls in quiet period {quietPeriodIds} for {enterprise}, and basis "{basis}" is not exempt',
  WHITELISTED: '{enterprise} is on the no-disturbance whitelist and a "{basis}" inspection of these items is not in an exempt field',
  AREA_MISMATCH: '{department} has no jurisdiction over area {area} (its areas: {departmentAreas})',
  FIXED_DATE_INFEASIBLE: 'the fixed date {fixedDate} cannot be used: {cause}',
  VISIT_TOO_LONG: 'its items take {minutes} minutes, more than the {limit} minutes a visit to {enterprise} may last',
  CAP_REACHED: 'frequency cap {cap} for {enterprise} is used up on every usable day: {summary}',
  NO_ELIGIBLE_INSPECTORS: '{department} has too few eligible officers (needs {needed}); they ran out at the {filter} filter ({funnel}){certificateList}',
  STAFF_CAPACITY: '{department} has eligible officers, but they are fully booked on every usable day ({daysTried} days tried)',
  DISPLACED: 'it could only be placed by dropping occurrences of higher total priority ({blocking})',
  'cap.limit': 'at most {limit} per {period}',
  'cap.gap': 'at least {minGapDays} days apart',
  'cap.counted': 'counted: {events}',
  'certificates.list': '; certificates: {list}',
  'certificate.range': '{inspector} valid {validFrom}…{validTo}',
  'displaced.unknown': 'other visits hold its days and officers',
  MANUAL: 'taken out of the plan by hand{from}{note}',
  'manual.from': ' (it was in visit {visitId} on {date})',
  'manual.note': ': {note}',

  CALENDAR_DATA_MISSING: 'the cn-mainland preset has no holiday data for {years}; those years are treated as ordinary weekdays',
  UNKNOWN_FIELD: 'input field `{path}` is not a field of contract v1 and was ignored',
  'UNKNOWN_FIELD.suggestion': 'input field `{path}` is not a field of contract v1 and was ignored (did you mean `{suggestion}`?)',
  CERTIFICATE_EXPIRES: 'the enforcement certificate of {inspector} ({department}) expires on {validTo}, inside the horizon: from the next day the officer is not sent on visits',
  CERTIFICATE_NOT_YET_VALID: 'the enforcement certificate of {inspector} ({department}) becomes valid only on {validFrom}, inside the horizon: before that the officer is not sent on visits',
  CERTIFICATE_OUTSIDE_HORIZON: 'the enforcement certificate of {inspector} ({department}), valid {validFrom}…{validTo}, is not valid on any day of the horizon: the officer is never sent on visits',

  PREFERRED_DATE_UNMET: 'planned on {date} (visit {visitId}), not on a preferred date: {unmet}',
  'preferred.date': '{date}: {cause}',
};

const zhCN: MessageTable = {
  OUTSIDE_HORIZON: '检查时限 {from} 至 {to} 不在计划期 {horizonFrom} 至 {horizonTo} 之内',
  NO_WORKING_DAY: '检查时限 {from} 至 {to} 内没有可用的工作日',
  ENTERPRISE_UNAVAILABLE: '企业{enterprise}在检查时限 {from} 至 {to} 的各个工作日均无法接受检查',
  QUIET_PERIOD: '检查时限 {from} 至 {to} 的工作日均处于企业{enterprise}的安静期（{quietPeriodIds}），“{basis}”类检查不在豁免范围内',
  WHITELISTED: '企业{enterprise}已列入“无事不扰”白名单，本次“{basis}”的检查事项不属于豁免领域',
  AREA_MISMATCH: '{department}对区域 {area} 无属地管辖权（其管辖区域：{departmentAreas}）',
  FIXED_DATE_INFEASIBLE: '指定日期 {fixedDate} 无法安排：{cause}',
  VISIT_TOO_LONG: '检查事项共需 {minutes} 分钟，超过企业{enterprise}单次检查最长 {limit} 分钟的限制',
  CAP_REACHED: '企业{enterprise}的检查频次上限 {cap} 在所有可用日期均已用满：{summary}',
  NO_ELIGIBLE_INSPECTORS: '{department}符合条件的执法人员不足（需 {needed} 名），在“{filter}”条件筛选后人数不足（{funnel}）{certificateList}',
  STAFF_CAPACITY: '{department}虽有符合条件的执法人员，但在所有可用日期均已排满（共尝试 {daysTried} 天）',
  DISPLACED: '只有取消总优先级更高的检查事项才能安排（{blocking}）',
  'cap.limit': '每{period}最多 {limit} 次',
  'cap.gap': '间隔至少 {minGapDays} 天',
  'cap.counted': '已计入：{events}',
  'certificates.list': '；执法证有效期：{list}',
  'certificate.range': '{inspector} {validFrom} 至 {validTo}',
  'displaced.unknown': '同日已有检查或人员已排满',
  MANUAL: '已由人工调整取消安排{from}{note}',
  'manual.from': '（原在 {date} 的检查组 {visitId}）',
  'manual.note': '：{note}',

  CALENDAR_DATA_MISSING: 'cn-mainland 预设缺少 {years} 年的节假日数据，这些年份按普通工作日处理',
  UNKNOWN_FIELD: '输入字段 `{path}` 不是 v1 合同中的字段，已忽略',
  'UNKNOWN_FIELD.suggestion': '输入字段 `{path}` 不是 v1 合同中的字段，已忽略（是否应为 `{suggestion}`？）',
  CERTIFICATE_EXPIRES: '{department}执法人员{inspector}的执法证于 {validTo} 到期（在计划期内），此后不再安排其参加检查',
  CERTIFICATE_NOT_YET_VALID: '{department}执法人员{inspector}的执法证自 {validFrom} 起生效（在计划期内），此前不安排其参加检查',
  CERTIFICATE_OUTSIDE_HORIZON: '{department}执法人员{inspector}的执法证有效期为 {validFrom} 至 {validTo}，在计划期内无一日有效，不安排其参加检查',

  PREFERRED_DATE_UNMET: '安排在 {date}（检查组 {visitId}），未能安排在期望日期：{unmet}',
  'preferred.date': '{date}：{cause}',
};

export const reasonMessages: Record<Locale, MessageTable> = { en, 'zh-CN': zhCN };
