/**
 * The code unions of src/model/codes.ts against what the library really describes: a list that
 * misses a code the library emits would make a host's exhaustive `switch` lie; a code without
 * words in both locales would reach users as a bare code.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  INPUT_ISSUE_CODES,
  LOCALES,
  PROGRESS_PHASES,
  REASON_CODES,
  RULE_IDS,
  SOFT_FINDING_CODES,
  WARNING_CODES,
  defaultPlanOptions,
  parseScenario,
  planSync,
  rules,
  safeParseScenario,
  type InputIssue,
  type InputIssueCode,
  type Locale,
  type PlanProgress,
  type ProgressPhase,
  type Reason,
  type ReasonCode,
  type RuleId,
  type RuleInfo,
  type Violation,
} from '../../src/index.js';
import { inputMessages } from '../../src/report/locales/input-messages.js';
import { reasonMessages } from '../../src/report/locales/reason-messages.js';
import { makeScenario } from '../support/builders.js';

describe('code lists', () => {
  it('RULE_IDS is the rule catalogue, in its order', () => {
    expect(rules.map((r) => r.id)).toEqual([...RULE_IDS]);
  });

  it('every reason, warning and soft-finding code has a message in every locale', () => {
    for (const locale of LOCALES) {
      for (const code of [...REASON_CODES, ...WARNING_CODES, ...SOFT_FINDING_CODES]) expect(reasonMessages[locale][code], `${locale} ${code}`).toBeTruthy();
    }
  });

  it('every top-level input message key is an InputIssueCode (the union misses no code the library words)', () => {
    const keys = Object.keys(inputMessages.en).filter((k) => !k.includes('.'));
    const known = new Set<string>(INPUT_ISSUE_CODES);
    expect(keys.filter((k) => !known.has(k))).toEqual([]);
  });

  it('the codes are distinct within each list', () => {
    for (const list of [REASON_CODES, WARNING_CODES, SOFT_FINDING_CODES, RULE_IDS, INPUT_ISSUE_CODES, PROGRESS_PHASES]) expect(new Set(list).size).toBe(list.length);
  });

  it('a run reports only listed phases, in the listed order', () => {
    const phases: string[] = [];
    planSync(parseScenario(makeScenario()), { onProgress: (p) => phases.push(p.phase) });
    expect(phases.every((p) => (PROGRESS_PHASES as readonly string[]).includes(p))).toBe(true);
    const order = phases.map((p) => PROGRESS_PHASES.indexOf(p as ProgressPhase));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(phases[0]).toBe('compile');
    expect(phases.at(-1)).toBe('done');
  });

  it('bad input gets only listed issue codes', () => {
    const result = safeParseScenario({ version: 2, horizon: { from: '2026-02-30', to: 3 }, departments: [{ id: '' }], exlusive: true });
    expect(result.success).toBe(false);
    if (result.success) return;
    for (const issue of result.issues) expect(INPUT_ISSUE_CODES).toContain(issue.code);
  });
});

describe('the public types of the codes', () => {
  it('are the unions, not string', () => {
    expectTypeOf<Reason['code']>().toEqualTypeOf<ReasonCode>();
    expectTypeOf<Violation['ruleId']>().toEqualTypeOf<RuleId>();
    expectTypeOf<RuleInfo['id']>().toEqualTypeOf<RuleId>();
    expectTypeOf<InputIssue['code']>().toEqualTypeOf<InputIssueCode>();
    expectTypeOf<PlanProgress['phase']>().toEqualTypeOf<ProgressPhase>();
    expectTypeOf<Locale>().toEqualTypeOf<'en' | 'zh-CN'>();
    expectTypeOf(defaultPlanOptions.locale).toEqualTypeOf<Locale>();
    expectTypeOf<ReasonCode>().not.toEqualTypeOf<string>();
  });
});
