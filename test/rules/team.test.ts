import { describe, expect, it } from 'vitest';
import { makeEnterprise, makeInspector, makeItem, makeRequest } from '../support/builders.js';
import { jointVisit, makePlan, scenarioOf, violationsOf } from '../support/plans.js';

const RULE = 'team';
type Officer = Parameters<typeof makeInspector>[0];
/** SAMR alone at E1: R1 with I1, I2 (overridable). */
const samrOnly = (i1: Officer = {}, extra: Partial<Parameters<typeof scenarioOf>[0]> = {}) =>
  scenarioOf({ inspectors: [makeInspector(i1), makeInspector({ id: 'I2', name: '李娜' }), makeInspector({ id: 'I3', name: '王芳', departmentId: 'TAX' })], requests: [makeRequest()], ...extra });
const visit = (date = '2026-03-02', inspectorIds = ['I1', 'I2']) => ({ date, occurrenceIds: ['R1'], inspectorIds });
const details = (s: ReturnType<typeof scenarioOf>, p: ReturnType<typeof makePlan>) => violationsOf(s, p, RULE).map((v) => v.details);

describe('team (§2.1-7)', () => {
  describe('team size', () => {
    it('penalizes one officer for a department when the policy asks two', () => {
      const scenario = scenarioOf();
      expect(details(scenario, makePlan(scenario, [{ ...jointVisit, inspectorIds: ['I1', 'I3', 'I4'] }]))).toEqual([
        { kind: 'team-size', visitId: 'V1', departmentId: 'SAMR', count: 1, required: 2, inspectorIds: ['I1'] },
      ]);
    });

    it('does not penalize one officer when minInspectorsPerDepartment is 1', () => {
      const scenario = scenarioOf({ policy: { minInspectorsPerDepartment: 1 } });
      expect(violationsOf(scenario, makePlan(scenario, [{ ...jointVisit, inspectorIds: ['I1', 'I3'] }]))).toEqual([]);
    });

    it("asks for the largest 'inspectors' of the department's occurrences", () => {
      const scenario = scenarioOf({
        inspectors: [makeInspector(), makeInspector({ id: 'I2', name: '李娜' }), makeInspector({ id: 'I5', name: '赵磊' })],
        requests: [makeRequest({ inspectors: 3 }), makeRequest({ id: 'R3', inspectors: 1 })],
      });
      const plan = (inspectorIds: string[]) => makePlan(scenario, [{ date: '2026-03-02', occurrenceIds: ['R1', 'R3'], inspectorIds }]);
      expect(details(scenario, plan(['I1', 'I2']))).toEqual([{ kind: 'team-size', visitId: 'V1', departmentId: 'SAMR', count: 2, required: 3, inspectorIds: ['I1', 'I2'] }]);
      expect(violationsOf(scenario, plan(['I1', 'I2', 'I5']))).toEqual([]);
    });

    it('counts a repeated officer once, and reports the repetition', () => {
      const scenario = scenarioOf();
      const found = details(scenario, makePlan(scenario, [{ ...jointVisit, inspectorIds: ['I1', 'I1', 'I3', 'I4'] }]));
      expect(found).toEqual([
        { kind: 'team-size', visitId: 'V1', departmentId: 'SAMR', count: 1, required: 2, inspectorIds: ['I1'] },
        { kind: 'duplicate-officer', visitId: 'V1', inspectorId: 'I1', count: 2 },
      ]);
    });
  });

  describe('qualifications', () => {
    const scenario = scenarioOf({
      items: [makeItem({ qualifications: ['food', 'cold-chain'] }), makeItem({ id: 'TAX-1', departmentId: 'TAX', name: '发票检查', durationMinutes: 90 })],
      inspectors: [
        makeInspector({ qualifications: ['food'] }),
        makeInspector({ id: 'I2', name: '李娜', qualifications: ['cold-chain'] }),
        makeInspector({ id: 'I5', name: '赵磊', qualifications: ['food'] }),
        makeInspector({ id: 'I3', name: '王芳', departmentId: 'TAX', qualifications: ['cold-chain'] }),
        makeInspector({ id: 'I4', name: '刘洋', departmentId: 'TAX' }),
      ],
    });

    it("are covered by the department's team together", () => {
      expect(violationsOf(scenario, makePlan(scenario, [jointVisit]))).toEqual([]);
    });

    it("are not covered by another department's officer", () => {
      expect(details(scenario, makePlan(scenario, [{ ...jointVisit, inspectorIds: ['I1', 'I5', 'I3', 'I4'] }]))).toEqual([
        { kind: 'missing-qualifications', visitId: 'V1', departmentId: 'SAMR', missing: ['cold-chain'], required: ['food', 'cold-chain'], inspectorIds: ['I1', 'I5'] },
      ]);
    });
  });

  describe('each officer', () => {
    it('needs a certificate valid on the day: the last valid day passes, the day after fails', () => {
      const scenario = samrOnly({ certificate: { number: 'A-001', validFrom: '2026-01-01', validTo: '2026-03-02' } });
      expect(details(scenario, makePlan(scenario, [visit('2026-03-02')]))).toEqual([]);
      expect(details(scenario, makePlan(scenario, [visit('2026-03-03')]))).toEqual([
        { kind: 'certificate', visitId: 'V1', inspectorId: 'I1', date: '2026-03-03', validFrom: '2026-01-01', validTo: '2026-03-02', certificateNumber: 'A-001' },
      ]);
    });

    it('needs a certificate already valid: the first valid day passes, the day before fails', () => {
      const scenario = samrOnly({ certificate: { validFrom: '2026-03-03', validTo: '2026-12-31' } });
      expect(details(scenario, makePlan(scenario, [visit('2026-03-02')])).map((d) => d.kind)).toEqual(['certificate']);
      expect(details(scenario, makePlan(scenario, [visit('2026-03-03')]))).toEqual([]);
    });

    it("must be allowed in the enterprise's area", () => {
      const out = samrOnly({ areas: ['410703'] });
      expect(details(out, makePlan(out, [visit()]))).toEqual([{ kind: 'officer-area', visitId: 'V1', inspectorId: 'I1', date: '2026-03-02', area: '410702', areas: ['410703'] }]);
      const inside = samrOnly({ areas: ['410702'] });
      expect(details(inside, makePlan(inside, [visit()]))).toEqual([]);
    });

    it('steps aside from an enterprise in avoid (recusal)', () => {
      const conflicted = samrOnly({ avoid: ['E1'] });
      const found = violationsOf(conflicted, makePlan(conflicted, [visit()]), RULE, { locale: 'zh-CN' });
      expect(found.map((v) => v.details)).toEqual([{ kind: 'recusal', visitId: 'V1', inspectorId: 'I1', date: '2026-03-02', enterpriseId: 'E1' }]);
      expect(found[0]?.message).toBe('检查组 V1：执法人员张伟与企业某某餐饮有限公司存在利害关系，应当回避');
      const clear = samrOnly({ avoid: ['E2'] }, { enterprises: [makeEnterprise(), makeEnterprise({ id: 'E2', name: '某某超市' })] });
      expect(details(clear, makePlan(clear, [visit()]))).toEqual([]);
    });

    it('is not sent on a day of leave', () => {
      const scenario = samrOnly({ unavailable: [{ from: '2026-03-02', to: '2026-03-02' }] });
      expect(details(scenario, makePlan(scenario, [visit('2026-03-02')]))).toEqual([{ kind: 'officer-unavailable', visitId: 'V1', inspectorId: 'I1', date: '2026-03-02' }]);
      expect(details(scenario, makePlan(scenario, [visit('2026-03-03')]))).toEqual([]);
    });

    it('belongs to a department of the visit', () => {
      const scenario = samrOnly();
      expect(details(scenario, makePlan(scenario, [visit('2026-03-02', ['I1', 'I2', 'I3'])]))).toEqual([
        { kind: 'foreign-officer', visitId: 'V1', inspectorId: 'I3', date: '2026-03-02', departmentId: 'TAX', visitDepartmentIds: ['SAMR'] },
      ]);
    });
  });
});
