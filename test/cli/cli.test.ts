/**
 * The command line run in-process through `runCli`: exit codes and what a person or a host
 * script reads. Files are real temporary files, so read errors are the operating system's.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/run.js';
import { safeParsePlan, safeParseScenario } from '../../src/index.js';
import { makeRequest, makeScenario } from '../support/builders.js';
import pkg from '../../package.json';

const STACK = /at .*\(/;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function makeIo(overrides: Partial<CliIo> = {}): { io: CliIo; out: () => { stdout: string; stderr: string } } {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (p) => readFile(p, 'utf8'),
    writeFile: (p, t) => writeFile(p, t, 'utf8'),
    isTTY: false,
    ...overrides,
  };
  return { io, out: () => ({ stdout, stderr }) };
}

async function cli(argv: string[], overrides: Partial<CliIo> = {}): Promise<Run> {
  const { io, out } = makeIo(overrides);
  const code = await runCli(argv, io);
  return { code, ...out() };
}

let dir: string;
const file = (name: string) => join(dir, name);
const put = async (name: string, content: unknown) => {
  await writeFile(file(name), typeof content === 'string' ? content : JSON.stringify(content, null, 2), 'utf8');
  return file(name);
};

/** A hand-written plan for `makeScenario()`: one joint visit on Monday 2 March 2026. */
function validPlan() {
  return {
    version: 1,
    visits: [
      {
        id: 'V1',
        enterpriseId: 'E1',
        date: '2026-03-02',
        start: '09:00',
        end: '10:30',
        departmentIds: ['SAMR', 'TAX'],
        // No lead regulator given: the department with the longest part (TAX, 90 min) leads.
        leadDepartmentId: 'TAX',
        occurrenceIds: ['R1', 'R2'],
        inspectorIds: ['I1', 'I2', 'I3', 'I4'],
      },
    ],
    offsite: [],
    unscheduled: [],
    warnings: [],
    metrics: { occurrences: 2, scheduled: 2, offsite: 0, unscheduled: 0, visits: 1, lowerBound: 1, personVisits: 4 },
    meta: { engine: 'hand', engineVersion: '0', seed: 0, elapsedMs: 0 },
  };
}

/** The same plan moved to Saturday 7 March: not a working day, and past both windows. */
function saturdayPlan() {
  const plan = validPlan();
  (plan.visits[0] as { date: string }).date = '2026-03-07';
  return plan;
}

