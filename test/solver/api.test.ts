/** The planner's API: options, progress, abort, assert, sync and async agreeing, and the 双随机 draw. */
import { describe, expect, it } from 'vitest';
import { defaultPlanOptions, parseScenario, plan, planSync, validatePlan, type PlanProgress } from '../../src/index.js';
import { makeEnterprise, makeInspector, makeRequest, makeScenario } from '../support/builders.js';

/** Eight enterprises, each with a SAMR request on its own day of March 2–11, four SAMR officers. */
function eightVisits() {
  const days = ['02', '03', '04', '05', '06', '09', '10', '11'];
  return parseScenario(
    makeScenario({
      enterprises: days.map((_, i) => makeEnterprise({ id: `E${i + 1}`, name: `企业${i + 1}` })),
      inspectors: ['I1', 'I2', 'I3', 'I4'].map((id) => makeInspector({ id, name: id })),
      requests: days.map((d, i) => makeRequest({ id: `R${i + 1}`, enterpriseId: `E${i + 1}`, window: { from: `2026-03-${d}`, to: `2026-03-${d}` } })),
    }),
  );
}

describe('plan options', () => {
  it('exports its defaults', () => {
    expect(defaultPlanOptions).toMatchObject({ timeLimitMs: 60_000, locale: 'zh-CN', assert: false });
  });

  it('plan and planSync give the same plan', async () => {
    const scenario = eightVisits();
    const a = planSync(scenario, { seed: 3 });
    const b = await plan(scenario, { seed: 3 });
    const untimed = (p: typeof a) => ({ ...p, meta: { ...p.meta, elapsedMs: 0, phasesMs: undefined } });
    expect(untimed(b)).toEqual(untimed(a));
  });

  it('reports progress through the phases, ending at fraction 1 with the final objective', () => {
    const seen: PlanProgress[] = [];
    const result = planSync(eightVisits(), { onProgress: (p) => seen.push(p) });
    expect(seen[0]?.phase).toBe('compile');
    expect(seen.some((p) => p.phase === 'construct')).toBe(true);
    const last = seen[seen.length - 1];
    expect(last?.fraction).toBe(1);
    expect(last?.best).toEqual({ scheduledPriority: 8, visits: result.visits.length, personVisits: result.metrics.personVisits });
  });

  it('an aborted signal still returns a valid plan, marked as stopped early', async () => {
    const scenario = eightVisits();
    const controller = new AbortController();
    controller.abort();
    const result = await plan(scenario, { signal: controller.signal });
    expect(result.meta.stoppedEarly).toBe('aborted');
    expect(validatePlan(scenario, result).valid).toBe(true);
  });

  it('a time limit of 0 ms stops the search after construction with a valid plan', () => {
    const scenario = eightVisits();
    const result = planSync(scenario, { timeLimitMs: 0, clock: (() => { let t = 0; return () => (t += 1); })() });
    expect(result.meta.stoppedEarly).toBe('time-limit');
    expect(validatePlan(scenario, result).valid).toBe(true);
  });

  it('assert checks the plan with the validator (and passes for the planner’s plans)', () => {
    expect(() => planSync(eightVisits(), { assert: true })).not.toThrow();
  });

  it('the seed, and only the seed, changes which officers are drawn', () => {
    const scenario = eightVisits();
    const teams = (seed: number) => planSync(scenario, { seed }).visits.map((v) => v.inspectorIds.join(','));
    expect(teams(1)).toEqual(teams(1));
    const draws = new Set([1, 2, 3, 4, 5, 6].map((s) => teams(s).join('|')));
    expect(draws.size).toBeGreaterThan(1);
  });

  it('spreads the load evenly: 16 officer-visits over 4 officers gives each 4', () => {
    const result = planSync(eightVisits(), { seed: 11 });
    const load = new Map<string, number>();
    for (const v of result.visits) for (const i of v.inspectorIds) load.set(i, (load.get(i) ?? 0) + 1);
    expect([...load.values()]).toEqual([4, 4, 4, 4]);
  });

  it('messages follow the locale option, Chinese by default', () => {
    const scenario = parseScenario(makeScenario({ requests: [makeRequest({ window: { from: '2026-03-07', to: '2026-03-08' } })] }));
    expect(planSync(scenario).unscheduled[0]?.reasons[0]?.message).toMatch(/工作日/);
    expect(planSync(scenario, { locale: 'en' }).unscheduled[0]?.reasons[0]?.message).toMatch(/working day/);
  });
});
