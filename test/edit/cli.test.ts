/**
 * `joint-inspection edit` run in-process through `runCli`, with real temporary files: the
 * edited plan, the patches that undo it, violations printed like `validate`, and the exit
 * codes (0 lawful, 1 violations, 2 bad input — every problem with its path in EDIT.json).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/run.js';
import { applyPlanPatches, type Plan } from '../../src/index.js';
import { makeScenario } from '../support/builders.js';
import { jointVisit, makePlan, scenarioOf } from '../support/plans.js';

let dir: string;
const file = (name: string) => join(dir, name);
const put = async (name: string, content: unknown) => {
  await writeFile(file(name), typeof content === 'string' ? content : JSON.stringify(content), 'utf8');
  return file(name);
};

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readFile: (p) => readFile(p, 'utf8'), writeFile: (p, t) => writeFile(p, t, 'utf8'), isTTY: false };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

const plan = makePlan(scenarioOf(), [jointVisit]);
let scenarioFile: string;
let planFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ji-edit-'));
  scenarioFile = await put('scenario.json', makeScenario());
  planFile = await put('plan.json', plan);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('joint-inspection edit', () => {
  it('a lawful edit: the edited plan on standard output, "no violations" on standard error, exit 0', async () => {
    const edit = await put('move.json', { kind: 'move-visit', visitId: 'V1', date: '2026-03-04' });
    const r = await cli(['edit', scenarioFile, planFile, edit]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Plan).visits[0]?.date).toBe('2026-03-04');
    expect(r.stderr).toBe('没有违规：计划符合全部硬性规则。\n');
  });

  it('an edit that breaks rules: written to --out, the violations on standard output, the patches undo it, exit 1', async () => {
    const edit = await put('saturday.json', { kind: 'move-visit', visitId: 'V1', date: '2026-03-07' });
    const r = await cli(['edit', scenarioFile, planFile, edit, '--out', file('edited.json'), '--patches', file('patches.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^visit-day {2}\S+ V1: 检查组 V1 .*2026-03-07/m);
    expect(r.stdout).toMatch(/occurrence-window/);
    const edited = JSON.parse(await readFile(file('edited.json'), 'utf8')) as Plan;
    expect(edited.visits[0]?.date).toBe('2026-03-07');
    const { patches, inversePatches } = JSON.parse(await readFile(file('patches.json'), 'utf8'));
    expect(JSON.stringify(applyPlanPatches(edited, inversePatches))).toBe(JSON.stringify(plan));
    expect(JSON.stringify(applyPlanPatches(plan as unknown as Plan, patches))).toBe(JSON.stringify(edited));
  });

  it('a list of edits, applied in order; --json gives the findings as data', async () => {
    const edits = await put('list.json', [
      { kind: 'remove-officer', visitId: 'V1', inspectorId: 'I1' },
      { kind: 'unschedule', occurrenceId: 'R2', note: 'closed' },
    ]);
    const r = await cli(['edit', scenarioFile, planFile, edits, '--out', file('listed.json'), '--json', '--locale', 'en']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { valid: boolean; violations: { ruleId: string; message: string }[] };
    expect(report.valid).toBe(false);
    expect(report.violations.map((v) => v.ruleId)).toEqual(['team']);
    expect(report.violations[0]?.message).toContain('市场监管局'); // names are names, in either locale
    const edited = JSON.parse(await readFile(file('listed.json'), 'utf8')) as Plan;
    expect(edited.visits[0]).toMatchObject({ occurrenceIds: ['R1'], inspectorIds: ['I2'] });
    expect(edited.unscheduled[0]?.reasons[0]?.message).toBe('taken out of the plan by hand (it was in visit V1 on 2026-03-02): closed');
  });

  it('an edit that cannot be applied: every problem with its path in EDIT.json, nothing written, exit 2', async () => {
    const edit = await put('bad.json', { kind: 'add-officer', visitId: 'V9', inspectorId: 'I99' });
    const r = await cli(['edit', scenarioFile, planFile, edit, '--out', file('never.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${edit}: visitId: 计划中没有检查组 V9`);
    expect(r.stderr).toContain(`${edit}: inspectorId: 场景中没有执法人员 I99`);
    await expect(readFile(file('never.json'), 'utf8')).rejects.toThrow();
    const list = await put('bad-list.json', [{ kind: 'unschedule', occurrenceId: 'R1' }, { kind: 'move-visit', visitId: 'V1', date: 'soon' }]);
    expect((await cli(['edit', scenarioFile, planFile, list])).stderr).toContain(`${list}: [1].date:`);
  });

  it('bad files and usage: exit 2, never a stack trace', async () => {
    const broken = await put('broken.json', '{ "kind": ');
    const r = await cli(['edit', scenarioFile, file('missing.json'), broken]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing.json');
    expect(r.stderr).toContain('broken.json:');
    expect(r.stderr).not.toMatch(/at .*\(/);
    expect((await cli(['edit', scenarioFile, planFile])).code).toBe(2);
    expect((await cli(['edit', scenarioFile, planFile, broken, '--json', '--locale', 'en'])).stderr).toContain('--json needs --out');
    const help = await cli(['edit', '--help']);
    expect([help.code, help.stdout]).toEqual([0, expect.stringContaining('edit SCENARIO.json PLAN.json EDIT.json')]);
  });
});
