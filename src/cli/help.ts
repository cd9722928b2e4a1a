/**
 * The command line's help, in every locale: each command's `CommandHelp` (synopsis, summary,
 * flags, runnable examples), the words around them, and the texts `--help`, `<command> --help`
 * and a usage error print. The parsers live in `args.ts`.
 */
import { defaultPlanOptions } from '../solver/options.js';
import type { Locale } from '../report/format.js';

/** The commands, as `help <command>` and `<command> --help` name them. */
export type CommandName = keyof typeof COMMAND_HELP;

/** A text in every locale. */
export type Localized = Readonly<Record<Locale, string>>;
export const L = (en: string, zh: string): Localized => ({ en, 'zh-CN': zh });

/** The environment variable that sets the language when `--locale` is absent. */
export const LOCALE_ENV = 'JOINT_INSPECTION_LOCALE';

/**
 * One command's help, printed by `joint-inspection <command> --help` and `help <command>`.
 * To add a flag: parse it in the command's function below and add a line to its `options`.
 * The command lines (synopsis, flags, examples) are the same in every locale; the prose is not.
 */
export interface CommandHelp {
  /** The command line with its arguments and flags, without the program name. */
  synopsis: string;
  /** One line for the command list of the top-level `--help`: a whole sentence. */
  brief: Localized;
  /** What the command does, one or two lines. */
  summary: Localized;
  /** `[flag, meaning]`, in the order shown; a meaning may hold `\n` for more lines. */
  options: ReadonlyArray<readonly [flag: string, meaning: Localized]>;
  /** `[what it does, command line]`: each a command line that runs as shown, given the files. */
  examples: ReadonlyArray<readonly [comment: Localized, commandLine: string]>;
}

const LOCALE_OPTION = [
  '--locale zh-CN|en',
  L(`language of messages (default: the ${LOCALE_ENV} environment variable, else ${defaultPlanOptions.locale})`, `消息的语言（默认：环境变量 ${LOCALE_ENV} 的值，未设置时为 ${defaultPlanOptions.locale}）`),
] as const;
const HELP_OPTION = ['-h, --help', L('show this help', '显示本帮助')] as const;
const SEED_OPTION = ['--seed N', L("seed of every random choice (default: the scenario's policy.seed)", '所有随机选择所用的种子（默认：场景的 policy.seed）')] as const;
const ALLOW_UNKNOWN_OPTION = [
  '--allow-unknown-fields',
  L(
    'accept fields that look like misspellings of contract fields\n(they are ignored and listed as warnings, in the plan too)',
    '接受看似合同字段拼写错误的字段\n（这些字段被忽略，并作为警告列出，计划中也会记录）',
  ),
] as const;
/** The same flag for commands that only read a scenario and a plan (nothing is planned). */
const ALLOW_UNKNOWN_READ_OPTION = [
  '--allow-unknown-fields',
  L(
    'accept fields that look like misspellings of contract fields in the input files\n(they are ignored and listed as warnings)',
    '接受输入文件中看似合同字段拼写错误的字段\n（这些字段被忽略，并作为警告列出）',
  ),
] as const;

