/**
 * The audit record: a draw rebuilt from the record alone is the same sample; every kind of
 * tampering is found; a record that cannot be read is a `DrawError` with paths.
 */
import { describe, expect, it } from 'vitest';
import { draw, DrawError, verifyDraw, type EnterpriseDrawAudit } from '../../src/index.js';
import { drawScenario, makeTask } from './fixture.js';

const scenario = drawScenario({ D: 12, C: 30, B: 40, A: 20, U: 5 }, (e, i) => (i % 11 === 0 ? { whitelisted: true } : {}));
const tasks = [
  makeTask({ id: 'SAMR', ratio: 0.2, ratioByRiskGrade: { D: 0.5 } }),
  makeTask({ id: 'FIRE', departmentId: 'FIRE', itemIds: ['fire'], ratio: 0.1, coordinateWith: ['SAMR'] }),
  makeTask({ id: 'TAX', departmentId: 'TAX', itemIds: ['invoice'], ratio: 0.3, avoid: ['SAMR'], participants: [{ departmentId: 'SAMR', itemIds: ['food'] }] }),
];
const result = draw(scenario, tasks, { seed: 42 });
const fresh = (): EnterpriseDrawAudit => JSON.parse(JSON.stringify(result.audit)) as EnterpriseDrawAudit;

describe('verifyDraw re-derives a draw from its record alone', () => {
  it('the record, through JSON text, verifies and rebuilds exactly the samples drawn', () => {
    const check = verifyDraw(fresh());
    expect(check.mismatches).toEqual([]);
    expect(check.valid).toBe(true);
    expect(check.drawn).toEqual(result.drawn);
    expect(Object.values(result.drawn).every((d) => d.length > 0)).toBe(true);
  });

  it('the same inputs draw the same record; another seed another sample', () => {
    expect(draw(scenario, tasks, { seed: 42 }).audit).toEqual(result.audit);
    expect(draw(scenario, tasks, { seed: 43 }).drawn).not.toEqual(result.drawn);
  });

  it('the seed defaults to the scenario\'s policy.seed', () => {
    expect(draw({ ...scenario, policy: { ...scenario.policy, seed: 42 } }, tasks).audit).toEqual(result.audit);
  });
});

describe('a tampered record fails verification', () => {
  const tamper = (change: (a: EnterpriseDrawAudit) => unknown) => {
    const a = fresh();
    change(a);
    return verifyDraw(a);
  };
  const swapDrawn = (a: EnterpriseDrawAudit): void => {
    const t = a.tasks[0] as EnterpriseDrawAudit['tasks'][number];
    const drawnUnit = t.units.find((u) => u.rule === 'drawn');
    const other = t.units.find((u) => u.rule === 'not-drawn' && u.stratum === drawnUnit?.stratum);
    if (!drawnUnit || !other) throw new Error('fixture: no unit to swap');
    drawnUnit.rule = 'not-drawn';
    other.rule = 'drawn';
    t.drawn = t.units.filter((u) => u.rule === 'drawn').map((u) => u.enterpriseId).sort();
  };

  type Change = (a: EnterpriseDrawAudit) => unknown;
  it.each<[string, Change, string]>([
    ['a favoured enterprise swapped in for a drawn one (rules and drawn list edited together)', swapDrawn, 'rule'],
    ['an enterprise added to the drawn list', (a: EnterpriseDrawAudit) => a.tasks[1]?.drawn.push('EB1'), 'drawn'],
    ['a random number edited', (a: EnterpriseDrawAudit) => ((a.tasks[0] as EnterpriseDrawAudit['tasks'][number]).units[0]!.prn = 0.000001), 'prn'],
    ['the seed changed', (a: EnterpriseDrawAudit) => (a.seed = 7), 'prn'],
    ['a unit removed from the population', (a: EnterpriseDrawAudit) => a.tasks[0]?.units.splice(3, 1), 'stratum_size'],
    ['a stratum\'s sample size lowered', (a: EnterpriseDrawAudit) => (a.tasks[0]!.strata[0]!.sampleSize -= 1), 'sample_size'],
    ['a ratio lowered', (a: EnterpriseDrawAudit) => (a.tasks[0]!.ratioByRiskGrade = { D: 0.1 }), 'sample_size'],
    ['the population hash replaced', (a: EnterpriseDrawAudit) => (a.tasks[0]!.strata[0]!.idsSha256 = '0'.repeat(64)), 'stratum_hash'],
    ['the rounding draw replaced', (a: EnterpriseDrawAudit) => (a.tasks[0]!.strata[0]!.roundingDraw = 0.5), 'rounding_draw'],
    ['the coordination dropped from one side only', (a: EnterpriseDrawAudit) => (a.tasks[1]!.stream = 'task:FIRE'), 'stream'],
    ['an avoided enterprise forgotten', (a: EnterpriseDrawAudit) => a.tasks[2]!.avoided.splice(0, a.tasks[2]!.avoided.length), 'rule'],
    ['another method named', (a: EnterpriseDrawAudit) => (a.method = 'joint-inspection/enterprise-draw@0'), 'unknown_method'],
  ])('%s', (_name, change, code) => {
    const check = tamper(change);
    expect(check.valid).toBe(false);
    expect(check.mismatches.map((m) => m.code)).toContain(code);
    for (const m of check.mismatches) expect(m.path).toMatch(/^(tasks\[\d+\]|method)/);
  });

  it('names the enterprise by name, in the language asked', () => {
    const zh = tamper(swapDrawn).mismatches.find((m) => m.code === 'rule');
    expect(zh?.message).toMatch(/^任务 SAMR：企业\w+应为“(抽中|未抽中)”，而非“(抽中|未抽中)”$/u);
    const a = fresh();
    swapDrawn(a);
    expect(verifyDraw(a, { locale: 'en' }).mismatches.find((m) => m.code === 'rule')?.message).toMatch(/^task SAMR: 企业\w+ should be "(drawn|not drawn)", not "(drawn|not drawn)"$/u);
  });

  it('the test fixture is fair: each tampering above starts from a record that verifies', () => {
    expect(tamper(() => undefined).valid).toBe(true);
    expect(result.audit.tasks[2]?.avoided.length).toBeGreaterThan(0);
  });
});

describe('a record that cannot be read', () => {
  it.each([
    ['not an object', 42, ''],
    ['no kind', { method: 'x' }, 'kind'],
    ['an unknown kind', { kind: 'lottery' }, 'kind'],
    ['a unit without its random number', (() => { const a = fresh(); delete (a.tasks[0]!.units[0] as Partial<EnterpriseDrawAudit['tasks'][number]['units'][number]>).prn; return a; })(), 'tasks[0].units[0].prn'],
    ['a misspelt field', (() => { const a = fresh() as unknown as Record<string, unknown>; a.sed = a.seed; delete a.seed; return a; })(), 'sed'],
  ])('%s: DrawError with the path', (_name, value, path) => {
    let error: unknown;
    try {
      verifyDraw(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DrawError);
    expect((error as DrawError).issues.map((i) => i.path)).toContain(path);
    expect((error as DrawError).message).toMatch(/^抽查记录有 \d+ 个问题：/);
  });
});
