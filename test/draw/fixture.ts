/**
 * A small scenario for draws: enterprises by risk grade (ids `E<grade><n>`), three departments
 * (SAMR with a food item in an exempt field and a market item that is not; FIRE; TAX with
 * jurisdiction over area `A1` only), and tasks built with overrides.
 */
import { parseScenario, type DrawTask, type Scenario, type ScenarioInput } from '../../src/index.js';

export interface Population {
  /** Enterprises per grade; `U` for ungraded. */
  A?: number;
  B?: number;
  C?: number;
  D?: number;
  U?: number;
}

export type EnterpriseInput = ScenarioInput['enterprises'][number];

export function enterprises(pop: Population, extra: (e: EnterpriseInput, i: number) => Partial<EnterpriseInput> = () => ({})): EnterpriseInput[] {
  const out: EnterpriseInput[] = [];
  for (const grade of ['A', 'B', 'C', 'D', 'U'] as const) {
    for (let n = 1; n <= (pop[grade] ?? 0); n++) {
      const base: EnterpriseInput = { id: `E${grade}${n}`, name: `企业${grade}${n}`, area: n % 2 === 0 ? 'A2' : 'A1', tags: n % 3 === 0 ? ['catering'] : ['retail'] };
      if (grade !== 'U') base.riskGrade = grade;
      out.push({ ...base, ...extra(base, out.length) });
    }
  }
  return out;
}

export function drawScenarioInput(ents: EnterpriseInput[], overrides: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    version: 1,
    horizon: { from: '2026-01-01', to: '2026-12-31' },
    departments: [
      { id: 'SAMR', name: '市场监管局' },
      { id: 'FIRE', name: '消防救援大队' },
      { id: 'TAX', name: '税务局', areas: ['A1'] },
    ],
    items: [
      { id: 'food', departmentId: 'SAMR', name: '食品安全', field: 'food-drug' },
      { id: 'price', departmentId: 'SAMR', name: '价格行为', field: 'market' },
      { id: 'fire', departmentId: 'FIRE', name: '消防安全', field: 'work-safety' },
      { id: 'invoice', departmentId: 'TAX', name: '发票检查', field: 'tax' },
    ],
    enterprises: ents,
    inspectors: [],
    requests: [],
    ...overrides,
  };
}

export function drawScenario(pop: Population, extra?: (e: EnterpriseInput, i: number) => Partial<EnterpriseInput>): Scenario {
  return parseScenario(drawScenarioInput(enterprises(pop, extra)));
}

export const WINDOW = { from: '2026-04-01', to: '2026-06-30' };

export function makeTask(overrides: Partial<DrawTask> = {}): DrawTask {
  return { id: 'T1', departmentId: 'SAMR', itemIds: ['price'], window: WINDOW, ratio: 0.1, ...overrides };
}

export const intersection = (a: readonly string[], b: readonly string[]): number => {
  const s = new Set(a);
  return b.filter((x) => s.has(x)).length;
};
