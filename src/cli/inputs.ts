/**
 * The scenario and the plan as the commands after `plan` read them: a scenario parsed (its
 * warnings printed, its problems collected under its file name) and a plan whose shape can be
 * read (its ids are the command's to judge). Every command collects all problems of all its
 * files before it does anything, so one run lists them all.
 */
import { safeParseScenario } from '../model/parse.js';
import type { Scenario } from '../model/scenario.js';
import type { Locale } from '../report/format.js';
import { readPlan } from '../validate/plan-input.js';
import type { Palette } from './colour.js';
import { formatWarnings, issuesToProblems } from './format.js';
import type { CliIo, JsonInput, Problem } from './io.js';

export interface ReadContext {
  io: CliIo;
  locale: Locale;
  /** For warnings on standard error. */
  palette: Palette;
  /** Where each file's problems go. */
  problems: Problem[];
}

/** The scenario of `input`, or undefined with its problems collected; warnings are printed. */
export function scenarioFrom(input: JsonInput, file: string, allowUnknownFields: boolean | undefined, ctx: ReadContext): Scenario | undefined {
  if (!input.ok) {
    ctx.problems.push(...input.problems);
    return undefined;
  }
  const parsed = safeParseScenario(input.value, { locale: ctx.locale, allowUnknownFields: allowUnknownFields === true });
  if (!parsed.success) {
    ctx.problems.push(...issuesToProblems(file, parsed.issues, ctx.locale));
    return undefined;
  }
  ctx.io.stderr(formatWarnings(file, parsed.warnings, ctx.locale, ctx.palette));
  return parsed.data;
}

/** Whether the plan of `input` can be read (shape only), its problems collected otherwise. */
export function planReadable(input: JsonInput, file: string, ctx: ReadContext): boolean {
  if (!input.ok) {
    ctx.problems.push(...input.problems);
    return false;
  }
  const read = readPlan(input.value, ctx.locale);
  if ('issues' in read) {
    ctx.problems.push(...issuesToProblems(file, read.issues, ctx.locale));
    return false;
  }
  return true;
}
