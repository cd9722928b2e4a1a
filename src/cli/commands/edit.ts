/**
 * `joint-inspection edit SCENARIO.json PLAN.json EDIT.json [--out PLAN.json] [--patches
 * PATCHES.json] [--json] [--locale …]`
 *
 * EDIT.json holds one edit or a list of edits (applied in order). Every file is read and
 * checked first, so one run lists every input problem (exit 2): unreadable files, invalid JSON,
 * a bad scenario, an unreadable plan, an edit that cannot be applied (each problem with its
 * path in EDIT.json). Otherwise the edited plan is written (standard output, or --out), the
 * patches too with --patches, and its violations are printed like `validate` does: on standard
 * output when the plan went to a file, else on standard error. Exit 1 when there are any.
 */
import { planReadable, scenarioFrom } from '../inputs.js';
import type { Plan } from '../../model/plan-types.js';
import type { Edit } from '../../edit/index.js';
import type { Command } from '../args.js';
import { paletteFor } from '../colour.js';
import { EXIT } from '../exit.js';
import { formatProblems, formatViolation, formatViolations } from '../format.js';
import { displayName, readJsonInput, type CliIo, type Problem } from '../io.js';

type EditCommand = Extract<Command, { kind: 'edit' }>;

export async function runEdit(cmd: EditCommand, io: CliIo): Promise<number> {
  const { locale } = cmd;
  const errPalette = paletteFor(io.isTTY, io.env);
  const files = { scenario: displayName(cmd.scenario), plan: displayName(cmd.plan), edit: displayName(cmd.edit) };
  const [scenarioInput, planInput, editInput] = await Promise.all([readJsonInput(io, cmd.scenario, locale), readJsonInput(io, cmd.plan, locale), readJsonInput(io, cmd.edit, locale)]);
  const { applyEdits, EditError } = await import('../../edit/index.js');

  const problems: Problem[] = [];
  const read = { io, locale, palette: errPalette, problems };
  const scenario = scenarioFrom(scenarioInput, files.scenario, cmd.allowUnknownFields, read);
  planReadable(planInput, files.plan, read);
  if (!editInput.ok) problems.push(...editInput.problems);

  let result: ReturnType<typeof applyEdits> | undefined;
  if (problems.length === 0 && scenario && planInput.ok && editInput.ok) {
    const single = !Array.isArray(editInput.value);
    const edits = (single ? [editInput.value] : editInput.value) as Edit[];
    try {
      result = applyEdits(scenario, planInput.value as Plan, edits, { locale });
    } catch (error) {
      if (!(error instanceof EditError)) throw error;
      // One edit: paths as in the file (`visitId`); a list: with the edit's index (`[2].visitId`).
      for (const issue of error.issues) problems.push({ file: files.edit, path: single ? issue.path.replace(/^\[0\]\.?/, '') : issue.path, code: issue.code, message: issue.message });
    }
  }
  if (!result) {
    io.stderr(formatProblems(problems, locale, errPalette));
    return EXIT.badInput;
  }

  const planText = JSON.stringify(result.plan, null, 2) + '\n';
  if (cmd.out !== undefined) await io.writeFile(cmd.out, planText);
  else io.stdout(planText);
  if (cmd.patches !== undefined) await io.writeFile(cmd.patches, JSON.stringify({ patches: result.patches, inversePatches: result.inversePatches }, null, 2) + '\n');

  const toStdout = cmd.out !== undefined;
  const palette = paletteFor(toStdout ? (io.stdoutIsTTY ?? false) : io.isTTY, io.env);
  const { violations, warnings } = result;
  if (cmd.json) io.stdout(JSON.stringify({ valid: violations.length === 0, violations, warnings }, null, 2) + '\n');
  else {
    const report = warnings.map((w) => `${palette.warning(locale === 'zh-CN' ? '警告：' : 'warning:')} ${formatViolation(w, locale)}\n`).join('') + formatViolations(violations, locale, palette);
    if (toStdout) io.stdout(report);
    else io.stderr(report);
  }
  return violations.length > 0 ? EXIT.violations : EXIT.ok;
}
