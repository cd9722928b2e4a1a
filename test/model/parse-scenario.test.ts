/**
 * Scenario parsing (contract v1 §1 and "Conventions"), by example: every class of input problem
 * is reported with its code and JSON path, all at once; defaults are filled in.
 */
import { describe, expect, it } from 'vitest';
import {
  inspectorMinutesPerDay,
  parseScenario,
  requestedInspectors,
  safeParseScenario,
  ScenarioError,
  type InputIssue,
  type ScenarioInput,
} from '../../src/model/index.js';
import type { Locale } from '../../src/report/format.js';
import { INVALID_RRULES } from '../arbitraries/rrule.js';
import { exists } from '../arbitraries/mutations.js';
import { makeEnterprise, makeInspector, makeItem, makeRequest, makeScenario } from '../support/builders.js';

/** The problems of `input` as `path code` strings, in the order reported. */
function problems(input: unknown, locale?: Locale): string[] {
  const result = safeParseScenario(input, locale ? { locale } : {});
  return result.success ? [] : result.issues.map((i) => `${i.path} ${i.code}`);
}

function issues(input: unknown): InputIssue[] {
  const result = safeParseScenario(input);
  return result.success ? [] : result.issues;
}

/** The builder's scenario, changed by `edit` (which may mutate it freely). */
function edited(edit: (s: ScenarioInput & Record<string, unknown>) => void): ScenarioInput {
  const s = makeScenario() as ScenarioInput & Record<string, unknown>;
  edit(s);
  return s;
}

const any = (v: unknown) => v as never;

describe('a valid scenario', () => {
  it('parses without problems', () => {
    expect(problems(makeScenario())).toEqual([]);
  });

  it('drops a field the contract does not define, with an unknown_field warning at its path', () => {
    const input = edited((s) => Object.assign(s.requests[0]!, { hostReference: 'OA-2026-118' }));
    const result = safeParseScenario(input);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.warnings.map((w) => `${w.path} ${w.code}`)).toEqual(['requests[0].hostReference unknown_field']);
    expect(result.data.requests[0]).not.toHaveProperty('hostReference');
  });

  it('parses from JSON text to the same value as from the object', () => {
    const fromText = safeParseScenario(JSON.stringify(makeScenario()));
    expect(fromText).toEqual(safeParseScenario(makeScenario()));
    expect(fromText.success).toBe(true);
  });
});

