/**
 * What a plan says beyond its visits: certificate warnings, unmet preferred dates as soft
 * findings, and `plan` / `planSync` on input that was never parsed.
 * Dates: horizon 2026-03-01…03-31; 2026-03-02 is a Monday, 03-07/08 a weekend.
 */
import { describe, expect, it } from 'vitest';
import { InputError, parseScenario, plan, planSync, ScenarioError, validatePlan, type ScenarioInput } from '../../src/index.js';
import { makeEnterprise, makeInspector, makeRequest, makeScenario } from '../support/builders.js';

const planOf = (input: ScenarioInput, locale: 'en' | 'zh-CN' = 'en') => {
  const scenario = parseScenario(input);
  const result = planSync(scenario, { locale });
  expect(validatePlan(scenario, result).violations).toEqual([]);
  return result;
};

describe('certificate warnings', () => {
  const withCertificates = (certificate: { validFrom: string; validTo: string }) =>
    makeScenario({ inspectors: [makeInspector({ certificate }), makeInspector({ id: 'I2', name: '李娜' }), makeInspector({ id: 'I3', name: '王芳', departmentId: 'TAX' }), makeInspector({ id: 'I4', name: '刘洋', departmentId: 'TAX' })] });

  it('CERTIFICATE_EXPIRES for a certificate that ends inside the horizon, naming the officer and department', () => {
    const result = planOf(withCertificates({ validFrom: '2025-01-01', validTo: '2026-03-15' }), 'zh-CN');
    const warnings = result.warnings.filter((w) => w.code.startsWith('CERTIFICATE'));
    expect(warnings.map((w) => [w.code, w.details])).toEqual([['CERTIFICATE_EXPIRES', { inspectorId: 'I1', departmentId: 'SAMR', validFrom: '2025-01-01', validTo: '2026-03-15' }]]);
    expect(warnings[0]?.message).toContain('张伟');
    expect(warnings[0]?.message).toContain('市场监管局');
  });

  it('none for a certificate valid through the last day of the horizon (not penalized)', () => {
    expect(planOf(withCertificates({ validFrom: '2025-01-01', validTo: '2026-03-31' })).warnings).toEqual([]);
  });

  it('CERTIFICATE_NOT_YET_VALID for one that starts inside the horizon; none for one that starts on its first day', () => {
    expect(planOf(withCertificates({ validFrom: '2026-03-10', validTo: '2027-03-09' })).warnings.map((w) => w.code)).toEqual(['CERTIFICATE_NOT_YET_VALID']);
    expect(planOf(withCertificates({ validFrom: '2026-03-01', validTo: '2027-03-09' })).warnings).toEqual([]);
  });

  it('CERTIFICATE_OUTSIDE_HORIZON for one valid on no day of it', () => {
    expect(planOf(withCertificates({ validFrom: '2024-01-01', validTo: '2026-02-28' })).warnings.map((w) => w.code)).toEqual(['CERTIFICATE_OUTSIDE_HORIZON']);
  });
});

describe('PREFERRED_DATE_UNMET soft findings', () => {
  const findings = (input: ScenarioInput) => planOf(input).softFindings ?? [];

  it('none when the preferred date is met (not penalized)', () => {
    const result = planOf(makeScenario({ requests: [makeRequest({ preferredDates: ['2026-03-04'] })] }));
    expect(result.visits[0]?.date).toBe('2026-03-04');
    expect(result.softFindings).toBeUndefined();
  });

  it('a preferred Saturday: planned on a working day, and the finding says why', () => {
    const list = findings(makeScenario({ requests: [makeRequest({ preferredDates: ['2026-03-07'] })] }));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ code: 'PREFERRED_DATE_UNMET', occurrenceId: 'R1', details: { preferredDates: ['2026-03-07'], unmet: [{ date: '2026-03-07', cause: 'outside-window' }] } });
  });

  it('a preferred date on which the enterprise is closed', () => {
    const input = makeScenario({ enterprises: [makeEnterprise({ unavailable: [{ from: '2026-03-04', to: '2026-03-04' }] })], requests: [makeRequest({ preferredDates: ['2026-03-04'] })] });
    const [finding] = findings(input);
    expect(finding?.details).toMatchObject({ unmet: [{ date: '2026-03-04', cause: 'enterprise-unavailable' }] });
    expect(finding?.visitId).toBe('V1');
    expect(finding?.details?.date).not.toBe('2026-03-04');
  });

  it('a preferred weekend day inside the window is not a working day', () => {
    const input = makeScenario({ requests: [makeRequest({ window: { from: '2026-03-02', to: '2026-03-13' }, preferredDates: ['2026-03-08'] })] });
    expect(findings(input)[0]?.details).toMatchObject({ unmet: [{ date: '2026-03-08', cause: 'not-working-day' }] });
  });

  it('merged into a joint visit on another department’s preferred day', () => {
    const input = makeScenario({
      requests: [
        makeRequest({ preferredDates: ['2026-03-03'] }),
        makeRequest({ id: 'R2', departmentId: 'TAX', itemIds: ['TAX-1'], fixedDate: '2026-03-05', priority: 3 }),
      ],
    });
    const result = planOf(input);
    expect(result.visits).toHaveLength(1);
    expect(result.softFindings?.[0]?.details).toMatchObject({ date: '2026-03-05', unmet: [{ date: '2026-03-03', cause: 'joint-visit' }] });
  });

  it('an unscheduled occurrence gets its reason, not a soft finding', () => {
    const input = makeScenario({ requests: [makeRequest({ window: { from: '2026-03-07', to: '2026-03-08' }, preferredDates: ['2026-03-07'] })] });
    const result = planOf(input);
    expect(result.unscheduled.map((u) => u.occurrenceId)).toEqual(['R1']);
    expect(result.softFindings).toBeUndefined();
  });

  it('messages in Chinese by default', () => {
    const scenario = parseScenario(makeScenario({ requests: [makeRequest({ preferredDates: ['2026-03-07'] })] }));
    expect(planSync(scenario).softFindings?.[0]?.message).toMatch(/期望日期/);
  });
});

describe('plan and planSync on input that was never parsed', () => {
  it('parse plain JSON first and plan it like the parsed scenario', () => {
    const input = makeScenario();
    expect(planSync(input as never, { locale: 'en' }).visits).toEqual(planSync(parseScenario(input), { locale: 'en' }).visits);
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['an empty object', {}],
    ['a scenario with a misspelt field', makeScenario({ requests: [makeRequest({ exlusive: true } as never)] })],
  ])('%s: planSync throws a ScenarioError, plan rejects with one (never a TypeError)', async (_, input) => {
    expect(() => planSync(input as never)).toThrow(ScenarioError);
    await expect(plan(input as never)).rejects.toBeInstanceOf(ScenarioError);
  });

  it('ill-typed options are an InputError at options.<name>', () => {
    const scenario = parseScenario(makeScenario());
    let error: unknown;
    try {
      planSync(scenario, { seed: 'seven', onProgress: 3 } as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues.map((i) => i.path)).toEqual(['options.seed', 'options.onProgress']);
    expect(() => planSync(scenario, null as never)).not.toThrow();
  });

  it('does not mutate the parsed scenario', () => {
    const scenario = parseScenario(makeScenario({ requests: [makeRequest({ preferredDates: ['2026-03-07'] })] }));
    const copy = structuredClone(scenario);
    planSync(scenario);
    expect(scenario).toEqual(copy);
  });
});
