/**
 * The command line as data: `parseCommandLine` turns argv into one command or a usage error.
 * Flags use `node:util` `parseArgs` (strict), so unknown flags and missing values are errors.
 */
import { parseArgs } from 'node:util';
import { defaultPlanOptions } from '../solver/options.js';
import { LOCALES, type Locale } from '../report/format.js';

/** The commands, as `help <command>` and `<command> --help` name them. */
export type CommandName = keyof typeof COMMAND_HELP;

export type Command =
  | { kind: 'help'; command?: CommandName }
  | { kind: 'version' }
  | { kind: 'plan'; scenario: string; out?: string; seed?: number; timeLimitMs?: number; locale: Locale; allowUnknownFields?: boolean }
  | { kind: 'validate'; scenario: string; plan: string; json: boolean; strict: boolean; departmentIds?: string[]; context?: string; locale: Locale }
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
      locale: Locale;
    }
  | { kind: 'edit'; scenario: string; plan: string; edit: string; out?: string; patches?: string; json: boolean; locale: Locale }
  | { kind: 'explain'; scenario: string; plan: string; occurrenceId: string; json: boolean; maxRelaxations?: number; locale: Locale }
  | { kind: 'recommend'; scenario: string; plan: string; occurrenceId?: string; request?: string; limit?: number; json: boolean; locale: Locale }
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
      locale: Locale;
    }
  | { kind: 'usage-error'; message: string; command?: CommandName };

/**
 * One command's help, printed by `joint-inspection <command> --help` and `help <command>`.
 * To add a flag: parse it in the command's function below and add a line to its `options`.
 */
export interface CommandHelp {
  /** The command line with its arguments and flags, without the program name. */
  synopsis: string;
  /** What the command does, one or two lines. */
  summary: string;
  /** `[flag, meaning]`, in the order shown; a meaning may hold `\n` for more lines. */
  options: ReadonlyArray<readonly [flag: string, meaning: string]>;
  /** `[what it does, command line]`: each a command line that runs as shown, given the files. */
  examples: ReadonlyArray<readonly [comment: string, commandLine: string]>;
}

const LOCALE_OPTION = ['--locale zh-CN|en', `language of messages (default: ${defaultPlanOptions.locale})`] as const;
const HELP_OPTION = ['-h, --help', 'show this help'] as const;

export const PLAN_HELP: CommandHelp = {
  synopsis: 'plan SCENARIO.json [--out PLAN.json] [--seed N] [--time-limit MS] [--allow-unknown-fields] [--locale zh-CN|en]',
  summary: 'Plan joint inspections for a scenario and print the plan as JSON (or write it to --out).\nOn a terminal, a progress bar and a summary appear on standard error.',
  options: [
    ['--out PLAN.json', 'write the plan to this file instead of standard output'],
    ['--seed N', "seed of every random choice (default: the scenario's policy.seed)"],
    ['--time-limit MS', `stop improving after MS milliseconds\n(default: the scenario's policy.timeLimitMs, else ${defaultPlanOptions.timeLimitMs})`],
    ['--allow-unknown-fields', 'accept fields that look like misspellings of contract fields\n(they are ignored and listed as warnings, in the plan too)'],
    LOCALE_OPTION,
    HELP_OPTION,
  ],
  examples: [
    ['plan a scenario into a file', 'joint-inspection plan scenario.json --out plan.json'],
    ['another seed, 30 s at most, English messages, the plan on standard output', 'joint-inspection plan scenario.json --seed 7 --time-limit 30000 --locale en > plan.json'],
    ['plan from standard input and check the result straight away', 'joint-inspection plan - < scenario.json | joint-inspection validate scenario.json -'],
  ],
};