describe('defaults (contract §1)', () => {
  const minimal = {
    version: 1,
    horizon: { from: '2026-03-01', to: '2026-03-31' },
    departments: [{ id: 'SAMR', name: '市场监管局' }],
    items: [{ id: 'SAMR-1', departmentId: 'SAMR', name: '食品经营检查' }],
    enterprises: [{ id: 'E1', name: '某某餐饮有限公司' }],
    inspectors: [{ id: 'I1', name: '张伟', departmentId: 'SAMR', certificate: { validFrom: '2026-01-01', validTo: '2026-12-31' } }],
    requests: [{ id: 'R1', departmentId: 'SAMR', enterpriseId: 'E1', itemIds: ['SAMR-1'], window: { from: '2026-03-02', to: '2026-03-06' } }],
  };

  it('fills every default the contract names', () => {
    expect(parseScenario(minimal)).toEqual({
      version: 1,
      timezone: 'Asia/Shanghai',
      horizon: { from: '2026-03-01', to: '2026-03-31' },
      calendar: { workdays: [1, 2, 3, 4, 5], holidays: [], extraWorkdays: [], dayStart: '09:00', dayEnd: '17:00', quietPeriods: [] },
      departments: [{ id: 'SAMR', name: '市场监管局' }],
      items: [{ id: 'SAMR-1', departmentId: 'SAMR', name: '食品经营检查', durationMinutes: 60, qualifications: [], offsite: false }],
      enterprises: [{ id: 'E1', name: '某某餐饮有限公司', whitelisted: false, unavailable: [], tags: [] }],
      inspectors: [
        {
          id: 'I1',
          name: '张伟',
          departmentId: 'SAMR',
          certificate: { validFrom: '2026-01-01', validTo: '2026-12-31' },
          qualifications: [],
          unavailable: [],
          maxVisitsPerDay: 3,
          avoid: [],
        },
      ],
      requests: [
        {
          id: 'R1',
          departmentId: 'SAMR',
          enterpriseId: 'E1',
          itemIds: ['SAMR-1'],
          window: { from: '2026-03-02', to: '2026-03-06' },
          basis: 'routine',
          priority: 1,
          exclusive: false,
          onsite: false,
          preferredDates: [],
        },
      ],
      caps: [],
      history: [],
      policy: {
        minInspectorsPerDepartment: 2,
        makeupWorkdays: 'avoid',
        whitelistExemptFields: ['work-safety', 'environment', 'food-drug', 'health'],
        seed: 0,
      },
    });
  });

  it('fills the defaults of caps (countsBases = the planned bases) and history (basis routine)', () => {
    const s = parseScenario({
      ...minimal,
      caps: [{ id: 'C1', per: 'enterprise', period: 'year', max: 2 }],
      history: [{ enterpriseId: 'E1', date: '2025-11-03', departmentIds: ['SAMR'] }],
    });
    expect(s.caps).toEqual([{ id: 'C1', per: 'enterprise', period: 'year', max: 2, countsBases: ['routine', 'random', 'special'] }]);
    expect(s.history).toEqual([{ enterpriseId: 'E1', date: '2025-11-03', departmentIds: ['SAMR'], basis: 'routine' }]);
  });

  it('fills the rest of a calendar or policy that is only partly given', () => {
    const s = parseScenario({ ...minimal, calendar: { preset: 'cn-mainland' }, policy: { seed: 7 } });
    expect(s.calendar).toEqual({ preset: 'cn-mainland', workdays: [1, 2, 3, 4, 5], holidays: [], extraWorkdays: [], dayStart: '09:00', dayEnd: '17:00', quietPeriods: [] });
    expect(s.policy).toEqual({ minInspectorsPerDepartment: 2, makeupWorkdays: 'avoid', whitelistExemptFields: ['work-safety', 'environment', 'food-drug', 'health'], seed: 7 });
  });

  it('derives maxMinutesPerDay = dayEnd − dayStart (480 by default, 240 for 08:00–12:00)', () => {
    const s = parseScenario(minimal);
    expect(inspectorMinutesPerDay(s.inspectors[0]!, s)).toBe(480);
    const short = parseScenario({ ...minimal, calendar: { dayStart: '08:00', dayEnd: '12:00' } });
    expect(inspectorMinutesPerDay(short.inspectors[0]!, short)).toBe(240);
  });

  it('derives a request’s `inspectors` from policy.minInspectorsPerDepartment unless given', () => {
    const s = parseScenario(minimal);
    expect(requestedInspectors(s.requests[0]!, s.policy)).toBe(2);
    const three = parseScenario({ ...minimal, policy: { minInspectorsPerDepartment: 3 } });
    expect(requestedInspectors(three.requests[0]!, three.policy)).toBe(3);
    const own = parseScenario({ ...minimal, requests: [{ ...minimal.requests[0], inspectors: 4 }] });
    expect(requestedInspectors(own.requests[0]!, own.policy)).toBe(4);
  });

  it('does not share default arrays between parses', () => {
    const first = parseScenario(minimal);
    first.calendar.workdays.push(6);
    first.policy.whitelistExemptFields.push('tax');
    first.items[0]!.qualifications.push('food');
    const second = parseScenario(minimal);
    expect(second.calendar.workdays).toEqual([1, 2, 3, 4, 5]);
    expect(second.policy.whitelistExemptFields).toEqual(['work-safety', 'environment', 'food-drug', 'health']);
    expect(second.items[0]!.qualifications).toEqual([]);
  });
});

