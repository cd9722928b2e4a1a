import { describe, expect, it } from 'vitest';
import { jointVisit, makePlan, scenarioOf, violationsOf } from '../support/plans.js';

const RULE = 'visit-day';
const on = (date: string) => ({ ...jointVisit, date });

describe('visit-day (§2.1-1)', () => {
  it('penalizes a visit outside the horizon', () => {
    const scenario = scenarioOf({ requests: [] });
    const plan = makePlan(scenario, [{ date: '2026-04-01', enterpriseId: 'E1', occurrenceIds: [], inspectorIds: [] }]);
    expect(violationsOf(scenario, plan, RULE)).toEqual([
      expect.objectContaining({ visitId: 'V1', details: { kind: 'outside-horizon', visitId: 'V1', date: '2026-04-01', horizonFrom: '2026-03-01', horizonTo: '2026-03-31' } }),
    ]);
  });

  it('does not penalize the last day of the horizon', () => {
    const scenario = scenarioOf({ requests: [], horizon: { from: '2026-03-01', to: '2026-03-02' } });
    expect(violationsOf(scenario, makePlan(scenario, [{ date: '2026-03-02', enterpriseId: 'E1', occurrenceIds: [], inspectorIds: [] }]), RULE)).toEqual([]);
  });

  it('penalizes a Saturday and a scenario holiday, not a Monday', () => {
    const scenario = scenarioOf({ calendar: { holidays: ['2026-03-03'] }, requests: [] });
    const visit = (date: string) => ({ date, enterpriseId: 'E1', occurrenceIds: [], inspectorIds: [] });
    const plan = makePlan(scenario, [visit('2026-03-07'), visit('2026-03-03'), visit('2026-03-02')]);
    expect(violationsOf(scenario, plan, RULE).map((v) => [v.visitId, v.details.kind])).toEqual([
      ['V1', 'not-working-day'],
      ['V2', 'not-working-day'],
    ]);
  });

  it('penalizes a statutory holiday of the cn-mainland preset (2026-04-06, Qingming), not the day after', () => {
    const scenario = scenarioOf({
      horizon: { from: '2026-04-01', to: '2026-04-30' },
      calendar: { preset: 'cn-mainland' },
      requests: [],
    });
    const visit = (date: string) => ({ date, enterpriseId: 'E1', occurrenceIds: [], inspectorIds: [] });
    const found = violationsOf(scenario, makePlan(scenario, [visit('2026-04-06'), visit('2026-04-07')]), RULE);
    expect(found.map((v) => [v.visitId, v.details.kind, v.details.date])).toEqual([['V1', 'not-working-day', '2026-04-06']]);
  });

  describe('make-up workday 2026-05-09 (Saturday, cn-mainland)', () => {
    const scenarioWith = (makeupWorkdays: 'allow' | 'avoid' | 'forbid') =>
      scenarioOf({ horizon: { from: '2026-05-01', to: '2026-05-31' }, calendar: { preset: 'cn-mainland' }, policy: { makeupWorkdays }, requests: [] });
    const plan = (s: ReturnType<typeof scenarioWith>) => makePlan(s, [{ date: '2026-05-09', enterpriseId: 'E1', occurrenceIds: [], inspectorIds: [] }]);

    it('is penalized under "forbid"', () => {
      const s = scenarioWith('forbid');
      expect(violationsOf(s, plan(s), RULE).map((v) => v.details)).toEqual([{ kind: 'makeup-forbidden', visitId: 'V1', date: '2026-05-09' }]);
    });
    it('is not penalized under "allow" or "avoid"', () => {
      for (const mode of ['allow', 'avoid'] as const) {
        const s = scenarioWith(mode);
        expect(violationsOf(s, plan(s), RULE)).toEqual([]);
      }
    });
    it('a May Day holiday (2026-05-04, Monday) stays forbidden under "allow"', () => {
      const s = scenarioWith('allow');
      const p = makePlan(s, [{ date: '2026-05-04', enterpriseId: 'E1', occurrenceIds: [], inspectorIds: [] }]);
      expect(violationsOf(s, p, RULE).map((v) => v.details.kind)).toEqual(['not-working-day']);
    });
  });

  it("treats the scenario's own extraWorkdays as make-up workdays", () => {
    const scenario = scenarioOf({ calendar: { extraWorkdays: ['2026-03-07'] }, policy: { makeupWorkdays: 'forbid' } });
    expect(violationsOf(scenario, makePlan(scenario, [on('2026-03-07')]), RULE).map((v) => v.details.kind)).toEqual(['makeup-forbidden']);
  });

  it('reports an unreadable date instead of crashing', () => {
    const scenario = scenarioOf();
    const plan = makePlan(scenario, [on('2026-02-30')]);
    expect(violationsOf(scenario, plan, RULE).map((v) => v.details)).toEqual([{ kind: 'malformed', visitId: 'V1', fields: ['date'] }]);
  });
});
