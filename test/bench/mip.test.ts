/**
 * The benchmark's MIP model (bench/mip/) checked against two independent readings of the
 * contract: its optimum equals the exhaustive optimum of test/support/exact.ts where staff
 * never binds, and — the model pools staff, so it is a relaxation — it is never worse than a
 * valid plan of the planner.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMip } from '../../bench/mip/model.js';
import { solveMip } from '../../bench/mip/solve.js';
import { parseScenario, planSync, validatePlan, type Plan, type Scenario } from '../../src/index.js';
import { arbAmpleScenario } from '../arbitraries/ample.js';
import { arbScenario } from '../arbitraries/scenario.js';
import { makeEnterprise, makeInspector, makeRequest, makeScenario } from '../support/builders.js';
import { exactOptimum } from '../support/exact.js';

async function mipOptimum(scenario: Scenario): Promise<{ priority: number; visits: number }> {
  const result = await solveMip(buildMip(scenario), { timeLimitSec: 10 });
  expect(result.status === 'optimal' || result.status === 'empty').toBe(true);
  return { priority: result.incumbent!.priority, visits: result.incumbent!.visits };
}

function scheduledPriority(scenario: Scenario, plan: Plan): number {
  const priority = new Map(scenario.requests.map((r) => [r.id, r.priority]));
  let total = 0;
  for (const v of plan.visits) for (const o of v.occurrenceIds) total += priority.get(o.split('#')[0]!) ?? 0;
  return total;
}

describe('the MIP model of the HiGHS comparison', () => {
  // Two departments, one enterprise, two officers each; R1 (SAMR) and R2 (TAX) in 2026-03-02…06.
  it('merges two departments into one visit', async () => {
    expect(await mipOptimum(parseScenario(makeScenario()))).toEqual({ priority: 2, visits: 1 });
  });

  it('keeps an exclusive occurrence alone in its visit', async () => {
    const s = makeScenario({ requests: [makeRequest({ exclusive: true }), makeRequest({ id: 'R2', departmentId: 'TAX', itemIds: ['TAX-1'] })] });
    expect(await mipOptimum(parseScenario(s))).toEqual({ priority: 2, visits: 2 });
  });

  it('keeps a counting visit minGapDays away from a history event', async () => {
    const caps = [{ id: 'gap', per: 'enterprise' as const, period: 'year' as const, minGapDays: 10 }];
    const history = [{ enterpriseId: 'E1', date: '2026-02-25', departmentIds: ['SAMR'] }];
    expect(await mipOptimum(parseScenario(makeScenario({ caps, history })))).toEqual({ priority: 0, visits: 0 });
    const late = makeScenario({ caps, history: [{ ...history[0]!, date: '2026-02-20' }] });
    expect(await mipOptimum(parseScenario(late))).toEqual({ priority: 2, visits: 1 });
  });

  it('counts history in a rolling window', async () => {
    const caps = [{ id: 'r', per: 'enterprise' as const, period: { rollingDays: 30 }, max: 1 }];
    const history = [{ enterpriseId: 'E1', date: '2026-02-10', departmentIds: ['TAX'] }];
    const requests = [makeRequest({ window: { from: '2026-03-02', to: '2026-03-20' } })];
    // 2026-02-10 + 30 days = 2026-03-12: only 12…20 March are free of it.
    const s = parseScenario(makeScenario({ caps, history, requests }));
    expect(await mipOptimum(s)).toEqual({ priority: 1, visits: 1 });
    const fixed = parseScenario(makeScenario({ caps, history, requests: [makeRequest({ window: { from: '2026-03-02', to: '2026-03-11' } })] }));
    expect(await mipOptimum(fixed)).toEqual({ priority: 0, visits: 0 });
  });

  it('pools staff: two officers with one visit a day serve one enterprise a day', async () => {
    const s = makeScenario({
      enterprises: [makeEnterprise(), makeEnterprise({ id: 'E2' })],
      inspectors: [makeInspector({ maxVisitsPerDay: 1 }), makeInspector({ id: 'I2', maxVisitsPerDay: 1 })],
      requests: [
        makeRequest({ fixedDate: '2026-03-03', priority: 2 }),
        makeRequest({ id: 'R2', enterpriseId: 'E2', fixedDate: '2026-03-03' }),
      ],
    });
    expect(await mipOptimum(parseScenario(s))).toEqual({ priority: 2, visits: 1 });
  });

  it('has the exhaustive optimum (priority, then visits) when staff is ample', async () => {
    await fc.assert(
      fc.asyncProperty(arbAmpleScenario({ caps: true }), async (input) => {
        const scenario = parseScenario(input);
        expect(await mipOptimum(scenario)).toEqual(exactOptimum(scenario));
      }),
      { numRuns: 150, seed: 20260412 },
    );
  });

  it('is a relaxation: its optimum is never below a valid plan, even when staff binds', async () => {
    await fc.assert(
      fc.asyncProperty(arbScenario({ staff: 'tight', requests: { min: 2, max: 8 } }), async (input) => {
        const scenario = parseScenario(input);
        const plan = planSync(scenario, { locale: 'en', timeLimitMs: 2_000 });
        fc.pre(validatePlan(scenario, plan).valid);
        const best = await mipOptimum(scenario);
        const priority = scheduledPriority(scenario, plan);
        expect(best.priority).toBeGreaterThanOrEqual(priority);
        if (best.priority === priority) expect(best.visits).toBeLessThanOrEqual(plan.visits.length);
      }),
      { numRuns: 30, seed: 20260412 },
    );
  });
});