describe('shape errors', () => {
  it('lists every missing top-level collection and the horizon of an empty object', () => {
    const found = problems({});
    for (const field of ['horizon', 'departments', 'items', 'enterprises', 'inspectors', 'requests']) expect(found).toContain(`${field} missing`);
  });

  // Regression: z.literal(1) reported an absent `version` as invalid_value ("must be one of: 1").
  it('reports an absent version as missing', () => {
    expect(problems(edited((s) => delete (s as Partial<ScenarioInput>).version))).toEqual(['version missing']);
  });

  it.each([
    ['horizon.to', (s: ScenarioInput) => delete (s.horizon as Partial<ScenarioInput['horizon']>).to],
    ['departments[1].name', (s: ScenarioInput) => delete (s.departments[1] as { name?: string }).name],
    ['items[0].departmentId', (s: ScenarioInput) => delete (s.items[0] as { departmentId?: string }).departmentId],
    ['enterprises[0].name', (s: ScenarioInput) => delete (s.enterprises[0] as { name?: string }).name],
    ['inspectors[2].certificate', (s: ScenarioInput) => delete (s.inspectors[2] as { certificate?: unknown }).certificate],
    ['inspectors[0].certificate.validFrom', (s: ScenarioInput) => delete (s.inspectors[0]!.certificate as { validFrom?: string }).validFrom],
    ['requests[1].window', (s: ScenarioInput) => delete (s.requests[1] as { window?: unknown }).window],
    ['requests[0].itemIds', (s: ScenarioInput) => delete (s.requests[0] as { itemIds?: unknown }).itemIds],
    ['requests[0].window.from', (s: ScenarioInput) => delete (s.requests[0]!.window as { from?: string }).from],
  ])('reports a missing %s as missing, at its path', (path, drop) => {
    expect(problems(edited(drop))).toEqual([`${path} missing`]);
  });

  // Regression: an absent enum or union field was reported as invalid_value / invalid_union, and
  // so was a field missing inside a union member ({ rollingDays } of a cap period).
  it.each([
    ['caps[0].per', { id: 'C1', period: 'year' }],
    ['caps[0].period', { id: 'C1', per: 'enterprise' }],
    ['caps[0].period.rollingDays', { id: 'C1', per: 'enterprise', period: {} }],
  ])('reports a missing %s as missing', (path, cap) => {
    expect(problems(makeScenario({ caps: [any(cap)] }))).toEqual([`${path} missing`]);
  });

  it.each([
    ['the document', null, ' invalid_type'],
    ['the document', [], ' invalid_type'],
    ['the document', 42, ' invalid_type'],
  ])('reports %s of the wrong type at the empty path', (_, input, expected) => {
    expect(problems(input)).toEqual([expected]);
  });

  it.each([
    ['horizon', (s: ScenarioInput) => (s.horizon = any('2026-03')), 'invalid_type'],
    ['requests[0].priority', (s: ScenarioInput) => (s.requests[0]!.priority = any('high')), 'invalid_type'],
    ['requests[0].itemIds', (s: ScenarioInput) => (s.requests[0]!.itemIds = any('SAMR-1')), 'invalid_type'],
    ['inspectors[0].maxVisitsPerDay', (s: ScenarioInput) => (s.inspectors[0]!.maxVisitsPerDay = 2.5), 'invalid_type'],
    ['enterprises[0].whitelisted', (s: ScenarioInput) => (s.enterprises[0]!.whitelisted = any('yes')), 'invalid_type'],
    ['items[1].durationMinutes', (s: ScenarioInput) => (s.items[1]!.durationMinutes = any('90')), 'invalid_type'],
    ['requests[1].basis', (s: ScenarioInput) => (s.requests[1]!.basis = any('audit')), 'invalid_value'],
    ['version', (s: ScenarioInput) => (s.version = any(2)), 'invalid_value'],
    ['requests[0].itemIds', (s: ScenarioInput) => (s.requests[0]!.itemIds = []), 'too_small'],
    ['requests[0].priority', (s: ScenarioInput) => (s.requests[0]!.priority = 0), 'too_small'],
    ['inspectors[0].maxVisitsPerDay', (s: ScenarioInput) => (s.inspectors[0]!.maxVisitsPerDay = 0), 'too_small'],
    ['items[0].durationMinutes', (s: ScenarioInput) => (s.items[0]!.durationMinutes = 0), 'too_small'],
    ['departments[2].id', (s: ScenarioInput) => s.departments.push({ id: '', name: '空' }), 'too_small'],
  ])('reports %s with the wrong value as %s', (path, edit, code) => {
    expect(problems(edited(edit))).toEqual([`${path} ${code}`]);
  });

  it('reports a wrong weekday list element by element', () => {
    expect(problems(makeScenario({ calendar: { workdays: [0, 3, 8] } }))).toEqual(['calendar.workdays[0] too_small', 'calendar.workdays[2] too_big']);
  });

  it('reports a collection of the wrong type at its path', () => {
    expect(problems(edited((s) => (s.enterprises = any({ E1: { name: 'x' } }))))).toContain('enterprises invalid_type');
  });
});

