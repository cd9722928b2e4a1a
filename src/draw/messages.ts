/** Prose of `draw` and `verifyDraw`, one table per locale: problems of the tasks, and what a verification found. */
import { formatMessage, type Locale, type MessageTable } from '../report/format.js';
import { makeIssue, type InputIssue, type PathSegment } from '../model/issues.js';

const en: MessageTable = {
  // Problems of the tasks (issue code `invalid`, `details.reason` one of these).
  participant_repeated: '{department} ({departmentId}) takes part twice in this task (or is its initiating department)',
  no_sample_size: 'gives no sample size: set ratio, ratioByRiskGrade or minCount',
  min_above_max: 'maxCount {maxCount} is below minCount {minCount}',
  self_reference: 'names its own task "{taskId}"',
  unknown_task: 'refers to unknown task "{id}" (neither in these tasks nor in the earlier draw records given)',
  avoid_coordinated: 'avoids task "{taskId}", with which it is coordinated (coordinateWith): the two share their random numbers',
  avoid_cycle: 'task "{taskId}" is part of a circle of tasks that avoid each other: none of them can be drawn first',
  request_id_taken: 'the request id "{requestId}" made for {enterprise} is already a request of the scenario (or made twice)',
  // What verifyDraw finds.
  unknown_method: 'method "{found}" is not one this version can verify ({expected})',
  stream: 'task {taskId}: its random numbers come from stream "{found}", but its coordination gives "{expected}"',
  duplicate_unit: 'task {taskId}: {enterprise} is listed twice',
  prn: 'task {taskId}: the random number of {enterprise} is {found}; the seed gives {expected}',
  stratum_unlisted: 'task {taskId}: units of stratum {stratum} are listed, but the stratum is not',
  stratum_size: 'task {taskId}: stratum {stratum} has {expected} unit(s) that may be drawn, not {found}',
  stratum_hash: 'task {taskId}: stratum {stratum}: the hash of its sorted ids is {expected}, not {found}',
  rounding_draw: 'task {taskId}: stratum {stratum}: the rounding draw is {expected}, not {found}',
  sample_size: 'task {taskId}: stratum {stratum}: the sample size is {expected}, not {found}',
  rule: 'task {taskId}: {enterprise} should be "{expectedRule}", not "{foundRule}"',
  drawn: 'task {taskId}: the drawn enterprises are not the units the rules draw ({expected} expected)',
  'heading.tasks': 'The draw tasks have {count} problem(s):',
  misspelt_field: 'is not a field of a draw task: did you mean `{suggestion}`? (allowUnknownFields accepts it as it is, and ignores it)',
  'rule.drawn': 'drawn',
  'rule.not-drawn': 'not drawn',
  'rule.avoided': 'avoided',
  'rule.drawn-despite-avoid': 'drawn despite avoid',
  'rule.whitelisted': 'excluded: whitelisted',
  'rule.outside-jurisdiction': 'excluded: outside jurisdiction',
  'heading.draw-audit': 'The draw record has {count} problem(s):',
};

const zhCN: MessageTable = {
  participant_repeated: '{department}（{departmentId}）在本任务中重复参与（或本身就是发起部门）',
  no_sample_size: '未给出抽取数量：请设置 ratio、ratioByRiskGrade 或 minCount',
  min_above_max: 'maxCount {maxCount} 小于 minCount {minCount}',
  self_reference: '引用了本任务自身“{taskId}”',
  unknown_task: '引用了不存在的抽查任务“{id}”（既不在本批任务中，也不在给出的既往抽查记录中）',
  avoid_coordinated: '回避的任务“{taskId}”与本任务协同抽取（coordinateWith），两者共用随机数',
  avoid_cycle: '任务“{taskId}”处于相互回避的循环中：其中任何一个都无法先抽',
  request_id_taken: '为{enterprise}生成的检查需求 id“{requestId}”与场景中已有的需求重复（或重复生成）',
  unknown_method: '方法“{found}”不是本版本能够核验的方法（{expected}）',
  stream: '任务 {taskId}：随机数取自随机数流“{found}”，但按其协同关系应为“{expected}”',
  duplicate_unit: '任务 {taskId}：{enterprise}被列出两次',
  prn: '任务 {taskId}：{enterprise}的随机数为 {found}，按种子应为 {expected}',
  stratum_unlisted: '任务 {taskId}：列出了层 {stratum} 的单位，但未列出该层',
  stratum_size: '任务 {taskId}：层 {stratum} 可抽单位应为 {expected} 个，而非 {found} 个',
  stratum_hash: '任务 {taskId}：层 {stratum} 排序后 id 的哈希应为 {expected}，而非 {found}',
  rounding_draw: '任务 {taskId}：层 {stratum} 的取整随机数应为 {expected}，而非 {found}',
  sample_size: '任务 {taskId}：层 {stratum} 的抽取数量应为 {expected}，而非 {found}',
  rule: '任务 {taskId}：{enterprise}应为“{expectedRule}”，而非“{foundRule}”',
  drawn: '任务 {taskId}：抽中的企业与按规则抽中的单位不一致（应为 {expected} 家）',
  'heading.tasks': '抽查任务有 {count} 个问题：',
  misspelt_field: '不是抽查任务的字段，是否应为 `{suggestion}`？（设置 allowUnknownFields 可保留原样并忽略该字段）',
  'rule.drawn': '抽中',
  'rule.not-drawn': '未抽中',
  'rule.avoided': '回避',
  'rule.drawn-despite-avoid': '回避但仍抽中',
  'rule.whitelisted': '排除：白名单',
  'rule.outside-jurisdiction': '排除：不在辖区内',
  'heading.draw-audit': '抽查记录有 {count} 个问题：',
};

export const drawMessages: Record<Locale, MessageTable> = { en, 'zh-CN': zhCN };

export const drawText = (locale: Locale, code: string, details: Readonly<Record<string, unknown>> = {}): string => formatMessage(drawMessages, locale, code, details);

/** A problem of the tasks that is draw's own: code `invalid`, the reason in `details.reason`, the message from this table. */
export function drawIssue(segments: PathSegment[], reason: string, details: Record<string, unknown>, locale: Locale): InputIssue {
  const issue = makeIssue(segments, 'invalid', { reason, ...details }, locale);
  return { ...issue, message: drawText(locale, reason, details) };
}

/** A reference to a task that does not exist: code `unknown_reference`, kind `task`. */
export function unknownTask(segments: PathSegment[], id: string, locale: Locale): InputIssue {
  const issue = makeIssue(segments, 'unknown_reference', { kind: 'task', id }, locale);
  return { ...issue, message: drawText(locale, 'unknown_task', { id }) };
}
