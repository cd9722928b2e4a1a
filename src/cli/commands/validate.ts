/**
 * `joint-inspection validate SCENARIO.json PLAN.json [--department ID]… [--context PLAN.json]
 * [--strict] [--json] [--locale …]`
 *
 * Every file is read and checked before anything is validated, so one run lists every input
 * problem at once (exit 2): unreadable files, invalid JSON, a scenario that breaks the
 * contract, a plan whose shape cannot be read, an unknown department in `--department`. A plan
 * that names ids its scenario lacks is judged like any other: those ids are `references`
 * violations among the rest (exit 1). Warnings (bookkeeping) exit 0 unless `--strict`.
 */
import { scenarioFrom } from '../inputs.js';
import { planInputSchema } from '../../model/plan.js';
import type { Scenario } from '../../model/scenario.js';
import { unknownFields } from '../../model/unknown-fields.js';
import { formatMessage, type Locale, type MessageTable } from '../../report/format.js';
import type { PlanToValidate, ValidationFinding, ValidationResult } from '../../validate/index.js';
import type { Command } from '../args.js';
import { paletteFor, type Palette } from '../colour.js';
import { EXIT } from '../exit.js';
import { formatProblems, formatViolation, formatViolations, formatWarnings, issuesToProblems } from '../format.js';
import { displayName, readJsonInput, type CliIo, type Problem } from '../io.js';

type ValidateCommand = Extract<Command, { kind: 'validate' }>;

/** The words of this command's summary lines (the rest comes from the CLI's and the rules' tables). */
const messages: Record<Locale, MessageTable> = {
  en: {
    warning: 'warning:',
    warning_count_one: '1 warning',
    warning_count_other: '{count} warnings',
    violations_and_warnings: '{violations}, {warnings}.',
    no_violations_but: 'No violations: the plan obeys every hard rule; {warnings} (bookkeeping).',
    strict: 'With --strict, warnings count as failures.',
    scope: "Checked the part of {departments} only: the other departments' occurrences need not be in the plan.",
    scope_context: "Checked the part of {departments} only; {count} visit(s) of the other departments in {file} counted toward caps, one visit a day and officers' days.",
    unknown_department: 'unknown department "{id}"',
  },
  'zh-CN': {
    warning: '警告：',
    warning_count_one: '1 条警告',
    warning_count_other: '{count} 条警告',
    violations_and_warnings: '{violations}，另有 {warnings}。',
    no_violations_but: '没有违规：计划符合全部硬性规则；另有 {warnings}（记录性问题）。',
    strict: '使用 --strict 时，警告也视为不通过。',
    scope: '仅审查{departments}的部分：不要求其他部门的检查任务出现在本计划中。',
    scope_context: '仅审查{departments}的部分；{file} 中其他部门的 {count} 个检查组已计入频次上限、每日进门次数和执法人员当日安排。',
    unknown_department: '不存在的部门“{id}”',
  },
};
const t = (locale: Locale, code: string, details: Record<string, unknown> = {}) => formatMessage(messages, locale, code, details);

