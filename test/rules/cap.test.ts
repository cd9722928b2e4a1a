import { describe, expect, it } from 'vitest';
import { formatDay, toDay } from '../../src/calendar/civil.js';
import type { Basis } from '../../src/model/primitives.js';
import type { ScenarioInput } from '../../src/model/scenario.js';
import { calendarPeriod } from '../../src/rules/cap.js';
import { makeEnterprise, makeRequest, type CapInput, type EnterpriseInput, type RequestInput } from '../support/builders.js';
import { makePlan, scenarioOf, violationsOf, type VisitSpec } from '../support/plans.js';

const RULE = 'cap';
type HistoryInput = NonNullable<ScenarioInput['history']>[number];
type VisitAt = string | { date: string; basis?: Basis; joint?: boolean };

/**
 * One enterprise E1, a horizon (default the year 2026) and one visit per date: visit k holds
 * SAMR's request Rk (and TAX's Tk when joint), whose window is the whole horizon.
 */
function capCase(o: { caps: CapInput[]; visits: VisitAt[]; history?: HistoryInput[]; enterprise?: Partial<EnterpriseInput>; horizonFrom?: string }) {
  const horizon = { from: o.horizonFrom ?? '2026-01-01', to: '2026-12-31' };
  const requests: RequestInput[] = [];
  const specs: VisitSpec[] = o.visits.map((v, i) => {
    const { date, basis = 'routine', joint = false } = typeof v === 'string' ? { date: v } : v;
    requests.push(makeRequest({ id: `R${i + 1}`, window: horizon, basis }));
    if (joint) requests.push(makeRequest({ id: `T${i + 1}`, departmentId: 'TAX', itemIds: ['TAX-1'], window: horizon, basis }));
    return { date, occurrenceIds: joint ? [`R${i + 1}`, `T${i + 1}`] : [`R${i + 1}`], inspectorIds: joint ? ['I1', 'I2', 'I3', 'I4'] : ['I1', 'I2'] };
  });
  const scenario = scenarioOf({ horizon, enterprises: [makeEnterprise(o.enterprise)], requests, caps: o.caps, history: o.history ?? [] });
  return { scenario, plan: makePlan(scenario, specs) };
}
const breaches = (c: ReturnType<typeof capCase>) => violationsOf(c.scenario, c.plan, RULE);
const valid = (c: ReturnType<typeof capCase>) => violationsOf(c.scenario, c.plan);
const cap = (o: Partial<CapInput>): CapInput => ({ id: 'C1', per: 'enterprise', period: 'year', ...o });

