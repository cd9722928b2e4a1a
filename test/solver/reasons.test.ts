/**
 * Unscheduled reasons are true: each scenario below is built so that one rule is the real
 * cause, and the plan must name that code with the facts a regulator needs to act on.
 * Dates: 2026-03-02 is a Monday; 2026-03-07/08 a weekend.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, planSync, validatePlan, type ScenarioInput } from '../../src/index.js';
import { makeEnterprise, makeInspector, makeItem, makeRequest, makeScenario } from '../support/builders.js';

function reasonsFor(input: ScenarioInput, occurrenceId = 'R1') {
  const scenario = parseScenario(input);
  const plan = planSync(scenario, { locale: 'en' });
  expect(validatePlan(scenario, plan).violations).toEqual([]);
  const entry = plan.unscheduled.find((u) => u.occurrenceId === occurrenceId);
  return { plan, entry, reason: entry?.reasons[0] };
}

/** One department (SAMR), one enterprise, two officers, one request R1 — with overrides. */
const one = (o: Partial<ScenarioInput> = {}, request: Parameters<typeof makeRequest>[0] = {}): ScenarioInput =>
  makeScenario({ requests: [makeRequest(request)], ...o });

describe('each reason code is reported when it is the true cause', () => {
  it('OUTSIDE_HORIZON: the window lies before the horizon', () => {
    const { reason } = reasonsFor(one({}, { window: { from: '2026-02-02', to: '2026-02-27' } }));
    expect(reason?.code).toBe('OUTSIDE_HORIZON');
    expect(reason?.details).toMatchObject({ from: '2026-02-02', to: '2026-02-27', horizonFrom: '2026-03-01', horizonTo: '2026-03-31' });
  });

  it('NO_WORKING_DAY: a weekend window; and a make-up Saturday only under "forbid"', () => {
    expect(reasonsFor(one({}, { window: { from: '2026-03-07', to: '2026-03-08' } })).reason?.code).toBe('NO_WORKING_DAY');
    const makeup = (policy: 'forbid' | 'avoid') =>
      one({ calendar: { extraWorkdays: ['2026-03-07'] }, policy: { makeupWorkdays: policy } }, { window: { from: '2026-03-07', to: '2026-03-08' } });
    const forbidden = reasonsFor(makeup('forbid')).reason;
    expect(forbidden?.code).toBe('NO_WORKING_DAY');
    expect(forbidden?.details).toMatchObject({ makeupWorkdays: 'forbid' });
    const avoided = reasonsFor(makeup('avoid'));
    expect(avoided.entry).toBeUndefined();
    expect(avoided.plan.visits[0]?.date).toBe('2026-03-07');
  });

  it('ENTERPRISE_UNAVAILABLE: the enterprise is closed on every working day of the window', () => {
    const { reason } = reasonsFor(one({ enterprises: [makeEnterprise({ unavailable: [{ from: '2026-03-02', to: '2026-03-04' }] })] }, { window: { from: '2026-03-02', to: '2026-03-04' } }));
    expect(reason?.code).toBe('ENTERPRISE_UNAVAILABLE');
    expect(reason?.details).toMatchObject({ enterpriseId: 'E1' });
  });

  it('QUIET_PERIOD: every day is quiet for the enterprise and "routine" is not exempt, while a complaint goes ahead', () => {
    const quiet = { quietPeriods: [{ id: 'first-ten-days', rule: 'FREQ=MONTHLY;BYMONTHDAY=1,2,3,4,5,6,7,8,9,10', areas: ['410702'] }] };
    const { reason } = reasonsFor(one({ calendar: quiet }, { window: { from: '2026-03-02', to: '2026-03-06' } }));
    expect(reason?.code).toBe('QUIET_PERIOD');
    expect(reason?.details).toMatchObject({ enterpriseId: 'E1', basis: 'routine', quietPeriodIds: ['first-ten-days'] });
    expect(reasonsFor(one({ calendar: quiet }, { window: { from: '2026-03-02', to: '2026-03-06' }, basis: 'complaint' })).entry).toBeUndefined();
  });

  it('WHITELISTED: a planned inspection of a whitelisted enterprise outside the exempt fields; a work-safety item goes ahead', () => {
    const whitelisted = { enterprises: [makeEnterprise({ whitelisted: true })] };
    const { reason } = reasonsFor(one(whitelisted, { basis: 'random' }));
    expect(reason?.code).toBe('WHITELISTED');
    expect(reason?.details).toMatchObject({ enterpriseId: 'E1', basis: 'random' });
    const safety = reasonsFor(one({ ...whitelisted, items: [makeItem({ field: 'work-safety' }), makeItem({ id: 'TAX-1', departmentId: 'TAX' })] }, { basis: 'random' }));
    expect(safety.entry).toBeUndefined();
  });

  it('AREA_MISMATCH: the department has no jurisdiction over the enterprise’s area', () => {
    const { reason } = reasonsFor(one({ departments: [{ id: 'SAMR', name: '市场监管局', areas: ['410703'] }, { id: 'TAX', name: '税务局' }] }));
    expect(reason?.code).toBe('AREA_MISMATCH');
    expect(reason?.details).toMatchObject({ departmentId: 'SAMR', area: '410702', departmentAreas: ['410703'] });
  });

  it('FIXED_DATE_INFEASIBLE: the fixed date is a Saturday, or outside the window', () => {
    const saturday = reasonsFor(one({}, { window: { from: '2026-03-02', to: '2026-03-13' }, fixedDate: '2026-03-07' })).reason;
    expect(saturday?.code).toBe('FIXED_DATE_INFEASIBLE');
    expect(saturday?.details).toMatchObject({ fixedDate: '2026-03-07', cause: 'not-working-day' });
    const outside = reasonsFor(one({}, { window: { from: '2026-03-02', to: '2026-03-06' }, fixedDate: '2026-03-10' })).reason;
    expect(outside?.details).toMatchObject({ cause: 'outside-window' });
  });

  it('FIXED_DATE_INFEASIBLE for want of officers names the department that could not field a team', () => {
    // Both SAMR officers are on leave on the fixed date (and only then): no team that day.
    const leave = [{ from: '2026-03-04', to: '2026-03-04' }];
    const input = one(
      { inspectors: [makeInspector({ unavailable: leave }), makeInspector({ id: 'I2', name: '李娜', unavailable: leave }), makeInspector({ id: 'I3', name: '王芳', departmentId: 'TAX' }), makeInspector({ id: 'I4', name: '刘洋', departmentId: 'TAX' })] },
      { window: { from: '2026-03-02', to: '2026-03-06' }, fixedDate: '2026-03-04' },
    );
    const { reason } = reasonsFor(input);
    expect(reason?.code).toBe('FIXED_DATE_INFEASIBLE');
    expect(reason?.details).toMatchObject({ fixedDate: '2026-03-04', cause: 'no-eligible-inspectors', departmentId: 'SAMR' });
    const zh = planSync(parseScenario(input)).unscheduled[0]?.reasons[0]?.message;
    expect(zh).toBe('指定日期 2026-03-04 无法安排：当日市场监管局符合条件的执法人员不足');
  });

  it('VISIT_TOO_LONG: the items take longer than the enterprise allows a visit to last', () => {
    const { reason } = reasonsFor(one({ enterprises: [makeEnterprise({ maxVisitMinutes: 45 })] }));
    expect(reason?.code).toBe('VISIT_TOO_LONG');
    expect(reason?.details).toMatchObject({ minutes: 60, limit: 45, enterpriseId: 'E1' });
  });

  it('CAP_REACHED: history has used up the cap, and the details list the cap, the limit and the inspections that counted', () => {
    const { reason } = reasonsFor(
      one({
        caps: [{ id: 'samr-1-per-quarter', departmentIds: ['SAMR'], per: 'enterprise-department', period: 'quarter', max: 1 }],
        history: [{ enterpriseId: 'E1', date: '2026-01-20', departmentIds: ['SAMR'] }],
      }),
    );
    expect(reason?.code).toBe('CAP_REACHED');
    expect(reason?.details).toMatchObject({ capId: 'samr-1-per-quarter', enterpriseId: 'E1', departmentId: 'SAMR', limit: 1, period: 'quarter', events: [{ date: '2026-01-20', history: true }] });
  });

  it('CAP_REACHED names the visit that used the cap when the plan itself used it', () => {
    const input = one(
      { caps: [{ id: 'one-a-month', per: 'enterprise', period: 'month', max: 1 }] },
      { window: { from: '2026-03-02', to: '2026-03-02' }, exclusive: true, priority: 5 },
    );
    input.requests.push(makeRequest({ id: 'R2', window: { from: '2026-03-03', to: '2026-03-03' } }));
    const { plan, reason } = reasonsFor(input, 'R2');
    expect(reason?.code).toBe('CAP_REACHED');
    expect(reason?.details).toMatchObject({ capId: 'one-a-month', limit: 1, events: [{ date: '2026-03-02', visitId: plan.visits[0]?.id }] });
  });

  describe('NO_ELIGIBLE_INSPECTORS names the filter at which the officers ran out', () => {
    const officers = (a: Parameters<typeof makeInspector>[0], b: Parameters<typeof makeInspector>[0] = {}) => ({
      inspectors: [makeInspector(a), makeInspector({ id: 'I2', name: '李娜', ...b })],
    });
    it.each([
      ['department', { inspectors: [makeInspector()] }],
      ['certificate', officers({ certificate: { validFrom: '2025-01-01', validTo: '2026-02-28' } })],
      ['area', officers({ areas: ['410703'] })],
      ['avoidance', officers({ avoid: ['E1'] })],
      ['availability', officers({ unavailable: [{ from: '2026-03-01', to: '2026-03-31' }] })],
    ] as const)('%s', (filter, overrides) => {
      const { reason } = reasonsFor(one(overrides as Partial<ScenarioInput>));
      expect(reason?.code).toBe('NO_ELIGIBLE_INSPECTORS');
      // R1's window is Monday 2 March to Friday 6 March: five working days tried
      expect(reason?.details).toMatchObject({ departmentId: 'SAMR', needed: 2, filter, daysTried: 5, days: ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'] });
    });
    it('qualification', () => {
      const { reason } = reasonsFor(one({ items: [makeItem({ qualifications: ['hazmat'] }), makeItem({ id: 'TAX-1', departmentId: 'TAX' })] }));
      expect(reason?.code).toBe('NO_ELIGIBLE_INSPECTORS');
      expect(reason?.details).toMatchObject({ filter: 'qualification', qualifications: ['hazmat'] });
    });
    // Regression: the funnel counted officers certified on *some* day and checked
    // qualifications last, so when the one officer holding the qualification had an expired
    // certificate, the reason blamed "qualification" although the department has that
    // qualification: the certificate is what blocks it.
    it('certificate, when the only qualified officer’s certificate has expired (not qualification)', () => {
      const { reason } = reasonsFor(
        one({
          items: [makeItem({ qualifications: ['hazmat'] }), makeItem({ id: 'TAX-1', departmentId: 'TAX' })],
          inspectors: [
            makeInspector({ qualifications: ['hazmat'], certificate: { validFrom: '2024-01-01', validTo: '2026-02-28' } }),
            makeInspector({ id: 'I2', name: '李娜' }),
            makeInspector({ id: 'I5', name: '陈静' }),
          ],
        }),
      );
      expect(reason?.code).toBe('NO_ELIGIBLE_INSPECTORS');
      expect(reason?.details).toMatchObject({ filter: 'certificate', certificates: [{ inspectorId: 'I1', validFrom: '2024-01-01', validTo: '2026-02-28' }] });
      expect(reason?.message).toContain('certificate filter');
      expect(reason?.message).toContain('张伟');
    });
    it('certificate, when two certificates never overlap on one day of the window', () => {
      const { reason } = reasonsFor(
        one(officers({ certificate: { validFrom: '2025-01-01', validTo: '2026-03-03' } }, { certificate: { validFrom: '2026-03-04', validTo: '2027-03-03' } })),
      );
      expect(reason?.details).toMatchObject({ filter: 'certificate' });
    });
    it('qualification, and not certificate, when no officer of the department holds it, whatever the certificates', () => {
      const { reason } = reasonsFor(
        one({
          items: [makeItem({ qualifications: ['hazmat'] }), makeItem({ id: 'TAX-1', departmentId: 'TAX' })],
          ...officers({ certificate: { validFrom: '2025-01-01', validTo: '2026-02-28' } }),
        }),
      );
      expect(reason?.details).toMatchObject({ filter: 'qualification' });
    });
  });

  describe('reasons name things by name, with the id where two share a name', () => {
    const closed = { unavailable: [{ from: '2026-03-02', to: '2026-03-06' }] };
    it('an enterprise by its name alone when it is unique', () => {
      const { reason } = reasonsFor(one({ enterprises: [makeEnterprise(closed)] }));
      expect(reason?.code).toBe('ENTERPRISE_UNAVAILABLE');
      expect(reason?.message).toContain('某某餐饮有限公司');
      expect(reason?.message).not.toContain('E1');
      expect(reason?.details).toMatchObject({ enterpriseId: 'E1' });
    });
    it('an enterprise with its id in brackets when another has the same name, in both locales', () => {
      const input = one({ enterprises: [makeEnterprise(closed), makeEnterprise({ id: 'E2' })] });
      const scenario = parseScenario(input);
      const zh = planSync(scenario, { locale: 'zh-CN' }).unscheduled.find((u) => u.occurrenceId === 'R1')?.reasons[0]?.message;
      const en = planSync(scenario, { locale: 'en' }).unscheduled.find((u) => u.occurrenceId === 'R1')?.reasons[0]?.message;
      expect(zh).toContain('某某餐饮有限公司（E1）');
      expect(en).toContain('某某餐饮有限公司 (E1)');
    });
    it('a department by its name', () => {
      const { reason } = reasonsFor(one({ departments: [{ id: 'SAMR', name: '市场监管局', areas: ['410703'] }, { id: 'TAX', name: '税务局' }] }));
      expect(reason?.code).toBe('AREA_MISMATCH');
      expect(reason?.message).toContain('市场监管局');
      expect(reason?.message).not.toMatch(/\bSAMR\b/);
    });
    it('the basis with the one Chinese term the validator uses too', () => {
      const whitelisted = one({ enterprises: [makeEnterprise({ whitelisted: true })] }, { basis: 'random' });
      const message = planSync(parseScenario(whitelisted), { locale: 'zh-CN' }).unscheduled[0]?.reasons[0]?.message;
      expect(message).toContain('双随机抽查');
    });
  });

  it('STAFF_CAPACITY: two enterprises need the same two officers on the one possible day', () => {
    const input = makeScenario({
      enterprises: [makeEnterprise(), makeEnterprise({ id: 'E2', name: '第二家企业' })],
      inspectors: [makeInspector({ maxVisitsPerDay: 1 }), makeInspector({ id: 'I2', name: '李娜', maxVisitsPerDay: 1 })],
      requests: [
        makeRequest({ window: { from: '2026-03-02', to: '2026-03-02' }, priority: 2 }),
        makeRequest({ id: 'R2', enterpriseId: 'E2', window: { from: '2026-03-02', to: '2026-03-02' } }),
      ],
    });
    const { reason } = reasonsFor(input, 'R2');
    expect(reason?.code).toBe('STAFF_CAPACITY');
    expect(reason?.details).toMatchObject({ departmentId: 'SAMR', daysTried: 1, days: ['2026-03-02'] });
  });

  it('DISPLACED: the only day is taken by an exclusive visit of higher priority', () => {
    const input = makeScenario({
      requests: [
        makeRequest({ id: 'R1', window: { from: '2026-03-02', to: '2026-03-02' }, exclusive: true, priority: 3 }),
        makeRequest({ id: 'R2', departmentId: 'TAX', itemIds: ['TAX-1'], window: { from: '2026-03-02', to: '2026-03-02' } }),
      ],
    });
    const { plan, reason } = reasonsFor(input, 'R2');
    expect(plan.visits.map((v) => v.occurrenceIds)).toEqual([['R1']]);
    expect(reason?.code).toBe('DISPLACED');
    expect(reason?.details).toMatchObject({ blockingVisitIds: [plan.visits[0]?.id] });
  });

  it('messages come in the requested language', () => {
    const input = one({}, { window: { from: '2026-03-07', to: '2026-03-08' } });
    const zh = planSync(parseScenario(input), { locale: 'zh-CN' }).unscheduled[0]?.reasons[0]?.message ?? '';
    const en = planSync(parseScenario(input), { locale: 'en' }).unscheduled[0]?.reasons[0]?.message ?? '';
    expect(zh).toContain('没有可用的工作日');
    expect(en).toContain('no working day');
  });
});
