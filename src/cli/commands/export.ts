/**
 * `joint-inspection export PLAN.json --scenario SCENARIO.json --format csv|ics|html [--out …]`
 * Both files are read and checked first, so one run lists every input problem of both (exit 2).
 * CSV and HTML go to standard output or to the --out file. ICS writes one calendar per officer
 * (or enterprise) into the --out directory (created when missing); with --id, one calendar to
 * standard output or the --out file.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../model/issues.js';
import { safeParseScenario } from '../../model/parse.js';
import type { Scenario } from '../../model/scenario.js';
import type { Command } from '../args.js';
import { EXIT } from '../exit.js';
import { formatProblems, formatWarnings, issuesToProblems } from '../format.js';
import { displayName, isErrnoError, readJsonInput, writeOutput, type CliIo, type Problem } from '../io.js';

type ExportCommand = Extract<Command, { kind: 'export' }>;

export async function runExport(cmd: ExportCommand, io: CliIo): Promise<number> {
  const { locale } = cmd;
  const scenarioFile = displayName(cmd.scenario);
  const planFile = displayName(cmd.plan);
  const [scenarioInput, planInput] = await Promise.all([readJsonInput(io, cmd.scenario, locale), readJsonInput(io, cmd.plan, locale)]);
  const problems: Problem[] = [];
  let scenario: Scenario | undefined;
  if (!scenarioInput.ok) problems.push(...scenarioInput.problems);
  else {
    const parsed = safeParseScenario(scenarioInput.value, { locale, allowUnknownFields: cmd.allowUnknownFields === true });
    if (parsed.success) {
      scenario = parsed.data;
      io.stderr(formatWarnings(scenarioFile, parsed.warnings, locale));
    } else problems.push(...issuesToProblems(scenarioFile, parsed.issues, locale));
  }
  if (!planInput.ok) problems.push(...planInput.problems);
  if (problems.length > 0 || !scenario || !planInput.ok) {
    io.stderr(formatProblems(problems, locale));
    return EXIT.badInput;
  }

  const { exportCsv, exportIcs, renderPreview, ExportError } = await import('../../export/index.js');
  let outputs: { path: string | undefined; text: string }[];
  try {
    if (cmd.format === 'csv') {
      outputs = [{ path: cmd.out, text: exportCsv(scenario, planInput.value, { locale, withOfficers: cmd.withOfficers, includeUnannounced: cmd.includeUnannounced }) }];
    } else if (cmd.format === 'html') {
      outputs = [{ path: cmd.out, text: renderPreview(scenario, planInput.value, { locale, ...(cmd.title !== undefined ? { title: cmd.title } : {}) }) }];
    } else {
      const { files } = exportIcs(scenario, planInput.value, {
        locale,
        for: cmd.for,
        withOfficers: cmd.withOfficers,
        includeUnannounced: cmd.includeUnannounced,
        ...(cmd.id !== undefined ? { id: cmd.id } : {}),
        ...(cmd.stamp !== undefined ? { stamp: cmd.stamp } : {}),
      });
      if (cmd.id !== undefined) outputs = files.map((f) => ({ path: cmd.out, text: f.text }));
      else {
        const dir = cmd.out as string; // the parser requires --out DIR here
        const failed = await makeDirectory(dir);
        if (failed) {
          io.stderr(formatProblems([{ file: dir, code: 'write_failed', message: failed }], locale));
          return EXIT.badInput;
        }
        outputs = files.map((f) => ({ path: join(dir, f.name), text: f.text }));
      }
    }
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // The scenario was checked above: what remains is the plan's or the options' problem.
    const found: Problem[] =
      error instanceof ExportError
        ? error.issues.map((i) => (i.path === 'timezone' ? { file: scenarioFile, path: i.path, code: i.code, message: i.message } : { file: `--${i.path}`, code: i.code, message: i.message }))
        : issuesToProblems(planFile, error.issues, locale);
    io.stderr(formatProblems(found, locale));
    return EXIT.badInput;
  }

  for (const { path, text } of outputs) {
    if (path === undefined) {
      io.stdout(text);
      continue;
    }
    const failed = await writeOutput(io, path, text, locale);
    if (failed) {
      io.stderr(formatProblems([failed], locale));
      return EXIT.badInput;
    }
  }
  if (io.isTTY && cmd.format === 'ics' && cmd.id === undefined) io.stderr(`${outputs.length} × .ics → ${cmd.out}\n`);
  return EXIT.ok;
}

async function makeDirectory(dir: string): Promise<string | undefined> {
  try {
    await mkdir(dir, { recursive: true });
    return undefined;
  } catch (error) {
    if (!isErrnoError(error)) throw error;
    return (error as Error).message;
  }
}
