/** Prose for input issues (bad scenario or plan JSON), one table per locale. */
import type { Locale, MessageTable } from '../format.js';

const en: MessageTable = {
  invalid_type: 'expected {expected}, got {received}',
  missing: 'is required',
  invalid_value: 'must be one of: {options}',
  too_small: 'is too small (minimum {minimum})',
  too_big: 'is too big (maximum {maximum})',
  invalid_format: 'has an invalid format',
  unrecognized_keys: 'has unknown keys: {keys}',
  invalid_union: 'does not match any allowed form',
  invalid_date: 'is not a real calendar date YYYY-MM-DD: "{value}"',
  invalid_time: 'is not a time HH:MM between 00:00 and 24:00: "{value}"',
  invalid_rrule: 'is not a valid RRULE: {detail}',
  invalid_timezone: 'is not a known IANA time zone: "{value}"',
  reversed_range: 'ends before it starts',
  invalid_json: 'is not valid JSON: {detail}',
  duplicate_id: 'duplicate id "{id}" (also at {other})',
  unknown_reference: 'refers to unknown {kind} "{id}"',
  item_department_mismatch: 'item "{id}" belongs to department "{itemDepartment}", not "{department}"',
  holiday_and_workday: '"{value}" is in both holidays and extraWorkdays',
  day_start_not_before_end: 'dayStart {dayStart} must be before dayEnd {dayEnd}',
  duplicate_occurrence_id: 'occurrence id "{id}" is produced twice (also by {other})',
  unknown_occurrence: 'occurrence "{id}" is not an occurrence of this scenario',
  invalid: 'is invalid',
};

const zhCN: MessageTable = {
  invalid_type: '类型错误：应为 {expected}，实为 {received}',
  missing: '缺少必填字段',
  invalid_value: '取值必须为以下之一：{options}',
  too_small: '数值过小（最小 {minimum}）',
  too_big: '数值过大（最大 {maximum}）',
  invalid_format: '格式不正确',
  unrecognized_keys: '含有未知字段：{keys}',
  invalid_union: '不符合任何允许的格式',
  invalid_date: '不是有效的日历日期 YYYY-MM-DD："{value}"',
  invalid_time: '不是 00:00 至 24:00 之间的时间 HH:MM："{value}"',
  invalid_rrule: '不是有效的 RRULE 重复规则：{detail}',
  invalid_timezone: '不是已知的 IANA 时区："{value}"',
  reversed_range: '结束日期早于开始日期',
  invalid_json: '不是有效的 JSON：{detail}',
  duplicate_id: 'id "{id}" 重复（另见 {other}）',
  unknown_reference: '引用了不存在的{kind} "{id}"',
  item_department_mismatch: '检查事项 "{id}" 属于部门 "{itemDepartment}"，而非 "{department}"',
  holiday_and_workday: '"{value}" 同时出现在 holidays 与 extraWorkdays 中',
  day_start_not_before_end: 'dayStart {dayStart} 必须早于 dayEnd {dayEnd}',
  duplicate_occurrence_id: '检查频次 id "{id}" 重复产生（另见 {other}）',
  unknown_occurrence: '"{id}" 不是本场景中的检查频次',
  invalid: '无效',
};

export const inputMessages: Record<Locale, MessageTable> = { en, 'zh-CN': zhCN };
