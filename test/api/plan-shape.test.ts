/**
 * The precise `Plan` type (src/model/plan-types.ts) is a promise about what `plan` writes: the
 * solver builds its output as records and returns it as `Plan`. This test holds the promise at
 * run time: a strict zod schema written here from the type's words (no extra keys in `meta`,
 * `details` per code) must accept every plan the planner makes from arbitrary scenarios. If the
 * solver adds a meta field or a detail the type does not declare, or drops one it declares,
 * this fails — and the type (and docs/api.md) must follow.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseScenario, planSync, REASON_CODES, WARNING_CODES, type Plan } from '../../src/index.js';
import { arbScenario } from '../arbitraries/scenario.js';

const str = z.string();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int().min(0);
const window = { from: date, to: date };
const basis = z.string().min(1);

const reasonDetails = {
  OUTSIDE_HORIZON: z.strictObject({ ...window, horizonFrom: date, horizonTo: date }),
  NO_WORKING_DAY: z.strictObject({ ...window, makeupWorkdays: z.enum(['allow', 'avoid', 'forbid']) }),
  ENTERPRISE_UNAVAILABLE: z.strictObject({ ...window, enterpriseId: str }),
  QUIET_PERIOD: z.strictObject({ ...window, enterpriseId: str, basis, quietPeriodIds: z.array(str) }),
  WHITELISTED: z.strictObject({ enterpriseId: str, basis, fields: z.array(str), exemptFields: z.array(str) }),
  AREA_MISMATCH: z.strictObject({ departmentId: str, area: str, departmentAreas: z.array(str) }),
  FIXED_DATE_INFEASIBLE: z.strictObject({
    ...window,
    fixedDate: date,
    cause: z.enum(['outside-window', 'not-working-day', 'enterprise-unavailable', 'quiet-period', 'no-eligible-inspectors']),
    departmentId: str.optional(),
  }),
  VISIT_TOO_LONG: z.strictObject({ enterpriseId: str, minutes: count, limit: count }),
  CAP_REACHED: z.strictObject({
    ...window,
    capId: str,
    enterpriseId: str,
    departmentId: str.optional(),
    period: z.union([z.enum(['year', 'half-year', 'quarter', 'month']), z.strictObject({ rollingDays: count })]),
    firstPeriod: z.strictObject(window).optional(),
    limit: count.optional(),
    minGapDays: count.optional(),
    events: z.array(z.union([z.strictObject({ date, visitId: str }), z.strictObject({ date, history: z.literal(true) })])),
    daysTried: count,
  }),
  NO_ELIGIBLE_INSPECTORS: z.strictObject({
    departmentId: str,
    needed: count,
    filter: z.enum(['department', 'qualification', 'certificate', 'area', 'avoidance', 'availability']),
    funnel: z.strictObject({ department: count, certificate: count, area: count, avoidance: count }).partial(),
    daysTried: count,
    days: z.array(date).max(20),
    qualifications: z.array(str),
    certificates: z.array(z.strictObject({ inspectorId: str, validFrom: date, validTo: date })).optional(),
  }),
  STAFF_CAPACITY: z.strictObject({ ...window, departmentId: str, daysTried: count, staffBlockedDays: count, capBlockedDays: count, days: z.array(date) }),
  DISPLACED: z.strictObject({ ...window, daysTried: count, staffBlockedDays: count, capBlockedDays: count, blockingVisitIds: z.array(str) }),
  MANUAL: z.strictObject({ visitId: str.optional(), date: date.optional(), note: str.optional() }),
} satisfies Record<(typeof REASON_CODES)[number], z.ZodType>;

const certificate = z.strictObject({ inspectorId: str, departmentId: str, validFrom: date, validTo: date, certificateNumber: str.optional() });
const warningDetails = {
  CALENDAR_DATA_MISSING: z.strictObject({ preset: z.literal('cn-mainland'), years: z.array(z.number().int()) }),
  UNKNOWN_FIELD: z.strictObject({ path: str, field: str, suggestion: str.optional() }),
  CERTIFICATE_EXPIRES: certificate,
  CERTIFICATE_NOT_YET_VALID: certificate,
  CERTIFICATE_OUTSIDE_HORIZON: certificate,
} satisfies Record<(typeof WARNING_CODES)[number], z.ZodType>;

const byCode = <D extends Record<string, z.ZodType>>(details: D) =>
  z.union(Object.entries(details).map(([code, d]) => z.strictObject({ code: z.literal(code), message: str.min(1), details: d })) as unknown as [z.ZodType, z.ZodType]);

const strictPlan = z.strictObject({
  version: z.literal(1),
  visits: z.array(
    z.strictObject({
      id: str,
      enterpriseId: str,
      date,
      start: str,
      end: str,
      departmentIds: z.array(str).min(1),
      leadDepartmentId: str,
      occurrenceIds: z.array(str).min(1),
      inspectorIds: z.array(str),
    }),
  ),
  offsite: z.array(z.strictObject({ occurrenceId: str })),
  unscheduled: z.array(z.strictObject({ occurrenceId: str, reasons: z.array(byCode(reasonDetails)).min(1) })),
  warnings: z.array(byCode(warningDetails)),
  softFindings: z
    .array(
      z.strictObject({
        code: z.literal('PREFERRED_DATE_UNMET'),
        occurrenceId: str,
        visitId: str.optional(),
        message: str.min(1),
        details: z.strictObject({ preferredDates: z.array(date), date, unmet: z.array(z.strictObject({ date, cause: str.min(1) })) }),
      }),
    )
    .min(1)
    .optional(),
  metrics: z.strictObject({
    occurrences: count,
    scheduled: count,
    offsite: count,
    unscheduled: count,
    visits: count,
    lowerBound: count,
    personVisits: count,
    separateVisits: count.optional(),
    visitsSaved: z.number().int().optional(),
    scheduledPriority: count.optional(),
    priorityUpperBound: count.optional(),
    visitsLowerBound: count.optional(),
  }),
  meta: z.strictObject({
    engine: str,
    engineVersion: str,
    seed: z.number().int(),
    elapsedMs: count,
    timeLimitMs: z.number().min(0),
    rounds: count,
    stoppedEarly: z.enum(['time-limit', 'aborted']).optional(),
    phasesMs: z.strictObject({
      compile: count,
      construct: count.optional(),
      insert: count.optional(),
      replan: count.optional(),
      eliminate: count.optional(),
      balance: count.optional(),
      settle: count.optional(),
      report: count,
    }),
  }),
});

function problemsOf(plan: Plan): string[] {
  const result = strictPlan.safeParse(plan);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('the plan the planner returns has exactly the shape of the Plan type', () => {
  it('for arbitrary scenarios (tight staff, so that reasons of many codes appear)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(arbScenario({ staff: 'scarce' }), fc.integer({ min: 0, max: 1000 }), (input, seed) => {
        const plan = planSync(parseScenario(input), { seed, timeLimitMs: 2000 });
        for (const u of plan.unscheduled) for (const r of u.reasons) seen.add(r.code);
        expect(problemsOf(plan)).toEqual([]);
      }),
      { numRuns: 40 },
    );
    // The property saw more than one kind of reason: it tested the union, not one branch.
    expect(seen.size).toBeGreaterThan(1);
  });

  it('when stopped early by an aborted signal (stoppedEarly, partial phases)', () => {
    fc.assert(
      fc.property(arbScenario(), (input) => {
        const controller = new AbortController();
        controller.abort();
        const plan = planSync(parseScenario(input), { signal: controller.signal });
        expect(problemsOf(plan)).toEqual([]);
      }),
      { numRuns: 10 },
    );
  });

  it('rejects what the type rejects (the strict schema is not vacuous)', () => {
    fc.assert(
      fc.property(arbScenario(), (input) => {
        const plan = planSync(parseScenario(input), { seed: 1 });
        const misspelt = { ...plan, meta: { ...plan.meta, stopedEarly: 'time-limit' } } as unknown as Plan;
        expect(problemsOf(misspelt).length).toBeGreaterThan(0);
      }),
      { numRuns: 3 },
    );
  });
});
