/**
 * `joint-inspection draw` and `verify-draw`, run in-process through `runCli` with real
 * temporary files: what is written where, exit codes (contract §5), every problem listed.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/run.js';
import { draw, parseScenario, verifyDraw, type EnterpriseDrawAudit } from '../../src/index.js';
import { drawScenarioInput, enterprises, makeTask } from './fixture.js';

let dir: string;
const file = (name: string) => join(dir, name);
const put = async (name: string, content: unknown) => {
  await writeFile(file(name), typeof content === 'string' ? content : JSON.stringify(content), 'utf8');
  return file(name);
};

async function cli(argv: string[], overrides: Partial<CliIo> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readFile: (p) => readFile(p, 'utf8'), writeFile: (p, t) => writeFile(p, t, 'utf8'), isTTY: false, ...overrides };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

const input = drawScenarioInput(enterprises({ D: 10, C: 20, B: 30 }));
const tasks = [makeTask({ id: 'SAMR', ratio: 0.2 }), makeTask({ id: 'FIRE', departmentId: 'FIRE', itemIds: ['fire'], ratio: 0.1, coordinateWith: ['SAMR'] })];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'joint-inspection-draw-'));
  await put('scenario.json', input);
  await put('tasks.json', tasks);
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('draw', () => {
  it('prints the requests the library draws for the seed, and writes the record; nothing on stderr off a terminal', async () => {
    const r = await cli(['draw', file('scenario.json'), file('tasks.json'), '--seed', '7', '--audit', file('audit.json')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const expected = draw(parseScenario(input), tasks, { seed: 7 });
    expect(JSON.parse(r.stdout)).toEqual(expected.requests);
    const audit = JSON.parse(await readFile(file('audit.json'), 'utf8')) as EnterpriseDrawAudit;
    expect(audit).toEqual(expected.audit);
    expect(verifyDraw(audit).valid).toBe(true);
  });

  it('--append --out: the scenario as given with the requests added, which plans', async () => {
    const r = await cli(['draw', file('scenario.json'), file('tasks.json'), '--seed', '7', '--append', '--out', file('drawn.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const written = JSON.parse(await readFile(file('drawn.json'), 'utf8')) as typeof input;
    const drawn = draw(parseScenario(input), tasks, { seed: 7 });
    expect(written).toEqual({ ...input, requests: drawn.requests });
    expect(parseScenario(written).requests.length).toBe(drawn.requests.length);
  });

  it('on a terminal, a line per task in Chinese on stderr', async () => {
    const r = await cli(['draw', file('scenario.json'), file('tasks.json'), '--seed', '7', '--out', file('req.json')], { isTTY: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^任务 SAMR（市场监管局）：抽中 \d+ 家企业（D \d+\/10，C \d+\/20，B \d+\/30）$/m);
    expect(r.stderr).toMatch(/共 \d+ 项检查需求（种子 7）/);
  });

  it('--previous: a task may avoid an earlier record\'s task', async () => {
    await cli(['draw', file('scenario.json'), file('tasks.json'), '--seed', '7', '--audit', file('old.json'), '--out', file('old-req.json')]);
    await put('tasks-2.json', [makeTask({ id: 'NEW', ratio: 0.2, avoid: ['SAMR'] })]);
    const r = await cli(['draw', file('scenario.json'), file('tasks-2.json'), '--seed', '7', '--previous', file('old.json')]);
    expect(r.code).toBe(0);
    const old = JSON.parse(await readFile(file('old.json'), 'utf8')) as EnterpriseDrawAudit;
    const before = new Set(old.tasks[0]?.drawn);
    const now = (JSON.parse(r.stdout) as { enterpriseId: string }[]).map((q) => q.enterpriseId);
    expect(now.length).toBeGreaterThan(0);
    expect(now.filter((e) => before.has(e))).toEqual([]);
  });

  it('bad input: every problem of every file, by path, exit 2, no stack trace', async () => {
    await put('bad-tasks.json', [{ ...makeTask(), coordinatWith: ['X'] }, makeTask({ id: 'T2', departmentId: 'NOPE' })]);
    const r = await cli(['draw', file('scenario.json'), file('bad-tasks.json')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file('bad-tasks.json')}: [0].coordinatWith: 不是 v1 合同中的字段，是否应为“coordinateWith”？`);
    expect(r.stderr).toContain(`${file('bad-tasks.json')}: [1].departmentId: 引用了不存在的部门“NOPE”`);
    expect(r.stderr).not.toMatch(/at .*\(/);
    await put('bad-scenario.json', { ...input, version: 2 });
    const both = await cli(['draw', file('bad-scenario.json'), file('missing.json'), '--previous', file('tasks.json')]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain(`${file('bad-scenario.json')}: version:`);
    expect(both.stderr).toContain(file('missing.json'));
    expect(both.stderr).toContain(`${file('tasks.json')}: `);
  });

  it('usage: missing files, stdin twice, an unknown flag with its closest', async () => {
    expect((await cli(['draw', file('scenario.json')])).stderr).toContain('draw：缺少 TASKS.json');
    expect((await cli(['draw', '-', '-'])).code).toBe(2);
    expect((await cli(['draw', 'a', 'b', '--sed', '1'])).stderr).toContain('未知选项 --sed，是否应为 --seed？');
    expect((await cli(['draw', '--help'])).stdout).toContain('draw SCENARIO.json TASKS.json [--seed N] [--out REQUESTS.json] [--audit AUDIT.json] [--append]');
  });
});

describe('verify-draw', () => {
  it('exit 0 and a line that says so for a record that verifies; 1 with the mismatches for a tampered one', async () => {
    const audit = draw(parseScenario(input), tasks, { seed: 7 }).audit;
    await put('good.json', audit);
    const ok = await cli(['verify-draw', file('good.json')]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('抽查记录核验通过：2 个任务，全部随机数与抽取结果一致\n');
    const forged = structuredClone(audit);
    forged.tasks[1]!.drawn.push('ED1', 'ED2');
    await put('forged.json', forged);
    const bad = await cli(['verify-draw', file('forged.json'), '--locale', 'en']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^drawn {2}tasks\[1\]\.drawn: task FIRE: the drawn enterprises are not the units the rules draw/m);
    const asJson = await cli(['verify-draw', file('forged.json'), '--json']);
    expect(asJson.code).toBe(1);
    expect(JSON.parse(asJson.stdout)).toEqual(verifyDraw(forged));
  });

  it('an unreadable record: exit 2 with the path', async () => {
    await put('not-a-record.json', { kind: 'enterprise-draw', seed: 'x' });
    const r = await cli(['verify-draw', file('not-a-record.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file('not-a-record.json')}: seed:`);
  });
});
