/**
 * The command line as data: `parseCommandLine` turns argv into one command or a usage error.
 * Flags use `node:util` `parseArgs` (strict), so unknown flags and missing values are errors.
 */
import { parseArgs } from 'node:util';
import { defaultPlanOptions } from '../solver/options.js';
import { LOCALES, type Locale } from '../report/format.js';

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'plan'; scenario: string; out?: string; seed?: number; timeLimitMs?: number; locale: Locale }
  | { kind: 'validate'; scenario: string; plan: string; json: boolean; locale: Locale }
  | { kind: 'usage-error'; message: string };

export const SYNOPSIS = `Usage:
  joint-inspection plan SCENARIO.json [--out PLAN.json] [--seed N] [--time-limit MS] [--locale zh-CN|en]
  joint-inspection validate SCENARIO.json PLAN.json [--json] [--locale zh-CN|en]
  joint-inspection help | --help | -h
  joint-inspection --version
`;

/** The full help text (`--help`). */
export const USAGE = `${SYNOPSIS}
Commands:
  plan       Plan joint inspections for a scenario and print the plan as JSON.
  validate   Check a plan against every hard rule of its scenario.

Options:
  --out PLAN.json     write the plan to this file instead of standard output
  --seed N            seed of every random choice (default: the scenario's policy.seed)
  --time-limit MS     stop improving after MS milliseconds
                      (default: the scenario's policy.timeLimitMs, else ${defaultPlanOptions.timeLimitMs})
  --json              print { "valid", "violations" } as JSON
  --locale zh-CN|en   language of messages (default: ${defaultPlanOptions.locale})
  -h, --help          show this help
  --version           print the version

A file name "-" reads standard input.
Exit codes: 0 done (validate: no violations), 1 validate found violations,
            2 bad usage or bad input, 3 internal error.
`;

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
  try {
    const [first, ...rest] = argv;
    if (first === undefined) throw new UsageError('missing command');
    if (first === 'help' || first === '--help' || first === '-h') return { kind: 'help' };
    if (first === '--version') return { kind: 'version' };
    if (first === 'plan') return planCommand(rest);
    if (first === 'validate') return validateCommand(rest);
    throw new UsageError(first.startsWith('-') ? `unknown option ${first}` : `unknown command "${first}"`);
  } catch (error) {
    if (error instanceof UsageError) return { kind: 'usage-error', message: error.message };
    throw error;
  }
}

function planCommand(args: string[]): Command {
  const options = { ...HELP, out: { type: 'string' }, seed: { type: 'string' }, 'time-limit': { type: 'string' }, locale: { type: 'string' } } as const;
  const { values, positionals } = strictly(() => parseArgs({ args, options, allowPositionals: true, strict: true }));
  if (values.help) return { kind: 'help' };
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
  };
}

function validateCommand(args: string[]): Command {
  const options = { ...HELP, json: { type: 'boolean' }, locale: { type: 'string' } } as const;
  const { values, positionals } = strictly(() => parseArgs({ args, options, allowPositionals: true, strict: true }));
  if (values.help) return { kind: 'help' };
  const [scenario, plan, ...extra] = positionals;
  if (scenario === undefined) throw new UsageError('validate: missing SCENARIO.json and PLAN.json');
  if (plan === undefined) throw new UsageError('validate: missing PLAN.json');
  if (extra.length > 0) throw new UsageError(`validate: unexpected argument "${extra[0]}"`);
  if (scenario === '-' && plan === '-') throw new UsageError('validate: only one of the files can be standard input ("-")');
  return { kind: 'validate', scenario, plan, json: values.json === true, locale: localeFlag(values.locale) };
}