let scenarioPath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'joint-inspection-cli-'));
  scenarioPath = await put('scenario.json', makeScenario());
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('help and version', () => {
  it.each([['--help'], ['-h'], ['help']])('%s --locale en lists every command with an example, on stdout, exit 0', async (...argv) => {
    const r = await cli([...argv, '--locale', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage:');
    expect(r.stdout).toContain('joint-inspection validate SCENARIO.json PLAN.json');
    expect(r.stdout).toMatch(/e\.g\. joint-inspection plan \S+\.json/);
    expect(r.stdout).toMatch(/e\.g\. joint-inspection validate \S+\.json \S+\.json/);
    expect(r.stderr).toBe('');
  });

  it.each([
    [['plan', '--help'], 'plan', ['--out PLAN.json', '--seed N', '--time-limit MS', '--locale zh-CN|en']],
    [['help', 'plan'], 'plan', ['--out PLAN.json', '--seed N', '--time-limit MS']],
    [['validate', '-h'], 'validate', ['--json', '--locale zh-CN|en']],
    [['help', 'validate'], 'validate', ['--json']],
    [['export', '--help'], 'export', ['--scenario SCENARIO.json', '--format csv|ics|html', '--out FILE_OR_DIR']],
    [['help', 'export'], 'export', ['--format csv|ics|html']],
  ])('%j prints that command\'s flags and examples (--locale en)', async (argv, command, flags) => {
    const r = await cli([...(argv as string[]), '--locale', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`Usage:\n  joint-inspection ${command} `);
    for (const flag of flags) expect(r.stdout).toMatch(new RegExp(`^  ${flag.replace(/[|.]/g, '\\$&')}  `, 'm'));
    const examples = r.stdout.slice(r.stdout.indexOf('Examples:'));
    expect(examples).toMatch(new RegExp(`^  joint-inspection ${command} `, 'm'));
    // Only this command's synopsis, not the others'.
    expect(r.stdout.slice(0, r.stdout.indexOf('Examples:')).match(/^ {2}joint-inspection /gm)).toHaveLength(1);
  });

  it.each([['edit'], ['recommend']])('%s --help says what its exit 1 means (not only "validate")', async (command) => {
    const r = await cli([command, '--help', '--locale', 'en']);
    expect(r.code).toBe(0);
    const exit = r.stdout.slice(r.stdout.indexOf('Exit codes:')).replace(/\s+/g, ' ');
    expect(exit).toMatch(/1 [^,]*\(([^)]*\b)?validate, edit\)/);
    expect(exit).toMatch(/nothing can place the occurrence \(recommend\)/);
  });

  it('help for an unknown command is a usage error', async () => {
    const r = await cli(['help', 'frobnicate', '--locale', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
  });

  it('--version prints the package version', async () => {
    const r = await cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
  });
});

describe('usage errors exit 2 with a message and the usage', () => {
  it.each([
    [[], 'missing command'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['--bogus'], 'unknown option --bogus'],
    [['plan', 'x.json', '--bogus'], 'unknown option --bogus'],
    [['plan'], 'missing SCENARIO.json'],
    [['plan', 'a.json', 'b.json'], 'unexpected argument "b.json"'],
    [['validate', 'a.json'], 'missing PLAN.json'],
    [['plan', 'x.json', '--seed', 'abc'], '--seed needs an integer, got "abc"'],
    [['plan', 'x.json', '--seed', '1.5'], '--seed needs an integer'],
    [['plan', 'x.json', '--seed'], '--seed needs a value'],
    [['plan', 'x.json', '--time-limit', '-5'], '--time-limit needs a value; for one that starts with "-", write --time-limit=-…'],
    [['plan', 'x.json', '--time-limit=-5'], '--time-limit must be at least 0'],
    [['validate', 'a.json', 'b.json', '--locale', 'fr'], '--locale must be one of en, zh-CN'],
    [['validate', '-', '-'], 'only one of the files can be standard input'],
  ])('%j (JOINT_INSPECTION_LOCALE=en)', async (argv, message) => {
    const r = await cli(argv as string[], { env: { JOINT_INSPECTION_LOCALE: 'en' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('Usage:');
    expect(r.stdout).toBe('');
  });
});

describe('validate', () => {
  it('exits 0 and says so for a valid plan', async () => {
    const planPath = await put('valid-plan.json', validPlan());
    const r = await cli(['validate', scenarioPath, planPath, '--locale', 'en']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('No violations: the plan obeys every hard rule.\n');
    expect(r.code).toBe(0);
  });

  it('exits 1 for a plan with violations, one line per violation with its rule id, then a count', async () => {
    const planPath = await put('saturday-plan.json', saturdayPlan());
    const r = await cli(['validate', scenarioPath, planPath, '--locale', 'en']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.find((l) => l.startsWith('visit-day '))).toMatch(/^visit-day +visit V1: .*2026-03-07.*not a working day/);
    expect(lines.some((l) => l.startsWith('occurrence-window '))).toBe(true);
    expect(lines.at(-1)).toBe(`${lines.length - 1} violations.`);
  });

  it('--json prints { valid, violations, warnings, metrics } that parses, with the same exit code', async () => {
    const planPath = await put('saturday-plan.json', saturdayPlan());
    const r = await cli(['validate', scenarioPath, planPath, '--json', '--locale', 'en']);
    expect(r.code).toBe(1);
    const body = JSON.parse(r.stdout) as { valid: boolean; violations: { ruleId: string; visitId?: string }[] };
    expect(Object.keys(body)).toEqual(['valid', 'violations', 'warnings', 'metrics']);
    expect(body.valid).toBe(false);
    expect(body.violations).toContainEqual(expect.objectContaining({ ruleId: 'visit-day', visitId: 'V1' }));

    const ok = await cli(['validate', scenarioPath, await put('valid-plan.json', validPlan()), '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ valid: true, violations: [], warnings: [] });
  });

  it('messages follow --locale', async () => {
    const planPath = await put('saturday-plan.json', saturdayPlan());
    const zh = await cli(['validate', scenarioPath, planPath, '--locale', 'zh-CN']);
    expect(zh.stdout).toMatch(/^visit-day +检查组 V1: .*不是工作日/m);
    expect(zh.stdout).toMatch(/共 \d+ 处违规。\n$/);
  });

  it('exits 2 naming the path when a file does not exist, and reports both files', async () => {
    const r = await cli(['validate', file('nope-scenario.json'), file('nope-plan.json'), '--locale', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file('nope-scenario.json')}: cannot read: no such file or directory`);
    expect(r.stderr).toContain(`${file('nope-plan.json')}: cannot read: no such file or directory`);
    expect(r.stderr).toContain('2 problems');
    expect(r.stdout).toBe('');
  });

  it('exits 2 when a file is a directory', async () => {
    const r = await cli(['validate', dir, await put('valid-plan.json', validPlan()), '--locale', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${dir}: cannot read: is a directory`);
  });

  it('exits 2 for invalid JSON, with its line and column', async () => {
    const planPath = await put('broken.json', '{\n  "version": 1,\n  "visits": [,]\n}\n');
    const r = await cli(['validate', scenarioPath, planPath, '--locale', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${planPath}:3:14: not valid JSON: unexpected ","`);
  });

  it('judges a plan that names unknown ids (exit 1): each is a references violation by path, among the other findings', async () => {
    const other = validPlan();
    other.visits[0]!.occurrenceIds = ['R1', 'R9'];
    other.visits[0]!.inspectorIds = ['I1', 'I2', 'I3', 'X7'];
    const r = await cli(['validate', scenarioPath, await put('other-plan.json', other), '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^references +visit V1, occurrence R9: visits\[0\]\.occurrenceIds\[1\] refers to "R9", which is not an occurrence of this scenario$/m);
    expect(r.stdout).toMatch(/^references +visit V1, officer X7: visits\[0\]\.inspectorIds\[3\] refers to unknown officer "X7"$/m);
    // R2 is now in no visit: the rest of the plan is still checked.
    expect(r.stdout).toMatch(/^occurrence-accounting +occurrence R2: /m);
  });

  it('exits 2 listing the problems of both files at once', async () => {
    const badPlan = validPlan();
    (badPlan.visits[0] as { inspectorIds: unknown }).inspectorIds = 'I1';
    const r = await cli(['validate', await put('no-horizon.json', makeScenario({ horizon: undefined })), await put('bad-plan.json', badPlan), '--locale', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-horizon.json: horizon: is required');
    expect(r.stderr).toContain('bad-plan.json: visits[0].inspectorIds: expected array, got string');
  });

  it('--json with bad input still exits 2, and lists the problems as data', async () => {
    const r = await cli(['validate', file('missing.json'), await put('valid-plan.json', validPlan()), '--json', '--locale', 'en']);
    expect(r.code).toBe(2);
    const body = JSON.parse(r.stdout) as { problems: { file: string; code: string }[] };
    expect(body.problems).toEqual([expect.objectContaining({ file: file('missing.json'), code: 'read_failed' })]);
  });
});

describe('bad scenarios', () => {
  it('lists every problem by its JSON path: three problems, three lines', async () => {
    const scenario = makeScenario({
      horizon: { from: '2026-03-01', to: '2026-02-30' },
      requests: [makeRequest({ itemIds: ['SAMR-1', 'NOPE'] }), makeRequest({ id: 'R2', departmentId: 'TAX', itemIds: ['TAX-1'], priority: 0 })],
    });
    const r = await cli(['plan', await put('three-problems.json', scenario), '--locale', 'en']);
    expect(r.code).toBe(2);
    const name = file('three-problems.json');
    expect(r.stderr).toContain(`${name}: horizon.to: is not a real calendar date YYYY-MM-DD: "2026-02-30"`);
    expect(r.stderr).toContain(`${name}: requests[0].itemIds[1]: refers to unknown item "NOPE"`);
    expect(r.stderr).toContain(`${name}: requests[1].priority: is too small (minimum 1)`);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(4);
    expect(r.stderr).toMatch(/3 problems; nothing was done\.\n$/);
    expect(r.stdout).toBe('');
  });

  it('names the document itself when it is not an object', async () => {
    const r = await cli(['plan', await put('array.json', '[]'), '--locale', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file('array.json')}: (document): expected object, got array`);
  });

  it('accepts a UTF-8 byte-order mark', async () => {
    const path = await put('bom-scenario.json', '\ufeff' + JSON.stringify(makeScenario()));
    const planPath = await put('valid-plan.json', validPlan());
    const r = await cli(['validate', path, planPath]);
    expect(r.code).toBe(0);
  });
});

describe('plan', () => {
  const FAST = ['--time-limit', '300'];

  it('prints the plan as 2-space JSON on stdout, a valid plan of the scenario; nothing on a non-terminal stderr', async () => {
    const r = await cli(['plan', scenarioPath, ...FAST, '--locale', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout) as unknown;
    expect(r.stdout).toBe(JSON.stringify(json, null, 2) + '\n');
    const scenario = safeParseScenario(makeScenario());
    if (!scenario.success) throw new Error('builder scenario is invalid');
    const plan = safeParsePlan(json, { scenario: scenario.data });
    expect(plan.success).toBe(true);
    if (plan.success) expect(plan.data.metrics.scheduled).toBe(2);
  });

  it('an unknown field is warned about on stderr in the run\'s language only (zh-CN by default)', async () => {
    const odd = await put('odd-field.json', { ...makeScenario(), remarkz: '备注' });
    const zh = await cli(['plan', odd, ...FAST, '--out', file('odd-zh.json')]);
    expect(zh.code).toBe(0);
    const zhLine = zh.stderr.split('\n').find((l) => l.includes('remarkz'));
    expect(zhLine).toMatch(/^.*odd-field\.json: remarkz: 警告： /);
    expect(zh.stderr).not.toMatch(/warning|ignored|field of contract/i);
    const en = await cli(['plan', odd, ...FAST, '--locale', 'en', '--out', file('odd-en.json')]);
    expect(en.code).toBe(0);
    expect(en.stderr.split('\n').find((l) => l.includes('remarkz'))).toMatch(/: remarkz: warning: /);
    expect(en.stderr).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('--seed reaches the planner', async () => {
    const r = await cli(['plan', scenarioPath, ...FAST, '--seed', '42']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { meta: { seed: number } }).meta.seed).toBe(42);
  });

  it('--out writes the file instead of stdout, and the written plan validates', async () => {
    const out = file('out-plan.json');
    const r = await cli(['plan', scenarioPath, ...FAST, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const v = await cli(['validate', scenarioPath, out]);
    expect(v.code).toBe(0);
  });

  it('on a terminal: a \\r progress line, cleared, then a one-line summary on stderr', async () => {
    const out = file('tty-plan.json');
    const r = await cli(['plan', scenarioPath, ...FAST, '--out', out, '--locale', 'en'], { isTTY: true, env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^\rplanning \[░+\] +0% compiling/);
    const summary = r.stderr.slice(r.stderr.lastIndexOf('\r\x1b[K') + 4);
    expect(summary).toMatch(/^Scheduled 2\/2 occurrences; visits: 1 \(lower bound 1\);.*Plan written to .*tty-plan\.json\.\n$/);
    expect(summary.split('\n')).toHaveLength(2);
  });

  it('Ctrl-C stops the planner early: the best plan so far is printed, exit 0, and the listener is removed', async () => {
    let listening = false;
    const r = await cli(['plan', scenarioPath, '--locale', 'en'], {
      isTTY: true,
      env: { NO_COLOR: '1' },
      onInterrupt: (handler) => {
        listening = true;
        handler(); // pressed at once
        return () => void (listening = false);
      },
    });
    expect(r.code).toBe(0);
    expect(listening).toBe(false);
    expect((JSON.parse(r.stdout) as { meta: { stoppedEarly?: string } }).meta.stoppedEarly).toBe('aborted');
    expect(r.stderr).toContain('Stopping: finishing with the best plan so far');
    expect(r.stderr).toMatch(/Stopped on request: this is the best plan found so far\.\n$/);
  });

  it('exits 2 when the output file cannot be written', async () => {
    const r = await cli(['plan', scenarioPath, ...FAST, '--out', join(dir, 'no-such-dir', 'plan.json'), '--locale', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such-dir/plan.json: cannot write: no such file or directory');
  });

  it('exits 2 for invalid JSON, with its line and column', async () => {
    const r = await cli(['plan', await put('broken-scenario.json', '{"version": 1,\n "horizon": {"from": "2026-03-01" "to": "2026-03-31"}}'), '--locale', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken-scenario.json:2:35: not valid JSON: unexpected "\\""');
  });
});

describe('errors never show a stack trace', () => {
  it('an unexpected exception is "internal error: <message>", exit 3', async () => {
    const boom = () => Promise.reject(new Error('disk on fire'));
    const r = await cli(['plan', scenarioPath], { readFile: boom });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('internal error: disk on fire\n');
  });

  it('JOINT_INSPECTION_DEBUG=1 adds the stack', async () => {
    const boom = () => Promise.reject(new Error('disk on fire'));
    const r = await cli(['plan', scenarioPath], { readFile: boom, env: { JOINT_INSPECTION_DEBUG: '1' } });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(STACK);
  });

  it.each([
    ['missing file', () => ['plan', file('absent.json')]],
    ['directory', () => ['plan', dir]],
    ['invalid JSON', async () => ['plan', await put('x.json', '{')]],
    ['bad scenario', async () => ['plan', await put('y.json', { version: 2 })]],
    ['bad plan', async () => ['validate', scenarioPath, await put('z.json', { version: 1, visits: 'none' })]],
    ['usage', () => ['plan', '--seed', 'x']],
  ])('%s', async (_name, argv) => {
    const r = await cli(await argv());
    expect(r.code).toBe(2);
    expect(r.stderr).not.toBe('');
    expect(r.stdout + r.stderr).not.toMatch(STACK);
  });
});