export const VALIDATE_HELP: CommandHelp = {
  synopsis: 'validate SCENARIO.json PLAN.json [--department ID[,ID…]]… [--context FULL_PLAN.json] [--strict] [--json] [--locale zh-CN|en]',
  summary:
    'Check a plan (made by the planner, another system or by hand; meta and metrics may be absent) against every rule of its scenario.\nExit 1 when the plan breaks a hard rule (a violation), 0 when it has only warnings (bookkeeping) or nothing.',
  options: [
    ['--department ID', "check only these departments' part of the plan (repeat, or ID,ID):\ntheir occurrences must all be there, the others' need not"],
    ['--context FULL_PLAN.json', "with --department: the rest of the joint plan, counted toward caps,\none visit a day and officers' days (its visits give way to the plan's)"],
    ['--strict', 'exit 1 on warnings too'],
    ['--json', 'print { "valid", "violations", "warnings", "metrics", "scope"? } as JSON'],
    LOCALE_OPTION,
    HELP_OPTION,
  ],
  examples: [
    ['check a plan', 'joint-inspection validate scenario.json plan.json'],
    ['machine-readable result, and the exit code', 'joint-inspection validate scenario.json plan.json --json > result.json; echo $?'],
    ["check a department's own plan against the caps, with the rest of the joint plan", 'joint-inspection validate scenario.json samr-plan.json --department SAMR --context plan.json'],
  ],
};

export const EXPORT_HELP: CommandHelp = {
  synopsis: 'export PLAN.json --scenario SCENARIO.json --format csv|ics|html [--out FILE_OR_DIR] [--with-officers] [--include-unannounced] [--for officer|enterprise] [--id ID] [--stamp INSTANT] [--title TEXT] [--locale zh-CN|en]',
  summary: 'Export a plan: the publication list (CSV, 一公开), calendars (iCalendar), or a one-file HTML preview.\nICS writes one file per officer (or enterprise) into the --out directory; with --id, one calendar.',
  options: [
    ['--scenario SCENARIO.json', 'the scenario the plan was made for (names, items, the time zone)'],
    ['--format csv|ics|html', 'csv: the list to publish; ics: calendars; html: the preview'],
    ['--out FILE_OR_DIR', 'csv, html, ics with --id: a file (default: standard output);\nics without --id: a directory, created if needed (required)'],
    ['--with-officers', "csv: add the officers' names; ics --for enterprise: name them in events"],
    ['--include-unannounced', 'csv, ics --for enterprise: keep unannounced (exclusive) checks'],
    ['--for officer|enterprise', 'ics: one calendar per officer (default) or per enterprise'],
    ['--id ID', 'ics: only this officer’s or enterprise’s calendar'],
    ['--stamp INSTANT', 'ics: DTSTAMP, e.g. 2026-03-01T08:00:00Z (default: the horizon’s first day)'],
    ['--title TEXT', 'html: the page title'],
    LOCALE_OPTION,
    HELP_OPTION,
  ],
  examples: [
    ['the list to publish, for a spreadsheet', 'joint-inspection export plan.json --scenario scenario.json --format csv --out plan.csv'],
    ["every officer's calendar, one .ics file each", 'joint-inspection export plan.json --scenario scenario.json --format ics --out calendars/'],
    ["one enterprise's calendar on standard output", 'joint-inspection export plan.json --scenario scenario.json --format ics --for enterprise --id E1 > E1.ics'],
    ['the preview page', 'joint-inspection export plan.json --scenario scenario.json --format html --out preview.html'],
  ],
};

export const EDIT_HELP: CommandHelp = {
  synopsis: 'edit SCENARIO.json PLAN.json EDIT.json [--out PLAN.json] [--patches PATCHES.json] [--json] [--locale zh-CN|en]',
  summary:
    'Apply a hand edit (or a list of edits, in order) to a plan and print the edited plan as JSON (or write it to --out).\nThe edit is applied even when it breaks a rule; its violations are printed, and exit 1 when there are any.',
  options: [
    ['--out PLAN.json', 'write the edited plan to this file (the violations then go to standard output;\nwithout --out the plan is on standard output and the violations on standard error)'],
    ['--patches PATCHES.json', 'write { "patches", "inversePatches" }: replay or undo the edit'],
    ['--json', 'print the violations and warnings as JSON (with --out)'],
    LOCALE_OPTION,
    HELP_OPTION,
  ],
  examples: [
    ['apply the edit in move-v3.json, write the plan and the patches that undo it', 'joint-inspection edit scenario.json plan.json move-v3.json --out edited.json --patches move-v3.patches.json'],
    ['a list of edits, the edited plan on standard output, English messages', 'joint-inspection edit scenario.json plan.json edits.json --locale en > edited.json'],
  ],
};

