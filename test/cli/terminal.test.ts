/**
 * What a person sees on a terminal: the progress bar of `plan` and colours, through `runCli`
 * with a fake io (stderr a terminal or not, NO_COLOR, a clock, a width); and the bar's
 * throttling laws on synthetic progress.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/run.js';
import { displayWidth, progressBar } from '../../src/cli/progress.js';
import { PROGRESS_PHASES, type Locale } from '../../src/index.js';
import { cliMessages } from '../../src/cli/messages.js';
import { makeScenario } from '../support/builders.js';

const SGR = /\x1b\[[0-9;]*m/g;
const ANY_ESCAPE = /\x1b/;
const FAST = ['--time-limit', '300', '--locale', 'en'];

async function cli(argv: string[], overrides: Partial<CliIo> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (p) => readFile(p, 'utf8'),
    writeFile: (p, t) => writeFile(p, t, 'utf8'),
    isTTY: false,
    ...overrides,
  });
  return { code, stdout, stderr };
}

/** The progress frames written before the final clear: each `\r<line>\x1b[K`. */
function framesOf(stderr: string): string[] {
  const end = stderr.lastIndexOf('\r\x1b[K');
  return stderr
    .slice(0, end)
    .split('\r')
    .filter((f) => f !== '')
    .map((f) => {
      expect(f.endsWith('\x1b[K')).toBe(true);
      return f.slice(0, -3);
    });
}

