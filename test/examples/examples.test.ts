/**
 * Smoke test of `examples/`: every `example:*` script of package.json and `demo`, run as a
 * child process exactly as npm would run it (its `tsx examples/<name>.ts`, without npm's
 * start-up), exit code 0 and the output each promises. The scripts start together in
 * `beforeAll` (they wait on the planner and tsx, not on each other); each test awaits its own.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json';

const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const TIMEOUT_MS = 120_000;

const scripts: Record<string, string> = pkg.scripts;
/** Script name → the example file it runs. */
const exampleScripts = Object.entries(scripts)
  .filter(([name]) => name.startsWith('example:') || name === 'demo')
  .map(([name, command]) => {
    const file = /^tsx (examples\/[\w-]+\.ts)$/.exec(command)?.[1];
    return { name, command, file };
  });

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[] = []): Promise<Outcome> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [TSX, file, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS - 5_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

let outDir: string;
const outcomes = new Map<string, Promise<Outcome>>();
const outcome = (name: string): Promise<Outcome> => {
  const o = outcomes.get(name);
  if (!o) throw new Error(`no script ${name}`);
  return o;
};

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'joint-inspection-examples-'));
  for (const { name, file } of exampleScripts) {
    if (file === undefined) continue;
    // export-preview writes its files into the directory it is given (else a new temporary one).
    outcomes.set(name, run(file, name === 'example:export-preview' ? [outDir] : []));
  }
});
afterAll(async () => {
  await Promise.all(outcomes.values());
  await rm(outDir, { recursive: true, force: true });
});

describe('every example has a script, and every script runs an example', () => {
  it('each example:* script (and demo) is "tsx examples/<name>.ts" of an existing file', () => {
    expect(exampleScripts.map((s) => s.name)).toEqual(expect.arrayContaining(['demo', 'example:quickstart', 'example:restaurants', 'example:department-check', 'example:export-preview', 'example:edit-undo', 'example:draw']));
    for (const s of exampleScripts) {
      expect(s.file, `${s.name}: ${s.command}`).toBeDefined();
      expect(existsSync(join(ROOT, s.file ?? '')), s.file).toBe(true);
    }
  });

  it('each examples/*.ts file is run by a script, so none is forgotten', () => {
    const files = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.ts'));
    const run = new Set(exampleScripts.map((s) => s.file));
    for (const f of files) expect(run.has(`examples/${f}`), `examples/${f} has no example:* script`).toBe(true);
    for (const f of files.filter((f) => f !== 'demo.ts')) expect(scripts[`example:${f.replace(/\.ts$/, '')}`]).toBe(`tsx examples/${f}`);
  });
});

/** The data rows of the first table under a `----` rule line. */
function tableRows(text: string): string[] {
  const lines = text.split('\n');
  const rule = lines.findIndex((l) => /^-{4,}( {2}-+)+$/.test(l));
  expect(rule).toBeGreaterThan(0);
  const rows: string[] = [];
  for (const line of lines.slice(rule + 1)) {
    if (line.trim() === '') break;
    rows.push(line);
  }
  return rows;
}

