/**
 * Law: every exported function, given arbitrary JSON-ish values (fast-check's `anything`) for
 * each argument, returns or throws one of the library's typed errors (an `InputError`:
 * `ScenarioError`, `PlanError`, `ExportError`; or an `EditError`) — never a TypeError or RangeError from inside —
 * and never mutates its arguments (they are deep-frozen: a write throws in strict mode).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/** Arbitrary JSON-ish values, sometimes a plain JSON document of the right outline. */
const arg = fc.oneof(
  { weight: 3, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withBoxedValues: true, withSparseArray: true }) },
  { weight: 1, arbitrary: fc.record({ version: fc.constant(1), visits: fc.anything({ maxDepth: 2 }), horizon: fc.anything({ maxDepth: 2 }) }, { requiredKeys: [] }) },
);

type Fn = (...args: unknown[]) => unknown;

/** The library's typed errors: bad input (`InputError` and its kinds) and an edit that cannot apply. */
const isLibraryError = (error: unknown) => error instanceof api.InputError || error instanceof api.EditError;

/** The exported functions, each with how many arguments it takes (the last ones optional). */
const FUNCTIONS: Record<string, number> = {
  parseScenario: 2,
  safeParseScenario: 2,
  parsePlan: 2,
  safeParsePlan: 2,
  isParsedScenario: 1,
  parseWarningsOf: 1,
  planSync: 2,
  validatePlan: 3,
  exportCsv: 3,
  exportIcs: 3,
  renderPreview: 3,
  editPlan: 4,
  applyEdits: 4,
  applyPlanPatches: 3,
  recommend: 4,
  explain: 4,
  applyRelaxation: 2,
  replanSync: 3,
  parseDay: 1,
  formatDay: 1,
  isoWeekday: 1,
  buildCalendar: 2,
  scenarioCalendar: 1,
  expandOccurrences: 1,
  csvField: 2,
  draw: 3,
  verifyDraw: 2,
  verifyTeamDraw: 3,
};

describe('every exported function, given anything', () => {
  it('lists every exported function here (a new export must join the law)', () => {
    const exported = Object.entries(api)
      .filter(([name, v]) => typeof v === 'function' && !/^[A-Z]/.test(name))
      .map(([name]) => name)
      .sort();
    expect(exported).toEqual([...Object.keys(FUNCTIONS), 'plan', 'replan'].sort());
  });

  for (const [name, arity] of Object.entries(FUNCTIONS)) {
    it(`${name} returns or throws an InputError, and mutates nothing`, () => {
      const fn = (api as unknown as Record<string, Fn>)[name] as Fn;
      fc.assert(
        fc.property(fc.array(arg, { minLength: 0, maxLength: arity }), (raw) => {
          const args = raw.map(deepFreeze);
          const before = args.map((a) => safeJson(a));
          try {
            fn(...args);
          } catch (error) {
            if (!isLibraryError(error)) throw error;
          }
          expect(args.map((a) => safeJson(a))).toEqual(before);
        }),
        { numRuns: name === 'planSync' || name === 'replanSync' ? 60 : 150 },
      );
    });
  }

  it('replan (async) rejects with an InputError, never a TypeError', async () => {
    await fc.assert(
      fc.asyncProperty(arg, arg, arg, async (scenario, previous, options) => {
        try {
          await api.replan(deepFreeze(scenario) as never, deepFreeze(previous), deepFreeze(options) as never);
        } catch (error) {
          if (!isLibraryError(error)) throw error;
        }
      }),
      { numRuns: 60 },
    );
  });

  it('plan (async) rejects with an InputError, never a TypeError', async () => {
    await fc.assert(
      fc.asyncProperty(arg, arg, async (scenario, options) => {
        try {
          await api.plan(deepFreeze(scenario) as never, deepFreeze(options) as never);
        } catch (error) {
          if (!isLibraryError(error)) throw error;
        }
      }),
      { numRuns: 60 },
    );
  });
});

function safeJson(x: unknown): string {
  try {
    return JSON.stringify(x, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(x);
  } catch {
    return String(x);
  }
}
