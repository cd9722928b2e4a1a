/**
 * The scenario's bulk lists (requests, enterprises, history) are read by hand when every entry
 * is of the plain form, the rest by the schema (src/model/fast-read.ts). Laws: for valid and
 * broken scenarios alike, that reading gives what the schema alone gives — the same scenario,
 * field order included, or the same issues — and `safeParseScenario` gives the same result
 * (data, warnings, issues) as it does with the schema alone.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateScenario, REGIMES } from '../../bench/generator/index.js';
import { readScenarioShape } from '../../src/model/fast-read.js';
import { unknownFields } from '../../src/model/unknown-fields.js';
import { enterpriseSchema, historyEntrySchema, requestSchema, scenarioSchema } from '../../src/model/scenario.js';
import { safeParseScenario, type ParseOptions, type ParseResult, type Scenario } from '../../src/index.js';
import { arbMutatedScenario } from '../arbitraries/mutations.js';
import { arbScenario } from '../arbitraries/scenario.js';
import { makeEnterprise, makeRequest, makeScenario } from '../support/builders.js';

type Raw = Record<string, unknown>;

/** `safeParseScenario` as it is with the schema reading the whole document. */
async function schemaOnlyParse(): Promise<(json: unknown, options?: ParseOptions) => ParseResult<Scenario>> {
  vi.resetModules();
  vi.doMock('../../src/model/fast-read.js', () => ({ readScenarioShape: (input: unknown) => ({ shape: scenarioSchema.safeParse(input), unknownFieldsIn: input }) }));
  const plain = await import('../../src/model/parse.js');
  vi.doUnmock('../../src/model/fast-read.js');
  vi.resetModules();
  return plain.safeParseScenario;
}

/** JSON text that keeps fields holding `undefined` and the order of every object's fields. */
const ordered = (x: unknown) => JSON.stringify(x, (_key, v: unknown) => (v === undefined ? '(undefined)' : v));

/** The shape as the schema reads it, and the same unknown fields found. */
function expectSameShape(input: unknown): void {
  const reading = readScenarioShape(input);
  expect(unknownFields(scenarioSchema, reading.unknownFieldsIn, 'en')).toStrictEqual(unknownFields(scenarioSchema, input, 'en'));
  const fast = reading.shape;
  const slow = scenarioSchema.safeParse(input);
  expect(fast.success).toBe(slow.success);
  if (fast.success && slow.success) {
    expect(fast.data).toStrictEqual(slow.data);
    expect(ordered(fast.data)).toBe(ordered(slow.data));
  } else {
    expect(fast.error?.issues).toStrictEqual(slow.error?.issues);
  }
}

// ---------------------------------------------------------------------------------------
// Broken entries of the bulk lists.

const LISTS = { requests: requestSchema, enterprises: enterpriseSchema, history: historyEntrySchema } as const;
type ListKey = keyof typeof LISTS;

/** A value of every kind a field may wrongly (or rightly) hold. */
const VALUES: readonly unknown[] = [
  null, undefined, '', 'x', 'E1', 'SAMR', 0, -0, -1, 1, 2, 1.5, 2 ** 53, NaN, Infinity, -Infinity, true, false,
  [], {}, ['x'], [''], [1], ['x', null], [, 'x'], // eslint-disable-line no-sparse-arrays
  '2026-02-30', '2026-1-01', '2026-03-01', '2024-02-29', '2027-01-01', ' 2026-03-01',
  ['2026-03-01'], ['2026-13-01'],
  'FREQ=WEEKLY;BYDAY=MO', 'FREQ=NOPE', 'FREQ=MONTHLY;COUNT=2;UNTIL=20260101',
  { from: '2026-03-01', to: '2026-03-05' }, { from: '2026-03-05', to: '2026-03-01' }, { from: '2026-03-01' }, { from: '2026-03-01', to: '2026-03-01', note: 1 },
  [{ from: '2026-03-01', to: '2026-03-02' }], [{ from: '2026-03-02', to: '2026-03-01' }], [null],
  { lat: 35, lng: 114 }, { lat: 91, lng: 0 }, { lat: 0, lng: -181 }, { lat: NaN, lng: 0 }, { lat: '35', lng: 114 }, { lat: 35, lng: 114, alt: 3 },
  'A', 'D', 'E', 'routine', 'complaint', 'Routine',
];
/** Fields a host might misspell or add. */
const EXTRA_FIELDS = ['exlusive', 'prority', 'windows', 'itemId', 'ID', 'remark', 'riskgrade', 'basis ', '__proto__', 'toString'];

const arbValue = fc.constantFrom(...VALUES);

