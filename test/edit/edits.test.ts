/**
 * Each kind of edit: "applies" (the plan changes as the edit says and nothing else, and a
 * lawful edit leaves no violation) and "reports the breach" (an edit that breaks a rule is
 * still applied, and the violation names it, by name, in Chinese by default).
 */
import { describe, expect, it } from 'vitest';
import { applyEdits, editPlan, type Plan, type Scenario } from '../../src/index.js';
import { makeInspector, makeItem, makeRequest } from '../support/builders.js';
import { jointVisit, makePlan, scenarioOf } from '../support/plans.js';

const asPlan = (p: unknown) => p as Plan;
const visit = (plan: Plan, id: string) => plan.visits.find((v) => v.id === id);
const rulesOf = (vs: { ruleId: string }[]) => [...new Set(vs.map((v) => v.ruleId))];

/** The default scenario (SAMR R1 60 min with 张伟 I1 and 李娜 I2; TAX R2 90 min with 王芳 I3 and 刘洋 I4; window Mon 03-02 … Fri 03-06). */
const scenario: Scenario = scenarioOf();
const joint = asPlan(makePlan(scenario, [jointVisit]));

describe('move-visit', () => {
  it('applies: the visit moves to the new day and start, keeps its length, and stays lawful', () => {
    const { plan, violations } = editPlan(scenario, joint, { kind: 'move-visit', visitId: 'V1', date: '2026-03-04', start: '13:00' });
    expect(visit(plan, 'V1')).toEqual({ ...joint.visits[0], date: '2026-03-04', start: '13:00', end: '14:30' });
    expect(violations).toEqual([]);
  });

  it('applies: without a start only the date changes', () => {
    const { plan } = editPlan(scenario, joint, { kind: 'move-visit', visitId: 'V1', date: '2026-03-05' });
    expect(visit(plan, 'V1')).toEqual({ ...joint.visits[0], date: '2026-03-05' });
  });

  it('reports the breach: moved onto a Saturday outside the window, it is moved and the violations say so', () => {
    const { plan, violations } = editPlan(scenario, joint, { kind: 'move-visit', visitId: 'V1', date: '2026-03-07' });
    expect(visit(plan, 'V1')?.date).toBe('2026-03-07');
    expect(rulesOf(violations)).toEqual(['visit-day', 'occurrence-window']);
    expect(violations.every((v) => v.visitId === 'V1')).toBe(true);
    expect(violations[0]?.message).toContain('2026-03-07');
    expect(violations[0]?.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reports the breach: a start late in the day holds the end at 24:00, and the duration rule objects', () => {
    const { plan, violations } = editPlan(scenario, joint, { kind: 'move-visit', visitId: 'V1', date: '2026-03-02', start: '23:30' });
    expect(visit(plan, 'V1')).toMatchObject({ start: '23:30', end: '24:00' });
    expect(rulesOf(violations)).toContain('visit-duration');
  });
});

describe('add-officer', () => {
  const short = asPlan(makePlan(scenario, [{ ...jointVisit, inspectorIds: ['I1', 'I3', 'I4'] }]));

  it('applies: the officer joins beside his department and the team is complete', () => {
    expect(editPlan(scenario, short, { kind: 'move-visit', visitId: 'V1', date: '2026-03-02' }).violations.map((v) => v.ruleId)).toEqual(['team']);
    const { plan, violations } = editPlan(scenario, short, { kind: 'add-officer', visitId: 'V1', inspectorId: 'I2' });
    expect(visit(plan, 'V1')?.inspectorIds).toEqual(['I1', 'I2', 'I3', 'I4']);
    expect(violations).toEqual([]);
    expect(plan.metrics.personVisits).toBe(4);
  });

  it('reports the breach: an officer whose certificate has expired is added, and named in the violation', () => {
    const s = scenarioOf({ inspectors: [...(scenarioOf().inspectors as never[]), makeInspector({ id: 'I5', name: '赵敏', certificate: { validFrom: '2025-01-01', validTo: '2026-02-28' } })] });
    const { plan, violations } = editPlan(s, asPlan(makePlan(s, [jointVisit])), { kind: 'add-officer', visitId: 'V1', inspectorId: 'I5' });
    expect(visit(plan, 'V1')?.inspectorIds).toEqual(['I1', 'I2', 'I5', 'I3', 'I4']);
    expect(rulesOf(violations)).toEqual(['team']);
    expect(violations[0]?.message).toContain('赵敏');
  });
});

describe('remove-officer', () => {
  it('applies: a third officer of a department can go', () => {
    const s = scenarioOf({ inspectors: [...(scenarioOf().inspectors as never[]), makeInspector({ id: 'I5', name: '赵敏' })] });
    const { plan, violations } = editPlan(s, asPlan(makePlan(s, [{ ...jointVisit, inspectorIds: ['I1', 'I2', 'I5', 'I3', 'I4'] }])), { kind: 'remove-officer', visitId: 'V1', inspectorId: 'I5' });
    expect(visit(plan, 'V1')?.inspectorIds).toEqual(['I1', 'I2', 'I3', 'I4']);
    expect(violations).toEqual([]);
  });

  it('reports the breach: with one officer left, the department is named in the team violation', () => {
    const { plan, violations } = editPlan(scenario, joint, { kind: 'remove-officer', visitId: 'V1', inspectorId: 'I1' });
    expect(visit(plan, 'V1')?.inspectorIds).toEqual(['I2', 'I3', 'I4']);
    expect(rulesOf(violations)).toEqual(['team']);
    expect(violations[0]?.message).toContain('市场监管局');
  });
});

describe('move-occurrence', () => {
  const apart = asPlan(
    makePlan(scenario, [
      { date: '2026-03-02', occurrenceIds: ['R1'], inspectorIds: ['I1', 'I2'] },
      { date: '2026-03-03', occurrenceIds: ['R2'], inspectorIds: ['I3', 'I4'] },
    ]),
  );

  it('applies: into another visit with its officers, the emptied visit goes, and the joint visit is reshaped', () => {
    const { plan, violations } = applyEdits(scenario, apart, [
      { kind: 'move-occurrence', occurrenceId: 'R2', toVisitId: 'V1' },
      { kind: 'add-officer', visitId: 'V1', inspectorId: 'I3' },
      { kind: 'add-officer', visitId: 'V1', inspectorId: 'I4' },
    ]);
    expect(plan.visits).toEqual([{ ...apart.visits[0], end: '10:30', departmentIds: ['SAMR', 'TAX'], leadDepartmentId: 'TAX', occurrenceIds: ['R1', 'R2'], inspectorIds: ['I1', 'I2', 'I3', 'I4'] }]);
    expect(violations).toEqual([]);
    expect(plan.metrics).toMatchObject({ visits: 1, scheduled: 2, personVisits: 4 });
  });

  it('applies: into a new visit with a team; the old visit keeps the other department, and its officers', () => {
    const { plan, violations } = editPlan(scenario, joint, { kind: 'move-occurrence', occurrenceId: 'R1', toNewVisit: { date: '2026-03-03', inspectorIds: ['I1', 'I2'] } });
    expect(plan.visits).toEqual([
      { ...joint.visits[0], end: '10:30', departmentIds: ['TAX'], leadDepartmentId: 'TAX', occurrenceIds: ['R2'], inspectorIds: ['I3', 'I4'] },
      { id: 'V2', enterpriseId: 'E1', date: '2026-03-03', start: '09:00', end: '10:00', departmentIds: ['SAMR'], leadDepartmentId: 'SAMR', occurrenceIds: ['R1'], inspectorIds: ['I1', 'I2'] },
    ]);
    expect(violations).toEqual([]);
    expect(plan.metrics).toMatchObject({ visits: 2, scheduled: 2, personVisits: 4 });
  });

  it('reports the breach: a second visit to the enterprise on the same day, without a team', () => {
    const { plan, violations } = editPlan(scenario, joint, { kind: 'move-occurrence', occurrenceId: 'R1', toNewVisit: { date: '2026-03-02' } });
    expect(plan.visits.map((v) => v.id)).toEqual(['V1', 'V2']);
    expect(rulesOf(violations)).toEqual(expect.arrayContaining(['enterprise-availability', 'team']));
    expect(violations.find((v) => v.ruleId === 'enterprise-availability')?.message).toContain('某某餐饮有限公司');
  });
});

describe('unschedule', () => {
  it('applies: the occurrence leaves its visit for unscheduled with reason MANUAL, its officers go home', () => {
    const { plan, violations } = editPlan(scenario, joint, { kind: 'unschedule', occurrenceId: 'R1', note: '企业停业整顿' });
    expect(visit(plan, 'V1')).toMatchObject({ occurrenceIds: ['R2'], departmentIds: ['TAX'], inspectorIds: ['I3', 'I4'], end: '10:30' });
    expect(plan.unscheduled).toEqual([
      { occurrenceId: 'R1', reasons: [{ code: 'MANUAL', message: '已由人工调整取消安排（原在 2026-03-02 的检查组 V1）：企业停业整顿', details: { visitId: 'V1', date: '2026-03-02', note: '企业停业整顿' } }] },
    ]);
    expect(violations).toEqual([]);
    expect(plan.metrics).toMatchObject({ scheduled: 1, unscheduled: 1, personVisits: 2 });
  });

  it('applies in English: the reason reads in the locale; the last occurrence of a visit takes the visit with it', () => {
    const one = editPlan(scenario, joint, { kind: 'unschedule', occurrenceId: 'R1' }, { locale: 'en' });
    const { plan } = editPlan(scenario, one.plan, { kind: 'unschedule', occurrenceId: 'R2' }, { locale: 'en' });
    expect(plan.visits).toEqual([]);
    expect(plan.unscheduled.map((u) => u.reasons[0]?.message)).toEqual(['taken out of the plan by hand (it was in visit V1 on 2026-03-02)', 'taken out of the plan by hand (it was in visit V1 on 2026-03-02)']);
    expect(plan.metrics).toMatchObject({ visits: 0, lowerBound: 0, scheduled: 0, unscheduled: 2 });
  });

  it('reports the breach: an off-site occurrence unscheduled must be listed off-site', () => {
    const s = scenarioOf({ items: [makeItem(), makeItem({ id: 'TAX-1', departmentId: 'TAX', name: '发票检查', offsite: true })] });
    const { plan, violations } = editPlan(s, asPlan(makePlan(s, [{ date: '2026-03-02', occurrenceIds: ['R1'], inspectorIds: ['I1', 'I2'] }])), { kind: 'unschedule', occurrenceId: 'R2' });
    expect(plan.offsite).toEqual([]);
    expect(plan.unscheduled.map((u) => u.occurrenceId)).toEqual(['R2']);
    expect(violations.map((v) => [v.ruleId, v.details.kind])).toEqual([['occurrence-accounting', 'offsite-misplaced']]);
  });
});

describe('schedule', () => {
  const tax = asPlan(makePlan(scenario, [{ date: '2026-03-02', occurrenceIds: ['R2'], inspectorIds: ['I3', 'I4'] }]));

  it('applies: an unscheduled occurrence joins a visit, with its officers', () => {
    expect(tax.unscheduled.map((u) => u.occurrenceId)).toEqual(['R1']);
    const { plan, violations } = applyEdits(scenario, tax, [
      { kind: 'schedule', occurrenceId: 'R1', visitId: 'V1' },
      { kind: 'add-officer', visitId: 'V1', inspectorId: 'I1' },
      { kind: 'add-officer', visitId: 'V1', inspectorId: 'I2' },
    ]);
    expect(visit(plan, 'V1')).toEqual({ ...tax.visits[0], departmentIds: ['SAMR', 'TAX'], occurrenceIds: ['R2', 'R1'], inspectorIds: ['I1', 'I2', 'I3', 'I4'], end: '10:30' });
    expect(plan.unscheduled).toEqual([]);
    expect(violations).toEqual([]);
    expect(plan.metrics).toMatchObject({ scheduled: 2, unscheduled: 0, visits: 1 });
  });

  it('reports the breach: a new visit outside the window is made, and the window rule objects', () => {
    const { plan, violations } = editPlan(scenario, tax, { kind: 'schedule', occurrenceId: 'R1', newVisit: { date: '2026-03-09', start: '10:00', inspectorIds: ['I1', 'I2'] } });
    expect(visit(plan, 'V2')).toMatchObject({ date: '2026-03-09', start: '10:00', end: '11:00', occurrenceIds: ['R1'] });
    expect(rulesOf(violations)).toEqual(['occurrence-window']);
  });

  it('a new visit takes an id no part of the plan names, not even a reason', () => {
    const p = asPlan(makePlan(scenario, [{ id: 'V3', date: '2026-03-02', occurrenceIds: ['R2'], inspectorIds: ['I3', 'I4'] }]));
    const named = { ...p, unscheduled: [{ occurrenceId: 'R1', reasons: [{ code: 'DISPLACED', message: 'x', details: { blockingVisitIds: ['V7'] } }] }] } as Plan;
    const { plan } = editPlan(scenario, named, { kind: 'schedule', occurrenceId: 'R1', newVisit: { date: '2026-03-03' } });
    expect(plan.visits.map((v) => v.id)).toEqual(['V3', 'V8']);
  });

  it('a fixed-date request scheduled on another day is applied and reported', () => {
    const s = scenarioOf({ requests: [makeRequest({ fixedDate: '2026-03-04' }), makeRequest({ id: 'R2', departmentId: 'TAX', itemIds: ['TAX-1'] })] });
    const { violations } = editPlan(s, asPlan(makePlan(s, [{ date: '2026-03-02', occurrenceIds: ['R2'], inspectorIds: ['I3', 'I4'] }])), { kind: 'schedule', occurrenceId: 'R1', newVisit: { date: '2026-03-03', inspectorIds: ['I1', 'I2'] } });
    expect(rulesOf(violations)).toEqual(['occurrence-window']);
  });
});
