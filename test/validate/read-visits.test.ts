/**
 * `readPlan` reads well-formed visits by hand (the bulk of a plan) and everything else with the
 * schema: both ways must give the same plan, and a plan with one bad visit must still get the
 * schema's issues with their paths.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planInputSchema, visitInputSchema } from '../../src/model/plan.js';
import { readPlan, readVisits } from '../../src/validate/plan-input.js';

const text = fc.oneof(fc.constantFrom('', 'V1', 'E1', '2026-03-04', '09:00', 'SAMR'), fc.string({ maxLength: 6 }));
const value = fc.oneof(fc.constant(''), text, fc.integer(), fc.constant(null), fc.constant(undefined), fc.array(text, { maxLength: 3 }), fc.array(fc.oneof(text, fc.integer()), { maxLength: 3 }));
const goodVisit = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  enterpriseId: text,
  date: text,
  start: text,
  end: text,
  departmentIds: fc.array(text, { maxLength: 3 }),
  leadDepartmentId: text,
  occurrenceIds: fc.array(text, { maxLength: 4 }),
  inspectorIds: fc.array(text, { maxLength: 4 }),
});
const FIELDS = ['id', 'enterpriseId', 'date', 'start', 'end', 'departmentIds', 'leadDepartmentId', 'occurrenceIds', 'inspectorIds'] as const;
// A visit, sometimes with an extra key, a field missing, or a field of another type.
const anyVisit = fc.oneof(
  goodVisit,
  fc.tuple(goodVisit, fc.constantFrom(...FIELDS), value).map(([v, k, x]) => ({ ...v, [k]: x })),
  fc.tuple(goodVisit, fc.constantFrom(...FIELDS)).map(([v, k]) => {
    const copy: Record<string, unknown> = { ...v };
    delete copy[k];
    return copy;
  }),
  fc.tuple(goodVisit, fc.string({ maxLength: 5 }), value).map(([v, k, x]) => ({ ...v, [`x${k}`]: x })),
  value,
);

describe('readVisits (the fast path of readPlan)', () => {
  it('reads what the schema reads, or declines what it rejects', () => {
    fc.assert(
      fc.property(fc.array(anyVisit, { maxLength: 5 }), (visits) => {
        const fast = readVisits(visits);
        const slow = visitInputSchema.array().safeParse(visits);
        if (slow.success) expect(fast).toStrictEqual(slow.data);
        else expect(fast).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('never hands back the caller’s objects or lists', () => {
    const visit = { id: 'V1', enterpriseId: 'E1', date: '2026-03-04', start: '09:00', end: '10:00', departmentIds: ['SAMR'], leadDepartmentId: 'SAMR', occurrenceIds: ['R1'], inspectorIds: ['I1', 'I2'] };
    const [read] = readVisits([visit]) ?? [];
    expect(read).toStrictEqual(visit);
    expect(read).not.toBe(visit);
    expect(read?.occurrenceIds).not.toBe(visit.occurrenceIds);
    expect(read?.inspectorIds).not.toBe(visit.inspectorIds);
    expect(read?.departmentIds).not.toBe(visit.departmentIds);
  });
});

describe('readPlan', () => {
  it('gives the schema’s plan, or the schema’s issues, for any plan', () => {
    const plan = fc.record(
      {
        version: fc.oneof(fc.constant(1), value),
        visits: fc.oneof(fc.array(anyVisit, { maxLength: 4 }), value),
        offsite: fc.array(fc.record({ occurrenceId: text }), { maxLength: 2 }),
        unscheduled: fc.array(fc.record({ occurrenceId: text, reasons: fc.array(fc.record({ code: text }), { maxLength: 2 }) }), { maxLength: 2 }),
        extra: value,
      },
      { requiredKeys: ['version'] },
    );
    fc.assert(
      fc.property(plan, (input) => {
        const read = readPlan(input, 'en');
        const slow = planInputSchema.safeParse(input);
        if (slow.success) expect(read).toStrictEqual({ plan: slow.data });
        else {
          expect('issues' in read).toBe(true);
          const paths = 'issues' in read ? read.issues.map((i) => i.path) : [];
          expect(paths.length).toBe(slow.error.issues.length);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('names the bad visit by its path when the others are well formed', () => {
    const good = { id: 'V1', enterpriseId: 'E1', date: '2026-03-04', start: '09:00', end: '10:00', departmentIds: ['SAMR'], leadDepartmentId: 'SAMR', occurrenceIds: ['R1'], inspectorIds: ['I1'] };
    const read = readPlan({ version: 1, visits: [good, { ...good, id: 'V2', inspectorIds: 'I1' }] }, 'en');
    expect('issues' in read && read.issues.map((i) => i.path)).toEqual(['visits[1].inspectorIds']);
  });
});
