/**
 * `joint-inspection recommend SCENARIO.json PLAN.json (OCCURRENCE_ID | --request REQUEST.json)
 * [--limit N] [--json] [--locale …]`
 *
 * Every input is read and checked first, so one run lists every problem (exit 2). Then the
 * ranked options are printed (each with the edits that apply it, ready for `edit`) and the
 * better-looking days that are impossible, with why. Exit 0 with at least one option, 1 when
 * nothing can place the occurrence.
 */
import { planReadable, scenarioFrom } from '../inputs.js';
import type { Plan } from '../../model/plan-types.js';
import type { Command } from '../args.js';
import { paletteFor } from '../colour.js';
import { EXIT } from '../exit.js';
import { formatProblems } from '../format.js';
import { displayName, readJsonInput, type CliIo, type Problem } from '../io.js';

type RecommendCommand = Extract<Command, { kind: 'recommend' }>;

export async function runRecommend(cmd: RecommendCommand, io: CliIo): Promise<number> {
  const { locale } = cmd;
  const errPalette = paletteFor(io.isTTY, io.env);
  const files = { scenario: displayName(cmd.scenario), plan: displayName(cmd.plan), request: cmd.request === undefined ? '' : displayName(cmd.request) };
  const [scenarioInput, planInput, requestInput] = await Promise.all([
    readJsonInput(io, cmd.scenario, locale),
    readJsonInput(io, cmd.plan, locale),
    cmd.request === undefined ? Promise.resolve(undefined) : readJsonInput(io, cmd.request, locale),
  ]);
  const { recommend } = await import('../../recommend/index.js');
  const { InputError } = await import('../../model/issues.js');

  const problems: Problem[] = [];
  const read = { io, locale, palette: errPalette, problems };
  const scenario = scenarioFrom(scenarioInput, files.scenario, cmd.allowUnknownFields, read);
  planReadable(planInput, files.plan, read);
  if (requestInput && !requestInput.ok) problems.push(...requestInput.problems);

  let result: ReturnType<typeof recommend> | undefined;
  if (problems.length === 0 && scenario && planInput.ok) {
    const target = requestInput?.ok ? (requestInput.value as never) : (cmd.occurrenceId as string);
    try {
      result = recommend(scenario, planInput.value as Plan, target, { locale, ...(cmd.limit !== undefined ? { limit: cmd.limit } : {}) });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // Problems of the request are the request file's (paths as in the file); of an id, the argument's.
      // (An argument has no inside: its problem is said after its name and value, without a path.)
      const file = requestInput ? files.request : `OCCURRENCE_ID ${cmd.occurrenceId as string}`;
      for (const issue of error.issues) {
        const path = issue.path.replace(/^target\.?/, '');
        problems.push({ file, ...(requestInput || path !== '' ? { path } : {}), code: issue.code, message: issue.message });
      }
    }
  }
  if (!result) {
    io.stderr(formatProblems(problems, locale, errPalette));
    return EXIT.badInput;
  }

  if (cmd.json) {
    io.stdout(JSON.stringify(result, null, 2) + '\n');
    return result.options.length > 0 ? EXIT.ok : EXIT.violations;
  }
  const palette = paletteFor(io.stdoutIsTTY ?? false, io.env);
  const zh = locale === 'zh-CN';
  const { target, options, impossible } = result;
  const lines: string[] = [];
  lines.push(
    zh
      ? `检查任务 ${target.occurrenceId}（时间窗口 ${target.window.from} 至 ${target.window.to}）：${options.length} 个可选方案`
      : `Occurrence ${target.occurrenceId} (window ${target.window.from} to ${target.window.to}): ${options.length} option(s)`,
  );
  for (const o of options) {
    lines.push(`  ${o.rank}. ${o.why}`);
    lines.push(`     ${zh ? '编辑' : 'edits'}: ${JSON.stringify(o.edits)}`);
  }
  if (options.length === 0) lines.push(palette.warning(zh ? '  没有可行的安排方案。' : '  No way to place it.'));
  if (impossible.length > 0) {
    lines.push(zh ? '无法安排的较优日期：' : 'Better-looking days that are impossible:');
    for (const d of impossible) lines.push(`  ${d.date}  ${d.message}`);
  }
  io.stdout(lines.join('\n') + '\n');
  return options.length > 0 ? EXIT.ok : EXIT.violations;
}