describe('duplicate ids (one issue per later holder)', () => {
  it.each([
    ['departments[2].id', (s: ScenarioInput) => s.departments.push({ id: 'SAMR', name: '重复' })],
    ['items[2].id', (s: ScenarioInput) => s.items.push(makeItem())],
    ['enterprises[1].id', (s: ScenarioInput) => s.enterprises.push(makeEnterprise())],
    ['inspectors[4].id', (s: ScenarioInput) => s.inspectors.push(makeInspector())],
    ['requests[2].id', (s: ScenarioInput) => s.requests.push(makeRequest())],
    ['caps[1].id', (s: ScenarioInput) => (s.caps = [{ id: 'C1', per: 'enterprise', period: 'year' }, { id: 'C1', per: 'enterprise', period: 'month' }])],
    [
      'calendar.quietPeriods[1].id',
      (s: ScenarioInput) => (s.calendar = { quietPeriods: [{ id: 'Q1', rule: 'FREQ=WEEKLY;BYDAY=MO' }, { id: 'Q1', rule: 'FREQ=WEEKLY;BYDAY=TU' }] }),
    ],
  ])('reports %s as duplicate_id', (path, edit) => {
    expect(problems(edited(edit))).toEqual([`${path} duplicate_id`]);
  });

  it('reports every later holder of one id', () => {
    expect(problems(makeScenario({ enterprises: [makeEnterprise(), makeEnterprise(), makeEnterprise()] }))).toEqual([
      'enterprises[1].id duplicate_id',
      'enterprises[2].id duplicate_id',
    ]);
  });

  it('names the first holder in the details', () => {
    const [issue] = issues(makeScenario({ enterprises: [makeEnterprise(), makeEnterprise({ name: '另一家' })] }));
    expect(issue?.details).toMatchObject({ id: 'E1', other: 'enterprises[0]' });
  });

  it('reports a request id that a recurring request’s occurrences also produce (R1 recurring, R1#2)', () => {
    const s = makeScenario({
      requests: [makeRequest({ recurrence: 'FREQ=WEEKLY;BYDAY=MO', window: { from: '2026-03-01', to: '2026-03-31' } }), makeRequest({ id: 'R2', departmentId: 'TAX', itemIds: ['TAX-1'] }), makeRequest({ id: 'R1#2' })],
    });
    expect(problems(s)).toEqual(['requests[2].id duplicate_occurrence_id']);
  });

  it('accepts an id with # when no recurring request produces it', () => {
    expect(problems(makeScenario({ requests: [makeRequest({ id: 'R1#2' })] }))).toEqual([]);
  });
});

