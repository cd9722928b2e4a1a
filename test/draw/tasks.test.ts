/**
 * The tasks read strictly: every problem at once, each with its JSON path; a misspelt field an
 * error with the field it likely means (a warning when allowed); references checked against
 * the scenario and the other tasks.
 */
import { describe, expect, it } from 'vitest';
import { draw, DrawError, type DrawTask } from '../../src/index.js';
import { drawScenario, makeTask } from './fixture.js';

const sc = drawScenario({ C: 10 });

function problems(tasks: unknown, options = {}): { path: string; code: string; message: string; details: Record<string, unknown> }[] {
  try {
    draw(sc, tasks as DrawTask[], { seed: 1, ...options });
  } catch (e) {
    expect(e).toBeInstanceOf(DrawError);
    return (e as DrawError).issues;
  }
  throw new Error('no DrawError');
}

describe('strict reading of the tasks', () => {
  it('a misspelt field is an error with its suggestion; with allowUnknownFields a warning; other unknown fields are warnings', () => {
    const task = { ...makeTask(), coordinatWith: ['T2'], ratioByRiskgrade: { C: 0.1 }, note: '本年度第一批' };
    const found = problems([task]);
    expect(found.map((p) => [p.path, p.code, p.details.suggestion])).toEqual([
      ['[0].coordinatWith', 'misspelt_field', 'coordinateWith'],
      ['[0].ratioByRiskgrade', 'misspelt_field', 'ratioByRiskGrade'],
    ]);
    expect(found[0]?.message).toContain('是否应为 `coordinateWith`');
    const allowed = draw(sc, [task as DrawTask], { seed: 1, allowUnknownFields: true });
    expect(allowed.warnings.map((w) => [w.path, w.code])).toEqual([
      ['[0].coordinatWith', 'misspelt_field'],
      ['[0].ratioByRiskgrade', 'misspelt_field'],
      ['[0].note', 'unknown_field'],
    ]);
    expect(draw(sc, [{ ...makeTask(), note: 'x' } as DrawTask], { seed: 1 }).warnings.map((w) => w.path)).toEqual(['[0].note']);
  });

  it('misspelt fields are found inside population and participants too', () => {
    const found = problems([makeTask({ population: { tag: ['catering'] } as never, participants: [{ departmentId: 'FIRE', itemIDs: ['fire'] } as never] })]);
    expect(found.map((p) => p.path)).toEqual(expect.arrayContaining(['[0].population.tag', '[0].participants[0].itemIDs']));
  });

  it('every shape problem of every task, each by its path', () => {
    const found = problems([
      { id: 'T1', departmentId: 'SAMR', itemIds: [], window: { from: '2026-06-01', to: '2026-05-01' }, ratio: 1.5 },
      { id: '', departmentId: 'SAMR', itemIds: ['price'], window: WINDOW_BAD, ratio: 0.1, rounding: 'down', basis: 'complaint' },
      'not a task',
    ]);
    expect(found.map((p) => `${p.path} ${p.code}`)).toEqual([
      '[0].itemIds too_small',
      '[0].window.to reversed_range',
      '[0].ratio too_big',
      '[1].id too_small',
      '[1].basis invalid_value',
      '[1].window.from invalid_date',
      '[1].rounding invalid_value',
      '[2] invalid_type',
    ]);
  });

  it('references and consistency: departments, items of another department, tasks named, counts, repeated participants, circles', () => {
    const found = problems([
      makeTask({ id: 'A', departmentId: 'NOPE', coordinateWith: ['Z'] }),
      makeTask({ id: 'B', itemIds: ['fire'], participants: [{ departmentId: 'SAMR', itemIds: ['food'] }], avoid: ['B', 'C'] }),
      makeTask({ id: 'C', ratio: undefined, minCount: 5, maxCount: 2, avoid: ['D'] }),
      makeTask({ id: 'D', ratio: undefined, avoid: ['C'] }),
      makeTask({ id: 'A', coordinateWith: ['C'], avoid: ['C'] }),
    ]);
    const at = (path: string) => found.filter((p) => p.path === path).map((p) => p.details.reason ?? p.code);
    expect(at('[0].departmentId')).toEqual(['unknown_reference']);
    expect(at('[0].coordinateWith[0]')).toEqual(['unknown_reference']);
    expect(at('[1].itemIds[0]')).toEqual(['item_department_mismatch']);
    expect(at('[1].participants[0].departmentId')).toEqual(['participant_repeated']);
    expect(at('[1].avoid[0]')).toEqual(['self_reference']);
    expect(at('[2].maxCount')).toEqual(['min_above_max']);
    expect(at('[3]')).toEqual(['no_sample_size']);
    expect(at('[2].avoid')).toEqual(['avoid_cycle']);
    expect(at('[3].avoid')).toEqual(['avoid_cycle']);
    expect(at('[4].id')).toEqual(['duplicate_id']);
    expect(at('[4].avoid[0]')).toEqual(['avoid_coordinated']);
    expect(found.find((p) => p.path === '[1].itemIds[0]')?.message).toBe('检查事项“消防安全”（fire）属于消防救援大队（FIRE），而非市场监管局（SAMR）');
  });

  it('avoid may name a task of an earlier record given in options.previous, not an unknown one', () => {
    const old = draw(sc, [makeTask({ id: 'OLD' })], { seed: 1 }).audit;
    expect(() => draw(sc, [makeTask({ avoid: ['OLD'] })], { seed: 1, previous: [old] })).not.toThrow();
    expect(problems([makeTask({ avoid: ['OLD'] })]).map((p) => [p.path, p.code, p.message])).toEqual([
      ['[0].avoid[0]', 'unknown_reference', '引用了不存在的抽查任务“OLD”（既不在本批任务中，也不在给出的既往抽查记录中）'],
    ]);
  });

  it('not an array: one problem for the whole document; messages in English when asked', () => {
    expect(problems({ tasks: [] }).map((p) => [p.path, p.code])).toEqual([['', 'invalid_type']]);
    try {
      draw(sc, [makeTask({ ratio: undefined })], { locale: 'en' });
    } catch (e) {
      expect((e as DrawError).message).toBe('The draw tasks have 1 problem(s):\n  [0]: gives no sample size: set ratio, ratioByRiskGrade or minCount');
    }
  });
});

const WINDOW_BAD = { from: '2026-02-30', to: '2026-03-01' };