let dir: string;
let scenarioPath: string;
let badScenarioPath: string;
let oddScenarioPath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'joint-inspection-tty-'));
  scenarioPath = join(dir, 'scenario.json');
  await writeFile(scenarioPath, JSON.stringify(makeScenario()), 'utf8');
  badScenarioPath = join(dir, 'bad.json');
  await writeFile(badScenarioPath, JSON.stringify({ ...makeScenario(), horizon: { from: '2026-03-01', to: '2026-02-30' } }), 'utf8');
  oddScenarioPath = join(dir, 'odd.json');
  await writeFile(oddScenarioPath, JSON.stringify({ ...makeScenario(), zzNotAContractField: true }), 'utf8');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('plan: the progress bar', () => {
  it('is absent when stderr is not a terminal: stderr stays empty, no escape codes anywhere', async () => {
    const r = await cli(['plan', scenarioPath, ...FAST]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(ANY_ESCAPE);
    expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
  });

  it('on a terminal: frames redrawn with \\r, each a bar and a phase, cleared before the summary', async () => {
    const r = await cli(['plan', scenarioPath, ...FAST, '--out', join(dir, 'p1.json')], { isTTY: true, env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    const frames = framesOf(r.stderr);
    expect(frames.length).toBeGreaterThan(0);
    expect(frames[0]).toMatch(/^planning \[░{20}\] {3}0% compiling$/);
    for (const f of frames) expect(f).toMatch(/^planning \[█*░*\] +\d+% \S/);
    for (const f of frames) expect(f.match(/[█░]/g)).toHaveLength(20);
    const after = r.stderr.slice(r.stderr.lastIndexOf('\r\x1b[K') + 4);
    expect(after).toMatch(/^Scheduled 2\/2 occurrences;[^\r]*\n$/);
  });

  it('fits the terminal width, counting a Chinese character as two cells', async () => {
    for (const columns of [40, 60, 100]) {
      const r = await cli(['plan', scenarioPath, '--time-limit', '300', '--out', join(dir, 'p2.json')], { isTTY: true, columns, env: { NO_COLOR: '1' } });
      const frames = framesOf(r.stderr);
      expect(frames.length).toBeGreaterThan(0);
      for (const f of frames) expect(displayWidth(f)).toBeLessThan(columns);
      expect(frames[0]).toContain('正在编排');
    }
  });

  it('with a frozen clock, a phase is drawn once: consecutive frames differ in phase', async () => {
    const r = await cli(['plan', scenarioPath, ...FAST, '--out', join(dir, 'p3.json')], { isTTY: true, now: () => 0, env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    const phases = framesOf(r.stderr).map((f) => /% (\S+)/.exec(f)?.[1]);
    for (let i = 1; i < phases.length; i++) expect(phases[i]).not.toBe(phases[i - 1]);
  });
});

describe('progressBar: throttling laws', () => {
  const PHASES = ['compile', 'construct', 'improve', 'report'] as const;
  // Like the planner: phases in order, each with many updates, some closer than the interval.
  const stepsArb = fc
    .array(fc.record({ nextPhase: fc.nat({ max: 9 }), fraction: fc.double({ min: 0, max: 1, noNaN: true }), at: fc.integer({ min: 0, max: 250 }) }), { minLength: 10, maxLength: 80 })
    .map((raw) => {
      let phase = 0;
      return raw.map((r) => {
        if (r.nextPhase === 0 && phase < PHASES.length - 1) phase++;
        return { phase: PHASES[phase]!, fraction: r.fraction, at: r.at };
      });
    });

  it('never redraws the same phase twice within the interval; a new phase and the end always show', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const draws: { at: number; phase: string }[] = [];
        let clock = 0;
        let current = { phase: '', at: 0 };
        const bar = progressBar(
          (text) => {
            if (text !== '\r\x1b[K') draws.push({ at: clock, phase: current.phase });
          },
          { locale: 'en', now: () => clock, intervalMs: 100 },
        );
        let lastDrawnPhase = '';
        for (const s of steps) {
          clock += s.at;
          current = { phase: s.phase, at: clock };
          const before = draws.length;
          bar.update({ phase: s.phase, fraction: s.fraction });
          const drawn = draws.length > before;
          if (s.phase !== lastDrawnPhase) expect(drawn).toBe(true);
          if (drawn) lastDrawnPhase = s.phase;
        }
        for (let i = 1; i < draws.length; i++) {
          if (draws[i]!.phase === draws[i - 1]!.phase) expect(draws[i]!.at - draws[i - 1]!.at).toBeGreaterThanOrEqual(100);
        }
        const before = draws.length;
        bar.update({ phase: 'done', fraction: 1 });
        expect(draws.length).toBe(before + 1);
      }),
    );
  });

  it('clear erases only what was drawn, once', () => {
    const writes: string[] = [];
    const bar = progressBar((t) => writes.push(t), { locale: 'en' });
    bar.clear();
    expect(writes).toEqual([]);
    bar.update({ phase: 'compile', fraction: 0 });
    bar.clear();
    bar.clear();
    expect(writes.filter((w) => w === '\r\x1b[K')).toHaveLength(1);
  });
});

describe('colours', () => {
  const GREEN = '\x1b[32m';
  const RED = '\x1b[31m';
  const YELLOW = '\x1b[33m';

  it('on a terminal: the summary green', async () => {
    const r = await cli(['plan', scenarioPath, ...FAST, '--out', join(dir, 'c1.json')], { isTTY: true, env: {} });
    const after = r.stderr.slice(r.stderr.lastIndexOf('\r\x1b[K') + 4);
    expect(after.startsWith(GREEN)).toBe(true);
    expect(after.replace(SGR, '')).toMatch(/^Scheduled 2\/2/);
  });

  it.each([
    ['NO_COLOR=1', { NO_COLOR: '1' }],
    ['NO_COLOR=true', { NO_COLOR: 'true' }],
    ['TERM=dumb', { TERM: 'dumb' }],
  ])('none with %s: only the bar\'s own \\r and erase codes', async (_name, env) => {
    const r = await cli(['plan', scenarioPath, ...FAST, '--out', join(dir, 'c2.json')], { isTTY: true, env });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(SGR);
    expect(r.stderr.replaceAll('\x1b[K', '')).not.toMatch(ANY_ESCAPE);
  });

  it('an empty NO_COLOR does not turn colours off (no-color.org)', async () => {
    const r = await cli(['plan', scenarioPath, ...FAST, '--out', join(dir, 'c3.json')], { isTTY: true, env: { NO_COLOR: '' } });
    expect(r.stderr).toContain(GREEN);
  });

  it('bad input on a terminal: the count red; not a terminal: no escape codes', async () => {
    const tty = await cli(['plan', badScenarioPath, '--locale', 'en'], { isTTY: true, env: {} });
    expect(tty.code).toBe(2);
    expect(tty.stderr).toContain(`${RED}1 problem; nothing was done.`);
    const pipe = await cli(['plan', badScenarioPath, '--locale', 'en'], { isTTY: false, env: {} });
    expect(pipe.code).toBe(2);
    expect(pipe.stderr).not.toMatch(ANY_ESCAPE);
    expect(pipe.stderr.replace(SGR, '')).toBe(tty.stderr.replace(SGR, ''));
  });

  it('warnings on a terminal: "warning:" yellow', async () => {
    const r = await cli(['plan', oddScenarioPath, ...FAST, '--out', join(dir, 'c4.json')], { isTTY: true, env: {} });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('zzNotAContractField');
    expect(r.stderr).toContain(`${YELLOW}warning:`);
  });

  it('validate: on a terminal stdout, the rule ids and the count red; piped, or with NO_COLOR, plain', async () => {
    const plan = { version: 1, visits: [{ id: 'V1', enterpriseId: 'E1', date: '2026-03-07', start: '09:00', end: '10:30', departmentIds: ['SAMR', 'TAX'], leadDepartmentId: 'TAX', occurrenceIds: ['R1', 'R2'], inspectorIds: ['I1', 'I2', 'I3', 'I4'] }] };
    const planPath = join(dir, 'saturday.json');
    await writeFile(planPath, JSON.stringify(plan), 'utf8');
    const argv = ['validate', scenarioPath, planPath, '--locale', 'en'];
    const tty = await cli(argv, { isTTY: true, stdoutIsTTY: true, env: {} });
    expect(tty.code).toBe(1);
    expect(tty.stdout).toContain(`${RED}visit-day${'\x1b[39m'}`);
    expect(tty.stdout).toMatch(new RegExp(`\\x1b\\[31m\\d+ violations?\\.`));
    const piped = await cli(argv, { isTTY: true, stdoutIsTTY: false, env: {} });
    const noColor = await cli(argv, { isTTY: true, stdoutIsTTY: true, env: { NO_COLOR: '1' } });
    for (const r of [piped, noColor]) {
      expect(r.code).toBe(1);
      expect(r.stdout).not.toMatch(ANY_ESCAPE);
      expect(r.stdout).toBe(tty.stdout.replace(SGR, ''));
    }
    const json = await cli([...argv, '--json'], { isTTY: true, stdoutIsTTY: true, env: {} });
    expect(json.stdout).not.toMatch(ANY_ESCAPE);
  });

  it('the plan JSON on stdout never carries colours, even when both streams are terminals', async () => {
    const r = await cli(['plan', scenarioPath, ...FAST], { isTTY: true, stdoutIsTTY: true, env: {} });
    expect(r.stdout).not.toMatch(ANY_ESCAPE);
    expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
  });
});

describe('every progress phase has its words in both locales', () => {
  it.each(PROGRESS_PHASES.map((p) => [p]))('%s', (phase) => {
    const shown = (locale: Locale) => {
      const writes: string[] = [];
      progressBar((t) => writes.push(t), { locale, columns: 200 }).update({ phase, fraction: 0.5 });
      return /50% (.*)\x1b\[K$/.exec(writes.join(''))?.[1] ?? '';
    };
    expect(shown('zh-CN')).toMatch(/^\p{Script=Han}+$/u);
    expect(cliMessages.en[`phase_${phase}`]).toBeDefined();
    expect(shown('en')).toBe(cliMessages.en[`phase_${phase}`]);
  });
});