const ID_VALUES = ['', 'x', 1, null, undefined, ['x']];
const COUNT_VALUES = [0, 1, 2, -1, 1.5, 2 ** 53, NaN, Infinity, '2', null, undefined];
const BOOLEAN_VALUES = [true, false, 'true', 0, null, undefined];
const DATE_VALUES = ['2026-03-01', '2026-02-30', '2026-1-01', '2024-02-29', '2025-02-29', 20260301, '', null, undefined];
const ID_LIST_VALUES = [[], [''], ['x'], ['x', 1], ['x', null], [, 'x'], 'x', null, undefined]; // eslint-disable-line no-sparse-arrays
const RULE_VALUES = ['FREQ=WEEKLY;BYDAY=MO,WE', 'FREQ=MONTHLY;BYMONTHDAY=1,2', 'FREQ=NOPE', 'BYDAY=MO', '', 7, null, undefined];
const RANGE_VALUES = [{ from: '2026-03-01', to: '2026-03-05' }, { from: '2026-03-05', to: '2026-03-01' }, { from: '2026-03-01', to: '2026-03-01' }, { from: '2026-03-01' }, { to: '2026-03-01' }, { from: '2026-02-30', to: '2026-03-01' }, { from: '2026-03-01', to: 20260302 }, { from: '2026-03-01', to: '2026-03-02', note: 'x' }, [], null, undefined];
/** Values near the edge of what each field accepts: the likeliest to tell two readings apart. */
const NEAR: Record<string, readonly unknown[]> = {
  id: ID_VALUES, departmentId: ID_VALUES, enterpriseId: ID_VALUES, leadDepartmentId: ID_VALUES,
  name: ['', 'x', 1, null, undefined], area: ['', 'x', 1, null, undefined], tags: [[], ['x'], [''], ['x', 2], 'x', null, undefined],
  itemIds: ID_LIST_VALUES, departmentIds: ID_LIST_VALUES,
  window: RANGE_VALUES, unavailable: [[], RANGE_VALUES.slice(0, 3), [RANGE_VALUES[1]], [RANGE_VALUES[3]], [RANGE_VALUES[7]], [null], {}, null, undefined],
  date: DATE_VALUES, fixedDate: DATE_VALUES,
  preferredDates: [[], ['2026-03-01'], ['2026-03-01', '2026-02-30'], ['2026-03-01', 3], '2026-03-01', null, undefined],
  basis: ['routine', 'complaint', 'emergency', 'Routine', '', null, undefined],
  riskGrade: ['A', 'D', 'E', 'a', '', null, undefined],
  priority: COUNT_VALUES, inspectors: COUNT_VALUES, maxVisitMinutes: COUNT_VALUES,
  exclusive: BOOLEAN_VALUES, onsite: BOOLEAN_VALUES, whitelisted: BOOLEAN_VALUES,
  recurrence: RULE_VALUES, unavailableRule: RULE_VALUES,
  location: [{ lat: 35, lng: 114 }, { lat: 90, lng: -180 }, { lat: 90.5, lng: 0 }, { lat: -91, lng: 0 }, { lat: 0, lng: 181 }, { lat: NaN, lng: 0 }, { lat: 0, lng: Infinity }, { lat: '35', lng: 114 }, { lat: 35 }, { lat: 35, lng: 114, alt: 3 }, [], null, undefined],
};

/** For each list, an entry with every field the schema knows, and one with only the required ones. */
const FULL_AND_BARE: Record<ListKey, readonly Raw[]> = {
  requests: [
    makeRequest({ basis: 'complaint', priority: 3, inspectors: 2, exclusive: true, onsite: true, recurrence: 'FREQ=WEEKLY;BYDAY=MO', preferredDates: ['2026-03-02'], fixedDate: '2026-03-03' }),
    makeRequest(),
  ],
  enterprises: [
    makeEnterprise({ location: { lat: 35.3, lng: 113.9 }, riskGrade: 'C', whitelisted: true, leadDepartmentId: 'SAMR', unavailable: [{ from: '2026-03-09', to: '2026-03-10' }], unavailableRule: 'FREQ=WEEKLY;BYDAY=FR', maxVisitMinutes: 240, tags: ['catering'] }),
    { id: 'E1', name: '某某餐饮有限公司' },
  ],
  history: [
    { enterpriseId: 'E1', date: '2026-02-10', departmentIds: ['SAMR', 'TAX'], basis: 'random' },
    { enterpriseId: 'E1', date: '2026-02-10', departmentIds: ['SAMR'] },
  ],
};

/** A small valid scenario whose `list` holds a valid entry and then `entry`. */
function holding(list: ListKey, entry: unknown): Raw {
  const base = makeScenario() as unknown as Raw;
  const valid = FULL_AND_BARE[list][1] as Raw;
  return { ...base, [list]: [valid, entry] };
}

