import { describe, expect, it } from 'vitest';
import { validatePlan } from '../../src/validate/index.js';
import { makeEnterprise, makeInspector, makeItem, makeRequest } from '../support/builders.js';
import { jointVisit, makePlan, scenarioOf } from '../support/plans.js';

describe('validatePlan', () => {
  it('finds nothing wrong with a valid joint visit', () => {
    const scenario = scenarioOf();
    const plan = makePlan(scenario, [jointVisit]);
    expect(plan.visits[0]).toMatchObject({ start: '09:00', end: '10:30', departmentIds: ['SAMR', 'TAX'], leadDepartmentId: 'TAX' });
    expect(validatePlan(scenario, plan)).toMatchObject({ valid: true, violations: [], warnings: [] });
  });

  it('finds nothing wrong with a richer valid plan (recurrence, off-site, unscheduled, caps, history, quiet days, travel)', () => {
    const scenario = scenarioOf({
      horizon: { from: '2026-03-01', to: '2026-04-30' },
      calendar: { preset: 'cn-mainland', quietPeriods: [{ id: 'Q1', rule: 'FREQ=MONTHLY;BYMONTHDAY=1,2,3' }] },
      items: [
        makeItem({ qualifications: ['food'] }),
        makeItem({ id: 'TAX-1', departmentId: 'TAX', name: '发票检查', durationMinutes: 90 }),
        makeItem({ id: 'TAX-2', departmentId: 'TAX', name: '申报数据核查', offsite: true }),
      ],
      enterprises: [
        makeEnterprise({ location: { lat: 34, lng: 113 }, leadDepartmentId: 'SAMR', riskGrade: 'B' }),
        makeEnterprise({ id: 'E2', name: '某某超市', location: { lat: 34.1, lng: 113 }, unavailable: [{ from: '2026-03-09', to: '2026-03-09' }] }),
      ],
      inspectors: [
        makeInspector({ qualifications: ['food'] }),
        makeInspector({ id: 'I2', name: '李娜' }),
        makeInspector({ id: 'I3', name: '王芳', departmentId: 'TAX' }),
        makeInspector({ id: 'I4', name: '刘洋', departmentId: 'TAX' }),
      ],
      requests: [
        makeRequest({ window: { from: '2026-03-02', to: '2026-03-31' }, recurrence: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO' }),
        makeRequest({ id: 'R2', departmentId: 'TAX', itemIds: ['TAX-1'] }),
        makeRequest({ id: 'R3', departmentId: 'TAX', itemIds: ['TAX-2'] }),
        makeRequest({ id: 'R4', enterpriseId: 'E2', window: { from: '2026-03-02', to: '2026-03-13' } }),
        makeRequest({ id: 'R5', enterpriseId: 'E2', basis: 'complaint', window: { from: '2026-04-01', to: '2026-04-30' } }),
      ],
      caps: [{ id: 'C1', per: 'enterprise', period: 'month', max: 2, minGapDays: 7 }],
      history: [{ enterpriseId: 'E1', date: '2026-02-20', departmentIds: ['SAMR'] }],
      policy: { travelMinutesPerKm: 1, makeupWorkdays: 'forbid' },
    });
    // R1#1 window 03-02..03-15, R1#2 03-16..03-31; E2 is 11.12 km away: 12 min of travel.
    const plan = makePlan(scenario, [
      { date: '2026-03-04', occurrenceIds: ['R1#1', 'R2'], inspectorIds: ['I1', 'I2', 'I3', 'I4'] },
      { date: '2026-03-04', start: '10:42', occurrenceIds: ['R4'], inspectorIds: ['I1', 'I2'] },
      { date: '2026-03-16', occurrenceIds: ['R1#2'], inspectorIds: ['I1', 'I2'] },
      { date: '2026-04-07', occurrenceIds: ['R5'], inspectorIds: ['I1', 'I2'] },
    ]);
    expect(plan.offsite).toEqual([{ occurrenceId: 'R3' }]);
    expect(plan.visits[0]).toMatchObject({ end: '10:30', leadDepartmentId: 'SAMR' });
    expect(validatePlan(scenario, plan)).toMatchObject({ valid: true, violations: [], warnings: [] });
  });

  it('names the rule, the visit and the kind of each breach', () => {
    const scenario = scenarioOf();
    const plan = makePlan(scenario, [{ ...jointVisit, inspectorIds: ['I1', 'I3', 'I4'] }]);
    const result = validatePlan(scenario, plan, { locale: 'en' });
    expect(result.valid).toBe(false);
    expect(result.violations).toEqual([
      {
        ruleId: 'team',
        severity: 'violation',
        visitId: 'V1',
        message: 'Visit V1: department 市场监管局 sends 1 officer(s), fewer than the required 2',
        details: { kind: 'team-size', visitId: 'V1', departmentId: 'SAMR', count: 1, required: 2, inspectorIds: ['I1'] },
      },
    ]);
  });

  it("speaks Chinese by default, and with locale 'zh-CN'", () => {
    const scenario = scenarioOf();
    const plan = makePlan(scenario, [{ ...jointVisit, inspectorIds: ['I1', 'I3', 'I4'] }]);
    const [v] = validatePlan(scenario, plan, { locale: 'zh-CN' }).violations;
    expect(v?.message).toBe('检查组 V1 中市场监管局仅派出 1 名执法人员，少于规定的 2 名');
    expect(validatePlan(scenario, plan).violations[0]?.message).toBe(v?.message);
  });

  it('adds the id where two share a name, and only then', () => {
    const scenario = scenarioOf({
      inspectors: [
        makeInspector({ id: 'I1', name: '张伟' }),
        makeInspector({ id: 'I2', name: '张伟', avoid: ['E1'] }),
        makeInspector({ id: 'I3', name: '王芳', departmentId: 'TAX', avoid: ['E1'] }),
        makeInspector({ id: 'I4', name: '刘洋', departmentId: 'TAX' }),
      ],
    });
    const plan = makePlan(scenario, [jointVisit]);
    const zh = validatePlan(scenario, plan).violations.map((v) => v.message);
    expect(zh).toEqual(['检查组 V1：执法人员张伟（I2）与企业某某餐饮有限公司存在利害关系，应当回避', '检查组 V1：执法人员王芳与企业某某餐饮有限公司存在利害关系，应当回避']);
    const en = validatePlan(scenario, plan, { locale: 'en' }).violations.map((v) => v.message);
    expect(en[0]).toBe('Visit V1: officer 张伟 (I2) must step aside from enterprise 某某餐饮有限公司 (conflict of interest)');
  });

  it('joins lists with 、 in Chinese', () => {
    const scenario = scenarioOf({ policy: { maxDepartmentsPerVisit: 1 } });
    const plan = makePlan(scenario, [{ date: '2026-03-02', occurrenceIds: ['R1'], inspectorIds: ['I1', 'I2'], departmentIds: ['SAMR', 'TAX'] }], {});
    const v = validatePlan(scenario, plan, { locale: 'zh-CN' }).violations.find((x) => x.details.kind === 'mismatch');
    expect(v?.message).toBe('检查组 V1 列明的部门为 市场监管局、税务局，但其检查任务所属部门为 市场监管局（缺少：无；无任务：税务局）');
  });

  it('does not crash on unknown ids, and reports each of them', () => {
    const scenario = scenarioOf();
    const plan = makePlan(scenario, [{ ...jointVisit, enterpriseId: 'E9', occurrenceIds: ['R1', 'R2', 'R9'], inspectorIds: ['I1', 'I2', 'I3', 'I4', 'I9'] }]);
    const refs = validatePlan(scenario, plan).violations.filter((v) => v.ruleId === 'references');
    expect(refs.map((v) => [v.details.kind, v.details.where, v.details.id])).toEqual([
      ['unknown-enterprise', 'visits[0].enterpriseId', 'E9'],
      ['unknown-officer', 'visits[0].inspectorIds[4]', 'I9'],
      ['unknown-occurrence', 'visits[0].occurrenceIds[2]', 'R9'],
    ]);
  });

  it('checks 10,000 visits quickly', () => {
    const n = 10_000;
    const enterprises = Array.from({ length: n }, (_, i) => makeEnterprise({ id: `E${i}`, location: { lat: 34 + (i % 100) / 100, lng: 113 } }));
    const requests = Array.from({ length: n }, (_, i) => makeRequest({ id: `R${i}`, enterpriseId: `E${i}`, window: { from: '2026-03-02', to: '2026-03-31' } }));
    const inspectors = Array.from({ length: 2 * n / 5 }, (_, i) => makeInspector({ id: `I${i}` }));
    const scenario = scenarioOf({
      enterprises,
      requests,
      inspectors,
      items: [makeItem()],
      caps: [{ id: 'C1', per: 'enterprise-department', period: { rollingDays: 30 }, max: 1, minGapDays: 10 }],
      policy: { travelMinutesPerKm: 1 },
    });
    // 22 working days in 2026-03-02..03-31; officer pair k visits at most one enterprise a day.
    const days = ['02', '03', '04', '05', '06', '09', '10', '11', '12', '13', '16', '17', '18', '19', '20', '23', '24', '25', '26', '27', '30', '31'];
    const plan = makePlan(
      scenario,
      requests.map((r, i) => {
        const pair = Math.floor(i / days.length) % (n / 5);
        return { date: `2026-03-${days[i % days.length]}`, occurrenceIds: [r.id], inspectorIds: [`I${2 * pair}`, `I${2 * pair + 1}`] };
      }),
    );
    const t0 = performance.now();
    const result = validatePlan(scenario, plan);
    const ms = performance.now() - t0;
    expect(result.violations).toEqual([]);
    expect(ms).toBeLessThan(3000);
  });
});