export const PLAN_HELP: CommandHelp = {
  synopsis: 'plan SCENARIO.json [--out PLAN.json] [--seed N] [--time-limit MS] [--audit-teams] [--allow-unknown-fields] [--locale zh-CN|en]',
  brief: L('Plan joint inspections for a scenario and print the plan as JSON.', '为场景编排联合检查，以 JSON 输出计划。'),
  summary: L(
    'Plan joint inspections for a scenario and print the plan as JSON (or write it to --out).\nOn a terminal, a progress bar and a summary appear on standard error.',
    '为场景编排联合检查，将计划以 JSON 输出到标准输出（或写入 --out 指定的文件）。\n在终端中运行时，标准错误上显示进度条和结果摘要。',
  ),
  options: [
    ['--out PLAN.json', L('write the plan to this file instead of standard output', '将计划写入该文件，而不是标准输出')],
    SEED_OPTION,
    [
      '--time-limit MS',
      L(
        `stop improving after MS milliseconds\n(default: the scenario's policy.timeLimitMs, else ${defaultPlanOptions.timeLimitMs})`,
        `MS 毫秒后停止优化\n（默认：场景的 policy.timeLimitMs，未设置时为 ${defaultPlanOptions.timeLimitMs}）`,
      ),
    ],
    [
      '--audit-teams',
      L(
        "record in the plan's audit section how every team was drawn (双随机),\nfor verifyTeamDraw; large for a city's year",
        '在计划的 audit 部分记录每个检查组人员的随机抽取过程（双随机），\n供 verifyTeamDraw 校验；全市一年的计划会因此变大',
      ),
    ],
    ALLOW_UNKNOWN_OPTION,
    LOCALE_OPTION,
    HELP_OPTION,
  ],
  examples: [
    [L('plan a scenario into a file', '编排一个场景，计划写入文件'), 'joint-inspection plan scenario.json --out plan.json'],
    [
      L('another seed, 30 s at most, English messages, the plan on standard output', '换一个种子，最多 30 秒，英文消息，计划输出到标准输出'),
      'joint-inspection plan scenario.json --seed 7 --time-limit 30000 --locale en > plan.json',
    ],
    [
      L('plan from standard input and check the result straight away', '从标准输入读取场景并编排，随即校验结果'),
      'joint-inspection plan - < scenario.json | joint-inspection validate scenario.json -',
    ],
  ],
};

export const VALIDATE_HELP: CommandHelp = {
  synopsis:
    'validate SCENARIO.json PLAN.json [--department ID[,ID…]]… [--context FULL_PLAN.json] [--strict] [--json] [--allow-unknown-fields] [--locale zh-CN|en]',
  brief: L('Check a plan (from the planner, another system or by hand) against every rule of its scenario.', '按场景的全部规则校验计划（来自本编排器、其他系统或手工编制均可）。'),
  summary: L(
    'Check a plan (made by the planner, another system or by hand; meta and metrics may be absent) against every rule of its scenario.\nExit 1 when the plan breaks a hard rule (a violation), 0 when it has only warnings (bookkeeping) or nothing.',
    '按场景的全部规则校验计划（可由本编排器、其他系统或手工编制；meta 与 metrics 可以缺省）。\n计划违反硬性规则（违规）时退出码为 1；只有警告（记录性问题）或没有问题时为 0。',
  ),
  options: [
    [
      '--department ID',
      L(
        "check only these departments' part of the plan (repeat, or ID,ID):\ntheir occurrences must all be there, the others' need not",
        '只审查这些部门在计划中的部分（可重复，或写作 ID,ID）：\n这些部门的检查任务必须齐全，其他部门的不作要求',
      ),
    ],
    [
      '--context FULL_PLAN.json',
      L(
        "with --department: the rest of the joint plan, counted toward caps,\none visit a day and officers' days (its visits give way to the plan's)",
        '与 --department 一起使用：联合计划的其余部分，计入频次上限、\n每日进门次数和执法人员当日安排（其中的检查组让位于本计划的检查组）',
      ),
    ],
    ['--strict', L('exit 1 on warnings too', '有警告时退出码也为 1')],
    ['--json', L('print { "valid", "violations", "warnings", "metrics", "scope"? } as JSON', '以 JSON 输出 { "valid", "violations", "warnings", "metrics", "scope"? }')],
    ALLOW_UNKNOWN_READ_OPTION,
    LOCALE_OPTION,
    HELP_OPTION,
  ],
  examples: [
    [L('check a plan', '校验一个计划'), 'joint-inspection validate scenario.json plan.json'],
    [L('machine-readable result, and the exit code', '机器可读的结果，以及退出码'), 'joint-inspection validate scenario.json plan.json --json > result.json; echo $?'],
    [
      L("check a department's own plan against the caps, with the rest of the joint plan", '结合联合计划的其余部分，按频次上限审查某部门自己的计划'),
      'joint-inspection validate scenario.json samr-plan.json --department SAMR --context plan.json',
    ],
  ],
};

