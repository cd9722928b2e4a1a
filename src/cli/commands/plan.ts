/** `joint-inspection plan SCENARIO.json [--out PLAN.json] [--seed N] [--time-limit MS] [--audit-teams] [--locale …]` */
import { InputError } from '../../model/issues.js';
import { safeParseScenario } from '../../model/parse.js';
import type { Plan } from '../../model/plan.js';
import type { Scenario } from '../../model/scenario.js';
import { formatMessage } from '../../report/format.js';
import type { PlanOptions } from '../../solver/options.js';
import type { Command } from '../args.js';
import { paletteFor, type Palette } from '../colour.js';
import { EXIT } from '../exit.js';
import { formatProblems, formatSummary, formatWarnings, issuesToProblems } from '../format.js';
import { displayName, readJsonInput, stdoutChunks, writeOutput, type CliIo } from '../io.js';
import { jsonDocument } from '../json-chunks.js';
import { cliMessages } from '../messages.js';
import { progressBar } from '../progress.js';

type PlanCommand = Extract<Command, { kind: 'plan' }>;

export async function runPlan(cmd: PlanCommand, io: CliIo): Promise<number> {
  const { locale } = cmd;
  const palette = paletteFor(io.isTTY, io.env);
  const file = displayName(cmd.scenario);
  let input: Awaited<ReturnType<typeof readJsonInput>> | undefined = await readJsonInput(io, cmd.scenario, locale);
  if (!input.ok) {
    io.stderr(formatProblems(input.problems, locale, palette));
    return EXIT.badInput;
  }
  const parsed = safeParseScenario(input.value, { locale, allowUnknownFields: cmd.allowUnknownFields === true });
  // The document as read is not needed again (parsing made the scenario's own objects): let it
  // go before planning — on a city's year it is as large as the scenario.
  input = undefined;
  if (!parsed.success) {
    io.stderr(formatProblems(issuesToProblems(file, parsed.issues, locale), locale, palette));
    return EXIT.badInput;
  }
  io.stderr(formatWarnings(file, parsed.warnings, locale, palette));

  let result: Plan;
  try {
    result = await runPlanner(parsed.data, cmd, io, palette);
  } catch (error) {
    // The planner may re-check its input; what it still rejects is bad input, not a bug.
    if (!(error instanceof InputError)) throw error;
    io.stderr(formatProblems(issuesToProblems(file, error.issues, locale), locale, palette));
    return EXIT.badInput;
  }

  // Written in pieces, not as one string of the plan's size (see json-chunks.ts).
  if (cmd.out === undefined) {
    stdoutChunks(io, jsonDocument(result));
  } else {
    const failed = await writeOutput(io, cmd.out, jsonDocument(result), locale);
    if (failed) {
      io.stderr(formatProblems([failed], locale, palette));
      return EXIT.badInput;
    }
  }
  if (io.isTTY) io.stderr(formatSummary(result, locale, cmd.out, palette));
  return EXIT.ok;
}

/** Runs the planner with the progress bar (terminal only) and Ctrl-C stopping it early. */
async function runPlanner(scenario: Scenario, cmd: PlanCommand, io: CliIo, palette: Palette): Promise<Plan> {
  // Loaded on demand so that `--help` and `validate` never load the planner.
  const { plan } = await import('../../solver/index.js');
  const now = io.now?.bind(io);
  const progress = io.isTTY
    ? progressBar((text) => io.stderr(text), {
        locale: cmd.locale,
        palette,
        ...(now ? { now } : {}),
        ...(io.columns !== undefined ? { columns: io.columns } : {}),
      })
    : undefined;
  const controller = new AbortController();
  const stopListening = io.onInterrupt?.(() => {
    progress?.clear();
    if (io.isTTY) io.stderr(palette.warning(formatMessage(cliMessages, cmd.locale, 'interrupted')) + '\n');
    controller.abort();
  });
  const options: PlanOptions = {
    locale: cmd.locale,
    signal: controller.signal,
    ...(cmd.seed !== undefined ? { seed: cmd.seed } : {}),
    ...(cmd.timeLimitMs !== undefined ? { timeLimitMs: cmd.timeLimitMs } : {}),
    ...(cmd.audit === true ? { audit: true } : {}),
    ...(progress ? { onProgress: progress.update } : {}),
  };
  try {
    return await plan(scenario, options);
  } finally {
    stopListening?.();
    progress?.clear();
  }
}
