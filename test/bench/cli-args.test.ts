/**
 * The bench scripts' shared argument parsing (bench/cli-args.ts): `--flag value` and
 * `--flag=value` read alike, a value taken is not read again as a flag, and a bad value or an
 * unknown flag ends the process with the usage and exit code 2 (`--help` with exit code 0).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flags, otherFlag, parseInteger, parseText } from '../../bench/cli-args.js';
import { exitOf } from '../support/exit.js';

/** Each flag with the value it asks for; `value()` is called before the next flag is read, as it must be. */
function read(args: string[]): [string, string | undefined][] {
  const out: [string, string | undefined][] = [];
  for (const f of flags(args)) out.push([f.flag, f.value()]);
  return out;
}

describe('flags', () => {
  it('reads --flag value and --flag=value alike', () => {
    expect(read(['--tier', 'S', '--seed=3'])).toEqual([
      ['--tier', 'S'],
      ['--seed', '3'],
    ]);
  });

  it('keeps an empty inline value empty instead of taking the next argument', () => {
    expect(read(['--tiers=', '--quick'])).toEqual([
      ['--tiers', ''],
      ['--quick', undefined],
    ]);
  });

  it('splits at the first = only', () => {
    expect(read(['--out=a=b.json'])).toEqual([['--out', 'a=b.json']]);
  });

  it('gives undefined for a value missing at the end', () => {
    expect(read(['--seed'])).toEqual([['--seed', undefined]]);
  });

  it('yields a flag that takes no value, and the next argument as a flag of its own', () => {
    expect([...flags(['--ample', '--pretty'])].map((f) => f.arg)).toEqual(['--ample', '--pretty']);
  });
});


describe('parseInteger', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads decimal digits', () => {
    expect(parseInteger('--seed', '0', 'usage')).toBe(0);
    expect(parseInteger('--runs', '12', 'usage', 1)).toBe(12);
  });

  it.each([
    ['x', 0, '--n needs a non-negative integer'],
    ['-1', 0, '--n needs a non-negative integer'],
    ['1.5', 0, '--n needs a non-negative integer'],
    [undefined, 0, '--n needs a non-negative integer'],
    ['0', 1, '--n needs an integer ≥ 1'],
  ])('rejects %s (min %d) with the usage and exit code 2', (value, min, message) => {
    expect(exitOf(() => parseInteger('--n', value, 'usage: x', min))).toEqual({ code: 2, stdout: '', stderr: `${message}\nusage: x\n` });
  });
});

describe('parseText', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives a value that is there', () => {
    expect(parseText('a.json', '--out needs a file name', 'usage: x')).toBe('a.json');
  });

  it.each([[undefined], ['']])('rejects %j with the usage and exit code 2', (value) => {
    expect(exitOf(() => parseText(value, '--out needs a file name', 'usage: x'))).toEqual({ code: 2, stdout: '', stderr: '--out needs a file name\nusage: x\n' });
  });
});

describe('otherFlag', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([['--help'], ['-h']])('prints the usage for %s and exits 0', (arg) => {
    expect(exitOf(() => otherFlag([...flags([arg])][0]!, 'usage: x'))).toEqual({ code: 0, stdout: 'usage: x\n', stderr: '' });
  });

  it('fails on an unknown flag, naming it as given', () => {
    expect(exitOf(() => otherFlag([...flags(['--bogus=1'])][0]!, 'usage: x'))).toEqual({ code: 2, stdout: '', stderr: 'unknown argument --bogus=1\nusage: x\n' });
  });
});
