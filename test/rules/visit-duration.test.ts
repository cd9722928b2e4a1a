import { describe, expect, it } from 'vitest';
import { makeEnterprise, makeItem, makeRequest } from '../support/builders.js';
import { jointVisit, makePlan, scenarioOf, violationsOf } from '../support/plans.js';

const RULE = 'visit-duration';
const kinds = (s: ReturnType<typeof scenarioOf>, p: ReturnType<typeof makePlan>) => violationsOf(s, p, RULE).map((v) => v.details);

describe('visit-duration (§2.1-6)', () => {
  it('penalizes a joint visit shorter than its longest part (TAX, 90 min)', () => {
    const scenario = scenarioOf();
    expect(kinds(scenario, makePlan(scenario, [{ ...jointVisit, end: '10:29' }]))).toEqual([
      { kind: 'too-short', visitId: 'V1', start: '09:00', end: '10:29', minutes: 89, needed: 90, departmentId: 'TAX', parts: { SAMR: 60, TAX: 90 } },
    ]);
  });

  it('does not penalize exactly the longest part: departments work side by side', () => {
    const scenario = scenarioOf();
    expect(kinds(scenario, makePlan(scenario, [{ ...jointVisit, end: '10:30' }]))).toEqual([]);
  });

  it("adds up a department's items over its occurrences (60 + 60 + 30 = 150 min for SAMR)", () => {
    const scenario = scenarioOf({
      items: [makeItem(), makeItem({ id: 'SAMR-2', name: '计量器具检查', durationMinutes: 30 }), makeItem({ id: 'TAX-1', departmentId: 'TAX', name: '发票检查', durationMinutes: 90 })],
      requests: [makeRequest(), makeRequest({ id: 'R2', departmentId: 'TAX', itemIds: ['TAX-1'] }), makeRequest({ id: 'R3', itemIds: ['SAMR-1', 'SAMR-2'] })],
    });
    const visit = { date: '2026-03-02', occurrenceIds: ['R1', 'R2', 'R3'], inspectorIds: ['I1', 'I2', 'I3', 'I4'] };
    expect(kinds(scenario, makePlan(scenario, [{ ...visit, end: '11:29' }])).map((d) => [d.needed, d.departmentId])).toEqual([[150, 'SAMR']]);
    expect(kinds(scenario, makePlan(scenario, [{ ...visit, end: '11:30' }]))).toEqual([]);
  });

  it('penalizes starting before dayStart and ending after dayEnd, not exactly on them', () => {
    const scenario = scenarioOf();
    expect(kinds(scenario, makePlan(scenario, [{ ...jointVisit, start: '08:59', end: '10:30' }])).map((d) => d.kind)).toEqual(['before-day-start']);
    expect(kinds(scenario, makePlan(scenario, [{ ...jointVisit, start: '15:31', end: '17:01' }]))).toEqual([
      { kind: 'after-day-end', visitId: 'V1', start: '15:31', end: '17:01', dayEnd: '17:00' },
    ]);
    expect(kinds(scenario, makePlan(scenario, [{ ...jointVisit, start: '15:30', end: '17:00' }]))).toEqual([]);
  });

  it("penalizes a visit longer than the enterprise's maxVisitMinutes, not one exactly as long", () => {
    const scenario = scenarioOf({ enterprises: [makeEnterprise({ maxVisitMinutes: 90 })] });
    expect(kinds(scenario, makePlan(scenario, [{ ...jointVisit, end: '10:31' }]))).toEqual([
      { kind: 'too-long', visitId: 'V1', start: '09:00', end: '10:31', minutes: 91, max: 90, enterpriseId: 'E1' },
    ]);
    expect(kinds(scenario, makePlan(scenario, [{ ...jointVisit, end: '10:30' }]))).toEqual([]);
  });

  it('penalizes a visit that ends before it starts', () => {
    const scenario = scenarioOf();
    expect(kinds(scenario, makePlan(scenario, [{ ...jointVisit, start: '11:00', end: '10:00' }])).map((d) => d.kind)).toEqual(['reversed']);
  });
});
