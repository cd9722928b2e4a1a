/**
 * `explain` on small scenarios, one blocking rule each: the relaxation of that kind is
 * suggested, and the scenario it gives, planned again from scratch with `planSync`, schedules
 * the occurrence; the explanation names people, departments and enterprises by name; a
 * scheduled occurrence's explanation names its day and team.
 */
import { describe, expect, it } from 'vitest';
import { applyRelaxation, explain, parseScenario, planSync, type Explanation, type Relaxation, type ScenarioInput } from '../../src/index.js';
import { makeDepartment, makeEnterprise, makeInspector, makeItem, makeRequest, makeScenario } from '../support/builders.js';

type Unscheduled = Extract<Explanation, { status: 'unscheduled' }>;

function explainUnscheduled(input: ScenarioInput, occurrenceId = 'R1', locale: 'zh-CN' | 'en' = 'zh-CN'): { e: Unscheduled; input: ScenarioInput } {
  const scenario = parseScenario(input);
  const plan = planSync(scenario);
  expect(plan.unscheduled.map((u) => u.occurrenceId)).toContain(occurrenceId);
  const e = explain(scenario, plan, occurrenceId, { locale });
  if (e.status !== 'unscheduled') throw new Error(`expected unscheduled, got ${e.status}`);
  return { e, input };
}

/** Planned again from scratch, the relaxed scenario schedules the occurrence. */
function schedulesWith(input: ScenarioInput, r: Relaxation, occurrenceId = 'R1'): boolean {
  const relaxed = planSync(parseScenario(applyRelaxation(input, r)));
  return relaxed.visits.some((v) => v.occurrenceIds.includes(occurrenceId));
}

function relaxationOf(e: Unscheduled, kind: Relaxation['kind']): Relaxation {
  const r = e.relaxations.find((x) => x.kind === kind);
  if (!r) throw new Error(`no ${kind} among ${e.relaxations.map((x) => x.kind).join(', ')}`);
  return r;
}

/** SAMR alone, one enterprise, officers I1 and I2, R1 in the week of 2026-03-02. */
const samrOnly = (o: Partial<ScenarioInput> = {}): ScenarioInput =>
  makeScenario({
    departments: [makeDepartment()],
    items: [makeItem()],
    inspectors: [makeInspector(), makeInspector({ id: 'I2', name: '李娜' })],
    requests: [makeRequest()],
    ...o,
  });