export const EXPORT_HELP: CommandHelp = {
  synopsis:
    'export PLAN.json --scenario SCENARIO.json --format csv|ics|html [--out FILE_OR_DIR] [--with-officers] [--include-unannounced] [--for officer|enterprise] [--id ID] [--stamp INSTANT] [--title TEXT] [--allow-unknown-fields] [--locale zh-CN|en]',
  brief: L('Export a plan: the publication list (CSV), calendars (iCalendar) or an HTML preview.', '导出计划：公示清单（CSV）、日历（iCalendar）或 HTML 预览。'),
  summary: L(
    'Export a plan: the publication list (CSV, 一公开), calendars (iCalendar), or a one-file HTML preview.\nICS writes one file per officer (or enterprise) into the --out directory; with --id, one calendar.',
    '导出计划：公示清单（CSV，一公开）、日历（iCalendar）或单文件 HTML 预览。\nICS 为每名执法人员（或每家企业）在 --out 目录中各写一个文件；指定 --id 时只写一个日历。',
  ),
  options: [
    ['--scenario SCENARIO.json', L('the scenario the plan was made for (names, items, the time zone)', '计划所依据的场景（名称、检查事项、时区）')],
    ['--format csv|ics|html', L('csv: the list to publish; ics: calendars; html: the preview', 'csv：公示清单；ics：日历；html：预览页面')],
    [
      '--out FILE_OR_DIR',
      L(
        'csv, html, ics with --id: a file (default: standard output);\nics without --id: a directory, created if needed (required)',
        'csv、html 以及带 --id 的 ics：一个文件（默认：标准输出）；\n不带 --id 的 ics：一个目录，不存在时自动创建（必填）',
      ),
    ],
    ['--with-officers', L("csv: add the officers' names; ics --for enterprise: name them in events", 'csv：加上执法人员姓名；ics --for enterprise：在日程中写明执法人员')],
    ['--include-unannounced', L('csv, ics --for enterprise: keep unannounced (exclusive) checks', 'csv、ics --for enterprise：保留不预先通知（exclusive）的检查')],
    ['--for officer|enterprise', L('ics: one calendar per officer (default) or per enterprise', 'ics：每名执法人员一个日历（默认），或每家企业一个日历')],
    ['--id ID', L('ics: only this officer’s or enterprise’s calendar', 'ics：只导出该执法人员或该企业的日历')],
    ['--stamp INSTANT', L('ics: DTSTAMP, e.g. 2026-03-01T08:00:00Z (default: the horizon’s first day)', 'ics：DTSTAMP，例如 2026-03-01T08:00:00Z（默认：计划期的第一天）')],
    ['--title TEXT', L('html: the page title', 'html：页面标题')],
    ALLOW_UNKNOWN_READ_OPTION,
    LOCALE_OPTION,
    HELP_OPTION,
  ],
  examples: [
    [L('the list to publish, for a spreadsheet', '供电子表格打开的公示清单'), 'joint-inspection export plan.json --scenario scenario.json --format csv --out plan.csv'],
    [L("every officer's calendar, one .ics file each", '每名执法人员的日历，各一个 .ics 文件'), 'joint-inspection export plan.json --scenario scenario.json --format ics --out calendars/'],
    [
      L("one enterprise's calendar on standard output", '某一家企业的日历，输出到标准输出'),
      'joint-inspection export plan.json --scenario scenario.json --format ics --for enterprise --id E1 > E1.ics',
    ],
    [L('the preview page', '预览页面'), 'joint-inspection export plan.json --scenario scenario.json --format html --out preview.html'],
  ],
};

export const EDIT_HELP: CommandHelp = {
  synopsis: 'edit SCENARIO.json PLAN.json EDIT.json [--out PLAN.json] [--patches PATCHES.json] [--json] [--allow-unknown-fields] [--locale zh-CN|en]',
  brief: L('Apply a hand edit to a plan and print the edited plan as JSON.', '对计划做手工调整，以 JSON 输出调整后的计划。'),
  summary: L(
    'Apply a hand edit (or a list of edits, in order) to a plan and print the edited plan as JSON (or write it to --out).\nThe edit is applied even when it breaks a rule; its violations are printed, and exit 1 when there are any.',
    '对计划做一项手工调整（或按顺序做一组调整），以 JSON 输出调整后的计划（或写入 --out）。\n即使调整违反规则也照样执行；违规会列出，有违规时退出码为 1。',
  ),
  options: [
    [
      '--out PLAN.json',
      L(
        'write the edited plan to this file (the violations then go to standard output;\nwithout --out the plan is on standard output and the violations on standard error)',
        '将调整后的计划写入该文件（此时违规输出到标准输出；\n不带 --out 时计划在标准输出，违规在标准错误）',
      ),
    ],
    ['--patches PATCHES.json', L('write { "patches", "inversePatches" }: replay or undo the edit', '写出 { "patches", "inversePatches" }：用于重放或撤销本次调整')],
    ['--json', L('print the violations and warnings as JSON (with --out)', '以 JSON 输出违规与警告（需与 --out 一起使用）')],
    ALLOW_UNKNOWN_READ_OPTION,
    LOCALE_OPTION,
    HELP_OPTION,
  ],
  examples: [
    [
      L('apply the edit in move-v3.json, write the plan and the patches that undo it', '执行 move-v3.json 中的调整，写出计划以及可撤销该调整的补丁'),
      'joint-inspection edit scenario.json plan.json move-v3.json --out edited.json --patches move-v3.patches.json',
    ],
    [
      L('a list of edits, the edited plan on standard output, English messages', '一组调整，调整后的计划输出到标准输出，英文消息'),
      'joint-inspection edit scenario.json plan.json edits.json --locale en > edited.json',
    ],
  ],
};

