/**
 * `joint-inspection replan SCENARIO.json PREVIOUS_PLAN.json [--today D] [--freeze-until D]
 * [--pin ID,…] [--out PLAN.json] [--diff DIFF.json] [--seed N] [--time-limit MS] [--locale …]`
 *
 * Both files are read and checked first, so one run lists every input problem (exit 2). The new
 * plan goes to standard output (or --out), the diff to --diff as JSON, and the diff's summary to
 * standard error. Exit 0.
 */
import { InputError } from '../../model/issues.js';
import { planReadable, scenarioFrom } from '../inputs.js';
import type { ReplanOptions } from '../../replan/options.js';
import type { Command } from '../args.js';
import { paletteFor } from '../colour.js';
import { EXIT } from '../exit.js';
import { formatProblems, issuesToProblems } from '../format.js';
import { displayName, readJsonInput, stdoutChunks, writeOutput, type CliIo, type Problem } from '../io.js';
import { jsonDocument } from '../json-chunks.js';

type ReplanCommand = Extract<Command, { kind: 'replan' }>;

export async function runReplan(cmd: ReplanCommand, io: CliIo): Promise<number> {
  const { locale } = cmd;
  const palette = paletteFor(io.isTTY, io.env);
  const files = { scenario: displayName(cmd.scenario), previous: displayName(cmd.previous) };
  const [scenarioInput, previousInput] = await Promise.all([readJsonInput(io, cmd.scenario, locale), readJsonInput(io, cmd.previous, locale)]);
  const problems: Problem[] = [];
  const read = { io, locale, palette, problems };
  const scenario = scenarioFrom(scenarioInput, files.scenario, cmd.allowUnknownFields, read);
  planReadable(previousInput, files.previous, read);
  if (problems.length > 0 || !scenario || !previousInput.ok) {
    io.stderr(formatProblems(problems, locale, palette));
    return EXIT.badInput;
  }
  // Loaded on demand so that `--help` never loads the planner.
  const { replan } = await import('../../replan/index.js');
  const controller = new AbortController();
  const stopListening = io.onInterrupt?.(() => controller.abort());
  const options: ReplanOptions = {
    locale,
    signal: controller.signal,
    ...(cmd.today !== undefined ? { today: cmd.today } : {}),
    ...(cmd.freezeUntil !== undefined ? { freezeUntil: cmd.freezeUntil } : {}),
    ...(cmd.pin !== undefined ? { pin: cmd.pin } : {}),
    ...(cmd.seed !== undefined ? { seed: cmd.seed } : {}),
    ...(cmd.timeLimitMs !== undefined ? { timeLimitMs: cmd.timeLimitMs } : {}),
  };
  let result: Awaited<ReturnType<typeof replan>>;
  try {
    result = await replan(scenario, previousInput.value, options);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr(formatProblems(issuesToProblems(cmd.today !== undefined || cmd.freezeUntil !== undefined ? 'options' : files.previous, error.issues, locale), locale, palette));
    return EXIT.badInput;
  } finally {
    stopListening?.();
  }
  // Written in pieces, not as one string of the plan's size (see json-chunks.ts).
  if (cmd.out === undefined) stdoutChunks(io, jsonDocument(result.plan));
  else {
    const failed = await writeOutput(io, cmd.out, jsonDocument(result.plan), locale);
    if (failed) {
      io.stderr(formatProblems([failed], locale, palette));
      return EXIT.badInput;
    }
  }
  if (cmd.diff !== undefined) {
    const failed = await writeOutput(io, cmd.diff, JSON.stringify(result.diff, null, 2) + '\n', locale);
    if (failed) {
      io.stderr(formatProblems([failed], locale, palette));
      return EXIT.badInput;
    }
  }
  io.stderr(result.diff.summary + '\n');
  return EXIT.ok;
}