export const EXPLAIN_HELP: CommandHelp = {
  synopsis: 'explain SCENARIO.json PLAN.json OCCURRENCE_ID [--json] [--max-relaxations N] [--locale zh-CN|en]',
  summary:
    'Explain one occurrence of a plan: why this day and this team, or (unscheduled) each day of its window with the first rule that fails\nand the smallest changes to the scenario that would place it, each verified by placing it and validating the result.',
  options: [
    ['--json', 'print the explanation as JSON (days, team, relaxations with their scenario patches)'],
    ['--max-relaxations N', 'at most N relaxations, smallest first (default 6; 0 for none)'],
    LOCALE_OPTION,
    HELP_OPTION,
  ],
  examples: [
    ['why R4 could not be placed, and what would place it', 'joint-inspection explain scenario.json plan.json R4'],
    ['why R7#2 is on its day with its officers, in English', 'joint-inspection explain scenario.json plan.json "R7#2" --locale en'],
    ['the explanation as data, for a host application', 'joint-inspection explain scenario.json plan.json R4 --json > r4.json'],
  ],
};

export const RECOMMEND_HELP: CommandHelp = {
  synopsis: 'recommend SCENARIO.json PLAN.json (OCCURRENCE_ID | --request REQUEST.json) [--limit N] [--json] [--locale zh-CN|en]',
  summary:
    'Recommend the best ways to place an unscheduled occurrence (or a new request) in a plan: join a visit (which officers to add)\nor a new visit (day, hours, team), ranked, each with the edits that apply it (for `edit`), and why better-looking days are impossible.\nExit 0 with at least one option, 1 when nothing can place it.',
  options: [
    ['--request REQUEST.json', 'place a new request (one entry of the scenario\'s requests) instead of an occurrence of the scenario'],
    ['--limit N', 'at most N options (default 10)'],
    ['--json', 'print the recommendation as JSON (options with their edits, impossible days)'],
    LOCALE_OPTION,
    HELP_OPTION,
  ],
  examples: [
    ['where can R9 go?', 'joint-inspection recommend scenario.json plan.json R9'],
    ['a complaint that just arrived, the three best options in English', 'joint-inspection recommend scenario.json plan.json --request complaint.json --limit 3 --locale en'],
    ['the best option\'s edits, applied with edit', 'joint-inspection recommend scenario.json plan.json R9 --json | jq \'.options[0].edits\' > r9.json && joint-inspection edit scenario.json plan.json r9.json --out edited.json'],
  ],
};

export const REPLAN_HELP: CommandHelp = {
  synopsis: 'replan SCENARIO.json PREVIOUS_PLAN.json [--today D] [--freeze-until D] [--pin ID,…] [--out PLAN.json] [--diff DIFF.json] [--seed N] [--time-limit MS] [--locale zh-CN|en]',
  summary:
    'Plan a changed scenario starting from the previous plan, changing as few visits as the change requires\n(kept visits keep their ids). Prints the new plan as JSON (or writes it to --out) and what changed on standard error.',
  options: [
    ['--today D', 'visits before this date (YYYY-MM-DD) have happened: they never move, and nothing new is placed before it'],
    ['--freeze-until D', 'nothing on or before this date changes'],
    ['--pin ID,…', 'visit ids or occurrence ids whose visits keep date, time and team (repeatable)'],
    ['--out PLAN.json', 'write the new plan to this file instead of standard output'],
    ['--diff DIFF.json', 'write the diff (visits added, cancelled, moved, officers replaced, occurrences scheduled or dropped, with reasons) as JSON'],
    ['--seed N', "seed of every random choice (default: the scenario's policy.seed)"],
    ['--time-limit MS', 'stop looking after MS milliseconds (the plan is still valid)'],
    LOCALE_OPTION,
    HELP_OPTION,
  ],
  examples: [
    ['an officer fell ill: replan from today, keep V12 as published', 'joint-inspection replan scenario-changed.json plan.json --today 2026-04-08 --pin V12 --out plan-new.json --diff diff.json'],
    ['freeze the coming week, English summary', 'joint-inspection replan scenario-changed.json plan.json --freeze-until 2026-04-14 --locale en > plan-new.json'],
  ],
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
} satisfies Record<string, CommandHelp>;

const PROGRAM = 'joint-inspection';

function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMAND_HELP, name);
}

function formatOptions(options: CommandHelp['options']): string {
  const width = Math.max(...options.map(([flag]) => flag.length)) + 2;
  return options
    .map(([flag, meaning]) => meaning.split('\n').map((line, i) => `  ${(i === 0 ? flag : '').padEnd(width)}${line}\n`).join(''))
    .join('');
}

