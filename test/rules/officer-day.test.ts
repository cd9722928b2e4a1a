import { describe, expect, it } from 'vitest';
import { makeEnterprise, makeInspector, makeRequest } from '../support/builders.js';
import { makePlan, scenarioOf, violationsOf } from '../support/plans.js';

const RULE = 'officer-day';
type Overrides = Parameters<typeof scenarioOf>[0];
type Officer = Parameters<typeof makeInspector>[0];

/** E1 and E2 are 0.1° of latitude apart: 11.12 km, so 12 min at 1 min/km. SAMR's R1 at E1 and R3 at E2, 60 min each. */
const twoEnterprises = (o: Overrides = {}, i1: Officer = {}) =>
  scenarioOf({
    enterprises: [makeEnterprise({ location: { lat: 34, lng: 113 } }), makeEnterprise({ id: 'E2', name: '某某超市', location: { lat: 34.1, lng: 113 } })],
    inspectors: [makeInspector(i1), makeInspector({ id: 'I2', name: '李娜' })],
    requests: [makeRequest(), makeRequest({ id: 'R3', enterpriseId: 'E2' })],
    ...o,
  });
const day = (first: [string, string], second: [string, string]) => [
  { date: '2026-03-02', start: first[0], end: first[1], occurrenceIds: ['R1'], inspectorIds: ['I1', 'I2'] },
  { date: '2026-03-02', start: second[0], end: second[1], occurrenceIds: ['R3'], inspectorIds: ['I1', 'I2'] },
];
const details = (s: ReturnType<typeof scenarioOf>, p: ReturnType<typeof makePlan>) => violationsOf(s, p, RULE).map((v) => v.details);

