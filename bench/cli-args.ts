/**
 * Command-line parsing shared by the bench scripts (bench/run.ts, bench/generate-cli.ts): flags
 * given as `--flag value` or `--flag=value`, values that must be there, integers, `--help`, and
 * the exit with the usage on a bad argument.
 */
import { TIERS, type Tier } from './generator/index.js';

/** One argument read as a flag. */
export interface Flag {
  /** `--tier` for both `--tier S` and `--tier=S`. */
  flag: string;
  /** The argument as given, for messages. */
  arg: string;
  /**
   * The flag's value: the text after `=`, or else the next argument, which is then consumed.
   * Call it before the next flag is read (as a `for … of` over `flags` does).
   */
  value(): string | undefined;
}

/** The arguments as flags, in order; an argument taken by `value()` is not yielded again. */
export function* flags(args: readonly string[]): Generator<Flag> {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf('=');
    const inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    yield { flag: eq >= 0 ? arg.slice(0, eq) : arg, arg, value: () => inline ?? args[++i] };
  }
}

/** A bad argument: the message and the usage on standard error, exit code 2. */
export function fail(message: string, usage: string): never {
  process.stderr.write(`${message}\n${usage}\n`);
  process.exit(2);
}

/** A flag the script does not know: `--help` and `-h` print the usage and exit 0, anything else fails. */
export function otherFlag(f: Flag, usage: string): never {
  if (f.flag === '--help' || f.flag === '-h') {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  fail(`unknown argument ${f.arg}`, usage);
}

/** The flag's value, which must not be missing or empty; else fails with `message`. */
export function parseText(value: string | undefined, message: string, usage: string): string {
  if (!value) fail(message, usage);
  return value;
}

/** The flag's value as an integer ≥ `min` (decimal digits only); anything else fails. */
export function parseInteger(name: string, value: string | undefined, usage: string, min = 0): number {
  if (value === undefined || !/^\d+$/.test(value) || Number(value) < min) {
    fail(min === 0 ? `${name} needs a non-negative integer` : `${name} needs an integer ≥ ${min}`, usage);
  }
  return Number(value);
}

/** The flag's value as a tier name; anything else fails. */
export function parseTier(value: string | undefined, usage: string): Tier {
  if (!TIERS.includes(value as Tier)) fail(`unknown tier ${String(value)}`, usage);
  return value as Tier;
}

/** What the call-timing scripts (bench/recommend.ts, bench/explain.ts) share: the scenario (a generated tier and seed, or files) and how many calls. */
export interface CallScriptArgs {
  tier: Tier;
  seed: number;
  calls: number;
  scenarioFile?: string;
  planFile?: string;
}

/** Reads one of the shared flags of the call-timing scripts into `args`; false when `f` is none of them. */
export function callScriptFlag(f: Flag, args: CallScriptArgs, usage: string): boolean {
  switch (f.flag) {
    case '--tier':
      args.tier = parseTier(f.value(), usage);
      return true;
    case '--seed':
      args.seed = parseInteger('--seed', f.value(), usage);
      return true;
    case '--calls':
      args.calls = parseInteger('--calls', f.value(), usage, 1);
      return true;
    case '--scenario':
      args.scenarioFile = parseText(f.value(), '--scenario needs a file name', usage);
      return true;
    case '--plan':
      args.planFile = parseText(f.value(), '--plan needs a file name', usage);
      return true;
    default:
      return false;
  }
}
