/**
 * `joint-inspection explain` run in-process through `runCli` with real temporary files: the
 * text and JSON explanations, and bad input (exit 2, every problem listed).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/run.js';
import { parseScenario, planSync, type Explanation } from '../../src/index.js';
import { makeDepartment, makeInspector, makeItem, makeRequest, makeScenario } from '../support/builders.js';

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

// R1 needs a fire-systems qualification nobody has; R2 (TAX) is planned.
const input = makeScenario({
  items: [makeItem({ qualifications: ['fire-systems'] }), makeItem({ id: 'TAX-1', departmentId: 'TAX', name: '发票检查', durationMinutes: 90 })],
  departments: [makeDepartment(), makeDepartment({ id: 'TAX', name: '税务局' })],
  inspectors: [makeInspector(), makeInspector({ id: 'I2', name: '李娜' }), makeInspector({ id: 'I3', name: '王芳', departmentId: 'TAX' }), makeInspector({ id: 'I4', name: '刘洋', departmentId: 'TAX' })],
  requests: [makeRequest(), makeRequest({ id: 'R2', departmentId: 'TAX', itemIds: ['TAX-1'] })],
});
let scenarioFile: string;
let planFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ji-explain-'));
  scenarioFile = await put('scenario.json', input);
  planFile = await put('plan.json', planSync(parseScenario(input)));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('joint-inspection explain', () => {
  it('an unscheduled occurrence: the summary, each day, the relaxations, in Chinese; exit 0', async () => {
    const r = await cli(['explain', scenarioFile, planFile, 'R1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^检查任务 R1 未能安排/);
    expect(r.stdout).toMatch(/✗ 2026-03-02 {2}市场监管局当日有空的执法人员中，没有一组具备资质 fire-systems/);
    expect(r.stdout).toMatch(/1\. .*增加 1 名具备 fire-systems 资质的市场监管局执法人员/);
  });

  it('a scheduled occurrence in English: the chosen day and the team', async () => {
    const r = await cli(['explain', scenarioFile, planFile, 'R2', '--locale', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Occurrence R2 is in visit V\d+ on 2026-03-0\d/);
    expect(r.stdout).toMatch(/● 2026-03-0\d {2}chosen: visit V\d+/);
    expect(r.stdout).toMatch(/Team:\n {2}- 王芳: officer of 税务局/);
  });

  it('--json prints the Explanation', async () => {
    const r = await cli(['explain', scenarioFile, planFile, 'R1', '--json', '--max-relaxations', '1']);
    expect(r.code).toBe(0);
    const e = JSON.parse(r.stdout) as Explanation;
    expect(e.status).toBe('unscheduled');
    if (e.status === 'unscheduled') {
      expect(e.relaxations).toHaveLength(1);
      expect(e.relaxations[0]?.verified).toBe(true);
    }
  });

  it('bad input: an unknown occurrence and an unreadable plan are both listed, exit 2', async () => {
    const bad = await put('bad-plan.json', '{ "version": 1, ');
    const r = await cli(['explain', scenarioFile, bad, 'R99']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('R99');
    expect(r.stderr).toContain('bad-plan.json');
    expect(r.stdout).toBe('');
  });

  it('usage: a missing occurrence id is a usage error; --help shows the examples', async () => {
    const r = await cli(['explain', scenarioFile, planFile]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/explain：缺少 OCCURRENCE_ID/);
    const h = await cli(['explain', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('joint-inspection explain scenario.json plan.json R4');
  });
});
