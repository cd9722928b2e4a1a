/**
 * Strict input: a field that looks like a misspelling of a field defined at that place of the
 * schema is an error (`misspelt_field`, with the suggestion) unless `allowUnknownFields`;
 * other unknown fields are warnings. Both with their JSON path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, planSync, safeParsePlan, safeParseScenario, ScenarioError, validatePlan, type ScenarioInput } from '../../src/index.js';
import { editDistance, looksLike } from '../../src/model/unknown-fields.js';
import { makeRequest, makeScenario } from '../support/builders.js';

/** The builder's scenario with extra fields merged into request `index`. */
function withRequestFields(fields: Record<string, unknown>, index = 0): ScenarioInput {
  const s = makeScenario();
  Object.assign(s.requests[index] as object, fields);
  return s;
}

const codes = (r: ReturnType<typeof safeParseScenario>) => (r.success ? r.warnings : r.issues).map((i) => `${i.path} ${i.code}`);

describe('misspelt fields are errors', () => {
  it('`exlusive` for `exclusive`: parseScenario fails with the path and the suggestion', () => {
    const input = withRequestFields({ exlusive: true }, 1);
    let error: unknown;
    try {
      parseScenario(input, { locale: 'en' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const issue = (error as ScenarioError).issues.find((i) => i.code === 'misspelt_field');
    expect(issue).toMatchObject({ path: 'requests[1].exlusive', details: { field: 'exlusive', suggestion: 'exclusive' } });
    expect(issue?.message).toContain('did you mean `exclusive`?');
  });

  it('the message is Chinese by default', () => {
    const result = safeParseScenario(withRequestFields({ exlusive: true }));
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues[0]?.message).toContain('是否应为 `exclusive`');
  });

  it.each([
    ['preferedDates', 'preferredDates', 'requests[0].preferedDates'],
    ['fixeddate', 'fixedDate', 'requests[0].fixeddate'],
    ['Priority', 'priority', 'requests[0].Priority'],
    ['recurence', 'recurrence', 'requests[0].recurence'],
    ['basis ', 'basis', 'requests[0]["basis "]'],
  ])('%s is taken for %s', (field, suggestion, path) => {
    const result = safeParseScenario(withRequestFields({ [field]: 1 }));
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues.map((i) => [i.path, i.code, i.details.suggestion])).toEqual([[path, 'misspelt_field', suggestion]]);
  });

  it('suggests only fields defined at that place: `naem` on a request is no misspelling of an enterprise’s `name`', () => {
    const onRequest = safeParseScenario(withRequestFields({ naem: 'x' }));
    expect(codes(onRequest)).toEqual(['requests[0].naem unknown_field']);
    const s = makeScenario();
    Object.assign(s.enterprises[0] as object, { naem: 'x' });
    expect(codes(safeParseScenario(s))).toEqual(['enterprises[0].naem misspelt_field']);
  });

  it('in nested objects too: a certificate’s `validTill` is not close, its `validto` is', () => {
    const s = makeScenario();
    Object.assign((s.inspectors[0] as { certificate: object }).certificate, { validto: '2026-12-31' });
    expect(codes(safeParseScenario(s))).toContain('inspectors[0].certificate.validto misspelt_field');
  });

  it('a misspelt required field is reported beside the missing one', () => {
    const s = makeScenario();
    const r = s.requests[0] as Record<string, unknown>;
    r.departmentID = r.departmentId;
    delete r.departmentId;
    expect(codes(safeParseScenario(s))).toEqual(expect.arrayContaining(['requests[0].departmentId missing', 'requests[0].departmentID misspelt_field']));
  });

  it('a host’s own field far from every contract field stays a warning (not penalized)', () => {
    const result = safeParseScenario(withRequestFields({ hostReference: 'OA-118', remark: '年度计划' }));
    expect(result.success).toBe(true);
    expect(codes(result)).toEqual(['requests[0].hostReference unknown_field', 'requests[0].remark unknown_field']);
  });

  it('a short host field one edit from a two-letter contract field is not a misspelling (`ik`, `no`)', () => {
    expect(codes(safeParseScenario(withRequestFields({ ik: 1, no: 2 })))).toEqual(['requests[0].ik unknown_field', 'requests[0].no unknown_field']);
  });

  it('with allowUnknownFields the misspelling is a warning, and the scenario parses', () => {
    const result = safeParseScenario(withRequestFields({ exlusive: true }), { allowUnknownFields: true });
    expect(result.success).toBe(true);
    if (result.success) {
      expect(result.warnings.map((w) => [w.path, w.code, w.details.suggestion])).toEqual([['requests[0].exlusive', 'misspelt_field', 'exclusive']]);
      expect(result.data.requests[0]?.exclusive).toBe(false);
      // The warning still names the likely field, and does not ask for the option already set.
      expect(result.warnings[0]?.message).toBe('不是 v1 合同中的字段（是否应为 `exclusive`？），已按 allowUnknownFields 忽略');
    }
    const refused = safeParseScenario(withRequestFields({ exlusive: true }));
    expect(refused.success).toBe(false);
    if (!refused.success) expect(refused.issues[0]?.message).toContain('设置 allowUnknownFields');
  });

  it('plans too: safeParsePlan rejects a misspelt visit field', () => {
    const plan = planSync(parseScenario(makeScenario()));
    const json = JSON.parse(JSON.stringify(plan)) as { visits: Record<string, unknown>[] };
    (json.visits[0] as Record<string, unknown>).inspectorIDs = [];
    const result = safeParsePlan(json);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues.map((i) => [i.path, i.code])).toContainEqual(['visits[0].inspectorIDs', 'misspelt_field']);
    expect(safeParsePlan(json, { allowUnknownFields: true }).success).toBe(true);
  });

  it('does not mutate the input', () => {
    const input = withRequestFields({ exlusive: true });
    const copy = structuredClone(input);
    safeParseScenario(input);
    safeParseScenario(input, { allowUnknownFields: true });
    expect(input).toEqual(copy);
  });

  it('keys that name Object.prototype members are unknown fields, not a crash', () => {
    const input = JSON.parse(JSON.stringify(makeScenario()).replace('"id":"R1"', '"id":"R1","__proto__":1,"constructor":2,"toString":3')) as unknown;
    expect(() => safeParseScenario(input)).not.toThrow();
    expect(codes(safeParseScenario(input))).toEqual(['requests[0].__proto__ unknown_field', 'requests[0].constructor unknown_field', 'requests[0].toString unknown_field']);
  });
});

