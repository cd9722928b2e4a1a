/**
 * Optimal where staff does not bind: on small scenarios with plenty of officers, the planner's
 * plan schedules the greatest total priority and, with it, the fewest visits — equal to the
 * optimum found by exhaustive search (test/support/exact.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, planSync, validatePlan } from '../../src/index.js';
import { arbAmpleScenario } from '../arbitraries/ample.js';
import { exactOptimum } from '../support/exact.js';

function scheduledPriority(scenario: ReturnType<typeof parseScenario>, plan: ReturnType<typeof planSync>): number {
  const priority = new Map(scenario.requests.map((r) => [r.id, r.priority]));
  let total = 0;
  for (const v of plan.visits) for (const o of v.occurrenceIds) total += priority.get(o.split('#')[0] as string) ?? 0;
  return total;
}

describe('the planner is optimal when staff does not bind', () => {
  it.each([false, true])('matches the exhaustive optimum (caps: %s)', (caps) => {
    fc.assert(
      fc.property(arbAmpleScenario({ caps }), (input) => {
        const scenario = parseScenario(input);
        const plan = planSync(scenario, { locale: 'en' });
        expect(validatePlan(scenario, plan).violations).toEqual([]);
        const best = exactOptimum(scenario);
        expect(scheduledPriority(scenario, plan)).toBe(best.priority);
        expect(plan.visits.length).toBe(best.visits);
        expect(plan.metrics.lowerBound).toBeLessThanOrEqual(best.visits);
      }),
      { numRuns: Number(process.env.JI_PROPERTY_RUNS ?? 250), seed: Number(process.env.JI_PROPERTY_SEED ?? 20261125) },
    );
  });
});
