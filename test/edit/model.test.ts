/**
 * Model-based laws of hand edits, on generated scenarios planned by the planner and random
 * sequences of edits of every kind (lawful or not): undoing every edit restores the plan byte
 * for byte; replaying the patches gives the edited plan; metrics always agree with the plan;
 * no occurrence is lost or doubled; the caller's plan is never mutated (it is deep-frozen).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPlanPatches, editPlan, expandOccurrences, parseScenario, planSync, validatePlan, type Edit, type Plan, type PlanPatch, type Scenario } from '../../src/index.js';
import { arbScenario } from '../arbitraries/scenario.js';
import { addDays } from '../arbitraries/days.js';

const RUNS = Number(process.env.JI_PROPERTY_RUNS ?? 60);

/** One step of a session: which kind of edit, and numbers that pick its visit, officer, occurrence, target, day. */
const arbChoice = fc.record({ kind: fc.nat(5), a: fc.nat(), b: fc.nat(), c: fc.nat(), day: fc.integer({ min: -3, max: 60 }), start: fc.option(fc.constantFrom('08:00', '09:00', '10:30', '14:00', '16:30', '23:00')) });
type Choice = typeof arbChoice extends fc.Arbitrary<infer T> ? T : never;

const arbSession = fc.record({
  input: arbScenario({ requests: { min: 2, max: 8 }, enterprises: { min: 1, max: 3 } }),
  choices: fc.array(arbChoice, { minLength: 1, maxLength: 12 }),
});

const pick = <T>(xs: readonly T[], n: number): T | undefined => (xs.length === 0 ? undefined : xs[n % xs.length]);

