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
  | { kind: 'validate'; scenario: string; plan: string; json: boolean; locale: Locale }
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
  synopsis: 'validate SCENARIO.json PLAN.json [--json] [--locale zh-CN|en]',
  summary: 'Check a plan (made by the planner, another system or by hand) against every hard rule of its scenario.\nExit 1 when the plan breaks a rule.',
  options: [['--json', 'print { "valid", "violations" } as JSON'], LOCALE_OPTION, HELP_OPTION],
  examples: [
    ['check a plan', 'joint-inspection validate scenario.json plan.json'],
    ['machine-readable result, and the exit code', 'joint-inspection validate scenario.json plan.json --json > result.json; echo $?'],
  ],
};

/** Every command's help, in the order `--help` lists them. A new command adds its entry here. */
export const COMMAND_HELP = {
  plan: PLAN_HELP,
  validate: VALIDATE_HELP,
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

/** The lines of `Usage:`: every command's synopsis. */
export const SYNOPSIS = `Usage:
${Object.values(COMMAND_HELP)
  .map((h) => `  ${PROGRAM} ${h.synopsis}\n`)
  .join('')}  ${PROGRAM} help [COMMAND] | --help | -h
  ${PROGRAM} --version
`;

const FOOTER = `A file name "-" reads standard input.
Exit codes: 0 done (validate: no violations), 1 validate found violations,
            2 bad usage or bad input, 3 internal error.
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
};

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
  const options = { ...HELP, json: { type: 'boolean' }, locale: { type: 'string' } } as const;
  const { values, positionals } = strictly(() => parseArgs({ args, options, allowPositionals: true, strict: true }));
  if (values.help) return { kind: 'help', command: 'validate' };
  const [scenario, plan, ...extra] = positionals;
  if (scenario === undefined) throw new UsageError('validate: missing SCENARIO.json and PLAN.json');
  if (plan === undefined) throw new UsageError('validate: missing PLAN.json');
  if (extra.length > 0) throw new UsageError(`validate: unexpected argument "${extra[0]}"`);
  if (scenario === '-' && plan === '-') throw new UsageError('validate: only one of the files can be standard input ("-")');
  return { kind: 'validate', scenario, plan, json: values.json === true, locale: localeFlag(values.locale) };
}
