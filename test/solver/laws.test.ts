/**
 * Laws every plan obeys, checked on generated scenarios of every kind (tight and scarce staff,
 * expiring certificates, recusals, areas, quiet periods, caps with history, recurrences,
 * exclusive and fixed-date requests, whitelists, make-up days, travel time).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandOccurrences, parseScenario, planSync, validatePlan, type Plan, type Scenario, type ScenarioInput } from '../../src/index.js';
import { REASON_CODES } from '../../src/report/reasons.js';
import { arbScenario, type StaffLevel } from '../arbitraries/scenario.js';

/** More runs for a soak: JI_PROPERTY_RUNS=2000 npx vitest run test/solver. */
const RUNS = Number(process.env.JI_PROPERTY_RUNS ?? 120);
const KINDS: StaffLevel[] = ['ample', 'tight', 'scarce'];

const solve = (input: ScenarioInput) => {
  const scenario = parseScenario(input);
  return { scenario, plan: planSync(scenario, { locale: 'en' }) };
};

function scheduledPriority(scenario: Scenario, plan: Plan): number {
  const priority = new Map(expandOccurrences(scenario).map((o) => [o.id, o.request.priority]));
  return plan.visits.reduce((s, v) => s + v.occurrenceIds.reduce((t, o) => t + (priority.get(o) ?? 0), 0), 0);
}

/** The plan without what may differ between runs: the time taken, in all and per phase. */
const stable = (plan: Plan) => ({ ...plan, meta: { ...plan.meta, elapsedMs: 0, phasesMs: undefined } });

describe.each(KINDS)('plans for scenarios with %s staff', (staff) => {
  const arb = arbScenario({ staff, requests: { min: 1, max: 10 }, enterprises: { min: 1, max: 4 } });

  it('every plan passes validatePlan', () => {
    fc.assert(
      fc.property(arb, (input) => {
        const { scenario, plan } = solve(input);
        expect(validatePlan(scenario, plan).violations).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('every occurrence appears exactly once, and every unscheduled one has a known reason with a message', () => {
    fc.assert(
      fc.property(arb, (input) => {
        const { scenario, plan } = solve(input);
        const seen = [
          ...plan.visits.flatMap((v) => v.occurrenceIds),
          ...plan.offsite.map((o) => o.occurrenceId),
          ...plan.unscheduled.map((u) => u.occurrenceId),
        ].sort();
        expect(seen).toEqual(expandOccurrences(scenario).map((o) => o.id).sort());
        for (const u of plan.unscheduled) {
          expect(u.reasons.length).toBeGreaterThan(0);
          for (const r of u.reasons) {
            expect(REASON_CODES).toContain(r.code);
            expect(r.message.length).toBeGreaterThan(0);
            expect(r.message).not.toMatch(/\{\w+\}/);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('the same input with its lists shuffled and the same seed gives the same plan', () => {
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 2 ** 31 - 1 }), (input, shuffleSeed) => {
        const shuffled = shuffleLists(input, shuffleSeed);
        expect(stable(solve(shuffled).plan)).toEqual(stable(solve(input).plan));
      }),
      { numRuns: RUNS },
    );
  });

  it('adding an officer never lowers the scheduled priority', () => {
    fc.assert(
      fc.property(arb, fc.nat(), (input, pick) => {
        const base = solve(input);
        const model = input.inspectors[pick % Math.max(1, input.inspectors.length)];
        const department = input.departments[pick % input.departments.length]?.id as string;
        const extra = {
          ...(model ?? { qualifications: [] }),
          id: 'EXTRA-OFFICER',
          name: '新增执法人员',
          departmentId: model?.departmentId ?? department,
          certificate: model?.certificate ?? { validFrom: input.horizon.from, validTo: input.horizon.to },
        };
        const more = solve({ ...input, inspectors: [...input.inspectors, extra] });
        expect(scheduledPriority(more.scenario, more.plan)).toBeGreaterThanOrEqual(scheduledPriority(base.scenario, base.plan));
      }),
      { numRuns: RUNS },
    );
  });

  it('widening a window never lowers the scheduled priority', () => {
    fc.assert(
      fc.property(arb, fc.nat(), fc.integer({ min: 1, max: 10 }), (input, pick, days) => {
        if (input.requests.length === 0) return;
        const base = solve(input);
        const k = pick % input.requests.length;
        const r = input.requests[k]!;
        const to = new Date(Date.parse(`${r.window.to}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
        const requests = input.requests.map((x, i) => (i === k ? { ...x, window: { from: x.window.from, to } } : x));
        const wider = solve({ ...input, requests });
        expect(scheduledPriority(wider.scenario, wider.plan)).toBeGreaterThanOrEqual(scheduledPriority(base.scenario, base.plan));
      }),
      { numRuns: RUNS },
    );
  });

  it('removing a cap never lowers the scheduled priority, nor adds visits at equal priority', () => {
    fc.assert(
      fc.property(arb, fc.nat(), (input, pick) => {
        const caps = input.caps ?? [];
        if (caps.length === 0) return;
        const base = solve(input);
        const fewer = solve({ ...input, caps: caps.filter((_, i) => i !== pick % caps.length) });
        const p0 = scheduledPriority(base.scenario, base.plan);
        const p1 = scheduledPriority(fewer.scenario, fewer.plan);
        expect(p1).toBeGreaterThanOrEqual(p0);
        if (p1 === p0) expect(fewer.plan.visits.length).toBeLessThanOrEqual(base.plan.visits.length);
      }),
      { numRuns: RUNS },
    );
  });
});

/** A copy of the input with every list whose order carries no meaning shuffled (departments' order breaks ties, so it stays). */
function shuffleLists(input: ScenarioInput, seed: number): ScenarioInput {
  let s = seed >>> 0;
  const rand = () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return s / 4294967296;
  };
  const shuffle = <T>(list: readonly T[] | undefined): T[] | undefined => {
    if (!list) return undefined;
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };
  const out: ScenarioInput = {
    ...input,
    items: shuffle(input.items)!,
    enterprises: shuffle(input.enterprises)!,
    inspectors: shuffle(input.inspectors)!,
    requests: shuffle(input.requests)!,
  };
  if (input.caps) out.caps = shuffle(input.caps);
  if (input.history) out.history = shuffle(input.history);
  if (input.calendar) {
    out.calendar = { ...input.calendar };
    if (input.calendar.quietPeriods) out.calendar.quietPeriods = shuffle(input.calendar.quietPeriods);
    if (input.calendar.holidays) out.calendar.holidays = shuffle(input.calendar.holidays);
    if (input.calendar.extraWorkdays) out.calendar.extraWorkdays = shuffle(input.calendar.extraWorkdays);
  }
  return out;
}
