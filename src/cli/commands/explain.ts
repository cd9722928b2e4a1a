/**
 * `joint-inspection explain SCENARIO.json PLAN.json OCCURRENCE_ID [--json] [--max-relaxations N]
 * [--locale …]`
 *
 * Both files are read and checked first, so one run lists every input problem (exit 2):
 * unreadable files, invalid JSON, a bad scenario, an unreadable plan, an occurrence id the
 * scenario does not have. Otherwise the explanation is printed — as text (the summary, each day
 * of the window, the team or the relaxations) or, with --json, as the `Explanation` data — and
 * the exit code is 0 (an explanation is not a verdict on the plan).
 */
import type { Plan } from '../../model/plan-types.js';
import type { Explanation } from '../../explain/types.js';
import type { Locale } from '../../report/format.js';
import type { Command } from '../args.js';
import { paletteFor } from '../colour.js';
import { EXIT } from '../exit.js';
import { formatProblems } from '../format.js';
import { planReadable, scenarioFrom } from '../inputs.js';
import { displayName, readJsonInput, type CliIo, type Problem } from '../io.js';

type ExplainCommand = Extract<Command, { kind: 'explain' }>;

const HEADINGS: Record<Locale, { days: string; team: string; relaxations: string; none: string }> = {
  en: { days: 'Days of the window:', team: 'Team:', relaxations: 'Smallest changes that would place it (each verified):', none: '  none found' },
  'zh-CN': { days: '检查时限内各日：', team: '执法人员：', relaxations: '可使其得以安排的最小放宽（均已验证）：', none: '  未找到' },
};

const MARK = { chosen: '●', possible: '○', impossible: '✗' } as const;

/** The explanation as text: the summary, then each day, then the team or the relaxations. */
export function formatExplanation(e: Explanation, locale: Locale): string {
  const h = HEADINGS[locale];
  const lines = [e.summary, ''];
  if (e.days.length > 0) {
    lines.push(h.days);
    for (const d of e.days) lines.push(`  ${MARK[d.outcome]} ${d.date}  ${d.message}`);
  }
  if (e.status === 'scheduled') {
    lines.push('', h.team);
    for (const m of e.team) lines.push(`  - ${m.why}`);
  }
  if (e.status === 'unscheduled') {
    lines.push('', h.relaxations);
    if (e.relaxations.length === 0) lines.push(h.none);
    e.relaxations.forEach((r, i) => lines.push(`  ${i + 1}. ${r.message}`));
  }
  return `${lines.join('\n')}\n`;
}

export async function runExplain(cmd: ExplainCommand, io: CliIo): Promise<number> {
  const { locale } = cmd;
  const errPalette = paletteFor(io.isTTY, io.env);
  const files = { scenario: displayName(cmd.scenario), plan: displayName(cmd.plan) };
  const [scenarioInput, planInput] = await Promise.all([readJsonInput(io, cmd.scenario, locale), readJsonInput(io, cmd.plan, locale)]);
  const { explain } = await import('../../explain/index.js');
  const { expandOccurrences } = await import('../../occurrences/expand.js');

  const problems: Problem[] = [];
  const read = { io, locale, palette: errPalette, problems };
  const scenario = scenarioFrom(scenarioInput, files.scenario, cmd.allowUnknownFields, read);
  if (scenario && !expandOccurrences(scenario).some((o) => o.id === cmd.occurrenceId)) {
    const message = locale === 'zh-CN' ? `场景中没有检查任务 ${cmd.occurrenceId}` : `the scenario has no occurrence ${cmd.occurrenceId}`;
    problems.push({ file: files.scenario, code: 'unknown_reference', message });
  }
  planReadable(planInput, files.plan, read);
  if (problems.length > 0 || !scenario || !planInput.ok) {
    io.stderr(formatProblems(problems, locale, errPalette));
    return EXIT.badInput;
  }

  const explanation = explain(scenario, planInput.value as Plan, cmd.occurrenceId, { locale, ...(cmd.maxRelaxations !== undefined ? { maxRelaxations: cmd.maxRelaxations } : {}) });
  io.stdout(cmd.json ? `${JSON.stringify(explanation, null, 2)}\n` : formatExplanation(explanation, locale));
  return EXIT.ok;
}
