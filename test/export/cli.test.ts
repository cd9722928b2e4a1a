/** `joint-inspection export`, run in-process through `runCli` with real temporary files. */
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/run.js';
import { fixturePlan, fixtureScenario, readCsv } from './fixture.js';

const scenario = fixtureScenario();
const plan = fixturePlan(scenario);
let dir: string;
let scenarioFile: string;
let planFile: string;

async function cli(argv: string[]) {
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

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ji-export-'));
  scenarioFile = join(dir, 'scenario.json');
  planFile = join(dir, 'plan.json');
  await writeFile(scenarioFile, JSON.stringify(scenario));
  await writeFile(planFile, JSON.stringify(plan));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('joint-inspection export', () => {
  it('writes the publication CSV to standard output, or to --out', async () => {
    const shown = await cli(['export', planFile, '--scenario', scenarioFile, '--format', 'csv']);
    expect(shown.code).toBe(0);
    expect(shown.stdout.startsWith('\uFEFF日期,')).toBe(true);
    const out = join(dir, 'plan.csv');
    const written = await cli(['export', planFile, '--scenario', scenarioFile, '--format', 'csv', '--out', out, '--with-officers', '--locale', 'en']);
    expect(written.code).toBe(0);
    const rows = readCsv((await readFile(out, 'utf8')).slice(1));
    expect(rows[0]?.at(-1)).toBe('Officers');
    expect(rows).toHaveLength(1 + plan.visits.length - 1); // the unannounced check is left out
  });

  it('writes one .ics per officer into a directory it creates', async () => {
    const out = join(dir, 'calendars', 'officers');
    const r = await cli(['export', planFile, '--scenario', scenarioFile, '--format', 'ics', '--out', out]);
    expect(r.code).toBe(0);
    const names = (await readdir(out)).sort();
    const officers = scenario.inspectors.filter((p) => plan.visits.some((v) => v.inspectorIds.includes(p.id))).map((p) => `officer-${p.id}.ics`);
    expect(names).toEqual(officers.sort());
    for (const name of names) expect(() => ICAL.parse(readFileSync(join(out, name), 'utf8'))).not.toThrow();
  });

  it('writes one calendar to standard output with --id', async () => {
    const r = await cli(['export', planFile, '--scenario', scenarioFile, '--format', 'ics', '--for', 'enterprise', '--id', 'E1']);
    expect(r.code).toBe(0);
    const cal = new ICAL.Component(ICAL.parse(r.stdout));
    expect(cal.getAllSubcomponents('vevent')).toHaveLength(plan.visits.filter((v) => v.enterpriseId === 'E1').length);
  });

  it('writes the HTML preview', async () => {
    const out = join(dir, 'preview.html');
    const r = await cli(['export', planFile, '--scenario', scenarioFile, '--format', 'html', '--out', out, '--title', '新乡市联合检查']);
    expect(r.code).toBe(0);
    expect(await readFile(out, 'utf8')).toContain('<title>新乡市联合检查</title>');
  });

  it('exits 2 on usage mistakes, naming the flag', async () => {
    for (const [args, words] of [
      [['export', planFile, '--format', 'csv'], '--scenario'],
      [['export', planFile, '--scenario', scenarioFile], '--format'],
      [['export', planFile, '--scenario', scenarioFile, '--format', 'pdf'], 'pdf'],
      [['export', planFile, '--scenario', scenarioFile, '--format', 'ics'], '--out'],
      [['export', planFile, '--scenario', scenarioFile, '--format', 'csv', '--id', 'E1'], '--id'],
    ] as const) {
      const r = await cli([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(words);
    }
  });

  it('exits 2 listing every problem of both files by JSON path, never a stack trace', async () => {
    const badPlan = join(dir, 'bad-plan.json');
    await writeFile(badPlan, JSON.stringify({ ...plan, visits: [{ ...plan.visits[0], date: '2026-02-30', inspectorIds: ['I1', 'NOBODY'] }] }));
    const r = await cli(['export', badPlan, '--scenario', scenarioFile, '--format', 'html']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('visits[0].date');
    expect(r.stderr).toContain('visits[0].inspectorIds[1]');
    expect(r.stderr).not.toMatch(/at .*\(/);
    const missing = await cli(['export', join(dir, 'nope.json'), '--scenario', join(dir, 'nope2.json'), '--format', 'csv']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json');
    expect(missing.stderr).toContain('nope2.json');
    const unknown = await cli(['export', planFile, '--scenario', scenarioFile, '--format', 'ics', '--id', 'NOBODY']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--id');
  });

  it('has help with examples', async () => {
    const r = await cli(['export', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--include-unannounced');
    expect(r.stdout).toContain('joint-inspection export plan.json --scenario scenario.json --format csv');
  });
});
