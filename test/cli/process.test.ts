/**
 * The real executable as a host would run it: a child process whose exit code is the
 * process's own. Runs the source through tsx, and the built `dist/cli.cjs` too — built here
 * first (`npm run build`) when it is missing or older than a source file, so a stale build is
 * never what is tested.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeScenario } from '../support/builders.js';
import pkg from '../../package.json';

const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const BUILT = join(ROOT, 'dist/cli.cjs');

function newestSourceMs(): number {
  const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' });
  return Math.max(...files.map((f) => statSync(join(ROOT, 'src', f)).mtimeMs), statSync(join(ROOT, 'package.json')).mtimeMs);
}
function ensureBuilt(): void {
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= newestSourceMs()) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsup/dist/cli-default.js')], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`the build failed:\n${r.stdout}\n${r.stderr}`);
}

const runners: [string, string[]][] = [
  ['source (tsx src/cli/main.ts)', [TSX, join(ROOT, 'src/cli/main.ts')]],
  ['build (node dist/cli.cjs)', [BUILT]],
];

let dir: string;
let scenario: string;
let saturdayPlan: string;

beforeAll(async () => {
  ensureBuilt();
  dir = await mkdtemp(join(tmpdir(), 'joint-inspection-process-'));
  scenario = join(dir, 'scenario.json');
  await writeFile(scenario, JSON.stringify(makeScenario()));
  saturdayPlan = join(dir, 'plan.json');
  await writeFile(
    saturdayPlan,
    JSON.stringify({
      version: 1,
      visits: [
        { id: 'V1', enterpriseId: 'E1', date: '2026-03-07', start: '09:00', end: '10:30', departmentIds: ['SAMR', 'TAX'], leadDepartmentId: 'TAX', occurrenceIds: ['R1', 'R2'], inspectorIds: ['I1', 'I2', 'I3', 'I4'] },
      ],
      offsite: [],
      unscheduled: [],
      metrics: { occurrences: 2, scheduled: 2, offsite: 0, unscheduled: 0, visits: 1, lowerBound: 1, personVisits: 4 },
      meta: { engine: 'hand', engineVersion: '0', seed: 0, elapsedMs: 0 },
    }),
  );
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each(runners)('%s', (_name, command) => {
  const run = (args: string[], input?: string) => {
    const r = spawnSync(process.execPath, [...command, ...args], { cwd: ROOT, encoding: 'utf8', input, timeout: 60_000, env: { ...process.env, JOINT_INSPECTION_DEBUG: '' } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('exits 0 for --help, 1 for violations, 2 for a missing file; never a stack trace', () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('用法：');

    const violations = run(['validate', scenario, saturdayPlan, '--locale', 'en']);
    expect(violations.code).toBe(1);
    expect(violations.stdout).toContain('visit-day');

    const missing = run(['validate', join(dir, 'missing.json'), saturdayPlan, '--locale', 'en']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`${join(dir, 'missing.json')}: cannot read: no such file or directory`);
    expect(missing.stdout + missing.stderr).not.toMatch(/at .*\(/);
  });

  it('--version prints the package version; plan --help and validate --help their flags and an example', () => {
    const version = run(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toBe(`${pkg.version}\n`);
    const plan = run(['plan', '--help']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('--time-limit MS');
    expect(plan.stdout).toMatch(/示例：\n(?: {2}#.*\n)? {2}joint-inspection plan \S+/);
    const validate = run(['validate', '--help']);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain('--json');
    expect(validate.stdout).toMatch(/示例：\n(?: {2}#.*\n)? {2}joint-inspection validate \S+/);
  });

  it('plan --out writes the plan file; validate reads it back; stdout and stderr stay empty off a terminal', () => {
    const out = join(dir, `out-${command.length}.json`);
    const planned = run(['plan', scenario, '--time-limit', '300', '--out', out]);
    expect(planned.code).toBe(0);
    expect(planned.stdout).toBe('');
    expect(planned.stderr).toBe('');
    const checked = run(['validate', scenario, out, '--locale', 'en']);
    expect(checked.code).toBe(0);
    expect(checked.stdout).not.toMatch(/\x1b/);
  });

  it('export: the plan as CSV on stdout, the preview and the calendars into files; export --help', () => {
    const plan = join(dir, `export-plan-${command.length}.json`);
    expect(run(['plan', scenario, '--time-limit', '300', '--out', plan]).code).toBe(0);
    const csv = run(['export', plan, '--scenario', scenario, '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stderr).toBe('');
    expect(csv.stdout.charCodeAt(0)).toBe(0xfeff);
    expect(csv.stdout).toContain('某某餐饮有限公司');
    const html = join(dir, `preview-${command.length}.html`);
    expect(run(['export', plan, '--scenario', scenario, '--format', 'html', '--out', html]).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>/i);
    const calendars = join(dir, `calendars-${command.length}`);
    expect(run(['export', plan, '--scenario', scenario, '--format', 'ics', '--out', calendars]).code).toBe(0);
    const ics = readdirSync(calendars).filter((f) => f.endsWith('.ics'));
    expect(ics.length).toBeGreaterThan(0);
    for (const f of ics) expect(readFileSync(join(calendars, f), 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const help = run(['export', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/示例：\n(?: {2}#.*\n)? {2}joint-inspection export \S+/);
    const bad = run(['export', plan, '--scenario', scenario, '--format', 'pdf']);
    expect(bad.code).toBe(2);
    expect(bad.stdout + bad.stderr).not.toMatch(/at .*\(/);
  }, 120_000); // six processes in a row: generous on a busy 2-core machine

  it('plans from standard input ("-") and the plan validates', () => {
    const planned = run(['plan', '-', '--time-limit', '300'], JSON.stringify(makeScenario()));
    expect(planned.code).toBe(0);
    expect(planned.stderr).toBe('');
    const checked = run(['validate', scenario, '-'], planned.stdout);
    expect(checked.code).toBe(0);
  });
});

describe('npm run cli (the README\'s way from a checkout)', () => {
  // npm prints a "> joint-inspection@… cli" banner on standard output before the script's own
  // output; -s (--silent) drops it, so a redirection captures the plan alone.
  const npm = (args: string[]) => {
    const r = spawnSync('npm', args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('npm run -s cli -- plan S.json > plan.json: standard output is the plan, nothing else', () => {
    const r = npm(['run', '-s', 'cli', '--', 'plan', scenario, '--time-limit', '300']);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as { version: number; visits: unknown[] };
    expect(plan.version).toBe(1);
    expect(plan.visits.length).toBeGreaterThan(0);
  }, 60_000);

  it('npm run cli -- plan S.json --out plan.json: the file is the plan, whatever npm prints', async () => {
    const out = join(dir, 'npm-out.json');
    const r = npm(['run', 'cli', '--', 'plan', scenario, '--time-limit', '300', '--out', out]);
    expect(r.code).toBe(0);
    const { readFile } = await import('node:fs/promises');
    const plan = JSON.parse(await readFile(out, 'utf8')) as { version: number };
    expect(plan.version).toBe(1);
  }, 60_000);
});