export const EXPLAIN_HELP: CommandHelp = {
  synopsis: 'explain SCENARIO.json PLAN.json OCCURRENCE_ID [--json] [--max-relaxations N] [--allow-unknown-fields] [--locale zh-CN|en]',
  brief: L(
    'Explain one occurrence: why its day and team, or why it is unscheduled and what would place it.',
    '解释一项检查任务：为何安排在这一天、由这些执法人员执行，或为何未能安排、怎样才能安排。',
  ),
  summary: L(
    'Explain one occurrence of a plan: why this day and this team, or (unscheduled) each day of its window with the first rule that fails\nand the smallest changes to the scenario that would place it, each verified by placing it and validating the result.',
    '解释计划中的一项检查任务：为何安排在这一天、由这些执法人员执行；未安排的，逐日列出时间窗口内第一条不满足的规则，\n以及能使其得到安排的最小场景改动，每项改动都经实际安排并校验结果验证。',
  ),
  options: [
    ['--json', L('print the explanation as JSON (days, team, relaxations with their scenario patches)', '以 JSON 输出解释（各日情况、执法人员、放宽条件及其场景补丁）')],
    ['--max-relaxations N', L('at most N relaxations, smallest first (default 6; 0 for none)', '最多给出 N 项放宽条件，改动小的在前（默认 6；0 表示不给出）')],
    ALLOW_UNKNOWN_READ_OPTION,
    LOCALE_OPTION,
    HELP_OPTION,
  ],
  examples: [
    [L('why R4 could not be placed, and what would place it', 'R4 为何未能安排，怎样才能安排'), 'joint-inspection explain scenario.json plan.json R4'],
    [L('why R7#2 is on its day with its officers, in English', 'R7#2 为何安排在这一天、由这些执法人员执行（英文）'), 'joint-inspection explain scenario.json plan.json "R7#2" --locale en'],
    [L('the explanation as data, for a host application', '以数据形式输出解释，供宿主应用使用'), 'joint-inspection explain scenario.json plan.json R4 --json > r4.json'],
  ],
};

