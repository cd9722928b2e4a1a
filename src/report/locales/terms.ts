/**
 * Every term a message uses, one table per locale: bases, officer filters, causes, periods,
 * kinds of thing, and the short titles of reason, warning and soft-finding codes. The reasons,
 * the plan's warnings, the input issues and the validator's messages all read their words here,
 * so one basis has one Chinese name everywhere. docs/planner.md says why each Chinese term
 * was chosen.
 */
import type { Locale, MessageTable } from '../format.js';

const en: MessageTable = {
  'basis.routine': 'routine',
  'basis.random': 'random draw',
  'basis.special': 'special campaign',
  'basis.complaint': 'complaint or report',
  'basis.referral': 'referral',
  'basis.data-clue': 'data-monitoring clue',
  'basis.enterprise-request': 'enterprise request',
  'basis.licensing': 'licensing verification',
  'basis.recheck': 'recheck',
  'basis.emergency': 'emergency inspection',

  'filter.department': 'department',
  'filter.certificate': 'certificate',
  'filter.area': 'area',
  'filter.avoidance': 'recusal',
  'filter.qualification': 'qualification',
  'filter.availability': 'availability',

  'cause.outside-window': 'it lies outside the window or the horizon',
  'cause.fixed-date': 'the request has a fixed date',
  'cause.not-working-day': 'it is not a usable working day',
  'cause.enterprise-unavailable': 'the enterprise is unavailable that day',
  'cause.quiet-period': 'it falls in a quiet period',
  'cause.no-eligible-inspectors': 'too few eligible officers that day',
  'cause.no-eligible-inspectors.department': '{department} has too few eligible officers that day',
  'cause.makeup-workday': 'it is a make-up workday, which the policy uses only as a later choice',
  'cause.joint-visit': 'it joined a joint visit on another day',
  'cause.plan': 'the rest of the plan (officers, caps, other visits) made another day better',

  'period.year': 'year',
  'period.half-year': 'half-year',
  'period.quarter': 'quarter',
  'period.month': 'month',
  'period.rolling': '{days} consecutive days',

  'kind.department': 'department',
  'kind.item': 'item',
  'kind.enterprise': 'enterprise',
  'kind.inspector': 'inspector',
  'kind.occurrence': 'occurrence',
  'kind.cap': 'cap',
  history: 'history',
  none: 'none',

  'reason.OUTSIDE_HORIZON': 'Outside the horizon',
  'reason.NO_WORKING_DAY': 'No working day',
  'reason.ENTERPRISE_UNAVAILABLE': 'Enterprise unavailable',
  'reason.QUIET_PERIOD': 'Quiet period',
  'reason.WHITELISTED': 'Whitelisted',
  'reason.AREA_MISMATCH': 'Outside jurisdiction',
  'reason.FIXED_DATE_INFEASIBLE': 'Fixed date impossible',
  'reason.VISIT_TOO_LONG': 'Visit too long',
  'reason.CAP_REACHED': 'Frequency cap reached',
  'reason.NO_ELIGIBLE_INSPECTORS': 'No eligible officers',
  'reason.STAFF_CAPACITY': 'Officers fully booked',
  'reason.DISPLACED': 'Displaced by higher priority',
  'reason.MANUAL': 'Unscheduled by hand',

  'warning.CALENDAR_DATA_MISSING': 'Holiday data missing',
  'warning.UNKNOWN_FIELD': 'Unknown input field',
  'warning.CERTIFICATE_EXPIRES': 'Certificate expires',
  'warning.CERTIFICATE_NOT_YET_VALID': 'Certificate not yet valid',
  'warning.CERTIFICATE_OUTSIDE_HORIZON': 'Certificate not valid in the horizon',

  'finding.PREFERRED_DATE_UNMET': 'Preferred date not met',
};

const zhCN: MessageTable = {
  'basis.routine': '日常检查',
  'basis.random': '双随机抽查',
  'basis.special': '专项检查',
  'basis.complaint': '投诉举报',
  'basis.referral': '转办交办',
  'basis.data-clue': '数据监测线索',
  'basis.enterprise-request': '企业申请',
  'basis.licensing': '行政许可核查',
  'basis.recheck': '复查',
  'basis.emergency': '应急检查',

  'filter.department': '所属部门',
  'filter.certificate': '执法证有效期',
  'filter.area': '辖区',
  'filter.avoidance': '回避',
  'filter.qualification': '资质',
  'filter.availability': '在岗时间',

  'cause.outside-window': '不在检查时限或计划期内',
  'cause.fixed-date': '该任务已指定检查日期',
  'cause.not-working-day': '不是可用的工作日',
  'cause.enterprise-unavailable': '企业当日无法接受检查',
  'cause.quiet-period': '处于企业安静期',
  'cause.no-eligible-inspectors': '当日符合条件的执法人员不足',
  'cause.no-eligible-inspectors.department': '当日{department}符合条件的执法人员不足',
  'cause.makeup-workday': '为调休工作日，按政策仅作为次选',
  'cause.joint-visit': '已并入其他日期的联合检查',
  'cause.plan': '受计划其余部分（执法人员、频次上限、其他检查）影响，另选日期更优',

  'period.year': '年',
  'period.half-year': '半年',
  'period.quarter': '季度',
  'period.month': '月',
  'period.rolling': '连续 {days} 天',

  'kind.department': '部门',
  'kind.item': '检查事项',
  'kind.enterprise': '企业',
  'kind.inspector': '执法人员',
  'kind.occurrence': '检查任务',
  'kind.cap': '频次上限',
  history: '历史检查',
  none: '无',

  'reason.OUTSIDE_HORIZON': '超出计划期',
  'reason.NO_WORKING_DAY': '无可用工作日',
  'reason.ENTERPRISE_UNAVAILABLE': '企业无法接受检查',
  'reason.QUIET_PERIOD': '企业安静期',
  'reason.WHITELISTED': '“无事不扰”白名单',
  'reason.AREA_MISMATCH': '超出属地管辖',
  'reason.FIXED_DATE_INFEASIBLE': '指定日期无法安排',
  'reason.VISIT_TOO_LONG': '检查时长超限',
  'reason.CAP_REACHED': '检查频次已达上限',
  'reason.NO_ELIGIBLE_INSPECTORS': '无符合条件的执法人员',
  'reason.STAFF_CAPACITY': '执法人员已排满',
  'reason.DISPLACED': '让位于更高优先级',
  'reason.MANUAL': '人工取消安排',

  'warning.CALENDAR_DATA_MISSING': '缺少节假日数据',
  'warning.UNKNOWN_FIELD': '未知输入字段',
  'warning.CERTIFICATE_EXPIRES': '执法证到期',
  'warning.CERTIFICATE_NOT_YET_VALID': '执法证尚未生效',
  'warning.CERTIFICATE_OUTSIDE_HORIZON': '执法证在计划期内无效',

  'finding.PREFERRED_DATE_UNMET': '未能安排在期望日期',
};

export const terms: Record<Locale, MessageTable> = { en, 'zh-CN': zhCN };

/** The term `key` in `locale` (English when the locale lacks it, the key itself when both do). */
export function term(locale: Locale, key: string, values: Readonly<Record<string, unknown>> = {}): string {
  const template = (terms[locale] as MessageTable | undefined)?.[key] ?? terms.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, k: string) => (values[k] === undefined ? whole : String(values[k])));
}