function formatExamples(examples: CommandHelp['examples']): string {
  return examples.map(([comment, line]) => `  # ${comment}\n  ${line}\n`).join('');
}

/** A synopsis with its optional flags folded into `[options]`: `validate SCENARIO.json PLAN.json [options]`. */
const shortSynopsis = (synopsis: string): string => synopsis.replace(/ \[.*$/, ' [options]');

/** The lines of `Usage:`: every command's arguments (each command's --help lists its flags). */
export const SYNOPSIS = `Usage:
${Object.values(COMMAND_HELP)
  .map((h) => `  ${PROGRAM} ${shortSynopsis(h.synopsis)}\n`)
  .join('')}  ${PROGRAM} help [COMMAND] | --help | -h
  ${PROGRAM} --version
`;

const FOOTER = `A file name "-" reads standard input.
Exit codes: 0 done, 1 the plan has violations (validate, edit) or nothing can place
            the occurrence (recommend), 2 bad usage or bad input, 3 internal error.
`;

/** `--help`: every command with its summary and first example, then the exit codes. */
export const USAGE = `${SYNOPSIS}
Commands:
${Object.entries(COMMAND_HELP)
  .map(([name, h]) => `  ${name.padEnd(10)} ${h.summary.split('\n')[0]}\n${h.examples[0] ? `${' '.repeat(13)}e.g. ${h.examples[0][1]}\n` : ''}`)
  .join('')}
Run "${PROGRAM} help COMMAND" or "${PROGRAM} COMMAND --help" for a command's flags and examples.

${FOOTER}`;

/** `<command> --help`: its synopsis, what it does, its flags and examples. */
export function commandUsage(name: CommandName): string {
  const h: CommandHelp = COMMAND_HELP[name];
  return `Usage:
  ${PROGRAM} ${h.synopsis}

${h.summary}

Options:
${formatOptions(h.options)}
Examples:
${formatExamples(h.examples)}
${FOOTER}`;
}

/** A usage error on stderr: the mistake, then the synopsis (the command's own when it is known). */
export function usageErrorText(message: string, name: CommandName | undefined): string {
  const synopsis = name === undefined ? SYNOPSIS : `Usage:\n  ${PROGRAM} ${COMMAND_HELP[name].synopsis}\n`;
  const help = name === undefined ? `${PROGRAM} --help` : `${PROGRAM} ${name} --help`;
  return `${PROGRAM}: ${message}\n\n${synopsis}\nRun "${help}" for the options and examples.\n`;
}

/** A mistake on the command line; `parseCommandLine` turns it into a `usage-error` command. */
class UsageError extends Error {}

const INTEGER = /^-?\d+$/;

function integerFlag(name: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!INTEGER.test(text) || !Number.isSafeInteger(n)) throw new UsageError(`--${name} needs an integer, got "${text}"`);
  if (n < min) throw new UsageError(`--${name} must be at least ${min}, got ${n}`);
  return n;
}

function localeFlag(text: string | undefined): Locale {
  if (text === undefined) return defaultPlanOptions.locale;
  if (!(LOCALES as readonly string[]).includes(text)) throw new UsageError(`--locale must be one of ${LOCALES.join(', ')}, got "${text}"`);
  return text as Locale;
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/** Runs `parseArgs`; its usage mistakes (TypeErrors with an ERR_PARSE_ARGS_* code) become UsageErrors. */
function strictly<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) throw error;
    const message = (error as Error).message;
    // Its advice on passing "--x" as a positional argument is noise here: keep the first sentence.
    throw new UsageError(code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? message.replace(/\.\s[\s\S]*$/, '') : message);
  }
}

export function parseCommandLine(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  try {
    if (first === undefined) throw new UsageError('missing command');
    if (first === '--help' || first === '-h') return { kind: 'help' };
    if (first === 'help') return helpCommand(rest);
    if (first === '--version') return { kind: 'version' };
    if (isCommandName(first)) return PARSERS[first](rest);
    throw new UsageError(first.startsWith('-') ? `unknown option ${first}` : `unknown command "${first}"`);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { kind: 'usage-error', message: error.message, ...(first !== undefined && isCommandName(first) ? { command: first } : {}) };
  }
}

