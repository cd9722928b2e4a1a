/** Unit pairs of the day funnel: each rule fails the day it should ("blocked") and not the day next to it ("free"). */
import { describe, expect, it } from 'vitest';
import { dayFunnel, indexPlan } from '../../src/placement/index.js';
import { expandOccurrences } from '../../src/occurrences/expand.js';
import { toDay } from '../../src/calendar/civil.js';
import { makePlan, scenarioOf } from '../support/plans.js';
import { makeEnterprise, makeInspector, makeRequest } from '../support/builders.js';
import type { ScenarioInput } from '../../src/model/scenario.js';

const week = { from: '2026-03-02', to: '2026-03-06' };
const officers = [makeInspector({ id: 'I1', name: '张伟' }), makeInspector({ id: 'I2', name: '李娜' })];

function verdicts(overrides: Partial<ScenarioInput>, visits: Parameters<typeof makePlan>[1] = []) {
  const scenario = scenarioOf({ horizon: week, inspectors: officers, ...overrides });
  const plan = makePlan(scenario, visits);
  const occ = expandOccurrences(scenario).find((o) => o.id === 'R2') as NonNullable<ReturnType<typeof expandOccurrences>[number]>;
  return new Map(dayFunnel(indexPlan(scenario, plan), occ).map((v) => [v.date, v]));
}

const r1 = makeRequest({ id: 'R1', window: week });

describe('day funnel', () => {
  it('fixed-date: blocks every other day, not the fixed one', () => {
    const v = verdicts({ requests: [makeRequest({ id: 'R2', window: week, fixedDate: '2026-03-04' })] });
    expect(v.get('2026-03-03')?.rule).toBe('fixed-date');
    expect(v.get('2026-03-04')?.ok).toBe(true);
  });

  it('enterprise-unavailable: blocks the day off, not the day after', () => {
    const v = verdicts({ enterprises: [makeEnterprise({ unavailable: [{ from: '2026-03-03', to: '2026-03-03' }] })], requests: [makeRequest({ id: 'R2', window: week })] });
    expect(v.get('2026-03-03')).toMatchObject({ rule: 'enterprise-unavailable', facts: { enterpriseId: 'E1' } });
    expect(v.get('2026-03-04')?.ok).toBe(true);
  });

  it('staff/certificate: blocks the days after a certificate expires, not before', () => {
    const v = verdicts({ inspectors: [officers[0] as never, makeInspector({ id: 'I2', name: '李娜', certificate: { number: 'X', validFrom: '2020-01-01', validTo: '2026-03-03' } })], requests: [makeRequest({ id: 'R2', window: week })] });
    expect(v.get('2026-03-04')).toMatchObject({ rule: 'staff', facts: { filter: 'certificate', required: 2 } });
    expect(v.get('2026-03-03')?.ok).toBe(true);
  });

  it('staff/time: officers busy all day at another enterprise block the day; a join is possible where the enterprise has its visit', () => {
    const v = verdicts(
      { enterprises: [makeEnterprise(), makeEnterprise({ id: 'E2', name: '另一家公司' })], requests: [makeRequest({ id: 'R0', enterpriseId: 'E2', window: week }), r1, makeRequest({ id: 'R2', window: week })] },
      [
        { id: 'V0', date: '2026-03-02', start: '09:00', end: '17:00', occurrenceIds: ['R0'], inspectorIds: ['I1', 'I2'] },
        { id: 'V1', date: '2026-03-03', occurrenceIds: ['R1'], inspectorIds: ['I1', 'I2'] },
      ],
    );
    expect(v.get('2026-03-02')).toMatchObject({ rule: 'staff' });
    expect(v.get('2026-03-03')).toMatchObject({ ok: true, mode: 'join', facts: { visitId: 'V1' } });
  });

  it('cap: a yearly cap used up by history blocks the day; without the history it is free', () => {
    const caps = [{ id: 'C1', per: 'enterprise' as const, period: 'year' as const, max: 1 }];
    const blocked = verdicts({ caps, history: [{ enterpriseId: 'E1', date: '2026-01-10', departmentIds: ['SAMR'] }], requests: [makeRequest({ id: 'R2', window: week })] });
    expect(blocked.get('2026-03-04')).toMatchObject({ rule: 'cap', facts: { capId: 'C1', kind: 'limit', events: [{ source: 'history', date: '2026-01-10' }] } });
    const free = verdicts({ caps, requests: [makeRequest({ id: 'R2', window: week })] });
    expect(free.get('2026-03-04')?.ok).toBe(true);
  });

  it('not-working-day: a Saturday in the window fails, the Friday before does not', () => {
    const v = verdicts({ horizon: { from: '2026-03-02', to: '2026-03-08' }, requests: [makeRequest({ id: 'R2', window: { from: '2026-03-06', to: '2026-03-07' } })] });
    expect(v.get('2026-03-07')?.rule).toBe('not-working-day');
    expect(v.get('2026-03-06')?.ok).toBe(true);
    expect(toDay('2026-03-07')).toBeGreaterThan(toDay('2026-03-06'));
  });
});