export const RECOMMEND_HELP: CommandHelp = {
  synopsis: 'recommend SCENARIO.json PLAN.json (OCCURRENCE_ID | --request REQUEST.json) [--limit N] [--json] [--allow-unknown-fields] [--locale zh-CN|en]',
  brief: L('Recommend the best ways to place an unscheduled occurrence (or a new request) in a plan.', '为未安排的检查任务（或新的检查需求）推荐在计划中的最佳安排方式。'),
  summary: L(
    'Recommend the best ways to place an unscheduled occurrence (or a new request) in a plan: join a visit (which officers to add)\nor a new visit (day, hours, team), ranked, each with the edits that apply it (for `edit`), and why better-looking days are impossible.\nExit 0 with at least one option, 1 when nothing can place it.',
    '为未安排的检查任务（或新的检查需求）推荐在计划中的最佳安排方式：并入已有检查组（需增派哪些执法人员），\n或新建检查组（日期、时段、执法人员），按优劣排序，每项附带可交给 `edit` 执行的调整，并说明看似更好的日期为何不可行。\n至少有一种方式时退出码为 0，无法安排时为 1。',
  ),
  options: [
    [
      '--request REQUEST.json',
      L("place a new request (one entry of the scenario's requests) instead of an occurrence of the scenario", '安排一项新的检查需求（格式同场景 requests 中的一项），而不是场景中的检查任务'),
    ],
    ['--limit N', L('at most N options (default 10)', '最多给出 N 种方式（默认 10）')],
    ['--json', L('print the recommendation as JSON (options with their edits, impossible days)', '以 JSON 输出推荐结果（各方式及其调整、不可行的日期）')],
    ALLOW_UNKNOWN_READ_OPTION,
    LOCALE_OPTION,
    HELP_OPTION,
  ],
  examples: [
    [L('where can R9 go?', 'R9 可以安排在哪里？'), 'joint-inspection recommend scenario.json plan.json R9'],
    [
      L('a complaint that just arrived, the three best options in English', '刚收到的投诉举报：最好的三种方式（英文）'),
      'joint-inspection recommend scenario.json plan.json --request complaint.json --limit 3 --locale en',
    ],
    [
      L("the best option's edits, applied with edit", '取最佳方式的调整，用 edit 执行'),
      "joint-inspection recommend scenario.json plan.json R9 --json | jq '.options[0].edits' > r9.json && joint-inspection edit scenario.json plan.json r9.json --out edited.json",
    ],
  ],
};

export const REPLAN_HELP: CommandHelp = {
  synopsis:
    'replan SCENARIO.json PREVIOUS_PLAN.json [--today D] [--freeze-until D] [--pin ID,…] [--out PLAN.json] [--diff DIFF.json] [--seed N] [--time-limit MS] [--allow-unknown-fields] [--locale zh-CN|en]',
  brief: L('Plan a changed scenario from the previous plan, changing as few visits as the change requires.', '在原计划基础上为变更后的场景重新编排，只改动变更所必需的检查组。'),
  summary: L(
    'Plan a changed scenario starting from the previous plan, changing as few visits as the change requires\n(kept visits keep their ids). Prints the new plan as JSON (or writes it to --out) and what changed on standard error.',
    '在原计划基础上为变更后的场景重新编排，只改动变更所必需的检查组\n（保留的检查组沿用原 id）。以 JSON 输出新计划（或写入 --out），并在标准错误上列出变化。',
  ),
  options: [
    [
      '--today D',
      L('visits before this date (YYYY-MM-DD) have happened: they never move, and nothing new is placed before it', '此日期（YYYY-MM-DD）之前的检查组已经执行：不再移动，此前也不再安排新的检查'),
    ],
    ['--freeze-until D', L('nothing on or before this date changes', '此日期及之前的安排一律不变')],
    ['--pin ID,…', L('visit ids or occurrence ids whose visits keep date, time and team (repeatable)', '检查组 id 或检查任务 id：其检查组的日期、时间和执法人员保持不变（可重复）')],
    ['--out PLAN.json', L('write the new plan to this file instead of standard output', '将新计划写入该文件，而不是标准输出')],
    [
      '--diff DIFF.json',
      L(
        'write the diff (visits added, cancelled, moved, officers replaced, occurrences scheduled or dropped, with reasons) as JSON',
        '以 JSON 写出差异（新增、取消、移动的检查组，替换的执法人员，新安排或撤下的检查任务，均附原因）',
      ),
    ],
    SEED_OPTION,
    ['--time-limit MS', L('stop looking after MS milliseconds (the plan is still valid)', 'MS 毫秒后停止搜索（所得计划依然有效）')],
    ALLOW_UNKNOWN_READ_OPTION,
    LOCALE_OPTION,
    HELP_OPTION,
  ],
  examples: [
    [
      L('an officer fell ill: replan from today, keep V12 as published', '有执法人员生病：从今天起重新编排，V12 保持已公布的安排'),
      'joint-inspection replan scenario-changed.json plan.json --today 2026-04-08 --pin V12 --out plan-new.json --diff diff.json',
    ],
    [L('freeze the coming week, English summary', '冻结接下来一周，英文摘要'), 'joint-inspection replan scenario-changed.json plan.json --freeze-until 2026-04-14 --locale en > plan-new.json'],
  ],
};

