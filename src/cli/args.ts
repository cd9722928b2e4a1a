/**
 * The command line as data: `parseCommandLine` turns argv into one command or a usage error.
 * Flags use `node:util` `parseArgs` (strict), so unknown flags and missing values are errors;
 * each command's help text is in `help.ts`.
 *
 * Help and usage errors speak the run's language: `--locale` anywhere on the line (a valid
 * one), else the environment variable `JOINT_INSPECTION_LOCALE`, else zh-CN. Help is always
 * printed: an invalid `--locale` or variable gives it in zh-CN; a command run with them is a
 * usage error.
 */
import { parseArgs } from 'node:util';
import { defaultPlanOptions } from '../solver/options.js';
import { editDistance } from '../model/unknown-fields.js';
import { LOCALES, type Locale } from '../report/format.js';
import { isCommandName, L, LOCALE_ENV, type CommandName, type Localized } from './help.js';

export type { CommandName } from './help.js';

export type Command =
  | { kind: 'help'; command?: CommandName; locale: Locale }
  | { kind: 'version' }
  | { kind: 'plan'; scenario: string; out?: string; seed?: number; timeLimitMs?: number; audit?: boolean; locale: Locale; allowUnknownFields?: boolean }
  | { kind: 'validate'; scenario: string; plan: string; json: boolean; strict: boolean; departmentIds?: string[]; context?: string; allowUnknownFields?: boolean; locale: Locale }
  | {
      kind: 'export';
      plan: string;
      scenario: string;
      format: 'csv' | 'ics' | 'html';
      out?: string;
      withOfficers: boolean;
      includeUnannounced: boolean;
      for: 'officer' | 'enterprise';
      id?: string;
      stamp?: string;
      title?: string;
      allowUnknownFields?: boolean;
      locale: Locale;
    }
  | { kind: 'edit'; scenario: string; plan: string; edit: string; out?: string; patches?: string; json: boolean; allowUnknownFields?: boolean; locale: Locale }
  | { kind: 'explain'; scenario: string; plan: string; occurrenceId: string; json: boolean; maxRelaxations?: number; allowUnknownFields?: boolean; locale: Locale }
  | { kind: 'recommend'; scenario: string; plan: string; occurrenceId?: string; request?: string; limit?: number; json: boolean; allowUnknownFields?: boolean; locale: Locale }
  | {
      kind: 'replan';
      scenario: string;
      previous: string;
      out?: string;
      diff?: string;
      today?: string;
      freezeUntil?: string;
      pin?: string[];
      seed?: number;
      timeLimitMs?: number;
      allowUnknownFields?: boolean;
      locale: Locale;
    }
  | { kind: 'draw'; scenario: string; tasks: string; seed?: number; out?: string; audit?: string; append: boolean; previous?: string[]; allowUnknownFields?: boolean; locale: Locale }
  | { kind: 'verify-draw'; audit: string; json: boolean; locale: Locale }
  | { kind: 'usage-error'; message: string; command?: CommandName; locale: Locale };

/** A mistake on the command line, in every locale; `parseCommandLine` turns it into a `usage-error` command. */
class UsageError extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
  }
}
const usage = (en: string, zh: string) => new UsageError(L(en, zh));

/** What every parser needs besides its arguments: the locale of a run without `--locale`. */
interface Context {
  /** The environment variable's locale, else zh-CN. */
  fallback: Locale;
  /** The variable's value when it names no locale: a command run without `--locale` is then a usage error. */
  badEnv?: string;
}

const isLocale = (text: string | undefined): text is Locale => text !== undefined && (LOCALES as readonly string[]).includes(text);

/** The last `--locale X` / `--locale=X` on the line that names a locale (for help and usage errors). */
function localeOnLine(argv: readonly string[]): Locale | undefined {
  let found: Locale | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') break;
    const value = arg === '--locale' ? argv[i + 1] : arg.startsWith('--locale=') ? arg.slice('--locale='.length) : undefined;
    if (isLocale(value)) found = value;
  }
  return found;
}

const INTEGER = /^-?\d+$/;

