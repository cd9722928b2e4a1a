/** `joint-inspection recommend` through `runCli`: options printed with their edits, exit 0/1/2, JSON, a new request from a file. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { makePlan, scenarioOf } from '../support/plans.js';
import { makeInspector, makeRequest } from '../support/builders.js';

const scenario = scenarioOf({
  horizon: { from: '2026-03-02', to: '2026-03-06' },
  inspectors: [makeInspector({ id: 'I1', name: '张伟' }), makeInspector({ id: 'I2', name: '李娜' })],
  requests: [makeRequest({ id: 'R1', window: { from: '2026-03-02', to: '2026-03-06' } }), makeRequest({ id: 'R2', window: { from: '2026-03-02', to: '2026-03-06' } })],
});
const plan = makePlan(scenario, [{ id: 'V1', date: '2026-03-04', occurrenceIds: ['R1'], inspectorIds: ['I1', 'I2'] }]);

async function run(args: string[], files: Record<string, unknown>) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (s: string) => void (stdout += s),
    stderr: (s: string) => void (stderr += s),
    readFile: async (path: string) => {
      if (!(path in files)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return JSON.stringify(files[path]);
    },
    writeFile: async () => undefined,
    readStdin: async () => '',
    isTTY: false,
    stdoutIsTTY: false,
    env: {},
  };
  const code = await runCli(args, io as never);
  return { code, stdout, stderr };
}

describe('joint-inspection recommend', () => {
  it('prints the ranked options with their edits, by name in Chinese, exit 0', async () => {
    const r = await run(['recommend', 's.json', 'p.json', 'R2'], { 's.json': scenario, 'p.json': plan });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1. 并入 2026-03-04');
    expect(r.stdout).toContain('"kind":"schedule","occurrenceId":"R2","visitId":"V1"');
  });

  it('--json --limit 1 gives one option as data; a new request comes from --request', async () => {
    const request = { id: 'C1', departmentId: 'SAMR', enterpriseId: 'E1', itemIds: ['SAMR-1'], window: { from: '2026-03-02', to: '2026-03-03' }, basis: 'complaint' };
    const r = await run(['recommend', 's.json', 'p.json', '--request', 'c.json', '--json', '--limit', '1'], { 's.json': scenario, 'p.json': plan, 'c.json': request });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.options).toHaveLength(1);
    expect(out.target).toMatchObject({ occurrenceId: 'C1', newRequest: true });
  });

  it('exit 1 when nothing can place it, saying why each day is impossible (English)', async () => {
    const closed = scenarioOf({ ...{ horizon: { from: '2026-03-02', to: '2026-03-06' } }, enterprises: [{ id: 'E1', name: '某某餐饮有限公司', area: '410702', unavailable: [{ from: '2026-03-02', to: '2026-03-06' }] }], requests: [makeRequest({ id: 'R1', window: { from: '2026-03-02', to: '2026-03-06' } })] });
    const empty = makePlan(closed, []);
    const r = await run(['recommend', 's.json', 'p.json', 'R1', '--locale', 'en'], { 's.json': closed, 'p.json': empty });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/2026-03-02 {2}enterprise 某某餐饮有限公司 cannot receive visits on 2026-03-02/);
  });

  it('an occurrence already in a visit: the argument named with its value, no document path', async () => {
    const r = await run(['recommend', 's.json', 'p.json', 'R1'], { 's.json': scenario, 'p.json': plan });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('OCCURRENCE_ID R1: ');
    expect(r.stderr).toContain('V1');
    expect(r.stderr).not.toContain('（整个文档）');
  });

  it('exit 2 for an unknown occurrence, a missing target, or both kinds of target', async () => {
    expect((await run(['recommend', 's.json', 'p.json', 'R404'], { 's.json': scenario, 'p.json': plan })).code).toBe(2);
    expect((await run(['recommend', 's.json', 'p.json'], {})).code).toBe(2);
    expect((await run(['recommend', 's.json', 'p.json', 'R2', '--request', 'c.json'], {})).code).toBe(2);
    expect((await run(['recommend', 's.json', 'p.json', 'R2', '--limit', '0'], {})).code).toBe(2);
  });
});