describe('examples run and print what they promise', () => {
  it(
    'quickstart: every visit printed with names, then the plan checked: 0 violations',
    async () => {
      const r = await outcome('example:quickstart');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const visits = r.stdout.split('\n').filter((l) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}–\d{2}:\d{2} /.test(l));
      expect(visits.length).toBeGreaterThan(0);
      for (const v of visits) expect(v).toMatch(/牵头：\p{Script=Han}+/u);
      const merged = /(\d+) 项检查合并为 (\d+) 次入企/.exec(r.stdout);
      expect(merged).not.toBeNull();
      expect(Number(merged?.[2])).toBe(visits.length);
      expect(r.stdout).toContain('校验：0 违规，计划有效');
    },
    TIMEOUT_MS,
  );

  it(
    'restaurants: one row per visit, sorted; visits saved = separate visits − joint visits > 0; 0 violations',
    async () => {
      const r = await outcome('example:restaurants');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const rows = tableRows(r.stdout);
      const keys = rows.map((row) => row.slice(0, 23));
      expect(keys).toEqual([...keys].sort());
      const figures = /进企业 (\d+) 次（下界 (\d+)）；各部门单独检查：(\d+) 次；少进企业 (\d+) 次/.exec(r.stdout);
      expect(figures).not.toBeNull();
      const [visits, lowerBound, separate, saved] = (figures ?? []).slice(1).map(Number) as [number, number, number, number];
      expect(rows).toHaveLength(visits);
      expect(lowerBound).toBeLessThanOrEqual(visits);
      expect(saved).toBe(separate - visits);
      expect(saved).toBeGreaterThan(0);
      // At least one visit brings all four departments in at once.
      expect(rows.some((row) => ['市场监管局', '消防救援大队', '卫生健康委', '生态环境局'].every((d) => row.includes(d)))).toBe(true);
      expect(r.stdout).toContain('校验：0 违规');
    },
    TIMEOUT_MS,
  );

  it(
    'department-check: unscoped, the breach is buried; scoped to SAMR, the one breach (team, visit S3) alone',
    async () => {
      const r = await outcome('example:department-check');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const whole = /不限定范围：(\d+) 处违规，其中 (\d+) 处/.exec(r.stdout);
      expect(Number(whole?.[1])).toBeGreaterThan(1);
      expect(Number(whole?.[2])).toBeGreaterThan(0);
      expect(r.stdout).toMatch(/只审市场监管局（计入其余 2 次已定检查）：1 违规/);
      const findings = r.stdout.split('\n').filter((l) => /^ {2}[a-z-]+ {2}/.test(l));
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatch(/^ {2}team {2}S3 {2}.*1 名/);
      expect(r.stdout).toContain('退回市场监管局');
    },
    TIMEOUT_MS,
  );

  it(
    'export-preview: the CSV, calendars and preview written where asked; 0 violations',
    async () => {
      const r = await outcome('example:export-preview');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('校验：0 处违规');
      expect(r.stdout.replaceAll(outDir, '')).not.toMatch(/\b(Planned|visits?|violations?|Wrote|browser)\b/); // one language: zh-CN
      expect(r.stdout).toContain(outDir);
      const csv = await readFile(join(outDir, 'plan.csv'), 'utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const html = await readFile(join(outDir, 'preview.html'), 'utf8');
      expect(html).toMatch(/^<!doctype html>/i);
      expect(readdirSync(join(outDir, 'calendars')).filter((f) => f.endsWith('.ics')).length).toBeGreaterThan(0);
    },
    TIMEOUT_MS,
  );

  it(
    'edit-undo: the moved visit breaks the rules it should, in Chinese, and undo restores the plan byte for byte',
    async () => {
      const r = await outcome('example:edit-undo');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const moved = /改到 (\d{4}-\d{2}-\d{2})/.exec(r.stdout);
      expect(moved).not.toBeNull();
      const breaches = r.stdout.split('\n').filter((l) => /^ {2}违规 \[[a-z-]+\]/.test(l));
      expect(breaches.length).toBeGreaterThan(0);
      for (const b of breaches) expect(b).toContain(moved?.[1] ?? '?');
      expect(r.stdout).toContain('撤销后与原计划逐字节相同：是');
    },
    TIMEOUT_MS,
  );

  it(
    'draw: per-stratum counts add up, coordinated draws share more than independent ones, last year avoided, the record verifies and a forged one does not, fewer visits',
    async () => {
      const r = await outcome('example:draw');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const tasks = [...r.stdout.matchAll(/^ {2}(\S+)（\p{Script=Han}+）：抽中 (\d+) 家（(.+)）$/gmu)];
      expect(tasks.map((t) => t[1])).toEqual(['SAMR-2026', 'FIRE-2026', 'JOINT-2026']);
      for (const t of tasks) expect([...(t[3] ?? '').matchAll(/(\d+)\/\d+/g)].reduce((a, m) => a + Number(m[1]), 0)).toBe(Number(t[2]));
      const overlap = /共同抽中 (\d+) 家；独立抽取时仅 (\d+) 家/.exec(r.stdout);
      expect(Number(overlap?.[1])).toBeGreaterThan(Number(overlap?.[2]));
      expect(r.stdout).toContain('与去年重合 0 家');
      expect(r.stdout).toMatch(/核验抽查记录：通过/);
      expect(r.stdout).toMatch(/篡改后的记录：不符（\d+ 处）/);
      const visits = /独立抽取需进企业 (\d+) 次，协同抽取 (\d+) 次，少进企业 (\d+) 次/.exec(r.stdout);
      expect(Number(visits?.[3])).toBe(Number(visits?.[1]) - Number(visits?.[2]));
      expect(Number(visits?.[3])).toBeGreaterThan(0);
    },
    TIMEOUT_MS,
  );

  it(
    'demo: summary with 0 violations; the week table sorted by date and time, a repeated name with its id',
    async () => {
      const r = await outcome('demo');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/校验 validatePlan +0 violations/);
      const rows = tableRows(r.stdout);
      expect(rows.length).toBeGreaterThan(0);
      const keys = rows.map((row) => `${row.slice(0, 10)} ${row.slice(12, 23)}`);
      for (const k of keys) expect(k).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}–\d{2}:\d{2}$/);
      expect(keys).toEqual([...keys].sort());
      // A name shown twice in the enterprise column must be told apart by the ids.
      const enterprise = rows.map((row) => row.slice(25).split(/ {2,}/)[0] ?? '');
      const byName = new Map<string, Set<string>>();
      for (const cell of enterprise) {
        const name = cell.replace(/\(E\d+\)$/, '');
        byName.set(name, (byName.get(name) ?? new Set()).add(cell));
      }
      for (const [name, cells] of byName) if (cells.size > 1) for (const c of cells) expect(c, name).toMatch(/\(E\d+\)$/);
      expect(enterprise.some((c) => /\(E\d+\)$/.test(c))).toBe(true);
      // Coordinated random draws of the same sizes save visits against independent ones (docs/draw.md).
      const draws = /独立抽取 (\d+) 次入企, 协同抽取 (\d+) 次 → 少进企业 (\d+) 次/.exec(r.stdout);
      expect(Number(draws?.[3])).toBe(Number(draws?.[1]) - Number(draws?.[2]));
      expect(Number(draws?.[3])).toBeGreaterThan(0);
      // And one joint draw against its departments drawing as many alone.
      const joint = /各自抽取 (\d+) 次入企, 联合抽取 (\d+) 次 → 少进企业 (\d+) 次/.exec(r.stdout);
      expect(Number(joint?.[3])).toBe(Number(joint?.[1]) - Number(joint?.[2]));
      expect(Number(joint?.[3])).toBeGreaterThan(0);
    },
    TIMEOUT_MS,
  );
});