/** Small scenarios, each with one entry changed in one way: every field removed, set to each edge value, added. */
const TABLE: readonly Raw[] = (Object.keys(FULL_AND_BARE) as ListKey[]).flatMap((list) =>
  FULL_AND_BARE[list].flatMap((entry) => [
    holding(list, entry),
    ...Object.keys(LISTS[list].shape).flatMap((field) => {
      const { [field]: _dropped, ...without } = entry;
      return [holding(list, without), ...(NEAR[field] ?? VALUES).map((value) => holding(list, { ...entry, [field]: value }))];
    }),
    ...EXTRA_FIELDS.map((field) => holding(list, Object.defineProperty({ ...entry }, field, { value: 1, enumerable: true }))),
    ...[null, 'entry', [entry], Object.create(entry) as unknown, Object.assign(Object.create(null) as object, entry)].map((value) => holding(list, value)),
  ]),
);

/** A value for `field`: most often one near its edge, else any. */
const arbValueFor = (field: string): fc.Arbitrary<unknown> => fc.oneof({ arbitrary: fc.constantFrom(...(NEAR[field] ?? VALUES)), weight: 4 }, { arbitrary: arbValue, weight: 1 });

type EntryChange = (entry: Raw) => unknown;

/** One change to one entry: a field removed, set to another value, or added; or the entry replaced. */
function arbEntryChange(fields: readonly string[]): fc.Arbitrary<EntryChange> {
  return fc.oneof(
    fc.constantFrom(...fields).map((f): EntryChange => (e) => {
      const copy = { ...e };
      delete copy[f];
      return copy;
    }),
    fc.constantFrom(...fields).chain((f) => arbValueFor(f).map((v): EntryChange => (e) => ({ ...e, [f]: v }))),
    fc.tuple(fc.constantFrom(...EXTRA_FIELDS), arbValue).map(([f, v]): EntryChange => (e) => {
      const copy = { ...e };
      Object.defineProperty(copy, f, { value: v, enumerable: true, writable: true, configurable: true });
      return copy;
    }),
    fc.constantFrom<EntryChange>(
      () => null,
      () => 'entry',
      (e) => [e],
      (e) => Object.create(e) as unknown, // every field inherited, none own
      (e) => Object.assign(Object.create(null) as object, e),
    ),
  );
}

interface Change {
  list: ListKey;
  /** Where in the list, as a fraction of its length. */
  at: number;
  change: EntryChange;
}

const arbChange: fc.Arbitrary<Change> = fc.constantFrom(...(Object.keys(LISTS) as ListKey[])).chain((list) =>
  fc.record({ list: fc.constant(list), at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), change: arbEntryChange(Object.keys(LISTS[list].shape)) }),
);

/** `scenario` with `changes` made to copies of the entries they touch (the scenario is left alone). */
function changed(scenario: Raw, changes: readonly Change[]): Raw {
  const out: Raw = { ...scenario };
  for (const { list, at, change } of changes) {
    const entries = Array.isArray(out[list]) ? [...(out[list] as unknown[])] : [];
    if (entries.length === 0) continue;
    const i = Math.floor(at * entries.length);
    entries[i] = change(entries[i] as Raw);
    out[list] = entries;
  }
  return out;
}

/** The benchmark generator's small tier, in every regime: the plain form as hosts write it. */
const GENERATED: readonly Raw[] = REGIMES.map((regime, i) => generateScenario({ tier: 'S', seed: i + 1, regime }) as unknown as Raw);
const arbGenerated = fc.constantFrom(...GENERATED);

/** The rest of the document broken too, sometimes: the schema must then read the whole of it. */
const arbRestChange = fc.constantFrom<(s: Raw) => Raw>(
  (s) => s,
  (s) => s,
  (s) => ({ ...s, version: 2 }),
  (s) => ({ ...s, horizon: { from: '2026-12-31', to: '2026-01-01' } }),
  (s) => ({ ...s, inspectors: [...(s.inspectors as unknown[]), { id: 'I?' }] }),
  (s) => ({ ...s, history: undefined }),
  (s) => {
    const copy = { ...s };
    delete copy.history;
    return copy;
  },
  (s) => ({ ...s, requests: 'none' }),
  (s) => Object.create(s) as Raw, // every field inherited
);

/** A small scenario with one entry changed in one to three ways. */
const arbSmallBroken: fc.Arbitrary<Raw> = fc
  .tuple(fc.constantFrom(...(Object.keys(LISTS) as ListKey[])), fc.nat(1))
  .chain(([list, which]) =>
    fc
      .array(arbEntryChange(Object.keys(LISTS[list].shape)), { minLength: 1, maxLength: 3 })
      .map((changes) => holding(list, changes.reduce<unknown>((e, change) => (typeof e === 'object' && e !== null && !Array.isArray(e) ? change(e as Raw) : e), FULL_AND_BARE[list][which]))),
  );