describe('explain: each relaxation kind, suggested where its rule blocks, and verified by planning again', () => {
  it('widen-window: the enterprise is unavailable all week → the window reaches the next working day', () => {
    const input = samrOnly({ enterprises: [makeEnterprise({ unavailable: [{ from: '2026-03-02', to: '2026-03-06' }] })] });
    const { e } = explainUnscheduled(input);
    expect(e.days.map((d) => d.date)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06']);
    expect(e.days.every((d) => d.outcome === 'impossible' && d.rule === 'enterprise-unavailable')).toBe(true);
    expect(e.days[0]?.message).toContain('某某餐饮有限公司');
    const r = relaxationOf(e, 'widen-window');
    expect(r.message).toContain('2026-03-09');
    expect(schedulesWith(input, r)).toBe(true);
  });

  it('lift-unavailability: one day of the range opened is enough', () => {
    const input = samrOnly({ enterprises: [makeEnterprise({ unavailable: [{ from: '2026-03-02', to: '2026-03-06' }] })] });
    const r = relaxationOf(explainUnscheduled(input).e, 'lift-unavailability');
    expect(r.size).toBe(1);
    expect(schedulesWith(input, r)).toBe(true);
  });

  it('move-fixed-date: the fixed day is a holiday of the enterprise → the nearest day that works', () => {
    const input = samrOnly({ enterprises: [makeEnterprise({ unavailable: [{ from: '2026-03-04', to: '2026-03-04' }] })], requests: [makeRequest({ fixedDate: '2026-03-04' })] });
    const { e } = explainUnscheduled(input);
    expect(e.days.find((d) => d.date === '2026-03-04')?.rule).toBe('enterprise-unavailable');
    expect(e.days.find((d) => d.date === '2026-03-02')?.rule).toBe('fixed-date');
    const r = relaxationOf(e, 'move-fixed-date');
    expect(r.details).toMatchObject({ from: '2026-03-04', to: '2026-03-03' });
    expect(schedulesWith(input, r)).toBe(true);
  });

  it('extend-certificate: a certificate ending before the window → extended, the officer named', () => {
    const input = samrOnly({ inspectors: [makeInspector({ certificate: { validFrom: '2026-01-01', validTo: '2026-02-27' } }), makeInspector({ id: 'I2', name: '李娜' })] });
    const { e } = explainUnscheduled(input);
    expect(e.days.every((d) => d.rule === 'staff')).toBe(true);
    const r = relaxationOf(e, 'extend-certificate');
    expect(r.message).toContain('张伟');
    expect(schedulesWith(input, r)).toBe(true);
  });

  it('lift-officer-leave: an officer on leave all week → back on one day', () => {
    const input = samrOnly({ inspectors: [makeInspector(), makeInspector({ id: 'I2', name: '李娜', unavailable: [{ from: '2026-03-01', to: '2026-03-08' }] })] });
    const r = relaxationOf(explainUnscheduled(input).e, 'lift-officer-leave');
    expect(r.message).toContain('李娜');
    expect(schedulesWith(input, r)).toBe(true);
  });

  it('add-officer: nobody holds the qualification → one more officer qualified in it, department by name', () => {
    const input = samrOnly({ items: [makeItem({ qualifications: ['fire-systems'] })] });
    const { e } = explainUnscheduled(input);
    const r = relaxationOf(e, 'add-officer');
    expect(r.message).toMatch(/增加 1 名具备 fire-systems 资质的市场监管局执法人员/);
    expect(schedulesWith(input, r)).toBe(true);
    const en = explainUnscheduled(input, 'R1', 'en').e;
    expect(relaxationOf(en, 'add-officer').message).toMatch(/^1 more 市场监管局 officer\(s\) qualified in fire-systems on 2026-03-0\d$/);
  });

  it('area: the department has no jurisdiction over the enterprise → its area added', () => {
    const input = samrOnly({ departments: [makeDepartment({ areas: ['410703'] })] });
    const { e } = explainUnscheduled(input);
    expect(e.days.every((d) => d.rule === 'department-area')).toBe(true);
    const r = relaxationOf(e, 'area');
    expect(r.message).toContain('410702');
    expect(schedulesWith(input, r)).toBe(true);
  });

  it('free-cap: the cap is used up by a visit and a history entry, both named with their dates', () => {
    const input = samrOnly({
      requests: [makeRequest(), makeRequest({ id: 'R0', exclusive: true, priority: 5 })],
      caps: [{ id: 'samr-year', departmentIds: ['SAMR'], per: 'enterprise-department', period: 'year', max: 2 }],
      history: [{ enterpriseId: 'E1', date: '2026-01-10', departmentIds: ['SAMR'] }],
    });
    const { e } = explainUnscheduled(input);
    const capDay = e.days.find((d) => d.rule === 'cap');
    expect(capDay?.message).toMatch(/samr-year/);
    const r = relaxationOf(e, 'free-cap');
    expect(r.message).toMatch(/检查组 V1（2026-03-0\d）/);
    expect(r.message).toContain('2026-01-10 的历史检查');
    expect(schedulesWith(input, r)).toBe(true);
  });

  it('no relaxation where nothing in the scenario a regulator controls blocks it: every relaxation is verified, none invented', () => {
    // Whitelisted enterprise, routine basis, no exempt field: only the law would have to change.
    const input = samrOnly({ enterprises: [makeEnterprise({ whitelisted: true })] });
    const { e } = explainUnscheduled(input);
    expect(e.days.every((d) => d.rule === 'whitelist')).toBe(true);
    expect(e.relaxations).toEqual([]);
  });
});

describe('explain: a scheduled occurrence', () => {
  it('names the chosen day and the team, and says why the others are worse or impossible', () => {
    const input = makeScenario({ enterprises: [makeEnterprise({ unavailable: [{ from: '2026-03-02', to: '2026-03-02' }] })] });
    const scenario = parseScenario(input);
    const plan = planSync(scenario);
    const visit = plan.visits.find((v) => v.occurrenceIds.includes('R1'));
    expect(visit).toBeDefined();
    const e = explain(scenario, plan, 'R1');
    if (e.status !== 'scheduled' || !visit) throw new Error('expected scheduled');
    expect(e.date).toBe(visit.date);
    expect(e.days.filter((d) => d.outcome === 'chosen').map((d) => d.date)).toEqual([visit.date]);
    expect(e.days.find((d) => d.date === '2026-03-02')).toMatchObject({ outcome: 'impossible', rule: 'enterprise-unavailable' });
    const samrTeam = visit.inspectorIds.filter((id) => id === 'I1' || id === 'I2');
    expect(e.team.map((m) => m.inspectorId)).toEqual(samrTeam);
    expect(e.summary).toContain(visit.date);
    expect(e.summary).toContain('张伟');
    // R1 and R2 share one visit: a day alone would mean one more entry into the enterprise.
    expect(visit.occurrenceIds).toContain('R2');
    for (const d of e.days.filter((x) => x.outcome === 'possible')) expect(d.details.worse).toBe('fewer-visits');
  });

  it('an off-site occurrence needs no visit', () => {
    const input = samrOnly({ items: [makeItem({ offsite: true })] });
    const scenario = parseScenario(input);
    expect(explain(scenario, planSync(scenario), 'R1').status).toBe('offsite');
  });

  it('an unknown occurrence id is an ArgumentError naming the parameter', () => {
    const scenario = parseScenario(samrOnly());
    expect(() => explain(scenario, planSync(scenario), 'R99')).toThrowError(/occurrenceId/);
  });

  it('never mutates its arguments', () => {
    const input = samrOnly({ items: [makeItem({ qualifications: ['fire-systems'] })] });
    const scenario = parseScenario(input);
    const plan = planSync(scenario);
    const before = JSON.stringify([scenario, plan]);
    const e = explain(scenario, plan, 'R1');
    if (e.status === 'unscheduled') for (const r of e.relaxations) applyRelaxation(scenario, r);
    expect(JSON.stringify([scenario, plan])).toBe(before);
  });
});
