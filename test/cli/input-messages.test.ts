/**
 * Input problems as a zh-CN CLI user reads them: Chinese quotation marks like the validator's,
 * the whole document named in Chinese, departments and items by name (ids beside them).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/run.js';
import { safeParseScenario } from '../../src/index.js';
import { makeScenario } from '../support/builders.js';

async function cli(argv: string[]) {
  let stderr = '';
  const io: CliIo = { stdout: () => undefined, stderr: (t) => void (stderr += t), readFile: (p) => readFile(p, 'utf8'), writeFile: () => Promise.resolve(), isTTY: false };
  const code = await runCli(argv, io);
  return { code, stderr };
}

let dir: string;
const put = async (name: string, value: unknown) => {
  const path = join(dir, name);
  await writeFile(path, typeof value === 'string' ? value : JSON.stringify(value), 'utf8');
  return path;
};
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'joint-inspection-input-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('input problems in zh-CN', () => {
  it('quote values with “…”, never plain "…"', async () => {
    const s = makeScenario() as unknown as { horizon: { from: string }; requests: Array<{ itemIds: string[] }> };
    s.horizon.from = '2026-02-30';
    s.requests[0]!.itemIds = ['NOPE'];
    const r = await cli(['plan', await put('bad.json', s)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('horizon.from: 不是有效的日历日期 YYYY-MM-DD：“2026-02-30”');
    expect(r.stderr).toContain('requests[0].itemIds[0]: 引用了不存在的检查事项“NOPE”');
    const problems = r.stderr.split('\n').filter((l) => l.includes('bad.json'));
    expect(problems.length).toBeGreaterThanOrEqual(2);
    for (const line of problems) expect(line.slice(line.indexOf('bad.json') + 'bad.json'.length)).not.toContain('"');
  });

  it('name the whole document in Chinese ((document) in English)', async () => {
    const path = await put('array.json', '[]');
    expect((await cli(['plan', path])).stderr).toContain(`${path}: （整个文档）: `);
    expect((await cli(['plan', path, '--locale', 'en'])).stderr).toContain(`${path}: (document): `);
  });

  it('an item of another department names the item and both departments, with their ids', async () => {
    const s = makeScenario() as unknown as { requests: Array<{ itemIds: string[] }> };
    s.requests[0]!.itemIds = ['SAMR-1', 'TAX-1'];
    const path = await put('mismatch.json', s);
    const zh = await cli(['plan', path]);
    expect(zh.stderr).toContain('requests[0].itemIds[1]: 检查事项“发票检查”（TAX-1）属于税务局（TAX），而非市场监管局（SAMR）');
    const en = await cli(['plan', path, '--locale', 'en']);
    expect(en.stderr).toContain('requests[0].itemIds[1]: item "发票检查" (TAX-1) belongs to 税务局 (TAX), not to 市场监管局 (SAMR)');
    // The details keep the ids for a program.
    const parsed = safeParseScenario(s);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.issues.find((i) => i.code === 'item_department_mismatch')?.details).toMatchObject({ id: 'TAX-1', itemDepartment: 'TAX', department: 'SAMR' });
  });
});

describe('explain in zh-CN', () => {
  it('puts a space between the occurrence id and the Chinese that follows (检查任务 R1 安排在)', async () => {
    const plan = {
      version: 1,
      visits: [{ id: 'V1', enterpriseId: 'E1', date: '2026-03-02', start: '09:00', end: '10:30', departmentIds: ['SAMR', 'TAX'], leadDepartmentId: 'TAX', occurrenceIds: ['R1', 'R2'], inspectorIds: ['I1', 'I2', 'I3', 'I4'] }],
      offsite: [],
      unscheduled: [],
    };
    let stdout = '';
    const io: CliIo = { stdout: (t) => void (stdout += t), stderr: () => undefined, readFile: (p) => readFile(p, 'utf8'), writeFile: () => Promise.resolve(), isTTY: false };
    const code = await runCli(['explain', await put('s.json', makeScenario()), await put('p.json', plan), 'R1'], io);
    expect(code).toBe(0);
    expect(stdout).toContain('检查任务 R1 安排在 2026-03-02');
  });
});