describe('unknown references, in every place one appears', () => {
  it.each([
    ['items[2].departmentId', (s: ScenarioInput) => s.items.push(makeItem({ id: 'X-1', departmentId: 'NOPE' }))],
    ['enterprises[0].leadDepartmentId', (s: ScenarioInput) => (s.enterprises[0]!.leadDepartmentId = 'NOPE')],
    ['inspectors[0].departmentId', (s: ScenarioInput) => (s.inspectors[0]!.departmentId = 'NOPE')],
    ['inspectors[1].avoid[1]', (s: ScenarioInput) => (s.inspectors[1]!.avoid = ['E1', 'E9'])],
    ['requests[0].departmentId', (s: ScenarioInput) => (s.requests[0]!.departmentId = 'NOPE')],
    ['requests[1].enterpriseId', (s: ScenarioInput) => (s.requests[1]!.enterpriseId = 'E9')],
    ['requests[0].itemIds[1]', (s: ScenarioInput) => (s.requests[0]!.itemIds = ['SAMR-1', 'SAMR-9'])],
    ['caps[0].departmentIds[1]', (s: ScenarioInput) => (s.caps = [{ id: 'C1', per: 'enterprise', period: 'year', departmentIds: ['SAMR', 'NOPE'] }])],
    ['history[0].enterpriseId', (s: ScenarioInput) => (s.history = [{ enterpriseId: 'E9', date: '2025-06-02', departmentIds: ['SAMR'] }])],
    ['history[0].departmentIds[1]', (s: ScenarioInput) => (s.history = [{ enterpriseId: 'E1', date: '2025-06-02', departmentIds: ['SAMR', 'NOPE'] }])],
  ])('reports %s as unknown_reference', (path, edit) => {
    expect(problems(edited(edit))).toEqual([`${path} unknown_reference`]);
  });

  it('says what kind of thing is unknown and which id', () => {
    const [issue] = issues(edited((s) => (s.requests[1]!.enterpriseId = 'E9')));
    expect(issue?.details).toEqual({ kind: 'enterprise', id: 'E9' });
  });

  it('reports an item of another department in a request as item_department_mismatch', () => {
    const found = issues(edited((s) => (s.requests[0]!.itemIds = ['SAMR-1', 'TAX-1'])));
    expect(found.map((i) => `${i.path} ${i.code}`)).toEqual(['requests[0].itemIds[1] item_department_mismatch']);
    expect(found[0]?.details).toMatchObject({ id: 'TAX-1', itemDepartment: 'TAX', department: 'SAMR' });
  });
});

