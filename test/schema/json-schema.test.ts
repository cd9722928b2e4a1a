/**
 * The committed JSON Schema files: current with the zod schemas, valid draft 2020-12 (Ajv in
 * strict mode compiles them), and agreeing with the library on shape. They check shape only;
 * the last scenario case shows what only the library catches.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFiles } from '../../scripts/write-json-schema.js';
import { safeParseScenario } from '../../src/index.js';
import { makeRequest, makeScenario } from '../support/builders.js';

const ROOT = resolve(__dirname, '../..');
const committed = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');

const ajv = new Ajv2020({ strict: true, allErrors: true });
const validateScenario = ajv.compile(JSON.parse(committed('schema/scenario-v1.json')) as object);
const validatePlan = ajv.compile(JSON.parse(committed('schema/plan-v1.json')) as object);

const errorsOf = (validate: typeof validateScenario, value: unknown) => {
  validate(value);
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`.trim());
};

describe('schema files', () => {
  it.each(Object.entries(jsonSchemaFiles()))('%s is what `npm run schema` writes now', (path, text) => {
    expect(committed(path), `${path} is stale: run npm run schema`).toBe(text);
  });

  it('state their identity and that they check shape only', () => {
    const schema = JSON.parse(committed('schema/scenario-v1.json')) as Record<string, string>;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/\/schema\/scenario-v1\.json$/);
    expect(schema.title).toContain('scenario');
    expect(schema.description).toContain('checks shape only');
  });
});

describe('scenario-v1.json', () => {
  it('accepts the builders’ valid scenario', () => {
    expect(errorsOf(validateScenario, makeScenario())).toEqual([]);
  });

  it('rejects a scenario without a horizon', () => {
    expect(errorsOf(validateScenario, makeScenario({ horizon: undefined }))).toContain("must have required property 'horizon'");
  });

  it('rejects dates, times and RRULEs of the wrong form', () => {
    const scenario = makeScenario({
      horizon: { from: '2026-3-1', to: '2026-03-31' },
      calendar: { dayStart: '9:00' },
      requests: [makeRequest({ recurrence: 'FREQ=WEEKLY;' })],
    });
    const errors = errorsOf(validateScenario, scenario);
    expect(errors.some((e) => e.startsWith('/horizon/from must match pattern'))).toBe(true);
    expect(errors.some((e) => e.startsWith('/calendar/dayStart must match pattern'))).toBe(true);
    expect(errors.some((e) => e.startsWith('/requests/0/recurrence must match pattern'))).toBe(true);
  });

  it('accepts the edge forms the library accepts: 24:00, an RRULE: prefix', () => {
    const scenario = makeScenario({ calendar: { dayEnd: '24:00' }, requests: [makeRequest({ recurrence: 'RRULE:FREQ=WEEKLY;BYDAY=MO,TH' })] });
    expect(safeParseScenario(scenario).success).toBe(true);
    expect(errorsOf(validateScenario, scenario)).toEqual([]);
  });

  it('leaves to the library what JSON Schema cannot say: a 30 February passes the schema only', () => {
    const scenario = makeScenario({ horizon: { from: '2026-02-01', to: '2026-02-30' } });
    expect(errorsOf(validateScenario, scenario)).toEqual([]);
    expect(safeParseScenario(scenario).success).toBe(false);
  });
});

describe('plan-v1.json', () => {
  const plan = {
    version: 1,
    visits: [
      { id: 'V1', enterpriseId: 'E1', date: '2026-03-02', start: '09:00', end: '10:30', departmentIds: ['SAMR'], leadDepartmentId: 'SAMR', occurrenceIds: ['R1'], inspectorIds: ['I1', 'I2'] },
    ],
    offsite: [],
    unscheduled: [{ occurrenceId: 'R2', reasons: [{ code: 'CAP_REACHED', message: '…', details: { capId: 'C1' } }] }],
    metrics: { occurrences: 2, scheduled: 1, offsite: 0, unscheduled: 1, visits: 1, lowerBound: 1, personVisits: 2 },
    meta: { engine: 'joint-inspection', engineVersion: '0.1.0', seed: 0, elapsedMs: 5, extra: true },
  };

  it('accepts a plan of the contract, with fields the library adds', () => {
    expect(errorsOf(validatePlan, plan)).toEqual([]);
  });

  it('rejects an unscheduled occurrence without a reason', () => {
    const bad = { ...plan, unscheduled: [{ occurrenceId: 'R2', reasons: [] }] };
    expect(errorsOf(validatePlan, bad)).toContain('/unscheduled/0/reasons must NOT have fewer than 1 items');
  });
});
