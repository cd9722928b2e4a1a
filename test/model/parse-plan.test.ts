/** Plan parsing (contract v1 §2): shape, duplicate visit ids, and ids unknown to a scenario. */
import { describe, expect, it } from 'vitest';
import { parsePlan, parseScenario, PlanError, safeParsePlan, type PlanInput, type Scenario } from '../../src/model/index.js';
import { makeRequest, makeScenario } from '../support/builders.js';

type Visit = PlanInput['visits'][number];

const visit = (o: Partial<Visit> = {}): Visit => ({
  id: 'V1',
  enterpriseId: 'E1',
  date: '2026-03-02',
  start: '09:00',
  end: '10:30',
  departmentIds: ['SAMR', 'TAX'],
  leadDepartmentId: 'SAMR',
  occurrenceIds: ['R1', 'R2'],
  inspectorIds: ['I1', 'I2', 'I3', 'I4'],
  ...o,
});

const makePlan = (o: Partial<PlanInput> = {}): PlanInput => ({
  version: 1,
  visits: [visit()],
  offsite: [],
  unscheduled: [],
  metrics: { occurrences: 2, scheduled: 2, offsite: 0, unscheduled: 0, visits: 1, lowerBound: 1, personVisits: 4 },
  meta: { engine: 'joint-inspection', engineVersion: '0.1.0', seed: 0, elapsedMs: 12 },
  ...o,
});

function problems(input: unknown, scenario?: Scenario): string[] {
  const result = safeParsePlan(input, scenario ? { scenario } : {});
  return result.success ? [] : result.issues.map((i) => `${i.path} ${i.code}`);
}

const any = (v: unknown) => v as never;

describe('plan shape', () => {
  it('accepts a valid plan and fills warnings with []', () => {
    const result = safeParsePlan(makePlan());
    expect(result.success).toBe(true);
    if (result.success) expect(result.data.warnings).toEqual([]);
  });

  it('accepts fields it does not know in metrics and meta (the library may add fields)', () => {
    const plan = makePlan({ metrics: { ...makePlan().metrics, separateVisits: 2, visitsSaved: 1, extra: 5 } as never, meta: { ...makePlan().meta, stoppedEarly: false } as never });
    expect(problems(plan)).toEqual([]);
  });

  it.each([
    ['meta', (p: PlanInput) => delete (p as Partial<PlanInput>).meta, 'missing'],
    ['visits[0].enterpriseId', (p: PlanInput) => delete (p.visits[0] as Partial<Visit>).enterpriseId, 'missing'],
    ['visits[0].date', (p: PlanInput) => (p.visits[0]!.date = '2026-02-30'), 'invalid_date'],
    ['visits[0].start', (p: PlanInput) => (p.visits[0]!.start = '9:00'), 'invalid_time'],
    ['visits[0].end', (p: PlanInput) => (p.visits[0]!.end = '24:01'), 'invalid_time'],
    ['visits[0].occurrenceIds', (p: PlanInput) => (p.visits[0]!.occurrenceIds = []), 'too_small'],
    ['visits[0].departmentIds', (p: PlanInput) => (p.visits[0]!.departmentIds = []), 'too_small'],
    ['visits[0].inspectorIds', (p: PlanInput) => (p.visits[0]!.inspectorIds = any('I1')), 'invalid_type'],
    ['unscheduled[0].reasons', (p: PlanInput) => (p.unscheduled = [{ occurrenceId: 'R2', reasons: [] }]), 'too_small'],
    ['metrics.lowerBound', (p: PlanInput) => (p.metrics.lowerBound = -1), 'too_small'],
    ['version', (p: PlanInput) => (p.version = any(2)), 'invalid_value'],
  ])('reports %s as %s', (path, edit, code) => {
    const plan = makePlan();
    edit(plan);
    expect(problems(plan)).toEqual([`${path} ${code}`]);
  });

  it('reports duplicate visit ids at each later visit, even without a scenario', () => {
    expect(problems(makePlan({ visits: [visit(), visit({ date: '2026-03-03' }), visit({ id: 'V2' }), visit({ date: '2026-03-04' })] }))).toEqual([
      'visits[1].id duplicate_id',
      'visits[3].id duplicate_id',
    ]);
  });

  it('reports invalid JSON text as invalid_json at the document', () => {
    expect(problems('{"version": 1, "visits": [')).toEqual([' invalid_json']);
  });

  it('parsePlan throws a PlanError carrying every issue', () => {
    let error: unknown;
    try {
      parsePlan(makePlan({ visits: [visit({ date: '2026-02-30' }), visit()] }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanError);
    expect((error as PlanError).issues.map((i) => `${i.path} ${i.code}`)).toEqual(['visits[0].date invalid_date', 'visits[1].id duplicate_id']);
  });
});

describe('plan references, given the scenario', () => {
  const scenario = parseScenario(makeScenario());

  it('accepts a plan that names only the scenario’s things', () => {
    expect(problems(makePlan(), scenario)).toEqual([]);
  });

  it('ignores unknown ids when no scenario is given', () => {
    expect(problems(makePlan({ visits: [visit({ occurrenceIds: ['R9'], enterpriseId: 'E9' })] }))).toEqual([]);
  });

  it.each([
    ['visits[0].occurrenceIds[1]', makePlan({ visits: [visit({ occurrenceIds: ['R1', 'R9'] })] })],
    ['offsite[0].occurrenceId', makePlan({ offsite: [{ occurrenceId: 'R9' }] })],
    ['unscheduled[0].occurrenceId', makePlan({ unscheduled: [{ occurrenceId: 'R9', reasons: [{ code: 'CAP_REACHED', message: '…' }] }] })],
  ])('reports an unknown occurrence at %s', (path, plan) => {
    expect(problems(plan, scenario)).toEqual([`${path} unknown_occurrence`]);
  });

  it.each([
    ['visits[0].enterpriseId', visit({ enterpriseId: 'E9' })],
    ['visits[0].leadDepartmentId', visit({ leadDepartmentId: 'NOPE' })],
    ['visits[0].departmentIds[1]', visit({ departmentIds: ['SAMR', 'NOPE'] })],
    ['visits[0].inspectorIds[2]', visit({ inspectorIds: ['I1', 'I2', 'I9', 'I4'] })],
  ])('reports an unknown enterprise, department or officer at %s', (path, v) => {
    expect(problems(makePlan({ visits: [v] }), scenario)).toEqual([`${path} unknown_reference`]);
  });

  it('knows a recurring request by its occurrences R#k, not by its own id', () => {
    const recurring = parseScenario(
      makeScenario({ requests: [makeRequest({ window: { from: '2026-03-01', to: '2026-03-20' }, recurrence: 'FREQ=WEEKLY;BYDAY=MO' }), makeRequest({ id: 'R2', departmentId: 'TAX', itemIds: ['TAX-1'] })] }),
    );
    // Mondays 03-02, 03-09, 03-16: occurrences R1#1 … R1#3
    expect(problems(makePlan({ visits: [visit({ occurrenceIds: ['R1#3', 'R2'] })] }), recurring)).toEqual([]);
    expect(problems(makePlan({ visits: [visit({ occurrenceIds: ['R1', 'R1#4'] })] }), recurring)).toEqual([
      'visits[0].occurrenceIds[0] unknown_occurrence',
      'visits[0].occurrenceIds[1] unknown_occurrence',
    ]);
  });
});