/** Each command's parser of the arguments after its name. A new command adds its function here. */
const PARSERS: Record<CommandName, (args: string[]) => Command> = {
  plan: planCommand,
  validate: validateCommand,
  export: exportCommand,
  edit: editCommand,
  explain: explainCommand,
  recommend: recommendCommand,
  replan: replanCommand,
};

function replanCommand(args: string[]): Command {
  const options = {
    ...HELP,
    out: { type: 'string' },
    diff: { type: 'string' },
    today: { type: 'string' },
    'freeze-until': { type: 'string' },
    pin: { type: 'string', multiple: true },
    seed: { type: 'string' },
    'time-limit': { type: 'string' },
    locale: { type: 'string' },
  } as const;
  const { values, positionals } = strictly(() => parseArgs({ args, options, allowPositionals: true, strict: true }));
  if (values.help) return { kind: 'help', command: 'replan' };
  const [scenario, previous, ...extra] = positionals;
  if (scenario === undefined) throw new UsageError('replan: missing SCENARIO.json and PREVIOUS_PLAN.json');
  if (previous === undefined) throw new UsageError('replan: missing PREVIOUS_PLAN.json');
  if (extra.length > 0) throw new UsageError(`replan: unexpected argument "${extra[0]}"`);
  if (scenario === '-' && previous === '-') throw new UsageError('replan: only one of the files can be standard input ("-")');
  const date = (flag: string, v: string | undefined) => {
    if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UsageError(`--${flag} needs a date YYYY-MM-DD, got "${v}"`);
    return v;
  };
  const today = date('today', values.today);
  const freezeUntil = date('freeze-until', values['freeze-until']);
  const pin = values.pin?.flatMap((p) => p.split(',')).map((p) => p.trim());
  if (pin?.some((p) => p === '')) throw new UsageError('--pin needs ids (ID or ID,ID)');
  if (values.out === '') throw new UsageError('--out needs a file name');
  if (values.diff === '' || values.diff === '-') throw new UsageError('--diff needs a file name');
  const seed = integerFlag('seed', values.seed, Number.MIN_SAFE_INTEGER);
  const timeLimitMs = integerFlag('time-limit', values['time-limit'], 0);
  return {
    kind: 'replan',
    scenario,
    previous,
    locale: localeFlag(values.locale),
    ...(values.out !== undefined && values.out !== '-' ? { out: values.out } : {}),
    ...(values.diff !== undefined ? { diff: values.diff } : {}),
    ...(today !== undefined ? { today } : {}),
    ...(freezeUntil !== undefined ? { freezeUntil } : {}),
    ...(pin !== undefined ? { pin } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(timeLimitMs !== undefined ? { timeLimitMs } : {}),
  };
}

function helpCommand(args: string[]): Command {
  const [name, ...extra] = args;
  if (name === undefined) return { kind: 'help' };
  if (!isCommandName(name)) throw new UsageError(`help: unknown command "${name}"`);
  if (extra.length > 0) throw new UsageError(`help: unexpected argument "${extra[0]}"`);
  return { kind: 'help', command: name };
}

function planCommand(args: string[]): Command {
  const options = { ...HELP, out: { type: 'string' }, seed: { type: 'string' }, 'time-limit': { type: 'string' }, 'allow-unknown-fields': { type: 'boolean' }, locale: { type: 'string' } } as const;
  const { values, positionals } = strictly(() => parseArgs({ args, options, allowPositionals: true, strict: true }));
  if (values.help) return { kind: 'help', command: 'plan' };
  const [scenario, ...extra] = positionals;
  if (scenario === undefined) throw new UsageError('plan: missing SCENARIO.json');
  if (extra.length > 0) throw new UsageError(`plan: unexpected argument "${extra[0]}"`);
  const seed = integerFlag('seed', values.seed, Number.MIN_SAFE_INTEGER);
  const timeLimitMs = integerFlag('time-limit', values['time-limit'], 0);
  const locale = localeFlag(values.locale);
  const out = values.out;
  if (out === '') throw new UsageError('--out needs a file name');
  return {
    kind: 'plan',
    scenario,
    locale,
    ...(out !== undefined && out !== '-' ? { out } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(timeLimitMs !== undefined ? { timeLimitMs } : {}),
    ...(values['allow-unknown-fields'] ? { allowUnknownFields: true } : {}),
  };
}

function validateCommand(args: string[]): Command {
  const options = { ...HELP, json: { type: 'boolean' }, strict: { type: 'boolean' }, department: { type: 'string', multiple: true }, context: { type: 'string' }, locale: { type: 'string' } } as const;
  const { values, positionals } = strictly(() => parseArgs({ args, options, allowPositionals: true, strict: true }));
  if (values.help) return { kind: 'help', command: 'validate' };
  const departmentIds = values.department?.flatMap((d) => d.split(',')).map((d) => d.trim());
  if (departmentIds?.some((d) => d === '')) throw new UsageError('--department needs department ids (ID or ID,ID)');
  const context = values.context;
  if (context === '') throw new UsageError('--context needs a file name');
  if (context !== undefined && departmentIds === undefined) throw new UsageError('validate: --context needs --department (the departments whose part PLAN.json is)');
  const [scenario, plan, ...extra] = positionals;
  if (scenario === undefined) throw new UsageError('validate: missing SCENARIO.json and PLAN.json');
  if (plan === undefined) throw new UsageError('validate: missing PLAN.json');
  if (extra.length > 0) throw new UsageError(`validate: unexpected argument "${extra[0]}"`);
  if ([scenario, plan, context].filter((f) => f === '-').length > 1) throw new UsageError('validate: only one of the files can be standard input ("-")');
  return {
    kind: 'validate',
    scenario,
    plan,
    json: values.json === true,
    strict: values.strict === true,
    ...(departmentIds !== undefined ? { departmentIds: [...new Set(departmentIds)] } : {}),
    ...(context !== undefined ? { context } : {}),
    locale: localeFlag(values.locale),
  };
}

const EXPORT_FORMATS = ['csv', 'ics', 'html'] as const;

function exportCommand(args: string[]): Command {
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
    locale: { type: 'string' },
  } as const;
  const { values, positionals } = strictly(() => parseArgs({ args, options, allowPositionals: true, strict: true }));
  if (values.help) return { kind: 'help', command: 'export' };
  const [plan, ...extra] = positionals;
  if (plan === undefined) throw new UsageError('export: missing PLAN.json');
  if (extra.length > 0) throw new UsageError(`export: unexpected argument "${extra[0]}"`);
  const scenario = values.scenario;
  if (scenario === undefined || scenario === '') throw new UsageError('export: missing --scenario SCENARIO.json');
  if (scenario === '-' && plan === '-') throw new UsageError('export: only one of the files can be standard input ("-")');
  const format = values.format;
  if (format === undefined) throw new UsageError('export: missing --format csv|ics|html');
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, got "${format}"`);
  const owner = values.for ?? 'officer';
  if (owner !== 'officer' && owner !== 'enterprise') throw new UsageError(`--for must be officer or enterprise, got "${owner}"`);
  const onlyIcs = (['for', 'id', 'stamp'] as const).filter((f) => values[f] !== undefined);
  if (format !== 'ics' && onlyIcs.length > 0) throw new UsageError(`--${onlyIcs[0]} is for --format ics`);
  if (format !== 'html' && values.title !== undefined) throw new UsageError('--title is for --format html');
  if (values.id === '') throw new UsageError('--id needs an id');
  const out = values.out;
  if (out === '') throw new UsageError('--out needs a file or directory name');
  if (format === 'ics' && values.id === undefined && (out === undefined || out === '-')) throw new UsageError('export: --format ics writes one file per ' + owner + ': give --out DIR, or --id ID for one calendar');
  return {
    kind: 'export',
    plan,
    scenario,
    format: format as 'csv' | 'ics' | 'html',
    withOfficers: values['with-officers'] === true,
    includeUnannounced: values['include-unannounced'] === true,
    for: owner,
    locale: localeFlag(values.locale),
    ...(out !== undefined && out !== '-' ? { out } : {}),
    ...(values.id !== undefined ? { id: values.id } : {}),
    ...(values.stamp !== undefined ? { stamp: values.stamp } : {}),
    ...(values.title !== undefined ? { title: values.title } : {}),
  };
}

function editCommand(args: string[]): Command {
  const options = { ...HELP, out: { type: 'string' }, patches: { type: 'string' }, json: { type: 'boolean' }, locale: { type: 'string' } } as const;
  const { values, positionals } = strictly(() => parseArgs({ args, options, allowPositionals: true, strict: true }));
  if (values.help) return { kind: 'help', command: 'edit' };
  const [scenario, plan, edit, ...extra] = positionals;
  if (scenario === undefined) throw new UsageError('edit: missing SCENARIO.json, PLAN.json and EDIT.json');
  if (plan === undefined) throw new UsageError('edit: missing PLAN.json and EDIT.json');
  if (edit === undefined) throw new UsageError('edit: missing EDIT.json');
  if (extra.length > 0) throw new UsageError(`edit: unexpected argument "${extra[0]}"`);
  if ([scenario, plan, edit].filter((f) => f === '-').length > 1) throw new UsageError('edit: only one of the files can be standard input ("-")');
  if (values.out === '') throw new UsageError('--out needs a file name');
  if (values.patches === '' || values.patches === '-') throw new UsageError('--patches needs a file name');
  if (values.json && (values.out === undefined || values.out === '-')) throw new UsageError('edit: --json needs --out (without it the plan is on standard output)');
  return {
    kind: 'edit',
    scenario,
    plan,
    edit,
    json: values.json === true,
    locale: localeFlag(values.locale),
    ...(values.out !== undefined && values.out !== '-' ? { out: values.out } : {}),
    ...(values.patches !== undefined ? { patches: values.patches } : {}),
  };
}

function explainCommand(args: string[]): Command {
  const options = { ...HELP, json: { type: 'boolean' }, 'max-relaxations': { type: 'string' }, locale: { type: 'string' } } as const;
  const { values, positionals } = strictly(() => parseArgs({ args, options, allowPositionals: true, strict: true }));
  if (values.help) return { kind: 'help', command: 'explain' };
  const [scenario, plan, occurrenceId, ...extra] = positionals;
  if (scenario === undefined) throw new UsageError('explain: missing SCENARIO.json, PLAN.json and OCCURRENCE_ID');
  if (plan === undefined) throw new UsageError('explain: missing PLAN.json and OCCURRENCE_ID');
  if (occurrenceId === undefined || occurrenceId === '') throw new UsageError('explain: missing OCCURRENCE_ID');
  if (extra.length > 0) throw new UsageError(`explain: unexpected argument "${extra[0]}"`);
  if (scenario === '-' && plan === '-') throw new UsageError('explain: only one of the files can be standard input ("-")');
  const maxRelaxations = integerFlag('max-relaxations', values['max-relaxations'], 0);
  return {
    kind: 'explain',
    scenario,
    plan,
    occurrenceId,
    json: values.json === true,
    locale: localeFlag(values.locale),
    ...(maxRelaxations !== undefined ? { maxRelaxations } : {}),
  };
}

function recommendCommand(args: string[]): Command {
  const options = { ...HELP, request: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' }, locale: { type: 'string' } } as const;
  const { values, positionals } = strictly(() => parseArgs({ args, options, allowPositionals: true, strict: true }));
  if (values.help) return { kind: 'help', command: 'recommend' };
  const [scenario, plan, occurrenceId, ...extra] = positionals;
  const what = values.request === undefined ? ' and OCCURRENCE_ID (or --request REQUEST.json)' : '';
  if (scenario === undefined) throw new UsageError(`recommend: missing SCENARIO.json, PLAN.json${what}`);
  if (plan === undefined) throw new UsageError(`recommend: missing PLAN.json${what}`);
  if (values.request === '') throw new UsageError('--request needs a file name');
  if (occurrenceId === undefined && values.request === undefined) throw new UsageError('recommend: missing OCCURRENCE_ID (or --request REQUEST.json)');
  if (occurrenceId !== undefined && values.request !== undefined) throw new UsageError('recommend: give OCCURRENCE_ID or --request, not both');
  if (extra.length > 0) throw new UsageError(`recommend: unexpected argument "${extra[0]}"`);
  if ([scenario, plan, values.request].filter((f) => f === '-').length > 1) throw new UsageError('recommend: only one of the files can be standard input ("-")');
  let limit: number | undefined;
  if (values.limit !== undefined) {
    if (!/^\d+$/.test(values.limit) || Number(values.limit) < 1) throw new UsageError('--limit needs a whole number ≥ 1');
    limit = Number(values.limit);
  }
  return {
    kind: 'recommend',
    scenario,
    plan,
    json: values.json === true,
    locale: localeFlag(values.locale),
    ...(occurrenceId !== undefined ? { occurrenceId } : {}),
    ...(values.request !== undefined ? { request: values.request } : {}),
    ...(limit !== undefined ? { limit } : {}),
  };
}
