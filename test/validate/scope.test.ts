/**
 * Scope: a department's partial plan, judged against every rule and the caps, with the rest of
 * the joint plan (the context) counted where visits meet. Each behaviour has its pair:
 * penalized / not penalized.
 */
import { describe, expect, it } from 'vitest';
import { InputError, validatePlan } from '../../src/index.js';
import { makeEnterprise, makeInspector, makeItem, makeRequest, type CapInput } from '../support/builders.js';
import { makePlan, scenarioOf, type VisitSpec } from '../support/plans.js';

/** SAMR: R1 and R3 at E1; TAX: R2 at E1, R5 at E2. Officers I1, I2 (SAMR), I3, I4 (TAX). */
const scenario = (caps: CapInput[] = []) =>
  scenarioOf({
    enterprises: [makeEnterprise(), makeEnterprise({ id: 'E2', name: '某某超市' })],
    inspectors: [
      makeInspector(),
      makeInspector({ id: 'I2', name: '李娜' }),
      makeInspector({ id: 'I3', name: '王芳', departmentId: 'TAX' }),
      makeInspector({ id: 'I4', name: '刘洋', departmentId: 'TAX' }),
    ],
    items: [makeItem(), makeItem({ id: 'TAX-1', departmentId: 'TAX', name: '发票检查', durationMinutes: 90 })],
    requests: [
      makeRequest(),
      makeRequest({ id: 'R2', departmentId: 'TAX', itemIds: ['TAX-1'] }),
      makeRequest({ id: 'R3', window: { from: '2026-03-09', to: '2026-03-13' } }),
      makeRequest({ id: 'R5', departmentId: 'TAX', enterpriseId: 'E2', itemIds: ['TAX-1'] }),
    ],
    caps,
  });

const samr = (o: Partial<VisitSpec> = {}): VisitSpec => ({ id: 'S1', date: '2026-03-02', occurrenceIds: ['R1'], inspectorIds: ['I1', 'I2'], ...o });
const samr3: VisitSpec = { id: 'S3', date: '2026-03-09', occurrenceIds: ['R3'], inspectorIds: ['I1', 'I2'] };
const tax = (o: Partial<VisitSpec> = {}): VisitSpec => ({ id: 'T1', date: '2026-03-03', occurrenceIds: ['R2'], inspectorIds: ['I3', 'I4'], ...o });

/** SAMR's own plan: only its visits, its occurrences accounted for, nothing of TAX's, no metrics. */
function samrPlan(s: ReturnType<typeof scenario>, visits: VisitSpec[]) {
  const { metrics: _none, ...plan } = makePlan(s, visits, { offsite: [], unscheduled: ['R1', 'R3'].filter((id) => !visits.some((v) => v.occurrenceIds.includes(id))) });
  return plan;
}

const kinds = (found: { ruleId: string; details: Record<string, unknown> }[]) => found.map((v) => `${v.ruleId}/${String(v.details.kind)}`);