export async function runValidate(cmd: ValidateCommand, io: CliIo): Promise<number> {
  const { locale } = cmd;
  const errPalette = paletteFor(io.isTTY, io.env);
  const outPalette = paletteFor(io.stdoutIsTTY ?? false, io.env);
  const files = { scenario: displayName(cmd.scenario), plan: displayName(cmd.plan), context: cmd.context !== undefined ? displayName(cmd.context) : undefined };
  const [scenarioInput, planInput, contextInput] = await Promise.all([
    readJsonInput(io, cmd.scenario, locale),
    readJsonInput(io, cmd.plan, locale),
    cmd.context !== undefined ? readJsonInput(io, cmd.context, locale) : undefined,
  ]);
  // Loaded on demand, like the planner: `help` and `plan` do not need it.
  const { validatePlan } = await import('../../validate/index.js');
  const { readPlan } = await import('../../validate/plan-input.js');

  const problems: Problem[] = [];
  const scenario = scenarioFrom(scenarioInput, files.scenario, cmd.allowUnknownFields, { io, locale, palette: errPalette, problems });
  // Only the shape of a plan can make it unreadable; its ids are the validator's to judge.
  const readable = (input: typeof planInput, file: string): boolean => {
    if (!input.ok) {
      problems.push(...input.problems);
      return false;
    }
    const read = readPlan(input.value, locale);
    const unknown = unknownFields(planInputSchema, input.value, locale, true).warnings;
    // A misspelt field is an error unless --allow-unknown-fields, as in a scenario.
    const misspelt = cmd.allowUnknownFields === true ? [] : unknown.filter((u) => u.code === 'misspelt_field');
    if ('issues' in read || misspelt.length > 0) {
      problems.push(...issuesToProblems(file, [...('issues' in read ? read.issues : []), ...misspelt], locale));
      return false;
    }
    io.stderr(formatWarnings(file, unknown, locale, errPalette));
    return true;
  };
  const planOk = readable(planInput, files.plan);
  const contextOk = contextInput === undefined || readable(contextInput, files.context as string);
  if (scenario && cmd.departmentIds) {
    const known = new Set(scenario.departments.map((d) => d.id));
    for (const id of cmd.departmentIds) if (!known.has(id)) problems.push({ file: '--department', code: 'unknown_reference', message: t(locale, 'unknown_department', { id }) });
  }
  if (problems.length > 0 || !scenario || !planOk || !contextOk || !planInput.ok) {
    if (cmd.json) io.stdout(JSON.stringify({ problems }, null, 2) + '\n');
    io.stderr(formatProblems(problems, locale, errPalette));
    return EXIT.badInput;
  }

  const result = validatePlan(scenario, planInput.value as PlanToValidate, {
    locale,
    ...(cmd.departmentIds ? { departmentIds: cmd.departmentIds } : {}),
    ...(contextInput?.ok ? { context: contextInput.value as PlanToValidate } : {}),
  });
  if (cmd.json) io.stdout(JSON.stringify(result, null, 2) + '\n');
  else io.stdout(formatResult(result, scenario, files.context, locale, cmd.strict, outPalette));
  if (!result.valid) return EXIT.violations;
  return cmd.strict && result.warnings.length > 0 ? EXIT.violations : EXIT.ok;
}

/** The scope (when given), the violations, the warnings, then the counts. */
function formatResult(result: ValidationResult, scenario: Scenario, contextFile: string | undefined, locale: Locale, strict: boolean, palette: Palette): string {
  let out = '';
  if (result.scope) {
    const names = new Map(scenario.departments.map((d) => [d.id, d.name]));
    const sep = locale === 'zh-CN' ? '、' : ', ';
    const departments = result.scope.departmentIds.map((id) => (locale === 'zh-CN' ? `${names.get(id) ?? id}（${id}）` : `${names.get(id) ?? id} (${id})`)).join(sep);
    out += (result.scope.contextVisits !== undefined ? t(locale, 'scope_context', { departments, count: result.scope.contextVisits, file: contextFile }) : t(locale, 'scope', { departments })) + '\n';
  }
  const { violations, warnings } = result;
  if (warnings.length === 0) return out + formatViolations(violations, locale, palette);
  const warningLine = (w: ValidationFinding) => `${palette.warning(t(locale, 'warning'))} ${formatViolation(w, locale)}\n`;
  out += violations.map((v) => formatViolation(v, locale, palette) + '\n').join('') + warnings.map(warningLine).join('');
  const counted = warnings.length === 1 ? t(locale, 'warning_count_one') : t(locale, 'warning_count_other', { count: warnings.length });
  if (violations.length === 0) {
    out += palette.warning(t(locale, 'no_violations_but', { warnings: counted })) + '\n';
  } else {
    // The CLI's own count of violations ("3 violations."), without its full stop, then the warnings.
    const line = formatViolations(violations, locale).trimEnd().split('\n').at(-1) ?? '';
    out += palette.error(t(locale, 'violations_and_warnings', { violations: line.replace(/[.。]$/, ''), warnings: counted })) + '\n';
  }
  if (strict) out += t(locale, 'strict') + '\n';
  return out;
}