describe('dates', () => {
  it.each([
    ['requests[0].window.from', '2026-02-30', (s: ScenarioInput, d: string) => (s.requests[0]!.window.from = d)],
    ['horizon.from', '2025-02-29', (s: ScenarioInput, d: string) => (s.horizon.from = d)],
    ['inspectors[1].certificate.validTo', '2026-04-31', (s: ScenarioInput, d: string) => (s.inspectors[1]!.certificate.validTo = d)],
    ['requests[1].fixedDate', '2026-02-29', (s: ScenarioInput, d: string) => (s.requests[1]!.fixedDate = d)],
    ['requests[0].preferredDates[1]', '2026-13-01', (s: ScenarioInput, d: string) => (s.requests[0]!.preferredDates = ['2026-03-03', d])],
    ['calendar.holidays[0]', '2026-03-00', (s: ScenarioInput, d: string) => (s.calendar = { holidays: [d] })],
    ['calendar.extraWorkdays[0]', '2026-3-7', (s: ScenarioInput, d: string) => (s.calendar = { extraWorkdays: [d] })],
    ['enterprises[0].unavailable[0].to', '2026-06-31', (s: ScenarioInput, d: string) => (s.enterprises[0]!.unavailable = [{ from: '2026-03-01', to: d }])],
    ['history[0].date', '2023-02-29', (s: ScenarioInput, d: string) => (s.history = [{ enterpriseId: 'E1', date: d, departmentIds: ['SAMR'] }])],
  ])('reports %s = %s as invalid_date', (path, date, edit) => {
    expect(problems(edited((s) => edit(s, date)))).toEqual([`${path} invalid_date`]);
  });

  it('accepts 29 February of a leap year (2024-02-29)', () => {
    expect(problems(makeScenario({ history: [{ enterpriseId: 'E1', date: '2024-02-29', departmentIds: ['SAMR'] }] }))).toEqual([]);
  });

  it.each([
    ['horizon.to', (s: ScenarioInput) => (s.horizon = { from: '2026-03-31', to: '2026-03-01' })],
    ['requests[0].window.to', (s: ScenarioInput) => (s.requests[0]!.window = { from: '2026-03-06', to: '2026-03-02' })],
    ['inspectors[0].certificate.validTo', (s: ScenarioInput) => (s.inspectors[0]!.certificate = { validFrom: '2026-12-31', validTo: '2026-01-01' })],
    ['enterprises[0].unavailable[1].to', (s: ScenarioInput) => (s.enterprises[0]!.unavailable = [{ from: '2026-03-01', to: '2026-03-01' }, { from: '2026-03-05', to: '2026-03-04' }])],
    ['inspectors[3].unavailable[0].to', (s: ScenarioInput) => (s.inspectors[3]!.unavailable = [{ from: '2026-04-01', to: '2026-03-01' }])],
  ])('reports a range ending before it starts at %s as reversed_range', (path, edit) => {
    expect(problems(edited(edit))).toEqual([`${path} reversed_range`]);
  });

  it('accepts one-day ranges (from = to)', () => {
    expect(problems(makeScenario({ horizon: { from: '2026-03-02', to: '2026-03-02' }, requests: [makeRequest({ window: { from: '2026-03-02', to: '2026-03-02' } })] }))).toEqual([]);
  });

  it('reports an impossible range end once, as invalid_date, not also as reversed', () => {
    expect(problems(edited((s) => (s.requests[0]!.window = { from: '2026-02-30', to: '2026-02-28' })))).toEqual(['requests[0].window.from invalid_date']);
  });

  // Regression: the certificate compared its dates as strings even when one was no date, so
  // "2026-02-30" > "2026-02-28" added a reversed_range nobody asked about (windows don't).
  it('reports an impossible certificate date once, as invalid_date, not also as reversed', () => {
    expect(problems(edited((s) => (s.inspectors[0]!.certificate = { validFrom: '2026-02-30', validTo: '2026-02-28' })))).toEqual([
      'inspectors[0].certificate.validFrom invalid_date',
    ]);
  });
});

describe('RRULEs, wherever one appears', () => {
  const places: ReadonlyArray<[string, (s: ScenarioInput, rule: string) => void]> = [
    ['requests[1].recurrence', (s, rule) => (s.requests[1]!.recurrence = rule)],
    ['enterprises[0].unavailableRule', (s, rule) => (s.enterprises[0]!.unavailableRule = rule)],
    ['inspectors[2].unavailableRule', (s, rule) => (s.inspectors[2]!.unavailableRule = rule)],
    ['calendar.quietPeriods[0].rule', (s, rule) => (s.calendar = { quietPeriods: [{ id: 'Q1', rule }] })],
  ];

  it.each(INVALID_RRULES)('reports %j (%s) as invalid_rrule at requests[0].recurrence', (rule) => {
    expect(problems(edited((s) => (s.requests[0]!.recurrence = rule)))).toEqual(['requests[0].recurrence invalid_rrule']);
  });

  it.each(places)('reports an invalid rule at %s', (path, put) => {
    for (const rule of ['FREQ=DAILY;COUNT=abc', 'FREQ=HOURLY', 'FREQ=DAILY;BYHOUR=9', 'DTSTART=20260101;FREQ=DAILY', 'BYDAY=MO', 'FREQ=WEEKLY;BYDAY=XX']) {
      expect(problems(edited((s) => put(s, rule))), rule).toEqual([`${path} invalid_rrule`]);
    }
  });

  it.each(places)('accepts valid rules at %s', (_, put) => {
    for (const rule of ['RRULE:FREQ=WEEKLY;BYDAY=MO', 'FREQ=MONTHLY;BYMONTHDAY=1,2,3']) {
      expect(problems(edited((s) => put(s, rule))), rule).toEqual([]);
    }
  });

  it('says why in the message', () => {
    const [issue] = issues(edited((s) => (s.requests[0]!.recurrence = 'FREQ=HOURLY')));
    expect(issue?.message).toMatch(/HOURLY/);
  });
});