function integerFlag(name: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!INTEGER.test(text) || !Number.isSafeInteger(n)) throw usage(`--${name} needs an integer, got "${text}"`, `--${name} 需要一个整数，实际为“${text}”`);
  if (n < min) throw usage(`--${name} must be at least ${min}, got ${n}`, `--${name} 不能小于 ${min}，实际为 ${n}`);
  return n;
}

function localeFlag(text: string | undefined, ctx: Context): Locale {
  if (text === undefined) {
    if (ctx.badEnv !== undefined)
      throw usage(`${LOCALE_ENV} must be one of ${LOCALES.join(', ')}, got "${ctx.badEnv}"`, `环境变量 ${LOCALE_ENV} 必须是 ${LOCALES.join('、')} 之一，实际为“${ctx.badEnv}”`);
    return ctx.fallback;
  }
  if (!isLocale(text)) throw usage(`--locale must be one of ${LOCALES.join(', ')}, got "${text}"`, `--locale 必须是 ${LOCALES.join('、')} 之一，实际为“${text}”`);
  return text;
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/** The flag a `parseArgs` message names: `'--seed <value>'` and `'-h, --help'` give `--seed` and `--help`. */
const flagIn = (message: string): string => (/'([^']+)'/.exec(message)?.[1] ?? '').replace(/ <value>$/, '').split(', ').at(-1) ?? '';

/**
 * The command's flag closest to an unknown one by edit distance (`--sed` → `--seed`), when it
 * is close enough to be a slip: at most 2 edits, and fewer than half the letters of the longer.
 */
export function closestFlag(unknown: string, flags: readonly string[]): string | undefined {
  const name = unknown.replace(/^-+/, '').replace(/=.*$/, '').toLowerCase();
  let best: { flag: string; distance: number } | undefined;
  for (const flag of flags) {
    const distance = editDistance(name, flag);
    if (distance <= 2 && distance * 2 < Math.max(name.length, flag.length) && (best === undefined || distance < best.distance)) best = { flag, distance };
  }
  return best && `--${best.flag}`;
}

/**
 * Runs `parseArgs`; its usage mistakes (TypeErrors with an ERR_PARSE_ARGS_* code) become
 * UsageErrors in both locales. An unknown flag comes with the closest of `options`.
 */
function strictly<T>(options: Readonly<Record<string, unknown>>, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) throw error;
    const message = (error as Error).message;
    const flag = flagIn(message);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const near = closestFlag(flag, Object.keys(options));
      if (near !== undefined) throw usage(`unknown option ${flag}; did you mean ${near}?`, `未知选项 ${flag}，是否应为 ${near}？`);
      throw usage(`unknown option ${flag}`, `未知选项 ${flag}`);
    }
    if (/argument missing$/.test(message)) throw usage(`${flag} needs a value`, `${flag} 后面缺少取值`);
    if (/does not take an argument$/.test(message)) throw usage(`${flag} takes no value`, `${flag} 不带取值`);
    if (/argument is ambiguous/.test(message))
      throw usage(`${flag} needs a value; for one that starts with "-", write ${flag}=-…`, `${flag} 后面缺少取值；取值以“-”开头时请写作 ${flag}=-…`);
    throw new UsageError(L(message, message));
  }
}

/**
 * Parses the command line. `env` is read for `JOINT_INSPECTION_LOCALE`, the locale of a run
 * without `--locale`. A leading `--locale X` (before the command) counts as the command's.
 */