describe('cap (§2.1-9, §1.7)', () => {
  describe('calendar periods', () => {
    it('splits the year into halves at 06-30 / 07-01', () => {
      expect(valid(capCase({ caps: [cap({ period: 'half-year', max: 1 })], visits: ['2026-06-30', '2026-07-01'] }))).toEqual([]);
      const found = breaches(capCase({ caps: [cap({ period: 'half-year', max: 1 })], visits: ['2026-06-29', '2026-06-30'] }));
      expect(found).toEqual([
        expect.objectContaining({
          visitId: 'V2',
          details: {
            kind: 'limit-enterprise',
            capId: 'C1',
            per: 'enterprise',
            enterpriseId: 'E1',
            period: { from: '2026-01-01', to: '2026-06-30' },
            periodKind: 'half-year',
            limit: 1,
            count: 2,
            events: [
              { source: 'visit', visitId: 'V1', date: '2026-06-29' },
              { source: 'visit', visitId: 'V2', date: '2026-06-30' },
            ],
            visitIds: ['V1', 'V2'],
            historyDates: [],
          },
        }),
      ]);
    });

    it('uses calendar quarters', () => {
      expect(valid(capCase({ caps: [cap({ period: 'quarter', max: 1 })], visits: ['2026-03-31', '2026-04-01'] }))).toEqual([]);
      expect(breaches(capCase({ caps: [cap({ period: 'quarter', max: 1 })], visits: ['2026-04-01', '2026-06-30'] })).map((v) => v.details.period)).toEqual([
        { from: '2026-04-01', to: '2026-06-30' },
      ]);
    });

    it('uses calendar months', () => {
      expect(valid(capCase({ caps: [cap({ period: 'month', max: 1 })], visits: ['2026-03-31', '2026-04-01'] }))).toEqual([]);
      expect(breaches(capCase({ caps: [cap({ period: 'month', max: 1 })], visits: ['2026-04-01', '2026-04-30'] })).map((v) => v.details.period)).toEqual([
        { from: '2026-04-01', to: '2026-04-30' },
      ]);
    });

    it('uses calendar years: the third visit of a 2-a-year cap is one too many', () => {
      expect(valid(capCase({ caps: [cap({ max: 2 })], visits: ['2026-02-02', '2026-05-04'] }))).toEqual([]);
      const found = breaches(capCase({ caps: [cap({ max: 2 })], visits: ['2026-02-02', '2026-05-04', '2026-09-01'] }));
      expect(found.map((v) => [v.details.period, v.details.count, v.details.limit, v.visitId])).toEqual([[{ from: '2026-01-01', to: '2026-12-31' }, 3, 2, 'V3']]);
    });

    it('calendarPeriod gives the enclosing period', () => {
      const p = (date: string, kind: 'year' | 'half-year' | 'quarter' | 'month') => {
        const { from, to } = calendarPeriod(toDay(date), kind);
        return [formatDay(from), formatDay(to)];
      };
      expect(p('2026-08-15', 'quarter')).toEqual(['2026-07-01', '2026-09-30']);
      expect(p('2026-12-31', 'half-year')).toEqual(['2026-07-01', '2026-12-31']);
      expect(p('2028-02-10', 'month')).toEqual(['2028-02-01', '2028-02-29']);
      expect(p('2026-01-01', 'year')).toEqual(['2026-01-01', '2026-12-31']);
    });
  });

  describe('rolling windows', () => {
    it('counts both ends of a 30-day span (03-02 … 03-31)', () => {
      const found = breaches(capCase({ caps: [cap({ period: { rollingDays: 30 }, max: 1 })], visits: ['2026-03-02', '2026-03-31'] }));
      expect(found.map((v) => [v.details.period, v.details.periodKind, v.details.visitIds])).toEqual([[{ from: '2026-03-02', to: '2026-03-31' }, 'rollingDays:30', ['V1', 'V2']]]);
    });

    it('lets the 31st day start afresh (03-02, 04-01)', () => {
      expect(valid(capCase({ caps: [cap({ period: { rollingDays: 30 }, max: 1 })], visits: ['2026-03-02', '2026-04-01'] }))).toEqual([]);
    });

    it('reports each distinct overfull span once', () => {
      // max 1 in 10 days: {V1,V2} share 03-02..03-11 and {V2,V3} share 03-09..03-18; V1 and V3 are 14 days apart.
      const found = breaches(capCase({ caps: [cap({ period: { rollingDays: 10 }, max: 1 })], visits: ['2026-03-02', '2026-03-09', '2026-03-16'] }));
      expect(found.map((v) => [v.details.period, v.details.visitIds])).toEqual([
        [{ from: '2026-03-02', to: '2026-03-11' }, ['V1', 'V2']],
        [{ from: '2026-03-09', to: '2026-03-18' }, ['V2', 'V3']],
      ]);
    });
  });

  describe('minGapDays', () => {
    it('passes a gap of exactly minGapDays (03-02 → 04-01 is 30 days)', () => {
      expect(valid(capCase({ caps: [cap({ minGapDays: 30 })], visits: ['2026-03-02', '2026-04-01'] }))).toEqual([]);
    });

    it('fails a gap one day shorter (03-02 → 03-31 is 29 days)', () => {
      const found = breaches(capCase({ caps: [cap({ minGapDays: 30 })], visits: ['2026-03-02', '2026-03-31'] }));
      expect(found.map((v) => v.details)).toEqual([
        {
          kind: 'gap-enterprise',
          capId: 'C1',
          per: 'enterprise',
          enterpriseId: 'E1',
          minGapDays: 30,
          gapDays: 29,
          firstDate: '2026-03-02',
          secondDate: '2026-03-31',
          events: [
            { source: 'visit', visitId: 'V1', date: '2026-03-02' },
            { source: 'visit', visitId: 'V2', date: '2026-03-31' },
          ],
          visitIds: ['V1', 'V2'],
          historyDates: [],
        },
      ]);
    });

    it('reports consecutive pairs: three visits within the gap are two breaches', () => {
      const found = breaches(capCase({ caps: [cap({ minGapDays: 30 })], visits: ['2026-03-02', '2026-03-09', '2026-03-16'] }));
      expect(found.map((v) => [v.details.firstDate, v.details.secondDate, v.details.gapDays, v.visitId])).toEqual([
        ['2026-03-02', '2026-03-09', 7, 'V2'],
        ['2026-03-09', '2026-03-16', 7, 'V3'],
      ]);
    });

    it('measures the gap from history too', () => {
      const found = breaches(capCase({ caps: [cap({ minGapDays: 30 })], visits: ['2026-03-02'], history: [{ enterpriseId: 'E1', date: '2026-02-02', departmentIds: ['SAMR'] }] }));
      expect(found.map((v) => [v.details.gapDays, v.details.historyDates, v.details.visitIds])).toEqual([[28, ['2026-02-02'], ['V1']]]);
    });
  });

  describe('history', () => {
    const samrHistory = (date: string): HistoryInput => ({ enterpriseId: 'E1', date, departmentIds: ['SAMR'] });

    it('can use up the period before the horizon starts', () => {
      const found = breaches(capCase({ horizonFrom: '2026-03-01', caps: [cap({ max: 1 })], visits: ['2026-03-02'], history: [samrHistory('2026-01-15')] }));
      expect(found.map((v) => [v.visitId, v.details.count, v.details.events, v.details.historyDates])).toEqual([
        ['V1', 2, [{ source: 'history', historyIndex: 0, date: '2026-01-15' }, { source: 'visit', visitId: 'V1', date: '2026-03-02' }], ['2026-01-15']],
      ]);
    });

    it('does not count in another year', () => {
      expect(valid(capCase({ horizonFrom: '2026-03-01', caps: [cap({ max: 1 })], visits: ['2026-03-02'], history: [samrHistory('2025-12-15')] }))).toEqual([]);
    });

    it('reaches into a rolling span that starts before the horizon', () => {
      const c = { horizonFrom: '2026-03-01', caps: [cap({ period: { rollingDays: 30 }, max: 1 })], history: [samrHistory('2026-02-20')] };
      expect(breaches(capCase({ ...c, visits: ['2026-03-02'] })).map((v) => v.details.period)).toEqual([{ from: '2026-02-20', to: '2026-03-21' }]);
      expect(valid(capCase({ ...c, visits: ['2026-03-23'] }))).toEqual([]);
    });

    it('is not reported for a breach made by history alone', () => {
      const history = [samrHistory('2025-03-03'), samrHistory('2025-06-02'), samrHistory('2026-01-05'), samrHistory('2026-01-06')];
      // 2025 holds two events (limit 1), and 2026-01-05/06 are 1 day apart (gap 30): neither involves the plan.
      expect(valid(capCase({ caps: [cap({ period: 'month', max: 1, minGapDays: 30 })], visits: ['2026-03-02'], history }))).toEqual([]);
      expect(valid(capCase({ caps: [cap({ max: 1 })], visits: [], history }))).toEqual([]);
    });

    it('is reported with the plan visit that joins a period history already overfilled', () => {
      const history = [samrHistory('2026-01-05'), samrHistory('2026-01-06')];
      expect(breaches(capCase({ caps: [cap({ max: 1 })], visits: ['2026-03-02'], history })).map((v) => [v.details.count, v.details.historyDates])).toEqual([
        [3, ['2026-01-05', '2026-01-06']],
      ]);
    });
  });

  describe('what counts', () => {
    it('does not count exempt bases (a complaint)', () => {
      const visits = [{ date: '2026-06-29', basis: 'complaint' as const }, '2026-06-30'];
      expect(valid(capCase({ caps: [cap({ period: 'half-year', max: 1 })], visits }))).toEqual([]);
      expect(breaches(capCase({ caps: [cap({ period: 'half-year', max: 1, countsBases: ['routine', 'complaint'] })], visits }))).toHaveLength(1);
    });

    it('does not count history with an exempt basis', () => {
      const history: HistoryInput[] = [{ enterpriseId: 'E1', date: '2026-01-15', departmentIds: ['SAMR'], basis: 'referral' }];
      expect(valid(capCase({ caps: [cap({ max: 1 })], visits: ['2026-03-02'], history }))).toEqual([]);
    });

    it('counts only the capped departments', () => {
      const history: HistoryInput[] = [{ enterpriseId: 'E1', date: '2026-01-15', departmentIds: ['TAX'] }];
      expect(valid(capCase({ caps: [cap({ departmentIds: ['TAX'], max: 1 })], visits: ['2026-03-02', '2026-04-01'], history }))).toEqual([]);
      expect(breaches(capCase({ caps: [cap({ departmentIds: ['TAX'], max: 1 })], visits: [{ date: '2026-03-02', joint: true }], history })).map((v) => v.details.count)).toEqual([2]);
    });

    it('does not count history of other departments', () => {
      const history: HistoryInput[] = [{ enterpriseId: 'E1', date: '2026-01-15', departmentIds: ['SAMR'] }];
      expect(valid(capCase({ caps: [cap({ departmentIds: ['TAX'], max: 1 })], visits: [{ date: '2026-03-02', joint: true }], history }))).toEqual([]);
    });
  });

  describe('maxByRiskGrade', () => {
    const grades = { max: 3, maxByRiskGrade: { A: 1 } };
    it("overrides max for the enterprise's grade", () => {
      const found = breaches(capCase({ caps: [cap(grades)], visits: ['2026-03-02', '2026-04-01'], enterprise: { riskGrade: 'A' } }));
      expect(found.map((v) => [v.details.limit, v.details.count])).toEqual([[1, 2]]);
    });
    it('leaves max for a grade not listed', () => {
      expect(valid(capCase({ caps: [cap(grades)], visits: ['2026-03-02', '2026-04-01'], enterprise: { riskGrade: 'D' } }))).toEqual([]);
    });
    it('sets no count limit without max for a grade not listed', () => {
      expect(valid(capCase({ caps: [cap({ maxByRiskGrade: { A: 1 } })], visits: ['2026-03-02', '2026-04-01', '2026-05-04'], enterprise: { riskGrade: 'B' } }))).toEqual([]);
    });
  });

  describe('tallies of a joint visit (SAMR + TAX)', () => {
    const joint = { date: '2026-03-02', joint: true };
    const history = (departmentIds: string[]): HistoryInput[] => [{ enterpriseId: 'E1', date: '2026-01-15', departmentIds }];

    it('per enterprise: the joint visit counts once', () => {
      expect(valid(capCase({ caps: [cap({ max: 1 })], visits: [joint] }))).toEqual([]);
      const found = breaches(capCase({ caps: [cap({ max: 1 })], visits: [joint], history: history(['SAMR']) }));
      expect(found.map((v) => [v.details.kind, v.details.count, v.details.departmentId])).toEqual([['limit-enterprise', 2, undefined]]);
    });

    it('per enterprise-department: it counts once for each department', () => {
      const perDept = cap({ per: 'enterprise-department', max: 1 });
      expect(valid(capCase({ caps: [perDept], visits: [joint] }))).toEqual([]);
      expect(breaches(capCase({ caps: [perDept], visits: [joint], history: history(['SAMR']) })).map((v) => [v.details.kind, v.details.departmentId, v.details.count])).toEqual([
        ['limit-department', 'SAMR', 2],
      ]);
      expect(breaches(capCase({ caps: [perDept], visits: [joint], history: history(['SAMR', 'TAX']) })).map((v) => [v.details.departmentId, v.details.count])).toEqual([
        ['SAMR', 2],
        ['TAX', 2],
      ]);
    });
  });

  it('words the breach for a regulator, in Chinese', () => {
    const c = capCase({ caps: [cap({ id: 'health-2-per-year', per: 'enterprise-department', max: 1 })], visits: ['2026-03-02'], history: [{ enterpriseId: 'E1', date: '2026-01-15', departmentIds: ['SAMR'] }] });
    expect(violationsOf(c.scenario, c.plan, RULE, { locale: 'zh-CN' })[0]?.message).toBe(
      '频次上限 health-2-per-year：市场监管局在 2026-01-01 至 2026-12-31 期间对企业某某餐饮有限公司计入检查 2 次，超过 1 次的上限。计入的检查：2026-01-15 的已有检查、检查组 V1（2026-03-02）',
    );
  });
});