export const DRAW_HELP: CommandHelp = {
  synopsis:
    'draw SCENARIO.json TASKS.json [--seed N] [--out REQUESTS.json] [--audit AUDIT.json] [--append] [--previous AUDIT.json]… [--allow-unknown-fields] [--locale zh-CN|en]',
  brief: L('Draw enterprises at random (双随机) for the tasks and print the requests to add as JSON.', '按抽查任务随机抽取企业（双随机），以 JSON 输出应加入场景的检查需求。'),
  summary: L(
    'Draw enterprises at random for each task of TASKS.json (stratified by risk grade, on permanent random numbers;\ncoordinated tasks overlap, avoided draws stay out) and print the requests to append to the scenario as JSON.',
    '按 TASKS.json 中的每个抽查任务随机抽取企业（按风险等级分层，使用永久随机数；\n协同的任务抽中的企业尽量重合，回避的抽查尽量不再抽中），以 JSON 输出应加入场景的检查需求。',
  ),
  options: [
    SEED_OPTION,
    ['--out REQUESTS.json', L('write the requests (with --append: the scenario) to this file instead of standard output', '将检查需求（与 --append 同用时为场景）写入该文件，而不是标准输出')],
    ['--audit AUDIT.json', L('write the draw record (seed, strata, every random number and rule) for verify-draw', '写出抽查记录（种子、分层、每家企业的随机数和抽取规则），供 verify-draw 核验')],
    ['--append', L('print the scenario with the drawn requests added, instead of the requests alone', '输出加入抽中检查需求后的场景，而不是单独的检查需求')],
    ['--previous AUDIT.json', L('an earlier draw record whose task ids the tasks may avoid (repeatable)', '既往抽查记录，任务的 avoid 可引用其中的任务 id（可重复）')],
    ALLOW_UNKNOWN_READ_OPTION,
    LOCALE_OPTION,
    HELP_OPTION,
  ],
  examples: [
    [L('draw, keep the record, and plan the scenario with the draws', '抽取并保存抽查记录，再编排加入抽查结果的场景'), 'joint-inspection draw scenario.json tasks.json --seed 2026 --audit draw-audit.json --append --out scenario-drawn.json'],
    [L("this year's draw, away from last year's", '今年的抽查，避开去年抽中的企业'), 'joint-inspection draw scenario.json tasks-2026.json --previous draw-audit-2025.json > requests.json'],
  ],
};

export const VERIFY_DRAW_HELP: CommandHelp = {
  synopsis: 'verify-draw AUDIT.json [--json] [--locale zh-CN|en]',
  brief: L('Verify a draw record from the record alone: every random number, stratum and selection.', '仅凭抽查记录核验一次抽取：每个随机数、每一层和每个抽取结果。'),
  summary: L(
    'Verify a draw record (from draw --audit) from the record alone: every random number re-derived from the seed,\neach stratum\'s size, hash and sample size, each enterprise\'s rule. Exit 1 when anything does not match.',
    '仅凭抽查记录（draw --audit 的输出）核验抽取：由种子重新推导每个随机数，\n核对每层的数量、哈希与抽取数量以及每家企业的抽取规则。有任何不符时退出码为 1。',
  ),
  options: [['--json', L('print { "valid", "kind", "mismatches", "drawn" } as JSON', '以 JSON 输出 { "valid", "kind", "mismatches", "drawn" }')], LOCALE_OPTION, HELP_OPTION],
  examples: [[L('check a published draw record', '核验已公开的抽查记录'), 'joint-inspection verify-draw draw-audit.json']],
};

/** Every command's help, in the order `--help` lists them. A new command adds its entry here. */
export const COMMAND_HELP = {
  plan: PLAN_HELP,
  validate: VALIDATE_HELP,
  export: EXPORT_HELP,
  edit: EDIT_HELP,
  explain: EXPLAIN_HELP,
  recommend: RECOMMEND_HELP,
  replan: REPLAN_HELP,
  draw: DRAW_HELP,
  'verify-draw': VERIFY_DRAW_HELP,
} satisfies Record<string, CommandHelp>;

export const PROGRAM = 'joint-inspection';