describe('exlusive end to end', () => {
  it('with allowUnknownFields it plans, and the plan’s warnings carry it with its path', () => {
    const input = makeScenario({ requests: [makeRequest({ exlusive: true } as never), makeRequest({ id: 'R2', departmentId: 'TAX', itemIds: ['TAX-1'] })] });
    expect(() => parseScenario(input)).toThrow(ScenarioError);
    const scenario = parseScenario(input, { allowUnknownFields: true });
    const plan = planSync(scenario, { locale: 'en' });
    expect(validatePlan(scenario, plan).violations).toEqual([]);
    const warning = plan.warnings.find((w) => w.code === 'UNKNOWN_FIELD');
    expect(warning?.details).toEqual({ path: 'requests[0].exlusive', field: 'exlusive', suggestion: 'exclusive' });
    expect(warning?.message).toContain('requests[0].exlusive');
    // The field was ignored, so the two requests were merged: exactly what the error prevents.
    expect(plan.visits).toHaveLength(1);
  });

  it('plain unknown fields reach the plan’s warnings as well (not only stderr)', () => {
    const scenario = parseScenario(withRequestFields({ hostReference: 'OA-118' }));
    const plan = planSync(scenario, { locale: 'zh-CN' });
    expect(plan.warnings.filter((w) => w.code === 'UNKNOWN_FIELD').map((w) => w.details)).toEqual([{ path: 'requests[0].hostReference', field: 'hostReference' }]);
  });

  it('a scenario without unknown fields gets no UNKNOWN_FIELD warning (not penalized)', () => {
    expect(planSync(parseScenario(makeScenario())).warnings.filter((w) => w.code === 'UNKNOWN_FIELD')).toEqual([]);
  });
});

describe('edit distance laws', () => {
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 8 });
  it('is zero exactly for equal strings', () => {
    fc.assert(fc.property(word, word, (a, b) => (editDistance(a, b) === 0) === (a === b)));
  });
  it('is symmetric', () => {
    fc.assert(fc.property(word, word, (a, b) => editDistance(a, b) === editDistance(b, a)));
  });
  it('is at most the longer length and at least the difference of lengths', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const d = editDistance(a, b);
        return d <= Math.max(a.length, b.length) && d >= Math.abs(a.length - b.length);
      }),
    );
  });
  it('a swap of two neighbours costs one', () => {
    fc.assert(
      fc.property(word, fc.nat(), (a, k) => {
        fc.pre(a.length >= 2);
        const i = k % (a.length - 1);
        fc.pre(a[i] !== a[i + 1]);
        const swapped = a.slice(0, i) + a[i + 1] + a[i] + a.slice(i + 2);
        return editDistance(a, swapped) === 1;
      }),
    );
  });
  it('looksLike suggests nothing for a field far from all', () => {
    expect(looksLike('hostReference', ['id', 'departmentId', 'exclusive'])).toBeUndefined();
    expect(looksLike('exlusive', ['id', 'departmentId', 'exclusive'])).toBe('exclusive');
  });
});