describe('validatePlan with a scope', () => {
  it("does not demand the other departments' occurrences (they are missing without a scope)", () => {
    const s = scenario();
    const plan = samrPlan(s, [samr(), samr3]);
    const scoped = validatePlan(s, plan, { departmentIds: ['SAMR'] });
    expect(scoped).toMatchObject({ valid: true, violations: [], warnings: [], scope: { departmentIds: ['SAMR'] } });
    expect(scoped.scope).toEqual({ departmentIds: ['SAMR'] });
    const whole = validatePlan(s, plan);
    expect(whole.violations.map((v) => [v.details.kind, v.occurrenceId])).toEqual([
      ['missing', 'R2'],
      ['missing', 'R5'],
    ]);
    expect(whole.scope).toBeUndefined();
  });

  it('still demands every occurrence of the departments in scope', () => {
    const s = scenario();
    const plan = makePlan(s, [samr()], { offsite: [], unscheduled: [] });
    const found = validatePlan(s, plan, { departmentIds: ['SAMR'] }).violations;
    expect(found.map((v) => [v.ruleId, v.details.kind, v.occurrenceId])).toEqual([['occurrence-accounting', 'missing', 'R3']]);
  });

  it('takes several departments: each one’s occurrences are demanded', () => {
    const s = scenario();
    const plan = samrPlan(s, [samr(), samr3]);
    const found = validatePlan(s, plan, { departmentIds: ['SAMR', 'TAX'] }).violations;
    expect(found.map((v) => v.occurrenceId)).toEqual(['R2', 'R5']);
  });

  it('checks every rule on the partial plan', () => {
    const s = scenario();
    const plan = samrPlan(s, [samr({ date: '2026-03-07' }), samr3]);
    expect(kinds(validatePlan(s, plan, { departmentIds: ['SAMR'] }).violations)).toEqual(['visit-day/not-working-day', 'occurrence-window/outside-window']);
  });

  it("warns about another department's occurrence in the partial plan, and checks it like the others", () => {
    const s = scenario();
    // SAMR's plan carries TAX's R2 in a joint visit, with one TAX officer only.
    const { metrics: _none, ...plan } = makePlan(s, [{ ...samr(), occurrenceIds: ['R1', 'R2'], inspectorIds: ['I1', 'I2', 'I3'] }, samr3], { offsite: [], unscheduled: [] });
    const result = validatePlan(s, plan, { departmentIds: ['SAMR'], locale: 'en' });
    expect(kinds(result.violations)).toEqual(['team/team-size']);
    expect(result.warnings.map((w) => [w.ruleId, w.details.kind, w.occurrenceId, w.details.departmentId])).toEqual([['occurrence-accounting', 'out-of-scope', 'R2', 'TAX']]);
    expect(result.warnings[0]?.message).toContain('税务局');
    const own = samrPlan(s, [samr(), samr3]);
    expect(validatePlan(s, own, { departmentIds: ['SAMR'] }).warnings).toEqual([]);
  });

  it("counts metrics.occurrences over the scope's departments", () => {
    const s = scenario();
    const plan = samrPlan(s, [samr(), samr3]);
    expect(validatePlan(s, plan, { departmentIds: ['SAMR'] }).metrics.occurrences).toBe(2);
    expect(validatePlan(s, { ...plan, metrics: { occurrences: 2 } }, { departmentIds: ['SAMR'] }).warnings).toEqual([]);
    const stale = validatePlan(s, { ...plan, metrics: { occurrences: 4 } }, { departmentIds: ['SAMR'] }).warnings;
    expect(stale.map((w) => w.details)).toEqual([{ kind: 'mismatch', metric: 'occurrences', reported: 4, actual: 2 }]);
  });

  describe('with a context (the rest of the joint plan)', () => {
    const capped = () => scenario([{ id: 'C1', per: 'enterprise', period: 'month', max: 1 }]);

    it("counts the context's visits toward caps", () => {
      const s = capped();
      const plan = samrPlan(s, [samr()]);
      const context = makePlan(s, [tax()]);
      const found = validatePlan(s, plan, { departmentIds: ['SAMR'], context }).violations;
      expect(found.map((v) => [v.ruleId, v.visitId, v.details.visitIds, v.details.contextVisitIds])).toEqual([['cap', 'S1', ['S1'], ['T1']]]);
      expect(validatePlan(s, plan, { departmentIds: ['SAMR'] }).violations).toEqual([]);
    });

    it('never reports a breach of the context alone', () => {
      const s = capped();
      const plan = samrPlan(s, [samr({ date: '2026-04-01' })]);
      // Two TAX visits to E1 in March break the cap between themselves: not SAMR's plan's doing.
      const context = makePlan(s, [tax(), tax({ id: 'T2', date: '2026-03-04', occurrenceIds: ['R5'], enterpriseId: 'E1' })]);
      const found = validatePlan(s, plan, { departmentIds: ['SAMR'], context }).violations;
      expect(found.filter((v) => v.ruleId === 'cap')).toEqual([]);
    });

    it('replaces the context’s visit with the same id by the plan’s', () => {
      const s = scenario([{ id: 'C1', per: 'enterprise', period: 'month', max: 2 }]);
      // The context's S1 (the old SAMR visit, 03-04) and T1: with the new S1 (03-02), two in March.
      const context = makePlan(s, [samr({ date: '2026-03-04' }), tax()]);
      const plan = samrPlan(s, [samr()]);
      expect(validatePlan(s, plan, { departmentIds: ['SAMR'], context }).violations).toEqual([]);
      // Under another id, the old visit would have counted, but it holds SAMR's R1: it gives way too.
      const renamed = makePlan(s, [samr({ id: 'OLD', date: '2026-03-04' }), tax()]);
      expect(validatePlan(s, plan, { departmentIds: ['SAMR'], context: renamed }).violations).toEqual([]);
      // A third counted visit from the context does breach.
      const third = makePlan(s, [tax(), tax({ id: 'T5', date: '2026-03-05', occurrenceIds: ['R5'], enterpriseId: 'E1' })]);
      expect(kinds(validatePlan(s, plan, { departmentIds: ['SAMR'], context: third }).violations)).toEqual(['cap/limit-enterprise']);
    });

    it('counts the context toward one visit a day per enterprise', () => {
      const s = scenario();
      const plan = samrPlan(s, [samr()]);
      const sameDay = makePlan(s, [tax({ date: '2026-03-02' })]);
      const found = validatePlan(s, plan, { departmentIds: ['SAMR'], context: sameDay }).violations;
      expect(found.map((v) => [v.ruleId, v.visitId, v.details.visitIds])).toEqual([['enterprise-availability', 'S1', ['S1', 'T1']]]);
      expect(validatePlan(s, plan, { departmentIds: ['SAMR'], context: makePlan(s, [tax()]) }).violations).toEqual([]);
    });

    it("counts the context toward an officer's day", () => {
      const s = scenario();
      // SAMR's joint visit brings TAX's officers to E1 at 09:00; the context has them at E2 at 09:30.
      const plan = makePlan(s, [{ ...samr(), occurrenceIds: ['R1', 'R2'], inspectorIds: ['I1', 'I2', 'I3', 'I4'] }], { offsite: [], unscheduled: ['R3'] });
      const busy = makePlan(s, [tax({ id: 'T5', date: '2026-03-02', start: '09:30', occurrenceIds: ['R5'] })]);
      const found = validatePlan(s, plan, { departmentIds: ['SAMR'], context: busy }).violations;
      expect(found.map((v) => [v.ruleId, v.details.kind, v.inspectorId, v.visitId])).toEqual([
        ['officer-day', 'overlap', 'I3', 'S1'],
        ['officer-day', 'overlap', 'I4', 'S1'],
      ]);
      const later = makePlan(s, [tax({ id: 'T5', date: '2026-03-02', start: '13:00', occurrenceIds: ['R5'] })]);
      expect(validatePlan(s, plan, { departmentIds: ['SAMR'], context: later }).violations).toEqual([]);
    });

    it('reports how many of the context’s visits were counted', () => {
      const s = scenario();
      const context = makePlan(s, [samr({ id: 'OLD', date: '2026-03-04' }), tax(), tax({ id: 'T5', occurrenceIds: ['R5'] })]);
      expect(validatePlan(s, samrPlan(s, [samr()]), { departmentIds: ['SAMR'], context }).scope).toEqual({ departmentIds: ['SAMR'], contextVisits: 2 });
    });
  });

  describe('bad options', () => {
    it('refuses an unknown department, naming it by path', () => {
      const s = scenario();
      const call = () => validatePlan(s, samrPlan(s, [samr()]), { departmentIds: ['SAMR', 'FIRE'] });
      expect(call).toThrow(InputError);
      expect(() => call()).toThrow(/departmentIds\[1\]/);
    });

    it('refuses a context without departmentIds, and an empty scope', () => {
      const s = scenario();
      const plan = samrPlan(s, [samr()]);
      expect(() => validatePlan(s, plan, { context: plan })).toThrow(InputError);
      expect(() => validatePlan(s, plan, { departmentIds: [] })).toThrow(InputError);
    });
  });
});