export function parseCommandLine(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): Command {
  const envValue = env[LOCALE_ENV];
  const ctx: Context = {
    fallback: isLocale(envValue) ? envValue : defaultPlanOptions.locale,
    ...(envValue !== undefined && envValue !== '' && !isLocale(envValue) ? { badEnv: envValue } : {}),
  };
  // Help and usage errors are in the locale the line asks for, even an unfinished line.
  const locale = localeOnLine(argv) ?? ctx.fallback;
  // `--locale en plan …` is `plan --locale en …`.
  const leading: string[] = [];
  let args = [...argv];
  while (args[0] === '--locale' || args[0]?.startsWith('--locale=')) {
    const take = args[0] === '--locale' ? 2 : 1;
    leading.push(...args.slice(0, take));
    args = args.slice(take);
  }
  const [first, ...rest] = args;
  try {
    if (first === undefined) throw usage('missing command', '缺少命令');
    if (first === '--help' || first === '-h') return { kind: 'help', locale };
    if (first === 'help') return helpCommand([...leading, ...rest], locale);
    if (first === '--version') return { kind: 'version' };
    if (isCommandName(first)) return PARSERS[first]([...leading, ...rest], ctx);
    if (first.startsWith('-')) {
      const near = closestFlag(first, ['help', 'version', 'locale']);
      throw near !== undefined ? usage(`unknown option ${first}; did you mean ${near}?`, `未知选项 ${first}，是否应为 ${near}？`) : usage(`unknown option ${first}`, `未知选项 ${first}`);
    }
    throw usage(`unknown command "${first}"`, `未知命令“${first}”`);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { kind: 'usage-error', message: error.text[locale], locale, ...(first !== undefined && isCommandName(first) ? { command: first } : {}) };
  }
}

/** `<command> --help`, in the locale of the line (an invalid `--locale` there gives the fallback). */
const helpOf = (command: CommandName, values: { locale?: string | undefined }, ctx: Context): Command => ({
  kind: 'help',
  command,
  locale: isLocale(values.locale) ? values.locale : ctx.fallback,
});

/** Each command's parser of the arguments after its name. A new command adds its function here. */
const PARSERS: Record<CommandName, (args: string[], ctx: Context) => Command> = {
  plan: planCommand,
  validate: validateCommand,
  export: exportCommand,
  edit: editCommand,
  explain: explainCommand,
  recommend: recommendCommand,
  replan: replanCommand,
  draw: drawCommand,
  'verify-draw': verifyDrawCommand,
};

const onlyOneStdin = (command: string) => usage(`${command}: only one of the files can be standard input ("-")`, `${command}：只能有一个文件从标准输入（“-”）读取`);
const unexpected = (command: string, arg: string) => usage(`${command}: unexpected argument "${arg}"`, `${command}：多余的参数“${arg}”`);
const missing = (command: string, en: string, zh: string) => usage(`${command}: missing ${en}`, `${command}：缺少 ${zh}`);
const needsFile = (flag: string) => usage(`--${flag} needs a file name`, `--${flag} 需要一个文件名`);

