/**
 * `joint-inspection draw SCENARIO.json TASKS.json [--seed N] [--out REQUESTS.json]
 * [--audit AUDIT.json] [--append] [--previous AUDIT.json]…` and
 * `joint-inspection verify-draw AUDIT.json [--json]`.
 *
 * Every input is read and checked first, so one run lists every problem (exit 2). `draw`
 * prints the requests as JSON (with --append the scenario as given, its `requests` extended),
 * writes the draw record with --audit, and on a terminal a line per task on standard error.
 * `verify-draw` prints what does not match and exits 1 when anything does not, 0 when all does.
 */
import type { EnterpriseDrawAudit } from '../../draw/types.js';
import type { Command } from '../args.js';
import { paletteFor } from '../colour.js';
import { EXIT } from '../exit.js';
import { formatProblems, formatWarnings, issuesToProblems } from '../format.js';
import { scenarioFrom } from '../inputs.js';
import { displayName, readJsonInput, writeOutput, type CliIo, type Problem } from '../io.js';

type DrawCommand = Extract<Command, { kind: 'draw' }>;
type VerifyDrawCommand = Extract<Command, { kind: 'verify-draw' }>;

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

export async function runDraw(cmd: DrawCommand, io: CliIo): Promise<number> {
  const { locale } = cmd;
  const palette = paletteFor(io.isTTY, io.env);
  const previousFiles = cmd.previous ?? [];
  const [scenarioInput, tasksInput, ...previousInputs] = await Promise.all([cmd.scenario, cmd.tasks, ...previousFiles].map((f) => readJsonInput(io, f, locale)));
  const { draw, DrawError } = await import('../../draw/index.js');
  const { readAuditRecord } = await import('../../draw/verify.js');

  const problems: Problem[] = [];
  const scenario = scenarioFrom(scenarioInput!, displayName(cmd.scenario), cmd.allowUnknownFields, { io, locale, palette, problems });
  if (!tasksInput!.ok) problems.push(...tasksInput!.problems);
  const previous: EnterpriseDrawAudit[] = [];
  previousInputs.forEach((input, i) => {
    if (!input.ok) return void problems.push(...input.problems);
    const read = readAuditRecord(input.value, locale);
    if ('issues' in read) problems.push(...issuesToProblems(displayName(previousFiles[i] as string), read.issues, locale));
    else previous.push(read.audit);
  });
  if (problems.length > 0 || !scenario || !tasksInput!.ok) {
    io.stderr(formatProblems(problems, locale, palette));
    return EXIT.badInput;
  }

  let result: ReturnType<typeof draw>;
  try {
    result = draw(scenario, tasksInput!.value as never, { locale, previous, ...(cmd.seed !== undefined ? { seed: cmd.seed } : {}), allowUnknownFields: cmd.allowUnknownFields === true });
  } catch (error) {
    if (!(error instanceof DrawError)) throw error;
    io.stderr(formatProblems(issuesToProblems(displayName(cmd.tasks), error.issues, locale), locale, palette));
    return EXIT.badInput;
  }
  io.stderr(formatWarnings(displayName(cmd.tasks), result.warnings, locale, palette));

  const raw = scenarioInput!.ok ? (scenarioInput!.value as { requests?: unknown[] }) : {};
  const output = cmd.append ? { ...raw, requests: [...(Array.isArray(raw.requests) ? raw.requests : []), ...result.requests] } : result.requests;
  const written: Problem[] = [];
  if (cmd.audit !== undefined) {
    const p = await writeOutput(io, cmd.audit, json(result.audit), locale);
    if (p) written.push(p);
  }
  if (cmd.out !== undefined) {
    const p = await writeOutput(io, cmd.out, json(output), locale);
    if (p) written.push(p);
  } else io.stdout(json(output));
  if (written.length > 0) {
    io.stderr(formatProblems(written, locale, palette));
    return EXIT.badInput;
  }
  if (io.isTTY) io.stderr(summary(result.audit, result.requests.length, locale));
  return EXIT.ok;
}

/** One line per task: how many drawn, per stratum n/N; then the number of requests. */
function summary(audit: EnterpriseDrawAudit, requests: number, locale: string): string {
  const zh = locale === 'zh-CN';
  const lines = audit.tasks.map((t) => {
    const strata = t.strata.map((s) => `${s.stratum} ${s.sampleSize}/${s.size}`).join(zh ? '，' : ', ');
    return zh ? `任务 ${t.taskId}（${t.departmentName}）：抽中 ${t.drawn.length} 家企业（${strata}）` : `task ${t.taskId} (${t.departmentName}): ${t.drawn.length} enterprise(s) drawn (${strata})`;
  });
  lines.push(zh ? `共 ${requests} 项检查需求（种子 ${audit.seed}）` : `${requests} request(s) in all (seed ${audit.seed})`);
  return lines.join('\n') + '\n';
}

export async function runVerifyDraw(cmd: VerifyDrawCommand, io: CliIo): Promise<number> {
  const { locale } = cmd;
  const palette = paletteFor(io.isTTY, io.env);
  const input = await readJsonInput(io, cmd.audit, locale);
  const { verifyDraw, DrawError } = await import('../../draw/verify.js');
  if (!input.ok) {
    io.stderr(formatProblems(input.problems, locale, palette));
    return EXIT.badInput;
  }
  let result: ReturnType<typeof verifyDraw>;
  try {
    result = verifyDraw(input.value, { locale });
  } catch (error) {
    if (!(error instanceof DrawError)) throw error;
    io.stderr(formatProblems(issuesToProblems(displayName(cmd.audit), error.issues, locale), locale, palette));
    return EXIT.badInput;
  }
  if (cmd.json) io.stdout(json(result));
  else {
    const out = paletteFor(io.stdoutIsTTY ?? false, io.env);
    const zh = locale === 'zh-CN';
    const lines = result.mismatches.map((m) => `${out.error(m.code)}  ${m.path}: ${m.message}`);
    const tasks = Object.keys(result.drawn).length;
    if (result.valid) lines.push(out.success(zh ? `抽查记录核验通过：${tasks} 个任务，全部随机数与抽取结果一致` : `The draw record verifies: ${tasks} task(s), every random number and selection as recorded`));
    else lines.push(out.error(zh ? `抽查记录核验不符：${result.mismatches.length} 处` : `The draw record does not verify: ${result.mismatches.length} mismatch(es)`));
    io.stdout(lines.join('\n') + '\n');
  }
  return result.valid ? EXIT.ok : EXIT.violations;
}