describe('time zone and working hours', () => {
  it.each(['Mars/Olympus', 'Asia/Beijing', '', '+08:00'])('reports the time zone %j as invalid_timezone', (zone) => {
    expect(problems(makeScenario({ timezone: zone }))).toEqual(['timezone invalid_timezone']);
  });

  it.each(['Asia/Shanghai', 'UTC', 'Asia/Urumqi'])('accepts the time zone %s', (zone) => {
    expect(problems(makeScenario({ timezone: zone }))).toEqual([]);
  });

  it.each(['24:01', '9:00', '12:60', '25:00', '0900', ''])('reports dayStart %j as invalid_time', (time) => {
    expect(problems(makeScenario({ calendar: { dayStart: time } }))).toEqual(['calendar.dayStart invalid_time']);
  });

  it('accepts 24:00 as dayEnd and 00:00 as dayStart', () => {
    expect(problems(makeScenario({ calendar: { dayStart: '00:00', dayEnd: '24:00' } }))).toEqual([]);
  });

  it.each([
    ['17:00', '17:00'],
    ['18:00', '09:00'],
    ['12:00', '11:59'],
  ])('reports dayStart %s not before dayEnd %s', (dayStart, dayEnd) => {
    expect(problems(makeScenario({ calendar: { dayStart, dayEnd } }))).toEqual(['calendar.dayEnd day_start_not_before_end']);
  });

  // Regression: with dayEnd left to its default (17:00) the issue pointed at calendar.dayEnd, a
  // field the host never wrote, instead of calendar.dayStart, the value that is wrong.
  it('reports dayStart 18:00 against the default dayEnd at a path present in the input', () => {
    const input = makeScenario({ calendar: { dayStart: '18:00' } });
    const found = issues(input);
    expect(found.map((i) => i.code)).toEqual(['day_start_not_before_end']);
    expect(exists(input, found[0]!.segments)).toBe(true);
  });

  it('reports a date that is both a holiday and an extra workday, at the extra workday', () => {
    expect(problems(makeScenario({ calendar: { holidays: ['2026-03-04', '2026-03-07'], extraWorkdays: ['2026-03-08', '2026-03-07'] } }))).toEqual([
      'calendar.extraWorkdays[1] holiday_and_workday',
    ]);
  });
});

describe('every problem at once', () => {
  it('lists all 14 problems, of 11 kinds, of one scenario', () => {
    const input = makeScenario({
      timezone: 'Mars/Olympus',
      horizon: { from: '2026-03-31', to: '2026-03-01' },
      calendar: { dayStart: '9:00', holidays: ['2026-03-04'], extraWorkdays: ['2026-03-04'] },
      departments: [
        { id: 'SAMR', name: '市场监管局' },
        { id: 'TAX', name: '税务局' },
        { id: 'TAX', name: '重复' },
      ],
      items: [makeItem(), makeItem({ id: 'TAX-1', departmentId: 'TAX' }), makeItem({ id: 'X-1', departmentId: 'NOPE' })],
      enterprises: [any({ id: 'E1', area: '410702' })],
      inspectors: [
        makeInspector({ certificate: { validFrom: '2026-01-01', validTo: '2026-02-30' } }),
        makeInspector({ id: 'I2', avoid: ['E9'] }),
        makeInspector({ id: 'I3', departmentId: 'TAX' }),
        makeInspector({ id: 'I4', departmentId: 'TAX' }),
      ],
      requests: [
        makeRequest({ itemIds: ['SAMR-1', 'TAX-1'] }),
        makeRequest({ id: 'R2', departmentId: 'TAX', itemIds: ['TAX-1'], recurrence: 'FREQ=HOURLY', priority: 0 }),
      ],
      history: [{ enterpriseId: 'E9', date: '2025-02-29', departmentIds: ['TAX'] }],
    });
    expect(new Set(problems(input))).toEqual(
      new Set([
        'timezone invalid_timezone',
        'horizon.to reversed_range',
        'calendar.dayStart invalid_time',
        'calendar.extraWorkdays[0] holiday_and_workday',
        'departments[2].id duplicate_id',
        'items[2].departmentId unknown_reference',
        'enterprises[0].name missing',
        'inspectors[0].certificate.validTo invalid_date',
        'inspectors[1].avoid[0] unknown_reference',
        'requests[0].itemIds[1] item_department_mismatch',
        'requests[1].recurrence invalid_rrule',
        'requests[1].priority too_small',
        'history[0].enterpriseId unknown_reference',
        'history[0].date invalid_date',
      ]),
    );
    expect(problems(input)).toHaveLength(14);
  });
});