describe('officer-day (§2.1-8)', () => {
  it('penalizes overlapping visits, once per officer', () => {
    const scenario = twoEnterprises();
    const found = violationsOf(scenario, makePlan(scenario, day(['09:00', '10:00'], ['09:59', '10:59'])), RULE);
    expect(found.map((v) => [v.inspectorId, v.visitId])).toEqual([['I1', 'V2'], ['I2', 'V2']]);
    expect(found[0]?.details).toEqual({ kind: 'overlap', inspectorId: 'I1', date: '2026-03-02', firstVisitId: 'V1', firstStart: '09:00', firstEnd: '10:00', secondVisitId: 'V2', secondStart: '09:59', secondEnd: '10:59' });
  });

  it('does not penalize back-to-back visits without travel time', () => {
    const scenario = twoEnterprises();
    expect(violationsOf(scenario, makePlan(scenario, day(['09:00', '10:00'], ['10:00', '11:00'])))).toEqual([]);
  });

  it('finds an overlap with a long visit that is not the previous one', () => {
    const scenario = twoEnterprises({
      enterprises: ['E1', 'E2', 'E3'].map((id) => makeEnterprise({ id })),
      requests: [makeRequest(), makeRequest({ id: 'R3', enterpriseId: 'E2' }), makeRequest({ id: 'R4', enterpriseId: 'E3' })],
    });
    const plan = makePlan(scenario, [
      { date: '2026-03-02', start: '09:00', end: '12:00', occurrenceIds: ['R1'], inspectorIds: ['I1'] },
      { date: '2026-03-02', start: '09:30', end: '10:30', occurrenceIds: ['R3'], inspectorIds: ['I1'] },
      { date: '2026-03-02', start: '11:00', end: '12:00', occurrenceIds: ['R4'], inspectorIds: ['I1'] },
    ]);
    expect(details(scenario, plan).map((d) => [d.kind, d.firstVisitId, d.secondVisitId])).toEqual([
      ['overlap', 'V1', 'V2'],
      ['overlap', 'V1', 'V3'],
    ]);
  });

  it('penalizes a gap shorter than the travel time (11 min < 12 min), not one equal to it', () => {
    const scenario = twoEnterprises({ policy: { travelMinutesPerKm: 1 } });
    const found = details(scenario, makePlan(scenario, day(['09:00', '10:00'], ['10:11', '11:11'])));
    expect(found.map((d) => [d.kind, d.travelMinutes, d.gapMinutes, d.inspectorId])).toEqual([
      ['travel', 12, 11, 'I1'],
      ['travel', 12, 11, 'I2'],
    ]);
    expect(violationsOf(scenario, makePlan(scenario, day(['09:00', '10:00'], ['10:12', '11:12'])))).toEqual([]);
  });

  it('needs the travel time between any two located visits, even with a visit in between', () => {
    // V2 at E3 (no location) lasts 5 min: E1 → E2 still takes 12 min, and only 10 are left.
    const scenario = twoEnterprises({
      enterprises: [makeEnterprise({ location: { lat: 34, lng: 113 } }), makeEnterprise({ id: 'E2', location: { lat: 34.1, lng: 113 } }), makeEnterprise({ id: 'E3' })],
      requests: [makeRequest(), makeRequest({ id: 'R3', enterpriseId: 'E2' }), makeRequest({ id: 'R4', enterpriseId: 'E3' })],
      policy: { travelMinutesPerKm: 1, minInspectorsPerDepartment: 1 },
    });
    const plan = (thirdStart: string) =>
      makePlan(scenario, [
        { date: '2026-03-02', start: '09:00', end: '10:00', occurrenceIds: ['R1'], inspectorIds: ['I1'] },
        { date: '2026-03-02', start: '10:00', end: '10:05', occurrenceIds: ['R4'], inspectorIds: ['I1'] },
        { date: '2026-03-02', start: thirdStart, end: '11:30', occurrenceIds: ['R3'], inspectorIds: ['I1'] },
      ]);
    expect(details(scenario, plan('10:10')).map((d) => [d.kind, d.firstVisitId, d.secondVisitId, d.travelMinutes, d.gapMinutes])).toEqual([['travel', 'V1', 'V3', 12, 10]]);
    expect(details(scenario, plan('10:12'))).toEqual([]);
  });

  it('needs no travel time when an enterprise has no location', () => {
    const scenario = twoEnterprises({ policy: { travelMinutesPerKm: 1 }, enterprises: [makeEnterprise({ location: { lat: 34, lng: 113 } }), makeEnterprise({ id: 'E2' })] });
    expect(violationsOf(scenario, makePlan(scenario, day(['09:00', '10:00'], ['10:00', '11:00'])))).toEqual([]);
  });

  it('penalizes more visits than maxVisitsPerDay, not as many', () => {
    const one = twoEnterprises({}, { maxVisitsPerDay: 1 });
    expect(details(one, makePlan(one, day(['09:00', '10:00'], ['13:00', '14:00'])))).toEqual([
      { kind: 'too-many-visits', inspectorId: 'I1', date: '2026-03-02', count: 2, max: 1, visitIds: ['V1', 'V2'] },
    ]);
    const two = twoEnterprises({}, { maxVisitsPerDay: 2 });
    expect(violationsOf(two, makePlan(two, day(['09:00', '10:00'], ['13:00', '14:00'])))).toEqual([]);
  });

  it('penalizes more minutes than maxMinutesPerDay (60 + 61 > 120), not exactly as many (60 + 60)', () => {
    const scenario = twoEnterprises({}, { maxMinutesPerDay: 120 });
    expect(details(scenario, makePlan(scenario, day(['09:00', '10:00'], ['13:00', '14:01'])))).toEqual([
      { kind: 'too-many-minutes', inspectorId: 'I1', date: '2026-03-02', minutes: 121, max: 120, visitIds: ['V1', 'V2'] },
    ]);
    expect(violationsOf(scenario, makePlan(scenario, day(['09:00', '10:00'], ['13:00', '14:00'])))).toEqual([]);
  });

  it('defaults maxMinutesPerDay to dayEnd − dayStart', () => {
    // 08:00–12:01 and 13:00–17:00 add up to 241 + 240 = 481 min.
    const visits = day(['08:00', '12:01'], ['13:00', '17:00']);
    const standard = twoEnterprises(); // 09:00–17:00: 480 min
    expect(details(standard, makePlan(standard, visits)).map((d) => [d.kind, d.inspectorId, d.minutes, d.max])).toEqual([
      ['too-many-minutes', 'I1', 481, 480],
      ['too-many-minutes', 'I2', 481, 480],
    ]);
    const longer = twoEnterprises({ calendar: { dayStart: '08:00', dayEnd: '18:00' } }); // 600 min
    expect(details(longer, makePlan(longer, visits))).toEqual([]);
  });
});
