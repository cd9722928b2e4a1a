/**
 * An edit that cannot be applied at all is an `EditError` listing every problem with its path
 * in the edit, in zh-CN by default and in English on request — never a TypeError, whatever
 * JSON it is given; and the plan is then left as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, applyPlanPatches, editPlan, EditError, PlanError, type Edit, type Plan } from '../../src/index.js';
import { jointVisit, makePlan, scenarioOf } from '../support/plans.js';

const scenario = scenarioOf();
const plan = makePlan(scenario, [jointVisit]) as unknown as Plan;

function editError(run: () => unknown): EditError {
  try {
    run();
  } catch (error) {
    if (error instanceof EditError) return error;
    throw error;
  }
  throw new Error('no EditError');
}
const problems = (e: EditError) => e.issues.map((i) => [i.path, i.code]);

describe('edits that cannot be applied', () => {
  it('an unknown visit: code unknown_visit at visitId, worded in Chinese, then in English', () => {
    const e = editError(() => editPlan(scenario, plan, { kind: 'move-visit', visitId: 'V99', date: '2026-03-03' }));
    expect([e.code, e.path]).toEqual(['unknown_visit', 'visitId']);
    expect(e.issues[0]?.message).toBe('计划中没有检查组 V99');
    const en = editError(() => editPlan(scenario, plan, { kind: 'move-visit', visitId: 'V99', date: '2026-03-03' }, { locale: 'en' }));
    expect(en.issues[0]?.message).toBe('the plan has no visit V99');
  });

  it('a date that is not a date, a time that is not a time: every problem at once', () => {
    const e = editError(() => editPlan(scenario, plan, { kind: 'move-visit', visitId: 'V1', date: '2026-02-30', start: '25:00' }));
    expect(problems(e)).toEqual([
      ['date', 'invalid_date'],
      ['start', 'invalid_time'],
    ]);
  });

  it('unknown occurrence, officer and target visit; officers on or off the team; names in the words', () => {
    expect(problems(editError(() => editPlan(scenario, plan, { kind: 'unschedule', occurrenceId: 'R9' })))).toEqual([['occurrenceId', 'unknown_occurrence']]);
    expect(problems(editError(() => editPlan(scenario, plan, { kind: 'add-officer', visitId: 'V2', inspectorId: 'I9' })))).toEqual([
      ['visitId', 'unknown_visit'],
      ['inspectorId', 'unknown_inspector'],
    ]);
    const on = editError(() => editPlan(scenario, plan, { kind: 'add-officer', visitId: 'V1', inspectorId: 'I1' }));
    expect([on.code, on.issues[0]?.message]).toEqual(['officer_already_on_visit', '执法人员张伟已在检查组 V1 中']);
    const off = makePlan(scenario, [{ ...jointVisit, inspectorIds: ['I1', 'I3', 'I4'] }]) as unknown as Plan;
    expect(editError(() => editPlan(scenario, off, { kind: 'remove-officer', visitId: 'V1', inspectorId: 'I2' })).code).toBe('officer_not_on_visit');
    expect(problems(editError(() => editPlan(scenario, plan, { kind: 'move-occurrence', occurrenceId: 'R1', toVisitId: 'V5' })))).toEqual([['toVisitId', 'unknown_visit']]);
  });

  it('an occurrence already where the edit would put it, or not where it would take it from', () => {
    expect(editError(() => editPlan(scenario, plan, { kind: 'schedule', occurrenceId: 'R1', visitId: 'V1' })).code).toBe('already_scheduled');
    expect(editError(() => editPlan(scenario, plan, { kind: 'move-occurrence', occurrenceId: 'R1', toVisitId: 'V1' })).code).toBe('already_in_visit');
    const none = makePlan(scenario, []) as unknown as Plan;
    expect(editError(() => editPlan(scenario, none, { kind: 'move-occurrence', occurrenceId: 'R1', toNewVisit: { date: '2026-03-02' } })).code).toBe('not_in_visit');
    expect(editError(() => editPlan(scenario, none, { kind: 'unschedule', occurrenceId: 'R1' })).code).toBe('already_unscheduled');
  });

  it('both targets or none, a new visit with a taken id or an officer twice', () => {
    const none = makePlan(scenario, []) as unknown as Plan;
    expect(problems(editError(() => editPlan(scenario, none, { kind: 'schedule', occurrenceId: 'R1', visitId: 'V1', newVisit: { date: '2026-03-02' } } as unknown as Edit)))).toEqual([['newVisit', 'two_targets']]);
    expect(problems(editError(() => editPlan(scenario, none, { kind: 'schedule', occurrenceId: 'R1' } as unknown as Edit)))).toEqual([['visitId', 'missing']]);
    expect(problems(editError(() => editPlan(scenario, plan, { kind: 'move-occurrence', occurrenceId: 'R1', toNewVisit: { date: '2026-03-03', id: 'V1', inspectorIds: ['I1', 'I1'] } })))).toEqual([
      ['toNewVisit.inspectorIds[1]', 'duplicate_inspector'],
      ['toNewVisit.id', 'visit_id_taken'],
    ]);
  });

  it('an unknown kind, a misspelt field, or no object at all', () => {
    expect(problems(editError(() => editPlan(scenario, plan, { kind: 'teleport' } as unknown as Edit)))).toEqual([['kind', 'invalid_value']]);
    expect(problems(editError(() => editPlan(scenario, plan, { kind: 'move-visit', visitID: 'V1', date: '2026-03-03' } as unknown as Edit)))).toEqual([
      ['visitId', 'missing'],
      ['', 'unrecognized_keys'],
    ]);
    for (const bad of [null, 42, 'move', [], {}]) expect(editError(() => editPlan(scenario, plan, bad as unknown as Edit)).issues.length).toBeGreaterThan(0);
  });

  it('in a list of edits, the path starts with the edit index, and nothing is applied', () => {
    const e = editError(() => applyEdits(scenario, plan, [{ kind: 'remove-officer', visitId: 'V1', inspectorId: 'I2' }, { kind: 'add-officer', visitId: 'V7', inspectorId: 'I2' }]));
    expect(problems(e)).toEqual([['[1].visitId', 'unknown_visit']]);
    expect(plan.visits[0]?.inspectorIds).toEqual(['I1', 'I2', 'I3', 'I4']);
  });

  it('a plan that is not a plan is a PlanError; a patch that does not fit is an EditError', () => {
    expect(() => editPlan(scenario, { version: 1, visits: 'none' } as unknown as Plan, { kind: 'unschedule', occurrenceId: 'R1' })).toThrow(PlanError);
    expect(editError(() => applyPlanPatches(plan, [{ op: 'replace', path: ['visits', 5, 'date'], value: 'x' }])).code).toBe('invalid_patch');
    expect(editError(() => applyPlanPatches(plan, [{ op: 'move', path: [] } as never])).path).toBe('[0]');
  });

  it('law: any JSON value as an edit gives a result or an EditError, never another error, and the plan is unchanged', () => {
    const before = JSON.stringify(plan);
    const field = fc.oneof(fc.constantFrom('V1', 'R1', 'R2', 'I1', 'I5', '2026-03-03', '2026-13-01', '10:00', ''), fc.jsonValue());
    const arbEdit = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          kind: fc.constantFrom('move-visit', 'add-officer', 'remove-officer', 'move-occurrence', 'unschedule', 'schedule', 'x'),
          visitId: field,
          date: field,
          start: field,
          inspectorId: field,
          occurrenceId: field,
          toVisitId: field,
          toNewVisit: fc.oneof(field, fc.record({ date: field, start: field, inspectorIds: fc.array(field, { maxLength: 3 }) }, { requiredKeys: ['date'] })),
          note: field,
        },
        { requiredKeys: ['kind'] },
      ),
    );
    fc.assert(
      fc.property(arbEdit, (edit) => {
        try {
          editPlan(scenario, plan, edit as Edit);
        } catch (error) {
          expect(error).toBeInstanceOf(EditError);
        }
        expect(JSON.stringify(plan)).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});

describe('plans from anywhere', () => {
  const edit: Edit = { kind: 'unschedule', occurrenceId: 'R1' };

  it('law: any JSON value or near-plan as the plan gives a result or a typed error (PlanError, EditError), never another error', () => {
    const base = JSON.parse(JSON.stringify(plan)) as Record<string, unknown>;
    const nearPlan = fc
      .record({ drop: fc.subarray(['offsite', 'unscheduled', 'warnings', 'metrics', 'meta', 'softFindings']), visits: fc.oneof(fc.constant(undefined), fc.jsonValue()) })
      .map(({ drop, visits }) => {
        const p: Record<string, unknown> = { ...base };
        for (const k of drop) delete p[k];
        if (visits !== undefined) p.visits = visits;
        return p;
      });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), nearPlan), (candidate) => {
        const before = JSON.stringify(candidate);
        try {
          const result = editPlan(scenario, candidate as Plan, edit);
          expect(result.plan.unscheduled.map((u) => u.occurrenceId)).toContain('R1');
        } catch (error) {
          expect(error instanceof PlanError || error instanceof EditError, String(error)).toBe(true);
        }
        expect(JSON.stringify(candidate)).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it('a plan without offsite, unscheduled or metrics (another system\'s) is edited, and gets its lists and metrics', () => {
    const { offsite: _o, unscheduled: _u, metrics: _m, ...bare } = plan as unknown as Record<string, unknown>;
    const { plan: edited, inversePatches } = editPlan(scenario, bare as unknown as Plan, edit);
    expect(edited.unscheduled.map((u) => u.occurrenceId)).toEqual(['R1']);
    expect(edited.metrics).toMatchObject({ occurrences: 2, scheduled: 1, unscheduled: 1, visits: 1, personVisits: 2 });
    expect(JSON.stringify(applyPlanPatches(edited, inversePatches))).toBe(JSON.stringify(bare));
  });

  it('edits that are not a list, to applyEdits, are an EditError', () => {
    expect(editError(() => applyEdits(scenario, plan, 'move' as unknown as Edit[])).code).toBe('invalid_type');
  });
});
