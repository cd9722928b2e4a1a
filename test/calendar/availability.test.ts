/**
 * Unavailability and quiet periods as day sets (contract §1.1, §1.4, §1.5): ranges are clipped
 * to the horizon, and every rule starts at `horizon.from`.
 */
import { describe, expect, it } from 'vitest';
import {
  compileQuietPeriods,
  DaySet,
  horizonDays,
  quietPeriodBlocking,
  quietPeriodsOn,
  unavailableDays,
} from '../../src/calendar/availability.js';
import { formatDay, parseDay } from '../../src/calendar/civil.js';
import { parseScenario, type Basis } from '../../src/model/index.js';
import { makeScenario } from '../support/builders.js';

const day = (s: string) => parseDay(s) as number;
const horizon = (from: string, to: string) => ({ from: day(from), to: day(to) });
const members = (set: DaySet) => {
  const out: string[] = [];
  for (let d = set.from; d <= set.to; d++) if (set.has(d)) out.push(formatDay(d));
  return out;
};

describe('DaySet', () => {
  it('holds only days inside its bounds', () => {
    const set = new DaySet(day('2026-03-01'), day('2026-03-05'));
    set.add(day('2026-02-28'));
    set.add(day('2026-03-03'));
    set.add(day('2026-03-06'));
    expect(members(set)).toEqual(['2026-03-03']);
    expect(set.has(day('2026-02-28'))).toBe(false);
    expect(set.has(day('2026-03-06'))).toBe(false);
  });

  it('clips ranges to its bounds and knows when it is empty', () => {
    const set = new DaySet(day('2026-03-01'), day('2026-03-05'));
    expect(set.isEmpty()).toBe(true);
    set.addRange(day('2026-02-20'), day('2026-03-02'));
    expect(members(set)).toEqual(['2026-03-01', '2026-03-02']);
    expect(set.isEmpty()).toBe(false);
  });

  it('is empty, not broken, for an empty horizon', () => {
    const set = new DaySet(day('2026-03-05'), day('2026-03-04'));
    set.add(day('2026-03-05'));
    expect(set.isEmpty()).toBe(true);
  });
});

describe('unavailableDays', () => {
  it('marks ranges, clipped to the horizon', () => {
    const set = unavailableDays(
      [
        { from: '2026-02-25', to: '2026-03-02' },
        { from: '2026-03-10', to: '2026-03-10' },
        { from: '2026-03-30', to: '2026-04-05' },
      ],
      undefined,
      horizon('2026-03-01', '2026-03-31'),
    );
    expect(members(set)).toEqual(['2026-03-01', '2026-03-02', '2026-03-10', '2026-03-30', '2026-03-31']);
  });

  it('starts a weekly rule at horizon.from', () => {
    const set = unavailableDays([], 'FREQ=WEEKLY;BYDAY=WE', horizon('2026-03-02', '2026-03-20'));
    expect(members(set)).toEqual(['2026-03-04', '2026-03-11', '2026-03-18']);
  });

  it('counts COUNT from horizon.from: COUNT=2 is the horizon’s first two days', () => {
    expect(members(unavailableDays([], 'FREQ=DAILY;COUNT=2', horizon('2026-03-05', '2026-03-31')))).toEqual(['2026-03-05', '2026-03-06']);
  });

  it('takes the day of month of horizon.from for a bare monthly rule', () => {
    expect(members(unavailableDays([], 'FREQ=MONTHLY', horizon('2026-01-20', '2026-04-30')))).toEqual([
      '2026-01-20', '2026-02-20', '2026-03-20', '2026-04-20',
    ]);
  });

  it('counts INTERVAL from horizon.from', () => {
    expect(members(unavailableDays([], 'FREQ=DAILY;INTERVAL=10', horizon('2026-03-03', '2026-03-31')))).toEqual(['2026-03-03', '2026-03-13', '2026-03-23']);
  });

  it('joins ranges and the rule', () => {
    const set = unavailableDays([{ from: '2026-03-05', to: '2026-03-06' }], 'FREQ=WEEKLY;BYDAY=MO', horizon('2026-03-01', '2026-03-10'));
    expect(members(set)).toEqual(['2026-03-02', '2026-03-05', '2026-03-06', '2026-03-09']);
  });

  it('reads the horizon of a parsed scenario as day numbers', () => {
    const s = parseScenario(makeScenario({ horizon: { from: '2026-03-01', to: '2026-03-31' } }));
    expect(horizonDays(s)).toEqual(horizon('2026-03-01', '2026-03-31'));
  });
});

