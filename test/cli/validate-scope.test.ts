/**
 * `validate` on plans from elsewhere: without meta or metrics, with unknown ids, with warnings
 * (`--strict`), and a department's partial plan (`--department`, `--context`). Run in-process
 * through `runCli` with real temporary files.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/run.js';
import { makeRequest, makeScenario } from '../support/builders.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (p) => readFile(p, 'utf8'),
    writeFile: (p, t) => writeFile(p, t, 'utf8'),
    isTTY: false,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

let dir: string;
let scenarioPath: string;
const put = async (name: string, content: unknown) => {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(content, null, 2), 'utf8');
  return path;
};

/** SAMR: R1 at E1; TAX: R2 at E1. A cap of one counted inspection of E1 a month. */
const scenario = () =>
  makeScenario({
    requests: [makeRequest(), makeRequest({ id: 'R2', departmentId: 'TAX', itemIds: ['TAX-1'], window: { from: '2026-03-02', to: '2026-03-13' } })],
    caps: [{ id: 'C1', per: 'enterprise', period: 'month', max: 1 }],
  });

const visit = (o: Record<string, unknown> = {}) => ({
  id: 'S1',
  enterpriseId: 'E1',
  date: '2026-03-02',
  start: '09:00',
  end: '10:00',
  departmentIds: ['SAMR'],
  leadDepartmentId: 'SAMR',
  occurrenceIds: ['R1'],
  inspectorIds: ['I1', 'I2'],
  ...o,
});
const taxVisit = (o: Record<string, unknown> = {}) =>
  visit({ id: 'T1', date: '2026-03-10', end: '10:30', departmentIds: ['TAX'], leadDepartmentId: 'TAX', occurrenceIds: ['R2'], inspectorIds: ['I3', 'I4'], ...o });