function replanCommand(args: string[], ctx: Context): Command {
  const options = {
    ...HELP,
    out: { type: 'string' },
    diff: { type: 'string' },
    today: { type: 'string' },
    'freeze-until': { type: 'string' },
    pin: { type: 'string', multiple: true },
    seed: { type: 'string' },
    'time-limit': { type: 'string' },
    'allow-unknown-fields': { type: 'boolean' },
    locale: { type: 'string' },
  } as const;
  const { values, positionals } = strictly(options, () => parseArgs({ args, options, allowPositionals: true, strict: true }));
  if (values.help) return helpOf('replan', values, ctx);
  const [scenario, previous, ...extra] = positionals;
  if (scenario === undefined) throw missing('replan', 'SCENARIO.json and PREVIOUS_PLAN.json', 'SCENARIO.json 和 PREVIOUS_PLAN.json');
  if (previous === undefined) throw missing('replan', 'PREVIOUS_PLAN.json', 'PREVIOUS_PLAN.json');
  if (extra.length > 0) throw unexpected('replan', extra[0] as string);
  if (scenario === '-' && previous === '-') throw onlyOneStdin('replan');
  const date = (flag: string, v: string | undefined) => {
    if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw usage(`--${flag} needs a date YYYY-MM-DD, got "${v}"`, `--${flag} 需要一个日期 YYYY-MM-DD，实际为“${v}”`);
    return v;
  };
  const today = date('today', values.today);
  const freezeUntil = date('freeze-until', values['freeze-until']);
  const pin = values.pin?.flatMap((p) => p.split(',')).map((p) => p.trim());
  if (pin?.some((p) => p === '')) throw usage('--pin needs ids (ID or ID,ID)', '--pin 需要 id（ID 或 ID,ID）');
  if (values.out === '') throw needsFile('out');
  if (values.diff === '' || values.diff === '-') throw needsFile('diff');
  const seed = integerFlag('seed', values.seed, Number.MIN_SAFE_INTEGER);
  const timeLimitMs = integerFlag('time-limit', values['time-limit'], 0);
  return {
    kind: 'replan',
    scenario,
    previous,
    locale: localeFlag(values.locale, ctx),
    ...(values['allow-unknown-fields'] ? { allowUnknownFields: true } : {}),
    ...(values.out !== undefined && values.out !== '-' ? { out: values.out } : {}),
    ...(values.diff !== undefined ? { diff: values.diff } : {}),
    ...(today !== undefined ? { today } : {}),
    ...(freezeUntil !== undefined ? { freezeUntil } : {}),
    ...(pin !== undefined ? { pin } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(timeLimitMs !== undefined ? { timeLimitMs } : {}),
  };
}

function drawCommand(args: string[], ctx: Context): Command {
  const options = {
    ...HELP,
    seed: { type: 'string' },
    out: { type: 'string' },
    audit: { type: 'string' },
    append: { type: 'boolean' },
    previous: { type: 'string', multiple: true },
    'allow-unknown-fields': { type: 'boolean' },
    locale: { type: 'string' },
  } as const;
  const { values, positionals } = strictly(options, () => parseArgs({ args, options, allowPositionals: true, strict: true }));
  if (values.help) return helpOf('draw', values, ctx);
  const [scenario, tasks, ...extra] = positionals;
  if (scenario === undefined) throw missing('draw', 'SCENARIO.json and TASKS.json', 'SCENARIO.json 和 TASKS.json');
  if (tasks === undefined) throw missing('draw', 'TASKS.json', 'TASKS.json');
  if (extra.length > 0) throw unexpected('draw', extra[0] as string);
  if ([scenario, tasks, ...(values.previous ?? [])].filter((f) => f === '-').length > 1) throw onlyOneStdin('draw');
  if (values.out === '') throw needsFile('out');
  if (values.audit === '' || values.audit === '-') throw needsFile('audit');
  if (values.previous?.some((f) => f === '')) throw needsFile('previous');
  const seed = integerFlag('seed', values.seed, Number.MIN_SAFE_INTEGER);
  return {
    kind: 'draw',
    scenario,
    tasks,
    append: values.append === true,
    locale: localeFlag(values.locale, ctx),
    ...(values['allow-unknown-fields'] ? { allowUnknownFields: true } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(values.out !== undefined && values.out !== '-' ? { out: values.out } : {}),
    ...(values.audit !== undefined ? { audit: values.audit } : {}),
    ...(values.previous !== undefined ? { previous: values.previous } : {}),
  };
}

function verifyDrawCommand(args: string[], ctx: Context): Command {
  const options = { ...HELP, json: { type: 'boolean' }, locale: { type: 'string' } } as const;
  const { values, positionals } = strictly(options, () => parseArgs({ args, options, allowPositionals: true, strict: true }));
  if (values.help) return helpOf('verify-draw', values, ctx);
  const [audit, ...extra] = positionals;
  if (audit === undefined) throw missing('verify-draw', 'AUDIT.json', 'AUDIT.json');
  if (extra.length > 0) throw unexpected('verify-draw', extra[0] as string);
  return { kind: 'verify-draw', audit, json: values.json === true, locale: localeFlag(values.locale, ctx) };
}

function helpCommand(args: string[], locale: Locale): Command {
  const options = { ...HELP, locale: { type: 'string' } } as const;
  const { values, positionals } = strictly(options, () => parseArgs({ args, options, allowPositionals: true, strict: true }));
  const chosen = isLocale(values.locale) ? values.locale : locale;
  const [name, ...extra] = positionals;
  if (name === undefined) return { kind: 'help', locale: chosen };
  if (!isCommandName(name)) throw usage(`help: unknown command "${name}"`, `help：未知命令“${name}”`);
  if (extra.length > 0) throw unexpected('help', extra[0] as string);
  return { kind: 'help', command: name, locale: chosen };
}

function planCommand(args: string[], ctx: Context): Command {
  const options = { ...HELP, out: { type: 'string' }, seed: { type: 'string' }, 'time-limit': { type: 'string' }, 'audit-teams': { type: 'boolean' }, 'allow-unknown-fields': { type: 'boolean' }, locale: { type: 'string' } } as const;
  const { values, positionals } = strictly(options, () => parseArgs({ args, options, allowPositionals: true, strict: true }));
  if (values.help) return helpOf('plan', values, ctx);
  const [scenario, ...extra] = positionals;
  if (scenario === undefined) throw missing('plan', 'SCENARIO.json', 'SCENARIO.json');
  if (extra.length > 0) throw unexpected('plan', extra[0] as string);
  const seed = integerFlag('seed', values.seed, Number.MIN_SAFE_INTEGER);
  const timeLimitMs = integerFlag('time-limit', values['time-limit'], 0);
  const locale = localeFlag(values.locale, ctx);
  const out = values.out;
  if (out === '') throw needsFile('out');
  return {
    kind: 'plan',
    scenario,
    locale,
    ...(out !== undefined && out !== '-' ? { out } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(timeLimitMs !== undefined ? { timeLimitMs } : {}),
    ...(values['audit-teams'] ? { audit: true } : {}),
    ...(values['allow-unknown-fields'] ? { allowUnknownFields: true } : {}),
  };
}

function validateCommand(args: string[], ctx: Context): Command {
  const options = { ...HELP, json: { type: 'boolean' }, strict: { type: 'boolean' }, department: { type: 'string', multiple: true }, context: { type: 'string' }, 'allow-unknown-fields': { type: 'boolean' }, locale: { type: 'string' } } as const;
  const { values, positionals } = strictly(options, () => parseArgs({ args, options, allowPositionals: true, strict: true }));
  if (values.help) return helpOf('validate', values, ctx);
  const departmentIds = values.department?.flatMap((d) => d.split(',')).map((d) => d.trim());
  if (departmentIds?.some((d) => d === '')) throw usage('--department needs department ids (ID or ID,ID)', '--department 需要部门 id（ID 或 ID,ID）');
  const context = values.context;
  if (context === '') throw needsFile('context');
  if (context !== undefined && departmentIds === undefined)
    throw usage('validate: --context needs --department (the departments whose part PLAN.json is)', 'validate：--context 需与 --department 一起使用（指明 PLAN.json 是哪些部门的部分）');
  const [scenario, plan, ...extra] = positionals;
  if (scenario === undefined) throw missing('validate', 'SCENARIO.json and PLAN.json', 'SCENARIO.json 和 PLAN.json');
  if (plan === undefined) throw missing('validate', 'PLAN.json', 'PLAN.json');
  if (extra.length > 0) throw unexpected('validate', extra[0] as string);
  if ([scenario, plan, context].filter((f) => f === '-').length > 1) throw onlyOneStdin('validate');
  return {
    kind: 'validate',
    scenario,
    plan,
    json: values.json === true,
    strict: values.strict === true,
    ...(departmentIds !== undefined ? { departmentIds: [...new Set(departmentIds)] } : {}),
    ...(context !== undefined ? { context } : {}),
    locale: localeFlag(values.locale, ctx),
    ...(values['allow-unknown-fields'] ? { allowUnknownFields: true } : {}),
  };
}

const EXPORT_FORMATS = ['csv', 'ics', 'html'] as const;

function exportCommand(args: string[], ctx: Context): Command {
  const options = {
    ...HELP,
    scenario: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    'with-officers': { type: 'boolean' },
    'include-unannounced': { type: 'boolean' },
    for: { type: 'string' },
    id: { type: 'string' },
    stamp: { type: 'string' },
    title: { type: 'string' },
    'allow-unknown-fields': { type: 'boolean' },
    locale: { type: 'string' },
  } as const;
  const { values, positionals } = strictly(options, () => parseArgs({ args, options, allowPositionals: true, strict: true }));
  if (values.help) return helpOf('export', values, ctx);
  const [plan, ...extra] = positionals;
  if (plan === undefined) throw missing('export', 'PLAN.json', 'PLAN.json');
  if (extra.length > 0) throw unexpected('export', extra[0] as string);
  const scenario = values.scenario;
  if (scenario === undefined || scenario === '') throw missing('export', '--scenario SCENARIO.json', '--scenario SCENARIO.json');
  if (scenario === '-' && plan === '-') throw onlyOneStdin('export');
  const format = values.format;
  if (format === undefined) throw missing('export', '--format csv|ics|html', '--format csv|ics|html');
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw usage(`--format must be one of ${EXPORT_FORMATS.join(', ')}, got "${format}"`, `--format 必须是 ${EXPORT_FORMATS.join('、')} 之一，实际为“${format}”`);
  const owner = values.for ?? 'officer';
  if (owner !== 'officer' && owner !== 'enterprise') throw usage(`--for must be officer or enterprise, got "${owner}"`, `--for 必须是 officer 或 enterprise，实际为“${owner}”`);
  const onlyIcs = (['for', 'id', 'stamp'] as const).filter((f) => values[f] !== undefined);
  if (format !== 'ics' && onlyIcs.length > 0) throw usage(`--${onlyIcs[0]} is for --format ics`, `--${onlyIcs[0]} 只用于 --format ics`);
  if (format !== 'html' && values.title !== undefined) throw usage('--title is for --format html', '--title 只用于 --format html');
  if (values.id === '') throw usage('--id needs an id', '--id 需要一个 id');
  const out = values.out;
  if (out === '') throw usage('--out needs a file or directory name', '--out 需要一个文件名或目录名');
  if (format === 'ics' && values.id === undefined && (out === undefined || out === '-'))
    throw usage(
      `export: --format ics writes one file per ${owner}: give --out DIR, or --id ID for one calendar`,
      `export：--format ics 为每${owner === 'officer' ? '名执法人员' : '家企业'}各写一个文件：请给出 --out DIR，或用 --id ID 只导出一个日历`,
    );
  return {
    kind: 'export',
    plan,
    scenario,
    format: format as 'csv' | 'ics' | 'html',
    withOfficers: values['with-officers'] === true,
    includeUnannounced: values['include-unannounced'] === true,
    for: owner,
    locale: localeFlag(values.locale, ctx),
    ...(values['allow-unknown-fields'] ? { allowUnknownFields: true } : {}),
    ...(out !== undefined && out !== '-' ? { out } : {}),
    ...(values.id !== undefined ? { id: values.id } : {}),
    ...(values.stamp !== undefined ? { stamp: values.stamp } : {}),
    ...(values.title !== undefined ? { title: values.title } : {}),
  };
}

function editCommand(args: string[], ctx: Context): Command {
  const options = { ...HELP, out: { type: 'string' }, patches: { type: 'string' }, json: { type: 'boolean' }, 'allow-unknown-fields': { type: 'boolean' }, locale: { type: 'string' } } as const;
  const { values, positionals } = strictly(options, () => parseArgs({ args, options, allowPositionals: true, strict: true }));
  if (values.help) return helpOf('edit', values, ctx);
  const [scenario, plan, edit, ...extra] = positionals;
  if (scenario === undefined) throw missing('edit', 'SCENARIO.json, PLAN.json and EDIT.json', 'SCENARIO.json、PLAN.json 和 EDIT.json');
  if (plan === undefined) throw missing('edit', 'PLAN.json and EDIT.json', 'PLAN.json 和 EDIT.json');
  if (edit === undefined) throw missing('edit', 'EDIT.json', 'EDIT.json');
  if (extra.length > 0) throw unexpected('edit', extra[0] as string);
  if ([scenario, plan, edit].filter((f) => f === '-').length > 1) throw onlyOneStdin('edit');
  if (values.out === '') throw needsFile('out');
  if (values.patches === '' || values.patches === '-') throw needsFile('patches');
  if (values.json && (values.out === undefined || values.out === '-'))
    throw usage('edit: --json needs --out (without it the plan is on standard output)', 'edit：--json 需与 --out 一起使用（否则标准输出上是计划本身）');
  return {
    kind: 'edit',
    scenario,
    plan,
    edit,
    json: values.json === true,
    locale: localeFlag(values.locale, ctx),
    ...(values['allow-unknown-fields'] ? { allowUnknownFields: true } : {}),
    ...(values.out !== undefined && values.out !== '-' ? { out: values.out } : {}),
    ...(values.patches !== undefined ? { patches: values.patches } : {}),
  };
}

function explainCommand(args: string[], ctx: Context): Command {
  const options = { ...HELP, json: { type: 'boolean' }, 'max-relaxations': { type: 'string' }, 'allow-unknown-fields': { type: 'boolean' }, locale: { type: 'string' } } as const;
  const { values, positionals } = strictly(options, () => parseArgs({ args, options, allowPositionals: true, strict: true }));
  if (values.help) return helpOf('explain', values, ctx);
  const [scenario, plan, occurrenceId, ...extra] = positionals;
  if (scenario === undefined) throw missing('explain', 'SCENARIO.json, PLAN.json and OCCURRENCE_ID', 'SCENARIO.json、PLAN.json 和 OCCURRENCE_ID');
  if (plan === undefined) throw missing('explain', 'PLAN.json and OCCURRENCE_ID', 'PLAN.json 和 OCCURRENCE_ID');
  if (occurrenceId === undefined || occurrenceId === '') throw missing('explain', 'OCCURRENCE_ID', 'OCCURRENCE_ID');
  if (extra.length > 0) throw unexpected('explain', extra[0] as string);
  if (scenario === '-' && plan === '-') throw onlyOneStdin('explain');
  const maxRelaxations = integerFlag('max-relaxations', values['max-relaxations'], 0);
  return {
    kind: 'explain',
    scenario,
    plan,
    occurrenceId,
    json: values.json === true,
    locale: localeFlag(values.locale, ctx),
    ...(values['allow-unknown-fields'] ? { allowUnknownFields: true } : {}),
    ...(maxRelaxations !== undefined ? { maxRelaxations } : {}),
  };
}

function recommendCommand(args: string[], ctx: Context): Command {
  const options = { ...HELP, request: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' }, 'allow-unknown-fields': { type: 'boolean' }, locale: { type: 'string' } } as const;
  const { values, positionals } = strictly(options, () => parseArgs({ args, options, allowPositionals: true, strict: true }));
  if (values.help) return helpOf('recommend', values, ctx);
  const [scenario, plan, occurrenceId, ...extra] = positionals;
  const noRequest = values.request === undefined;
  const what = noRequest ? ' and OCCURRENCE_ID (or --request REQUEST.json)' : '';
  const whatZh = noRequest ? ' 和 OCCURRENCE_ID（或 --request REQUEST.json）' : '';
  if (scenario === undefined) throw missing('recommend', `SCENARIO.json, PLAN.json${what}`, `SCENARIO.json、PLAN.json${whatZh}`);
  if (plan === undefined) throw missing('recommend', `PLAN.json${what}`, `PLAN.json${whatZh}`);
  if (values.request === '') throw needsFile('request');
  if (occurrenceId === undefined && noRequest) throw missing('recommend', 'OCCURRENCE_ID (or --request REQUEST.json)', 'OCCURRENCE_ID（或 --request REQUEST.json）');
  if (occurrenceId !== undefined && !noRequest) throw usage('recommend: give OCCURRENCE_ID or --request, not both', 'recommend：OCCURRENCE_ID 与 --request 只能给出一个');
  if (extra.length > 0) throw unexpected('recommend', extra[0] as string);
  if ([scenario, plan, values.request].filter((f) => f === '-').length > 1) throw onlyOneStdin('recommend');
  let limit: number | undefined;
  if (values.limit !== undefined) {
    if (!/^\d+$/.test(values.limit) || Number(values.limit) < 1) throw usage('--limit needs a whole number ≥ 1', '--limit 需要一个不小于 1 的整数');
    limit = Number(values.limit);
  }
  return {
    kind: 'recommend',
    scenario,
    plan,
    json: values.json === true,
    locale: localeFlag(values.locale, ctx),
    ...(values['allow-unknown-fields'] ? { allowUnknownFields: true } : {}),
    ...(occurrenceId !== undefined ? { occurrenceId } : {}),
    ...(values.request !== undefined ? { request: values.request } : {}),
    ...(limit !== undefined ? { limit } : {}),
  };
}