/** The headings and sentences around the commands' own help. */
export const HELP_WORDS = {
  usage: L('Usage:', '用法：'),
  commands: L('Commands:', '命令：'),
  options: L('Options:', '选项：'),
  examples: L('Examples:', '示例：'),
  folded: L('[options]', '[选项]'),
  eg: L('e.g.', '例如'),
  more: L(`Run "${PROGRAM} help COMMAND" or "${PROGRAM} COMMAND --help" for a command's flags and examples.`, `运行“${PROGRAM} help COMMAND”或“${PROGRAM} COMMAND --help”查看某个命令的选项和示例。`),
  seeHelp: L('Run "{help}" for the options and examples.', '运行“{help}”查看选项和示例。'),
  footer: L(
    `A file name "-" reads standard input.
Exit codes: 0 done, 1 the plan has violations (validate, edit), nothing can place
            the occurrence (recommend) or the draw record does not verify (verify-draw),
            2 bad usage or bad input, 3 internal error.
Language: --locale, else the ${LOCALE_ENV} environment variable, else zh-CN.
`,
    `文件名“-”表示从标准输入读取。
退出码：0 完成；1 计划有违规（validate、edit）、检查任务无法安排（recommend）
        或抽查记录核验不符（verify-draw）；2 用法错误或输入有误；3 内部错误。
语言：由 --locale 指定，其次取环境变量 ${LOCALE_ENV}，默认 zh-CN。
`,
  ),
} as const;

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMAND_HELP, name);
}

function formatOptions(options: CommandHelp['options'], locale: Locale): string {
  const width = Math.max(...options.map(([flag]) => flag.length)) + 2;
  return options
    .map(([flag, meaning]) => meaning[locale].split('\n').map((line, i) => `  ${(i === 0 ? flag : '').padEnd(width)}${line}\n`).join(''))
    .join('');
}

function formatExamples(examples: CommandHelp['examples'], locale: Locale): string {
  return examples.map(([comment, line]) => `  # ${comment[locale]}\n  ${line}\n`).join('');
}

/** A synopsis with its optional flags folded into `[options]`: `validate SCENARIO.json PLAN.json [options]`. */
const shortSynopsis = (synopsis: string, locale: Locale): string => synopsis.replace(/ \[.*$/, ` ${HELP_WORDS.folded[locale]}`);

/** The lines of `Usage:`: every command's arguments (each command's --help lists its flags). */
export function synopsisText(locale: Locale): string {
  return `${HELP_WORDS.usage[locale]}
${Object.values(COMMAND_HELP)
  .map((h) => `  ${PROGRAM} ${shortSynopsis(h.synopsis, locale)}\n`)
  .join('')}  ${PROGRAM} help [COMMAND] | --help | -h
  ${PROGRAM} --version
`;
}

/** `--help`: every command with its one-line summary and first example, then the exit codes. */
export function usageText(locale: Locale): string {
  return `${synopsisText(locale)}
${HELP_WORDS.commands[locale]}
${Object.entries(COMMAND_HELP)
  .map(([name, h]) => `  ${name.padEnd(10)} ${h.brief[locale]}\n${h.examples[0] ? `${' '.repeat(13)}${HELP_WORDS.eg[locale]} ${h.examples[0][1]}\n` : ''}`)
  .join('')}
${HELP_WORDS.more[locale]}

${HELP_WORDS.footer[locale]}`;
}

/** `<command> --help`: its synopsis, what it does, its flags and examples. */
export function commandUsage(name: CommandName, locale: Locale): string {
  const h: CommandHelp = COMMAND_HELP[name];
  return `${HELP_WORDS.usage[locale]}
  ${PROGRAM} ${h.synopsis}

${h.summary[locale]}

${HELP_WORDS.options[locale]}
${formatOptions(h.options, locale)}
${HELP_WORDS.examples[locale]}
${formatExamples(h.examples, locale)}
${HELP_WORDS.footer[locale]}`;
}

/** A usage error on stderr: the mistake, then the synopsis (the command's own when it is known). */
export function usageErrorText(message: string, name: CommandName | undefined, locale: Locale): string {
  const synopsis = name === undefined ? synopsisText(locale) : `${HELP_WORDS.usage[locale]}\n  ${PROGRAM} ${COMMAND_HELP[name].synopsis}\n`;
  const help = name === undefined ? `${PROGRAM} --help` : `${PROGRAM} ${name} --help`;
  return `${PROGRAM}: ${message}\n\n${synopsis}\n${HELP_WORDS.seeHelp[locale].replace('{help}', help)}\n`;
}