/** SAMR's own plan from another system: no meta, no metrics, no unscheduled list. */
const samrPlan = (o: Record<string, unknown> = {}) => ({ version: 1, visits: [visit(o)] });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'joint-inspection-validate-'));
  scenarioPath = await put('scenario.json', scenario());
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('validate: plans from other systems', () => {
  it('accepts a whole plan without meta or metrics (exit 0), and one that breaks a rule exits 1', async () => {
    const whole = { version: 1, visits: [visit(), taxVisit({ date: '2026-04-01' })] };
    const ok = await cli(['validate', scenarioPath, await put('whole.json', whole), '--locale', 'en']);
    expect(ok.stderr).toBe('');
    // R2's window ends on 03-13: the April visit is outside it.
    expect(ok.code).toBe(1);
    expect(ok.stdout).toMatch(/^occurrence-window +visit T1, /m);
    const fixed = { version: 1, visits: [visit()], unscheduled: [{ occurrenceId: 'R2', reasons: [{ code: 'CAP_REACHED' }] }] };
    const r = await cli(['validate', scenarioPath, await put('fixed.json', fixed), '--locale', 'en']);
    expect(r.stdout).toBe('No violations: the plan obeys every hard rule.\n');
    expect(r.code).toBe(0);
  });

  it('judges a plan naming an unknown officer: exit 1 with the reference among the findings, not exit 2', async () => {
    const plan = { ...samrPlan({ inspectorIds: ['I1', 'X9'] }), unscheduled: [{ occurrenceId: 'R2', reasons: [{ code: 'CAP_REACHED' }] }] };
    const r = await cli(['validate', scenarioPath, await put('stranger.json', plan), '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^team +visit S1: /m);
    expect(r.stdout).toMatch(/^references +visit S1, officer X9: visits\[0\]\.inspectorIds\[1\] refers to unknown officer "X9"$/m);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('2 violations.');
  });

  it('exits 2 for a plan whose shape cannot be read, naming the path', async () => {
    const r = await cli(['validate', scenarioPath, await put('shapeless.json', { version: 1, visits: [{ id: 'S1' }] }), '--locale', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('shapeless.json: visits[0].enterpriseId: is required');
    expect(r.stdout).toBe('');
  });
});

describe('validate: warnings and --strict', () => {
  const stale = async () => put('stale.json', { ...samrPlan(), unscheduled: [{ occurrenceId: 'R2' }], metrics: { visits: 1, personVisits: 3 } });

  it('lists warnings after the violations with counts, and exits 0 on warnings alone', async () => {
    const r = await cli(['validate', scenarioPath, await stale(), '--locale', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'warning: occurrence-accounting  occurrence R2: Unscheduled occurrence R2 gives no reason',
        'warning: metrics  metrics.personVisits is 3, but the plan has 2',
        'No violations: the plan obeys every hard rule; 2 warnings (bookkeeping).',
        '',
      ].join('\n'),
    );
  });

  it('--strict makes warnings fail (exit 1); without warnings it still exits 0', async () => {
    const r = await cli(['validate', scenarioPath, await stale(), '--strict', '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('With --strict, warnings count as failures.');
    const clean = await put('clean.json', { ...samrPlan(), unscheduled: [{ occurrenceId: 'R2', reasons: [{ code: 'CAP_REACHED' }] }] });
    expect((await cli(['validate', scenarioPath, clean, '--strict'])).code).toBe(0);
  });

  it('counts violations and warnings together, in Chinese by default', async () => {
    const plan = await put('both.json', { ...samrPlan({ date: '2026-03-07' }), unscheduled: [{ occurrenceId: 'R2' }] });
    const r = await cli(['validate', scenarioPath, plan]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^警告： occurrence-accounting /m);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('共 2 处违规，另有 1 条警告。');
  });

  it('--json has valid, violations, warnings and metrics', async () => {
    const r = await cli(['validate', scenarioPath, await stale(), '--json']);
    const body = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['valid', 'violations', 'warnings', 'metrics']);
    expect(body.valid).toBe(true);
    expect((body.warnings as { ruleId: string; severity: string }[]).map((w) => [w.ruleId, w.severity])).toEqual([
      ['occurrence-accounting', 'warning'],
      ['metrics', 'warning'],
    ]);
    expect(body.metrics).toMatchObject({ visits: 1, personVisits: 2, unscheduled: 1 });
  });
});

describe("validate --department: a department's partial plan", () => {
  it("does not demand the other departments' occurrences (exit 0), which the whole-plan check does (exit 1)", async () => {
    const plan = await put('samr.json', samrPlan());
    const scoped = await cli(['validate', scenarioPath, plan, '--department', 'SAMR', '--locale', 'en']);
    expect(scoped.code).toBe(0);
    expect(scoped.stdout).toBe("Checked the part of 市场监管局 (SAMR) only: the other departments' occurrences need not be in the plan.\nNo violations: the plan obeys every hard rule.\n");
    const whole = await cli(['validate', scenarioPath, plan, '--locale', 'en']);
    expect(whole.code).toBe(1);
    expect(whole.stdout).toMatch(/^occurrence-accounting +occurrence R2: /m);
  });

  it('takes several departments, repeated or comma-separated; their occurrences are demanded', async () => {
    const plan = await put('samr2.json', samrPlan());
    for (const flags of [['--department', 'SAMR', '--department', 'TAX'], ['--department', 'SAMR,TAX']]) {
      const r = await cli(['validate', scenarioPath, plan, ...flags, '--json']);
      expect(r.code).toBe(1);
      const body = JSON.parse(r.stdout) as { scope: unknown; violations: { occurrenceId?: string }[] };
      expect(body.scope).toEqual({ departmentIds: ['SAMR', 'TAX'] });
      expect(body.violations.map((v) => v.occurrenceId)).toEqual(['R2']);
    }
  });

  it('exits 2 for an unknown department', async () => {
    const r = await cli(['validate', scenarioPath, await put('samr3.json', samrPlan()), '--department', 'FIRE', '--locale', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--department: unknown department "FIRE"');
    const zh = await cli(['validate', scenarioPath, await put('samr3.json', samrPlan()), '--department', 'FIRE']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('--department: 不存在的部门“FIRE”');
  });

  it('--context counts the rest of the joint plan toward the caps (exit 1), which alone it does not (exit 0)', async () => {
    const plan = await put('samr4.json', samrPlan());
    // The joint plan: SAMR's old visit (replaced by the new S1) and TAX's visit on 03-10, in the same month.
    const joint = await put('joint.json', { version: 1, visits: [visit({ date: '2026-03-03' }), taxVisit()] });
    const r = await cli(['validate', scenarioPath, plan, '--department', 'SAMR', '--context', joint, '--locale', 'en']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toContain('1 visit(s) of the other departments in');
    expect(lines[1]).toMatch(/^cap +visit S1: Cap C1: enterprise 某某餐饮有限公司 has 2 counted inspections from 2026-03-01 to 2026-03-31, more than the limit of 1/);
    const april = await put('joint-april.json', { version: 1, visits: [taxVisit({ date: '2026-04-01' })] });
    expect((await cli(['validate', scenarioPath, plan, '--department', 'SAMR', '--context', april])).code).toBe(0);
  });

  it('--context needs --department (a usage error, exit 2)', async () => {
    const plan = await put('samr5.json', samrPlan());
    const r = await cli(['validate', scenarioPath, plan, '--context', plan, '--locale', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--context needs --department');
  });
});
