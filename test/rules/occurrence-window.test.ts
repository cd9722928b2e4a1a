import { describe, expect, it } from 'vitest';
import { makeRequest } from '../support/builders.js';
import { jointVisit, makePlan, scenarioOf, violationsOf } from '../support/plans.js';

const RULE = 'occurrence-window';

describe('occurrence-window (§2.1-2)', () => {
  it('penalizes a visit after the window, naming the window', () => {
    const scenario = scenarioOf();
    const found = violationsOf(scenario, makePlan(scenario, [{ ...jointVisit, date: '2026-03-09' }]), RULE);
    expect(found.map((v) => [v.occurrenceId, v.details])).toEqual([
      ['R1', { kind: 'outside-window', visitId: 'V1', occurrenceId: 'R1', date: '2026-03-09', windowFrom: '2026-03-02', windowTo: '2026-03-06' }],
      ['R2', { kind: 'outside-window', visitId: 'V1', occurrenceId: 'R2', date: '2026-03-09', windowFrom: '2026-03-02', windowTo: '2026-03-06' }],
    ]);
  });

  it('does not penalize the last day of the window', () => {
    const scenario = scenarioOf();
    expect(violationsOf(scenario, makePlan(scenario, [{ ...jointVisit, date: '2026-03-06' }]), RULE)).toEqual([]);
  });

  it('uses the window clipped to the horizon', () => {
    const scenario = scenarioOf({ requests: [makeRequest({ window: { from: '2026-02-20', to: '2026-03-02' } })] });
    const plan = makePlan(scenario, [{ date: '2026-03-03', occurrenceIds: ['R1'], inspectorIds: ['I1', 'I2'] }]);
    expect(violationsOf(scenario, plan, RULE).map((v) => [v.details.windowFrom, v.details.windowTo])).toEqual([['2026-03-01', '2026-03-02']]);
  });

  it("checks each recurring occurrence against its own window", () => {
    // Mondays 03-02 and 03-09 open R1#1 = 03-02..03-08 and R1#2 = 03-09..03-15.
    const scenario = scenarioOf({ requests: [makeRequest({ window: { from: '2026-03-02', to: '2026-03-15' }, recurrence: 'FREQ=WEEKLY;BYDAY=MO' })] });
    const plan = makePlan(scenario, [
      { date: '2026-03-09', occurrenceIds: ['R1#1'], inspectorIds: ['I1', 'I2'] },
      { date: '2026-03-10', occurrenceIds: ['R1#2'], inspectorIds: ['I1', 'I2'] },
    ]);
    expect(violationsOf(scenario, plan, RULE).map((v) => [v.occurrenceId, v.details.windowFrom, v.details.windowTo])).toEqual([['R1#1', '2026-03-02', '2026-03-08']]);
  });

  it('penalizes a visit off the fixedDate, not one on it', () => {
    const scenario = scenarioOf({ requests: [makeRequest({ fixedDate: '2026-03-04' })] });
    const plan = (date: string) => makePlan(scenario, [{ date, occurrenceIds: ['R1'], inspectorIds: ['I1', 'I2'] }]);
    expect(violationsOf(scenario, plan('2026-03-05'), RULE).map((v) => v.details)).toEqual([
      { kind: 'fixed-date', visitId: 'V1', occurrenceId: 'R1', date: '2026-03-05', fixedDate: '2026-03-04' },
    ]);
    expect(violationsOf(scenario, plan('2026-03-04'), RULE)).toEqual([]);
  });
});