describe('parseScenario, errors and locales', () => {
  const bad = edited((s) => {
    s.requests[1]!.enterpriseId = 'E9';
    delete (s.departments[0] as { name?: string }).name;
  });

  it('returns the parsed scenario when it is valid', () => {
    expect(parseScenario(makeScenario()).requests.map((r) => r.id)).toEqual(['R1', 'R2']);
  });

  it('throws a ScenarioError carrying every issue', () => {
    let error: unknown;
    try {
      parseScenario(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect(error).toBeInstanceOf(Error);
    expect((error as ScenarioError).name).toBe('ScenarioError');
    expect((error as ScenarioError).issues.map((i) => `${i.path} ${i.code}`).sort()).toEqual(['departments[0].name missing', 'requests[1].enterpriseId unknown_reference']);
    expect((error as ScenarioError).message).toContain('requests[1].enterpriseId');
    expect((error as ScenarioError).message).toContain('departments[0].name');
  });

  it('gives Chinese messages by default and English ones with locale en, for the same issues', () => {
    const zh = issues(bad);
    const result = safeParseScenario(bad, { locale: 'en' });
    const en = result.success ? [] : result.issues;
    expect(zh.map((i) => [i.path, i.code])).toEqual(en.map((i) => [i.path, i.code]));
    for (const issue of zh) expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
    for (const issue of en) expect(issue.message).not.toMatch(/[\u4e00-\u9fff]/);
    expect(zh.find((i) => i.code === 'unknown_reference')?.message).toContain('E9');
  });

  it('parseScenario with zh-CN throws Chinese messages', () => {
    expect(() => parseScenario(bad, { locale: 'zh-CN' })).toThrow(/[\u4e00-\u9fff]/);
  });

  it.each(['{"version": 1,', '', 'nul', '{version: 1}', '[1, 2'])('reports the invalid JSON text %j as one invalid_json issue at the document', (text) => {
    expect(problems(text)).toEqual([' invalid_json']);
  });

  it('reports JSON text of the wrong type as invalid_type at the document', () => {
    expect(problems('"a scenario"')).toEqual([' invalid_type']);
  });

  // Regression: an unsupported locale (a host written in another language may pass "zh" or
  // "fr") made formatMessage read a missing table and throw a TypeError, though
  // safeParseScenario promises never to throw.
  it('does not throw for an unsupported locale, and falls back to English (to Chinese for another zh locale)', () => {
    const run = (locale: string) => safeParseScenario({}, { locale: locale as Locale });
    expect(() => run('fr')).not.toThrow();
    const fr = run('fr');
    expect(fr.success).toBe(false);
    if (!fr.success) expect(fr.issues[0]?.message).not.toMatch(/[\u4e00-\u9fff]/);
    const zh = run('zh-Hans');
    if (!zh.success) expect(zh.issues[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    else expect.unreachable();
  });
});
