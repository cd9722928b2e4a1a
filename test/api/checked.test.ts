/**
 * The public helpers check their arguments: a bad one is an `ArgumentError` (an `InputError`)
 * naming the argument as its path; a good one gives what the unchecked helper gives.
 * And every input error's heading speaks the caller's language.
 */
import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  buildCalendar,
  csvField,
  expandOccurrences,
  formatDay,
  InputError,
  isoWeekday,
  parseDay,
  parseScenario,
  planSync,
  safeParseScenario,
  ScenarioError,
  scenarioCalendar,
} from '../../src/index.js';
import { makeScenario } from '../support/builders.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('day helpers', () => {
  it('round-trip a real date, and refuse what is not a day number', () => {
    const day = parseDay('2026-03-02') as number;
    expect(formatDay(day)).toBe('2026-03-02');
    expect(isoWeekday(day)).toBe(1);
    for (const bad of [Number.NaN, 1.5, Infinity, '20514', null, 1e12]) {
      const error = thrown(() => formatDay(bad as never));
      expect(error).toBeInstanceOf(ArgumentError);
      expect((error as ArgumentError).issues.map((i) => [i.path, i.code])).toEqual([['day', 'invalid_argument']]);
      expect(thrown(() => isoWeekday(bad as never))).toBeInstanceOf(ArgumentError);
    }
  });

  it('parseDay answers undefined for anything that is not a date string', () => {
    for (const bad of [42, null, {}, ['2026-03-02'], '2026-02-29']) expect(parseDay(bad as never)).toBeUndefined();
  });
});

describe('buildCalendar', () => {
  it('reads the calendar section as a scenario does, defaults included', () => {
    const cal = buildCalendar({ preset: 'cn-mainland' }, { from: '2026-01-01', to: '2026-12-31' });
    expect(cal.isWorkingDay(parseDay('2026-02-14') as number)).toBe(true); // 调休 make-up workday
    expect(cal.isWorkingDay(parseDay('2026-10-01') as number)).toBe(false); // National Day
    expect(cal.warnings).toEqual([]);
  });

  it('lists every bad field under the argument it belongs to', () => {
    const error = thrown(() => buildCalendar({ holidays: ['2026-02-30'] as string[], workdays: [8] }, { from: '2026-03-01', to: '2026-02-01' }));
    expect(error).toBeInstanceOf(ArgumentError);
    expect((error as ArgumentError).issues.map((i) => i.path).sort()).toEqual(['calendar.holidays[0]', 'calendar.workdays[0]', 'horizon.to']);
  });

  it('refuses what is not an object at all', () => {
    expect(thrown(() => buildCalendar(null as never, 'x' as never))).toBeInstanceOf(ArgumentError);
  });
});

describe('scenario helpers', () => {
  it('take a parsed scenario or its JSON, and refuse a bad one with ScenarioError', () => {
    const input = makeScenario();
    const parsed = parseScenario(input);
    expect(expandOccurrences(input as never).map((o) => o.id)).toEqual(expandOccurrences(parsed).map((o) => o.id));
    expect(scenarioCalendar(parsed).isWorkingDay(parseDay(parsed.horizon.from) as number)).toBeTypeOf('boolean');
    expect(thrown(() => expandOccurrences({ version: 2 } as never))).toBeInstanceOf(ScenarioError);
    expect(thrown(() => scenarioCalendar(42 as never))).toBeInstanceOf(ScenarioError);
  });
});

describe('csvField', () => {
  it('quotes by RFC 4180 and refuses a value that is not a string', () => {
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    const error = thrown(() => csvField(42 as never, 'yes' as never));
    expect(error).toBeInstanceOf(ArgumentError);
    expect((error as ArgumentError).issues.map((i) => i.path)).toEqual(['value', 'formulaGuard']);
  });
});

describe('input errors speak the caller language', () => {
  it('zh-CN by default, en when asked, in parse and in plan', () => {
    const bad = { version: 1 };
    expect((thrown(() => parseScenario(bad)) as Error).message).toMatch(/^场景有 \d+ 个问题：/);
    expect((thrown(() => parseScenario(bad, { locale: 'en' })) as Error).message).toMatch(/^The scenario has \d+ problem\(s\):/);
    expect((thrown(() => planSync(bad as never, { locale: 'en' })) as Error).message).toMatch(/^The scenario has/);
    const options = thrown(() => planSync(parseScenario(makeScenario()), { seed: 'x' as never }));
    expect(options).toBeInstanceOf(InputError);
    expect((options as Error).message).toMatch(/^选项有 1 个问题：/);
    const parsed = safeParseScenario(bad);
    expect(parsed.success).toBe(false);
  });
});