describe('quiet periods', () => {
  const TRIGGERED: Basis[] = ['complaint', 'referral', 'data-clue', 'enterprise-request', 'licensing', 'recheck', 'emergency'];
  const PLANNED: Basis[] = ['routine', 'random', 'special'];
  const h = horizon('2026-03-01', '2026-04-30');

  it('marks the rule’s days, started at horizon.from', () => {
    const [q] = compileQuietPeriods([{ id: 'Q1', rule: 'FREQ=MONTHLY;BYMONTHDAY=1,2,3' }], h);
    expect(members(q!.days)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-04-01', '2026-04-02', '2026-04-03']);
  });

  it('exempts every triggered basis and no planned one by default', () => {
    const [q] = compileQuietPeriods([{ id: 'Q1', rule: 'FREQ=DAILY' }], h);
    expect([...q!.exemptBases].sort()).toEqual([...TRIGGERED].sort());
  });

  it('applies to every enterprise, with or without an area, when `areas` is absent', () => {
    const periods = compileQuietPeriods([{ id: 'Q1', rule: 'FREQ=MONTHLY;BYMONTHDAY=1' }], h);
    expect(quietPeriodsOn(periods, '410702', day('2026-03-01')).map((q) => q.id)).toEqual(['Q1']);
    expect(quietPeriodsOn(periods, undefined, day('2026-03-01')).map((q) => q.id)).toEqual(['Q1']);
    expect(quietPeriodsOn(periods, '410702', day('2026-03-02'))).toEqual([]);
  });

  it('applies only to enterprises whose area is listed when `areas` is given', () => {
    const periods = compileQuietPeriods([{ id: 'Q1', rule: 'FREQ=DAILY', areas: ['410702'] }], h);
    expect(quietPeriodsOn(periods, '410702', day('2026-03-05')).map((q) => q.id)).toEqual(['Q1']);
    expect(quietPeriodsOn(periods, '410703', day('2026-03-05'))).toEqual([]);
    expect(quietPeriodsOn(periods, undefined, day('2026-03-05'))).toEqual([]);
  });

  it('blocks a visit when any basis in it is not exempt', () => {
    const periods = compileQuietPeriods([{ id: 'Q1', rule: 'FREQ=DAILY' }], h);
    const d = day('2026-03-05');
    for (const b of PLANNED) expect(quietPeriodBlocking(periods, '410702', d, [b])?.id).toBe('Q1');
    for (const b of TRIGGERED) expect(quietPeriodBlocking(periods, '410702', d, [b])).toBeUndefined();
    expect(quietPeriodBlocking(periods, '410702', d, ['complaint', 'routine'])?.id).toBe('Q1');
  });

  it('uses `exemptBases` instead of the default when given', () => {
    const periods = compileQuietPeriods([{ id: 'Q1', rule: 'FREQ=DAILY', exemptBases: ['routine'] }], h);
    const d = day('2026-03-05');
    expect(quietPeriodBlocking(periods, '410702', d, ['routine'])).toBeUndefined();
    expect(quietPeriodBlocking(periods, '410702', d, ['complaint'])?.id).toBe('Q1');
  });

  it('blocks nothing on days the rule does not match', () => {
    const periods = compileQuietPeriods([{ id: 'Q1', rule: 'FREQ=WEEKLY;BYDAY=MO' }], h);
    expect(quietPeriodBlocking(periods, '410702', day('2026-03-03'), ['routine'])).toBeUndefined();
    expect(quietPeriodBlocking(periods, '410702', day('2026-03-02'), ['routine'])?.id).toBe('Q1');
  });
});