/** An applicable edit of the chosen kind on the plan as it is now, or undefined when there is none of that kind. */
function editFor(scenario: Scenario, plan: Plan, ch: Choice): Edit | undefined {
  const date = addDays(scenario.horizon.from, ch.day);
  const start = ch.start ?? undefined;
  const visit = pick(plan.visits, ch.a);
  const newVisit = () => ({ date, ...(start ? { start } : {}), inspectorIds: scenario.inspectors.filter((_, i) => ((ch.c >> i) & 1) === 1).map((i) => i.id) });
  const inVisits = plan.visits.flatMap((v) => v.occurrenceIds);
  switch (ch.kind) {
    case 0:
      return visit && { kind: 'move-visit', visitId: visit.id, date, ...(start ? { start } : {}) };
    case 1: {
      const officer = visit && pick(scenario.inspectors.filter((i) => !visit.inspectorIds.includes(i.id)), ch.b);
      return visit && officer && { kind: 'add-officer', visitId: visit.id, inspectorId: officer.id };
    }
    case 2: {
      const officer = visit && pick(visit.inspectorIds, ch.b);
      return visit && officer !== undefined ? { kind: 'remove-officer', visitId: visit.id, inspectorId: officer } : undefined;
    }
    case 3: {
      const occurrenceId = pick(inVisits, ch.b);
      if (occurrenceId === undefined) return undefined;
      const target = pick(plan.visits.filter((v) => !v.occurrenceIds.includes(occurrenceId)), ch.a);
      return target && ch.c % 2 === 0 ? { kind: 'move-occurrence', occurrenceId, toVisitId: target.id } : { kind: 'move-occurrence', occurrenceId, toNewVisit: newVisit() };
    }
    case 4: {
      const occurrenceId = pick([...inVisits, ...plan.offsite.map((o) => o.occurrenceId)], ch.b);
      return occurrenceId === undefined ? undefined : { kind: 'unschedule', occurrenceId, ...(ch.c % 3 === 0 ? { note: '人工调整' } : {}) };
    }
    default: {
      const occurrenceId = pick([...plan.unscheduled.map((u) => u.occurrenceId), ...plan.offsite.map((o) => o.occurrenceId)], ch.b);
      if (occurrenceId === undefined) return undefined;
      return visit && ch.c % 2 === 0 ? { kind: 'schedule', occurrenceId, visitId: visit.id } : { kind: 'schedule', occurrenceId, newVisit: newVisit() };
    }
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

interface Step {
  before: Plan;
  after: Plan;
  patches: PlanPatch[];
  inversePatches: PlanPatch[];
}

/** Plans the scenario, deep-freezes the plan, and applies the session's edits one by one. */
function run(session: { input: unknown; choices: Choice[] }, validate = false) {
  const scenario = parseScenario(session.input);
  const original = deepFreeze(planSync(scenario, { seed: 1 }));
  const text = JSON.stringify(original);
  const steps: Step[] = [];
  let plan = original;
  for (const ch of session.choices) {
    const edit = editFor(scenario, plan, ch);
    if (edit === undefined) continue;
    const result = editPlan(scenario, plan, edit, { validate });
    steps.push({ before: plan, after: result.plan, patches: result.patches, inversePatches: result.inversePatches });
    plan = deepFreeze(result.plan);
  }
  return { scenario, original, text, steps, final: plan };
}

describe('random sequences of hand edits on planned scenarios', () => {
  it('law: applying every edit\'s inverse patches, last edit first, restores the original plan byte for byte', () => {
    fc.assert(
      fc.property(arbSession, (session) => {
        const { text, steps, final } = run(session);
        let plan = final;
        for (const step of [...steps].reverse()) plan = applyPlanPatches(plan, step.inversePatches);
        expect(JSON.stringify(plan)).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('law: each edit undoes on its own, and replaying every patch on the original gives the edited plan', () => {
    fc.assert(
      fc.property(arbSession, (session) => {
        const { original, steps, final } = run(session);
        for (const step of steps) expect(JSON.stringify(applyPlanPatches(step.after, step.inversePatches))).toBe(JSON.stringify(step.before));
        const replayed = steps.reduce((plan, step) => applyPlanPatches(plan, step.patches), original);
        expect(JSON.stringify(replayed)).toBe(JSON.stringify(final));
      }),
      { numRuns: RUNS },
    );
  });

  it('law: after any edit the metrics agree with the plan (the validator finds no metrics finding)', () => {
    fc.assert(
      fc.property(arbSession, (session) => {
        const { scenario, steps } = run(session);
        for (const step of steps) {
          const { violations, warnings } = validatePlan(scenario, step.after);
          expect([...violations, ...warnings].filter((f) => f.ruleId === 'metrics')).toEqual([]);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('law: an edit never loses or doubles an occurrence, and a visit is never left empty', () => {
    fc.assert(
      fc.property(arbSession, (session) => {
        const { scenario, steps } = run(session);
        const all = expandOccurrences(scenario).map((o) => o.id).sort();
        for (const { after } of steps) {
          const seen = [...after.visits.flatMap((v) => v.occurrenceIds), ...after.offsite.map((o) => o.occurrenceId), ...after.unscheduled.map((u) => u.occurrenceId)].sort();
          expect(seen).toEqual(all);
          expect(after.visits.every((v) => v.occurrenceIds.length > 0)).toBe(true);
          expect(new Set(after.visits.map((v) => v.id)).size).toBe(after.visits.length);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('law: the caller\'s plan and edit are never mutated or frozen (edits of a deep-frozen plan succeed; an unfrozen one stays unfrozen and unchanged)', () => {
    fc.assert(
      fc.property(arbSession, (session) => {
        const { text, original } = run(session); // every `before` was deep-frozen: a mutation would have thrown
        expect(JSON.stringify(original)).toBe(text);
        const scenario = parseScenario(session.input);
        const open = JSON.parse(text) as Plan;
        for (const ch of session.choices) {
          const edit = editFor(scenario, open, ch);
          if (edit === undefined) continue;
          const editText = JSON.stringify(edit);
          editPlan(scenario, open, edit, { validate: false });
          expect(JSON.stringify(edit)).toBe(editText);
        }
        expect(JSON.stringify(open)).toBe(text);
        expect(Object.isFrozen(open) || open.visits.some((v) => Object.isFrozen(v))).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});

it('a session moves something: the generated edits change plans (the laws above are not vacuous)', () => {
  let changed = 0;
  fc.assert(
    fc.property(arbSession, (session) => {
      const { steps } = run(session);
      if (steps.some((s) => s.patches.length > 0)) changed++;
    }),
    { numRuns: 40 },
  );
  expect(changed).toBeGreaterThan(30);
});
