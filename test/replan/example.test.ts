/**
 * replan on a small scenario a person can follow (the worked example of docs/replan.md), and
 * through the command line: an officer falls ill on the visit's day and a colleague takes his
 * place; an enterprise becomes unavailable and its visit moves; a request is withdrawn.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/run.js';
import { parseScenario, planSync, replanSync, validatePlan, type ScenarioInput } from '../../src/index.js';
import { makeInspector, makeScenario } from '../support/builders.js';

const input = (): ScenarioInput =>
  makeScenario({
    inspectors: [
      makeInspector(),
      makeInspector({ id: 'I2', name: '李娜' }),
      makeInspector({ id: 'I5', name: '陈静' }),
      makeInspector({ id: 'I3', name: '王芳', departmentId: 'TAX' }),
      makeInspector({ id: 'I4', name: '刘洋', departmentId: 'TAX' }),
    ],
  });

describe('replan, worked example', () => {
  const previous = planSync(parseScenario(input()), { seed: 1 });
  const visit = previous.visits[0] as (typeof previous.visits)[number];
  const samr = visit.inspectorIds.find((i) => ['I1', 'I2', 'I5'].includes(i)) as string;

  it('an ill officer is replaced by a colleague on the same day, and the summary names them', () => {
    expect(previous.visits).toHaveLength(1);
    const changed = input();
    const sick = changed.inspectors.find((i) => i.id === samr) as (typeof changed.inspectors)[number];
    sick.unavailable = [{ from: visit.date, to: visit.date }];
    const scenario = parseScenario(changed);
    const { plan, diff } = replanSync(scenario, previous, { locale: 'zh-CN' });
    expect(validatePlan(scenario, plan).violations).toEqual([]);
    const after = plan.visits[0] as (typeof plan.visits)[number];
    expect(after.id).toBe(visit.id);
    expect(after.date).toBe(visit.date);
    expect(after.inspectorIds).not.toContain(samr);
    expect(diff.visits).toHaveLength(1);
    const change = diff.visits[0];
    expect(change?.kind).toBe('officers-replaced');
    if (change?.kind !== 'officers-replaced') return;
    expect(change.removed).toEqual([samr]);
    expect(change.added).toHaveLength(1);
    expect(change.reasons).toEqual([{ code: 'OFFICER_UNAVAILABLE', inspectorId: samr, date: visit.date }]);
    const name = { I1: '张伟', I2: '李娜', I5: '陈静' } as Record<string, string>;
    expect(diff.summary).toContain(`${name[samr]} → ${name[change.added[0] as string]}`);
    expect(diff.summary).toContain('不在岗');
    const en = replanSync(scenario, previous, { locale: 'en' }).diff.summary;
    expect(en).toContain('is unavailable on');
  });

  it('an enterprise unavailable on the visit day moves the visit to the nearest day that works, and keeps its id', () => {
    const changed = input();
    (changed.enterprises[0] as { unavailable?: { from: string; to: string }[] }).unavailable = [{ from: visit.date, to: visit.date }];
    const scenario = parseScenario(changed);
    const { plan, diff } = replanSync(scenario, previous, { locale: 'en' });
    expect(validatePlan(scenario, plan).violations).toEqual([]);
    expect(plan.visits.map((v) => v.id)).toEqual([visit.id]);
    expect(plan.visits[0]?.date).not.toBe(visit.date);
    const moved = diff.visits.find((c) => c.kind === 'moved');
    expect(moved).toMatchObject({ kind: 'moved', visitId: visit.id, from: { date: visit.date }, reasons: [{ code: 'ENTERPRISE_UNAVAILABLE', enterpriseId: 'E1', date: visit.date }] });
  });

  it('a withdrawn request leaves the visit with the other one and says so', () => {
    const changed = input();
    changed.requests = changed.requests.filter((r) => r.id !== 'R2');
    const scenario = parseScenario(changed);
    const { plan, diff } = replanSync(scenario, previous, { locale: 'en' });
    expect(validatePlan(scenario, plan).violations).toEqual([]);
    expect(plan.visits[0]?.occurrenceIds).toEqual(['R1']);
    expect(diff.occurrences).toEqual([{ kind: 'dropped', occurrenceId: 'R2', previousVisitId: visit.id, reasons: [{ code: 'REQUEST_WITHDRAWN', occurrenceIds: ['R2'] }] }]);
  });
});

describe('joint-inspection replan', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ji-replan-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));
  const cli = async (argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readFile: (p) => readFile(p, 'utf8'), writeFile: (p, t) => writeFile(p, t, 'utf8'), isTTY: false };
    const code = await runCli(argv, io);
    return { code, stdout, stderr };
  };

  it('writes the plan and the diff, prints the summary on standard error (exit 0)', async () => {
    const previous = planSync(parseScenario(input()), { seed: 1 });
    const changed = input();
    (changed.enterprises[0] as { unavailable?: { from: string; to: string }[] }).unavailable = [{ from: previous.visits[0]?.date as string, to: previous.visits[0]?.date as string }];
    await writeFile(join(dir, 's.json'), JSON.stringify(changed));
    await writeFile(join(dir, 'p.json'), JSON.stringify(previous));
    const run = await cli(['replan', join(dir, 's.json'), join(dir, 'p.json'), '--out', join(dir, 'new.json'), '--diff', join(dir, 'diff.json'), '--locale', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Moved Visit');
    const plan = JSON.parse(await readFile(join(dir, 'new.json'), 'utf8'));
    expect(validatePlan(parseScenario(changed), plan).violations).toEqual([]);
    const diff = JSON.parse(await readFile(join(dir, 'diff.json'), 'utf8'));
    expect(diff.visits.some((c: { kind: string }) => c.kind === 'moved')).toBe(true);
  });

  it('bad flags and unreadable files are input errors (exit 2) with no stack', async () => {
    await writeFile(join(dir, 's.json'), JSON.stringify(input()));
    const bad = await cli(['replan', join(dir, 's.json'), join(dir, 's.json'), '--today', 'tomorrow']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--today');
    const missing = await cli(['replan', join(dir, 's.json'), join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    const notAPlan = await cli(['replan', join(dir, 's.json'), join(dir, 's.json')]);
    expect(notAPlan.code).toBe(2);
    for (const r of [bad, missing, notAPlan]) expect(r.stderr).not.toMatch(/at .*\(/);
    const help = await cli(['replan', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--freeze-until');
  });
});
