/**
 * `recommend` through the public entry: every option it gives, applied with `applyEdits`,
 * gives a plan without violations (for an unscheduled occurrence and for a new request); the
 * options come ranked as documented; the impossible days are days it did not offer; words name
 * things by name in both locales; bad targets are typed errors.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, editPlan, InputError, parseScenario, planSync, recommend, validatePlan, type Plan, type RecommendRequest, type Scenario } from '../../src/index.js';
import { arbScenario } from '../arbitraries/scenario.js';
import { scenarioOf, makePlan } from '../support/plans.js';
import { makeInspector, makeRequest } from '../support/builders.js';

const RUNS = Number(process.env.JI_PROPERTY_RUNS ?? 30);
const small = { requests: { min: 2, max: 7 }, enterprises: { min: 1, max: 3 }, horizonDays: { min: 5, max: 20 } };

function planned(input: unknown): { scenario: Scenario; plan: Plan } | undefined {
  const scenario = parseScenario(input);
  const plan = planSync(scenario, { seed: 1 });
  return validatePlan(scenario, plan).violations.length === 0 ? { scenario, plan } : undefined;
}

describe('recommend', () => {
  it('law: every option for an occurrence taken out of the plan, applied with applyEdits, leaves no violation and schedules it', () => {
    fc.assert(
      fc.property(arbScenario(small), fc.nat(), (input, pick) => {
        const set = planned(input);
        fc.pre(set !== undefined);
        const { scenario, plan: full } = set as NonNullable<typeof set>;
        const ids = full.visits.flatMap((v) => v.occurrenceIds);
        fc.pre(ids.length > 0);
        const id = ids[pick % ids.length] as string;
        const plan = editPlan(scenario, full, { kind: 'unschedule', occurrenceId: id }).plan;
        const result = recommend(scenario, plan, id);
        expect(result.target.occurrenceId).toBe(id);
        // The place it had is still free, so there is at least one option.
        expect(result.options.length).toBeGreaterThan(0);
        for (const option of result.options) {
          const edited = applyEdits(scenario, plan, option.edits);
          expect(edited.violations.map((v) => v.message)).toEqual([]);
          expect(edited.plan.unscheduled.some((u) => u.occurrenceId === id)).toBe(false);
          expect(edited.plan.visits.find((v) => v.occurrenceIds.includes(id))?.date).toBe(option.date);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('law: every option for a new request, applied to the scenario with the request appended, leaves no violation', () => {
    fc.assert(
      fc.property(arbScenario(small), fc.nat(), fc.nat(20), fc.nat(10), fc.constantFrom('routine', 'complaint'), (input, pick, offset, length, basis) => {
        const set = planned(input);
        fc.pre(set !== undefined);
        const { scenario, plan } = set as NonNullable<typeof set>;
        const item = scenario.items[pick % scenario.items.length];
        const enterprise = scenario.enterprises[pick % scenario.enterprises.length];
        fc.pre(item !== undefined && enterprise !== undefined && !item.offsite);
        const from = new Date(Date.parse(scenario.horizon.from) + offset * 86400000).toISOString().slice(0, 10);
        const to = new Date(Date.parse(from) + length * 86400000).toISOString().slice(0, 10);
        const request: RecommendRequest = { id: 'NEW', departmentId: item.departmentId, enterpriseId: enterprise.id, itemIds: [item.id], window: { from, to }, basis };
        const result = recommend(scenario, plan, request);
        expect(result.target).toMatchObject({ occurrenceId: 'NEW', newRequest: true });
        const extended = { ...scenario, requests: [...scenario.requests, request] } as unknown as Scenario;
        for (const option of result.options) {
          const edited = applyEdits(extended, plan, option.edits);
          expect(edited.violations.map((v) => v.message)).toEqual([]);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('law: options are ranked joins first (fewer officers added first), then preferred dates, then earlier days; ranks count from 1', () => {
    fc.assert(
      fc.property(arbScenario(small), fc.nat(), (input, pick) => {
        const set = planned(input);
        fc.pre(set !== undefined);
        const { scenario, plan: full } = set as NonNullable<typeof set>;
        const ids = full.visits.flatMap((v) => v.occurrenceIds);
        fc.pre(ids.length > 0);
        const id = ids[pick % ids.length] as string;
        const plan = editPlan(scenario, full, { kind: 'unschedule', occurrenceId: id }).plan;
        const { options, impossible } = recommend(scenario, plan, id, { limit: 50 });
        options.forEach((o, i) => expect(o.rank).toBe(i + 1));
        for (let i = 1; i < options.length; i++) {
          const a = options[i - 1] as (typeof options)[number];
          const b = options[i] as (typeof options)[number];
          const key = (o: typeof a) => [o.kind === 'join' ? 0 : 1, o.kind === 'join' ? o.inspectorIds.length : 0, o.effect.preferredDate ? 0 : 1, o.effect.makeupWorkday ? 1 : 0];
          const [ka, kb] = [key(a), key(b)];
          const cmp = ka.findIndex((x, j) => x !== kb[j]);
          if (cmp >= 0) expect(ka[cmp]).toBeLessThan(kb[cmp] as number);
          else expect(a.date <= b.date).toBe(true);
        }
        const offered = new Set(options.map((o) => o.date));
        for (const d of impossible) expect(offered.has(d.date)).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('recommend: worked cases', () => {
  const scenario = scenarioOf({
    horizon: { from: '2026-03-02', to: '2026-03-06' },
    inspectors: [makeInspector({ id: 'I1', name: '张伟' }), makeInspector({ id: 'I2', name: '李娜' }), makeInspector({ id: 'I3', name: '王芳' })],
    requests: [makeRequest({ id: 'R1', window: { from: '2026-03-02', to: '2026-03-06' } }), makeRequest({ id: 'R2', window: { from: '2026-03-02', to: '2026-03-06' }, preferredDates: ['2026-03-05'] })],
  });

  it('joins the visit of the enterprise before opening a new one, adding no officer when the team suffices', () => {
    const plan = makePlan(scenario, [{ id: 'V1', date: '2026-03-04', occurrenceIds: ['R1'], inspectorIds: ['I1', 'I2'] }]) as unknown as Plan;
    const { options } = recommend(scenario, plan, 'R2');
    expect(options[0]).toMatchObject({ kind: 'join', visitId: 'V1', date: '2026-03-04', inspectorIds: [], churn: 1, effect: { visits: 0, personVisits: 0 } });
    expect(options[0]?.why).toContain('V1');
    // The next best is the preferred date, before the earlier days.
    expect(options[1]).toMatchObject({ kind: 'new-visit', date: '2026-03-05', effect: { visits: 1, preferredDate: true } });
    expect(options[2]?.date).toBe('2026-03-02');
  });

  it('says in Chinese (by name) and in English why a preferred date is impossible', () => {
    const busy = makePlan(scenario, [{ id: 'V1', date: '2026-03-05', occurrenceIds: ['R1'], inspectorIds: ['I1', 'I2'], start: '16:00' }]) as unknown as Plan;
    // Joining V1 on the preferred date would need the visit to grow beyond the working day.
    const zh = recommend(scenario, busy, 'R2');
    const day = zh.impossible.find((d) => d.date === '2026-03-05');
    expect(day?.rule).toBe('visit-too-long');
    expect(day?.message).toContain('某某餐饮有限公司');
    expect(day?.message).toContain('V1');
    const en = recommend(scenario, busy, 'R2', { locale: 'en' });
    expect(en.impossible.find((d) => d.date === '2026-03-05')?.message).toMatch(/already has visit V1/);
  });

  it('an unknown target, an occurrence already in a visit, bad options and a bad request are InputErrors with paths', () => {
    const plan = makePlan(scenario, [{ id: 'V1', date: '2026-03-04', occurrenceIds: ['R1'], inspectorIds: ['I1', 'I2'] }]) as unknown as Plan;
    const issues = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return (error as InputError).issues.map((i) => `${i.path} ${i.code}`);
      }
      throw new Error('no error');
    };
    expect(issues(() => recommend(scenario, plan, 'R9'))).toEqual(['target unknown_occurrence']);
    expect(issues(() => recommend(scenario, plan, 'R1'))).toEqual(['target invalid_argument']);
    expect(issues(() => recommend(scenario, plan, 'R2', { limit: 0 }))).toEqual(['options.limit invalid_argument']);
    expect(issues(() => recommend(scenario, plan, { id: 'N', departmentId: 'SAMR', enterpriseId: 'E404', itemIds: ['SAMR-1'], window: { from: '2026-03-02', to: '2026-03-06' } }))).toEqual(['target.enterpriseId unknown_reference']);
  });
});
