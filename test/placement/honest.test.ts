/**
 * The placement engine is honest both ways, on generated scenarios planned by the planner with
 * one occurrence taken out of the plan (or one left unscheduled by the planner):
 * - every placement it offers, applied with `applyEdits`, gives a plan the validator passes;
 * - when it offers none, a brute force that tries every day of the window, every team of the
 *   department's officers (new visit at a few starts) and every join of a visit with every set
 *   of officers to add, finds no plan the validator passes either.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, editPlan, expandOccurrences, parseScenario, planSync, validatePlan, type Edit, type Plan, type Scenario } from '../../src/index.js';
import { indexPlan, placements, dayFunnel, windowDays } from '../../src/placement/index.js';
import { formatDay } from '../../src/calendar/civil.js';
import type { Occurrence } from '../../src/occurrences/expand.js';
import { arbScenario } from '../arbitraries/scenario.js';

const RUNS = Number(process.env.JI_PROPERTY_RUNS ?? 40);

const small = { requests: { min: 2, max: 7 }, enterprises: { min: 1, max: 3 }, horizonDays: { min: 5, max: 20 } };
const arbCase = fc.record({
  input: fc.oneof(arbScenario(small), arbScenario({ ...small, staff: 'tight' }), arbScenario({ ...small, requests: { min: 5, max: 9 }, enterprises: 1, calendar: false })),
  pick: fc.nat(),
});

/** A planned scenario with one on-site occurrence not in a visit, or undefined when the plan offers none. */
function setUp(c: { input: unknown; pick: number }): { scenario: Scenario; plan: Plan; occ: Occurrence } | undefined {
  const scenario = parseScenario(c.input);
  let plan = planSync(scenario, { seed: 1 });
  if (validatePlan(scenario, plan).violations.length > 0) return undefined;
  const occurrences = new Map(expandOccurrences(scenario).map((o) => [o.id, o]));
  const unscheduled = plan.unscheduled.map((u) => u.occurrenceId);
  const scheduled = plan.visits.flatMap((v) => v.occurrenceIds);
  const candidates = [...unscheduled, ...scheduled];
  if (candidates.length === 0) return undefined;
  const id = candidates[c.pick % candidates.length] as string;
  if (!unscheduled.includes(id)) {
    plan = editPlan(scenario, plan, { kind: 'unschedule', occurrenceId: id }).plan;
    if (validatePlan(scenario, plan).violations.length > 0) return undefined;
  }
  return { scenario, plan, occ: occurrences.get(id) as Occurrence };
}

function subsets<T>(xs: readonly T[], min: number): T[][] {
  const out: T[][] = [];
  for (let mask = 0; mask < 1 << xs.length; mask++) {
    const s = xs.filter((_, i) => ((mask >> i) & 1) === 1);
    if (s.length >= min) out.push(s);
  }
  return out;
}

/** Some plan found by trying everything small, or undefined. */
function bruteForce(scenario: Scenario, plan: Plan, occ: Occurrence): Edit[] | undefined {
  const officers = scenario.inspectors.filter((p) => p.departmentId === occ.request.departmentId).map((p) => p.id).slice(0, 7);
  const starts = [scenario.calendar.dayStart, '10:00', '13:00', '14:00', '15:30'];
  for (const day of windowDays(occ)) {
    const date = formatDay(day);
    const tries: Edit[][] = [];
    const visits = plan.visits.filter((v) => v.enterpriseId === occ.request.enterpriseId && v.date === date);
    for (const v of visits) {
      const addable = officers.filter((id) => !v.inspectorIds.includes(id));
      for (const team of subsets(addable, 0)) tries.push([{ kind: 'schedule', occurrenceId: occ.id, visitId: v.id }, ...team.map((id): Edit => ({ kind: 'add-officer', visitId: v.id, inspectorId: id }))]);
    }
    if (visits.length === 0) for (const start of starts) for (const team of subsets(officers, 1)) tries.push([{ kind: 'schedule', occurrenceId: occ.id, newVisit: { date, start, inspectorIds: team } }]);
    for (const edits of tries) if (applyEdits(scenario, plan, edits).violations.length === 0) return edits;
  }
  return undefined;
}

describe('placements are honest both ways', () => {
  it('law: every placement offered, applied with applyEdits, gives a plan without violations in which the occurrence is in a visit', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const set = setUp(c);
        fc.pre(set !== undefined);
        const { scenario, plan, occ } = set as NonNullable<typeof set>;
        for (const p of placements(indexPlan(scenario, plan), occ)) {
          const result = applyEdits(scenario, plan, p.edits);
          expect(result.violations.map((v) => v.message)).toEqual([]);
          expect(result.plan.visits.some((v) => v.occurrenceIds.includes(occ.id) && v.date === p.date)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('law: when no placement is offered, brute force over days, teams, starts and joins finds no valid plan either', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const set = setUp(c);
        fc.pre(set !== undefined);
        const { scenario, plan, occ } = set as NonNullable<typeof set>;
        const index = indexPlan(scenario, plan);
        if (placements(index, occ).length > 0) return;
        expect(bruteForce(scenario, plan, occ)).toBeUndefined();
        // And every day of the window says which rule failed.
        expect(dayFunnel(index, occ).every((v) => !v.ok && v.rule !== undefined)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
