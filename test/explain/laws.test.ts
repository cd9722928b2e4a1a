/**
 * Laws of `explain` on generated scenarios planned with `planSync`:
 * - every relaxation it suggests, applied to the scenario, makes the occurrence schedulable —
 *   checked independently: the relaxed scenario planned again from scratch schedules it, or
 *   (when the planner's own trade-offs leave it out) the relaxation's placement applied to the
 *   plan passes `validatePlan` with the occurrence in a visit;
 * - the funnel's days are exactly the days of the occurrence's window inside the horizon;
 * - a scheduled occurrence's explanation has exactly one chosen day, its visit's date.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, applyRelaxation, explain, expandOccurrences, formatDay, parseScenario, planSync, validatePlan, type Plan, type Scenario } from '../../src/index.js';
import { arbScenario } from '../arbitraries/scenario.js';

const RUNS = 30;
const shape = { requests: { min: 1, max: 6 }, enterprises: { min: 1, max: 3 }, horizonDays: { min: 5, max: 30 } } as const;
const arb = fc.oneof(arbScenario({ staff: 'tight', ...shape }), arbScenario({ staff: 'scarce', ...shape }));

/** The occurrence's window clipped to the horizon, as dates (its own window: a recurring request's k-th). */
function windowDays(scenario: Scenario, occurrenceId: string): string[] {
  const o = expandOccurrences(scenario).find((x) => x.id === occurrenceId);
  const out: string[] = [];
  if (o) for (let d = o.from; d <= o.to; d++) out.push(formatDay(d));
  return out;
}

describe('explain laws', () => {
  it('every relaxation, applied to the scenario, makes the occurrence schedulable (planned again, or its placement validated)', () => {
    let checked = 0;
    let replanned = 0;
    fc.assert(
      fc.property(arb, (input) => {
        const scenario = parseScenario(input);
        const plan = planSync(scenario, { locale: 'en' });
        for (const u of plan.unscheduled.slice(0, 2)) {
          const e = explain(scenario, plan, u.occurrenceId, { maxRelaxations: 3 });
          if (e.status !== 'unscheduled') continue;
          for (const r of e.relaxations) {
            checked++;
            const relaxed = parseScenario(applyRelaxation(input, r));
            const again = planSync(relaxed, { locale: 'en' });
            if (again.visits.some((v) => v.occurrenceIds.includes(u.occurrenceId))) {
              replanned++;
              continue;
            }
            const placed = applyEdits(relaxed, plan, r.placement.edits);
            expect(placed.violations).toEqual(validatePlan(relaxed, plan).violations);
            expect(placed.plan.visits.some((v) => v.occurrenceIds.includes(u.occurrenceId))).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
    // The law is not vacuous, and the independent route (planning again) carries most of the weight.
    expect(checked).toBeGreaterThan(0);
    expect(replanned).toBeGreaterThanOrEqual(Math.floor(checked * 0.8));
  });

  it("the funnel's days are the occurrence's window inside the horizon; a scheduled one has one chosen day, its visit's", () => {
    fc.assert(
      fc.property(arb, (input) => {
        const scenario = parseScenario(input);
        const plan: Plan = planSync(scenario, { locale: 'en' });
        for (const u of plan.unscheduled) {
          const e = explain(scenario, plan, u.occurrenceId, { maxRelaxations: 0 });
          const inside = windowDays(scenario, u.occurrenceId);
          if (inside.length > 0) expect(e.days.map((d) => d.date)).toEqual(inside);
          for (const d of e.days) expect(d.outcome === 'possible' || typeof d.rule === 'string').toBe(true);
        }
        for (const v of plan.visits.slice(0, 3)) {
          const id = v.occurrenceIds[0] as string;
          const e = explain(scenario, plan, id, { maxRelaxations: 0 });
          expect(e.status).toBe('scheduled');
          expect(e.days.filter((d) => d.outcome === 'chosen').map((d) => d.date)).toEqual([v.date]);
          if (e.status === 'scheduled') expect(e.team.map((m) => m.inspectorId).every((i) => v.inspectorIds.includes(i))).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
