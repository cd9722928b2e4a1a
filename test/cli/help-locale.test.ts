/**
 * Help and usage errors in the run's language: zh-CN by default, English with `--locale en`
 * (anywhere on the line) or `JOINT_INSPECTION_LOCALE=en`. Run in-process through `runCli`.
 */
import { describe, expect, it } from 'vitest';
import { COMMAND_HELP, HELP_WORDS, type Localized } from '../../src/cli/help.js';
import { runCli, type CliIo } from '../../src/cli/run.js';

async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: () => Promise.reject(Object.assign(new Error('no file in these tests'), { code: 'ENOENT' })),
    writeFile: () => Promise.resolve(),
    isTTY: false,
    env,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

const COMMANDS = Object.keys(COMMAND_HELP);
const HAN = /\p{Script=Han}/u;

/** Words that stay English in a Chinese text: flag values, command names and contract fields. */
const KEPT = /\b(?:csv|ics|html|officer|enterprise|plan|validate|edit|recommend|help|exclusive|meta|metrics|requests|id|en|jq)\b/g;

/**
 * Two English words in a row, once the command lines (synopsis and examples), flags, file
 * names, codes (upper case), dotted names, quoted JSON keys and kept words are taken out.
 */
function englishPhrases(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !/^\s*joint-inspection /.test(line))
    .map((line) =>
      line
        .replace(/(?:e\.g\.|例如) joint-inspection .*$/, '')
        .replace(/“joint-inspection [^”]*”/g, '')
        .replace(/(?:^|\s)-{1,2}[\w-]+(?:=\S*)?/g, ' ')
        .replace(/\S*[A-Z]{2,}\S*/g, ' ')
        .replace(/\S+\.\S+/g, ' ')
        .replace(/"[^"]*"/g, ' ')
        .replace(/`[^`]*`/g, ' ')
        .replace(KEPT, ' '),
    )
    .flatMap((line) => line.match(/\b[A-Za-z]{2,}[\s,;:()|]+[A-Za-z]{2,}\b/g) ?? []);
}

const everyLocalized = (): Array<[string, Localized]> => [
  ...Object.entries(HELP_WORDS).map(([k, v]): [string, Localized] => [`HELP_WORDS.${k}`, v]),
  ...Object.entries(COMMAND_HELP).flatMap(([name, h]): Array<[string, Localized]> => [
    [`${name}.brief`, h.brief],
    [`${name}.summary`, h.summary],
    ...h.options.map(([flag, meaning]): [string, Localized] => [`${name} ${flag}`, meaning]),
    ...h.examples.map(([comment, line]): [string, Localized] => [`${name} example ${line}`, comment]),
  ]),
];

describe('every help text has both locales', () => {
  it.each(everyLocalized())('%s', (_where, text) => {
    expect(text.en.trim()).not.toBe('');
    expect(text['zh-CN'].trim()).not.toBe('');
    expect(text['zh-CN']).not.toBe(text.en);
    expect(text['zh-CN']).toMatch(HAN);
  });
});

describe('help is in zh-CN by default, with no English sentence', () => {
  it('the English detector finds the English help (it can fail)', async () => {
    const r = await cli(['plan', '--help', '--locale', 'en']);
    expect(englishPhrases(r.stdout).length).toBeGreaterThan(5);
  });

  it.each([[['--help']], [['help']], ...COMMANDS.map((c) => [[c, '--help']]), ...COMMANDS.map((c) => [['help', c]])])('%j', async (argv) => {
    const r = await cli(argv);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('用法：\n')).toBe(true);
    expect(r.stdout).toMatch(HAN);
    expect(englishPhrases(r.stdout)).toEqual([]);
  });
});

describe('the top-level --help gives each command a whole sentence', () => {
  it.each([['en', /[.?]$/], ['zh-CN', /[。？]$/]] as const)('%s', async (locale, end) => {
    const r = await cli(['--help', '--locale', locale]);
    const head = locale === 'en' ? 'Commands:' : '命令：';
    const section = r.stdout.slice(r.stdout.indexOf(head) + head.length).split('\n\n')[0] as string;
    const lines = section.split('\n').filter((l) => /^ {2}\S/.test(l));
    expect(lines.map((l) => l.trim().split(/\s+/)[0])).toEqual(COMMANDS);
    for (const line of lines) expect(line.trimEnd()).toMatch(end);
    // The explain and recommend lines were cut mid-sentence ("… the first rule that fails").
    expect(section).not.toMatch(/fails$|\(which officers to add\)$/m);
  });
});

describe('how help picks its language', () => {
  it.each([
    [['--locale', 'en', '--help']],
    [['--locale=en', '--help']],
    [['--locale', 'en', 'plan', '--help']],
    [['plan', '--locale', 'en', '--help']],
    [['plan', '--help', '--locale', 'en']],
    [['help', 'plan', '--locale', 'en']],
    [['--locale', 'en', 'help', 'plan']],
  ])('%j is in English', async (argv) => {
    const r = await cli(argv);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('Usage:\n')).toBe(true);
    expect(r.stdout).not.toMatch(/用法|选项|示例/);
  });

  it('JOINT_INSPECTION_LOCALE=en gives English, and --locale overrides it', async () => {
    expect((await cli(['plan', '--help'], { JOINT_INSPECTION_LOCALE: 'en' })).stdout).toMatch(/^Usage:\n/);
    expect((await cli(['plan', '--help', '--locale', 'zh-CN'], { JOINT_INSPECTION_LOCALE: 'en' })).stdout).toMatch(/^用法：\n/);
  });

  it('an invalid --locale or variable still prints help, in zh-CN (exit 0)', async () => {
    for (const [argv, env] of [
      [['plan', '--help', '--locale', 'fr'], {}],
      [['--help', '--locale', 'fr'], {}],
      [['validate', '--help'], { JOINT_INSPECTION_LOCALE: 'fr' }],
    ] as const) {
      const r = await cli([...argv], env);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^用法：\n/);
    }
  });

  it('an invalid variable is a usage error for a command run without --locale, none with it', async () => {
    const r = await cli(['plan', 'x.json'], { JOINT_INSPECTION_LOCALE: 'fr' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('环境变量 JOINT_INSPECTION_LOCALE 必须是 en、zh-CN 之一，实际为“fr”');
    const withFlag = await cli(['plan', 'x.json', '--locale', 'en'], { JOINT_INSPECTION_LOCALE: 'fr' });
    expect(withFlag.stderr).toContain('x.json: cannot read: no such file or directory');
  });
});

describe('usage errors in zh-CN by default, in English with --locale en', () => {
  it.each([
    [[], '缺少命令', 'missing command'],
    [['frobnicate'], '未知命令“frobnicate”', 'unknown command "frobnicate"'],
    [['--bogus'], '未知选项 --bogus', 'unknown option --bogus'],
    [['plan'], 'plan：缺少 SCENARIO.json', 'plan: missing SCENARIO.json'],
    [['plan', 'a.json', 'b.json'], 'plan：多余的参数“b.json”', 'plan: unexpected argument "b.json"'],
    [['plan', 'x.json', '--seed', 'abc'], '--seed 需要一个整数，实际为“abc”', '--seed needs an integer, got "abc"'],
    [['plan', 'x.json', '--time-limit=-5'], '--time-limit 不能小于 0，实际为 -5', '--time-limit must be at least 0, got -5'],
    [['plan', 'x.json', '--seed'], '--seed 后面缺少取值', '--seed needs a value'],
    [['plan', 'x.json', '--help=yes'], '--help 不带取值', '--help takes no value'],
    [['validate', 'a.json'], 'validate：缺少 PLAN.json', 'validate: missing PLAN.json'],
    [['validate', '-', '-'], 'validate：只能有一个文件从标准输入（“-”）读取', 'validate: only one of the files can be standard input ("-")'],
    [['export', 'p.json', '--scenario', 's.json', '--format', 'pdf'], '--format 必须是 csv、ics、html 之一，实际为“pdf”', '--format must be one of csv, ics, html, got "pdf"'],
    [['recommend', 's.json', 'p.json', 'R1', '--limit', '0'], '--limit 需要一个不小于 1 的整数', '--limit needs a whole number ≥ 1'],
    [['replan', 's.json', 'p.json', '--today', 'tomorrow'], '--today 需要一个日期 YYYY-MM-DD，实际为“tomorrow”', '--today needs a date YYYY-MM-DD, got "tomorrow"'],
  ])('%j', async (argv, zh, en) => {
    const z = await cli(argv);
    expect(z.code).toBe(2);
    expect(z.stdout).toBe('');
    expect(z.stderr.split('\n')[0]).toBe(`joint-inspection: ${zh}`);
    expect(z.stderr).toContain('用法：');
    expect(englishPhrases(z.stderr)).toEqual([]);
    const e = await cli(['--locale', 'en', ...argv]);
    expect(e.code).toBe(2);
    expect(e.stderr.split('\n')[0]).toBe(`joint-inspection: ${en}`);
    expect(e.stderr).toContain('Usage:');
    expect(e.stderr).not.toMatch(HAN);
  });

  it('a bad --locale is reported in zh-CN (the fallback), naming both locales', async () => {
    const r = await cli(['validate', 'a.json', 'b.json', '--locale', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--locale 必须是 en、zh-CN 之一，实际为“fr”');
  });
});

describe('an unknown flag comes with the closest flag of its command', () => {
  it.each([
    [['plan', 's.json', '--sed', '3'], '--sed', '--seed'],
    [['validate', 's.json', 'p.json', '--strcit'], '--strcit', '--strict'],
    [['export', 'p.json', '--scenario', 's.json', '--formt', 'csv'], '--formt', '--format'],
    [['replan', 's.json', 'p.json', '--freeze-untill', '2026-04-01'], '--freeze-untill', '--freeze-until'],
    [['recommend', 's.json', 'p.json', 'R1', '--limt=3'], '--limt', '--limit'],
    [['--verison'], '--verison', '--version'],
  ])('%j', async (argv, given, meant) => {
    const z = await cli(argv);
    expect(z.code).toBe(2);
    expect(z.stderr.split('\n')[0]).toBe(`joint-inspection: 未知选项 ${given}，是否应为 ${meant}？`);
    const e = await cli(argv, { JOINT_INSPECTION_LOCALE: 'en' });
    expect(e.stderr.split('\n')[0]).toBe(`joint-inspection: unknown option ${given}; did you mean ${meant}?`);
  });

  it.each([[['plan', 's.json', '--frobnicate']], [['plan', 's.json', '-x']], [['validate', 's.json', 'p.json', '--seed', '3']]])('%j: nothing close, no guess', async (argv) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`joint-inspection: 未知选项 ${argv.find((a) => a.startsWith('-'))}`);
  });
});
