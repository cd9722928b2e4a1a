/**
 * `joint-inspection validate SCENARIO.json PLAN.json [--json] [--locale …]`
 * Both files are read and checked before anything is validated, so one run lists every input
 * problem of both; a plan that names ids its scenario lacks is bad input (exit 2), not a
 * violation.
 */
import { safeParsePlan, safeParseScenario } from '../../model/parse.js';
import type { Command } from '../args.js';
import { EXIT } from '../exit.js';
import { formatProblems, formatViolations, formatWarnings, issuesToProblems } from '../format.js';
import { displayName, readJsonInput, type CliIo, type Problem } from '../io.js';

type ValidateCommand = Extract<Command, { kind: 'validate' }>;

export async function runValidate(cmd: ValidateCommand, io: CliIo): Promise<number> {
  const { locale } = cmd;
  const scenarioFile = displayName(cmd.scenario);
  const planFile = displayName(cmd.plan);
  const [scenarioInput, planInput] = await Promise.all([readJsonInput(io, cmd.scenario, locale), readJsonInput(io, cmd.plan, locale)]);

  const problems: Problem[] = [];
  let scenario;
  if (!scenarioInput.ok) problems.push(...scenarioInput.problems);
  else {
    const parsed = safeParseScenario(scenarioInput.value, { locale });
    if (parsed.success) {
      scenario = parsed.data;
      io.stderr(formatWarnings(scenarioFile, parsed.warnings));
    } else problems.push(...issuesToProblems(scenarioFile, parsed.issues));
  }
  let plan;
  if (!planInput.ok) problems.push(...planInput.problems);
  else {
    // Without a valid scenario only the plan's shape can be checked, not its references.
    const parsed = safeParsePlan(planInput.value, { locale, ...(scenario ? { scenario } : {}) });
    if (parsed.success) {
      plan = parsed.data;
      io.stderr(formatWarnings(planFile, parsed.warnings));
    } else problems.push(...issuesToProblems(planFile, parsed.issues));
  }
  if (problems.length > 0 || !scenario || !plan) {
    if (cmd.json) io.stdout(JSON.stringify({ problems }, null, 2) + '\n');
    io.stderr(formatProblems(problems, locale));
    return EXIT.badInput;
  }

  // Loaded on demand, like the planner: `help` and `plan` do not need it.
  const { validatePlan } = await import('../../validate/index.js');
  const result = validatePlan(scenario, plan, { locale });
  if (cmd.json) io.stdout(JSON.stringify({ valid: result.valid, violations: result.violations }, null, 2) + '\n');
  else io.stdout(formatViolations(result.violations, locale));
  return result.valid && result.violations.length === 0 ? EXIT.ok : EXIT.violations;
}