const arbBroken: fc.Arbitrary<Raw> = fc
  .tuple(fc.oneof(arbGenerated, arbScenario() as fc.Arbitrary<unknown> as fc.Arbitrary<Raw>), fc.array(arbChange, { minLength: 1, maxLength: 3 }), arbRestChange)
  .map(([scenario, changes, rest]) => rest(changed(scenario, changes)));

// ---------------------------------------------------------------------------------------

describe('the hand reading of the bulk lists', () => {
  it('gives what the schema gives for every entry with one field removed, set to an edge value, or added', () => {
    for (const input of TABLE) expectSameShape(input);
  });

  it('gives what the schema gives for small scenarios with entries broken in several ways', () => {
    fc.assert(fc.property(arbSmallBroken, expectSameShape), { numRuns: 1000 });
  });

  it('gives what the schema gives for valid scenarios, fields in the same order', () => {
    fc.assert(fc.property(fc.oneof(arbScenario(), arbGenerated), expectSameShape), { numRuns: 50 });
  });

  it('gives what the schema gives, issues and all, for scenarios with broken entries', () => {
    fc.assert(fc.property(arbBroken, expectSameShape), { numRuns: 100 });
  });

  it('gives what the schema gives for scenarios broken anywhere', () => {
    fc.assert(fc.property(arbMutatedScenario().map((m) => m.input), expectSameShape), { numRuns: 100 });
  });

  it('is the reading taken for valid scenarios: the schema never reads their bulk lists', () => {
    const spy = vi.spyOn(scenarioSchema, 'safeParse');
    for (const scenario of GENERATED) {
      spy.mockClear();
      expect(readScenarioShape(scenario).shape.success).toBe(true);
      expect(spy).toHaveBeenCalledTimes(1);
      const seen = spy.mock.calls[0]?.[0] as Raw;
      for (const list of Object.keys(LISTS)) expect(seen[list]).toEqual([]);
    }
  });

  it('spares the unknown-field walk the bulk lists only when they hold no field the contract does not define', () => {
    for (const scenario of GENERATED) {
      const spared = readScenarioShape(scenario).unknownFieldsIn as Raw;
      for (const list of Object.keys(LISTS)) expect(spared[list]).toEqual([]);
    }
    const scenario = makeScenario() as unknown as Raw;
    const request = (scenario.requests as Raw[])[0] as Raw;
    for (const extra of [{ ...request, remark: 'x' }, { ...request, window: { from: '2026-03-02', to: '2026-03-06', note: 'x' } }]) {
      const input = { ...scenario, requests: [extra] };
      expect(readScenarioShape(input).unknownFieldsIn).toBe(input);
    }
  });

  it('hands back fresh lists and entries, and leaves the input as it was', () => {
    const scenario = GENERATED[0] as Raw;
    const before = structuredClone(scenario);
    const result = readScenarioShape(scenario).shape;
    expect(scenario).toStrictEqual(before);
    if (!result.success) throw new Error('the generated scenario should parse');
    const requests = scenario.requests as Raw[];
    expect(result.data.requests).not.toBe(requests);
    expect(result.data.requests[0]).not.toBe(requests[0]);
    expect(result.data.requests[0]?.itemIds).not.toBe(requests[0]?.itemIds);
    expect(result.data.requests[0]?.window).not.toBe(requests[0]?.window);
  });
});

describe('safeParseScenario with the hand reading', () => {
  const arbOptions = fc.record({ locale: fc.constantFrom<'en' | 'zh-CN'>('en', 'zh-CN'), allowUnknownFields: fc.boolean() });

  it('gives the same data, warnings and issues as with the schema alone', async () => {
    const plain = await schemaOnlyParse();
    for (const input of TABLE) for (const options of [{}, { locale: 'en' as const, allowUnknownFields: true }]) expect(safeParseScenario(input, options)).toStrictEqual(plain(input, options));
    const arbInput = fc.oneof(arbScenario(), arbGenerated, arbSmallBroken, arbBroken, arbMutatedScenario().map((m) => m.input));
    fc.assert(
      fc.property(arbInput, arbOptions, (input, options) => {
        const fast = safeParseScenario(input, options);
        const slow = plain(input, options);
        expect(fast).toStrictEqual(slow);
        if (fast.success) expect(ordered(fast.data)).toBe(ordered(slow.success ? slow.data : undefined));
      }),
      { numRuns: 150 },
    );
  });
});
