/**
 * Laws of scenario parsing over arbitrary JSON, valid scenarios (`arbScenario`) and valid
 * scenarios with one thing broken (`arbMutatedScenario`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeParseScenario, type InputIssue } from '../../src/model/index.js';
import {
  arbCorruptedDate,
  arbDroppedField,
  arbMutatedScenario,
  arbRetypedValue,
  exists,
  type Segment,
} from '../arbitraries/mutations.js';
import { arbScenario } from '../arbitraries/scenario.js';

const RUNS = { numRuns: 150 };

/** Arbitrary JSON: bare values, JSON text, and broken scenarios. */
const arbAnyInput: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.json(),
  fc.string(),
  arbMutatedScenario().map((m) => m.input),
);

const issuesOf = (input: unknown): InputIssue[] => {
  const result = safeParseScenario(input);
  return result.success ? [] : result.issues;
};

const describeIssues = (issues: readonly InputIssue[]) => issues.map((i) => `${i.path} ${i.code}`).join('; ');

/** `requests[12].itemIds[1]`: names joined with dots, indices in brackets. */
function renderPath(segments: readonly Segment[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

describe('safeParseScenario on any input', () => {
  it('never throws', () => {
    fc.assert(
      fc.property(arbAnyInput, (input) => {
        safeParseScenario(input);
        safeParseScenario(input, { locale: 'zh-CN' });
      }),
      RUNS,
    );
  });

  it('never mutates its input', () => {
    fc.assert(
      fc.property(fc.oneof(arbAnyInput, arbScenario()), (input) => {
        const before = structuredClone(input);
        safeParseScenario(input);
        expect(input).toEqual(before);
      }),
      RUNS,
    );
  });

  it('fails exactly when it reports issues, and every issue has a code and a message', () => {
    fc.assert(
      fc.property(arbAnyInput, (input) => {
        const result = safeParseScenario(input);
        if (!result.success) {
          expect(result.issues.length).toBeGreaterThan(0);
          for (const issue of result.issues) {
            expect(issue.code).toMatch(/^[a-z_]+$/);
            expect(issue.message.length).toBeGreaterThan(0);
          }
        }
      }),
      RUNS,
    );
  });

  it('every issue path resolves to a value in the input, or to its parent for a missing field', () => {
    fc.assert(
      fc.property(arbAnyInput, (input) => {
        const root = typeof input === 'string' ? safeJson(input) : input;
        for (const issue of issuesOf(input)) {
          const here = issue.code === 'missing' ? issue.segments.slice(0, -1) : issue.segments;
          expect(exists(root, here), `${issue.path} ${issue.code}`).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('every issue path is its segments written as names.joined[with][indices]', () => {
    fc.assert(
      fc.property(arbAnyInput, (input) => {
        for (const issue of issuesOf(input)) expect(issue.path).toBe(renderPath(issue.segments));
      }),
      RUNS,
    );
  });
});

/** The parsed JSON of text, or the text itself when it is no JSON (then the issue is at the root). */
function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

describe('valid scenarios', () => {
  it('every scenario from arbScenario parses', () => {
    fc.assert(
      fc.property(arbScenario(), (input) => {
        const result = safeParseScenario(input);
        expect(result.success ? '' : describeIssues(result.issues)).toBe('');
      }),
      RUNS,
    );
  });

  it('every scenario from arbScenario parses without warnings (it sends no field the contract lacks)', () => {
    fc.assert(
      fc.property(arbScenario(), (input) => {
        const result = safeParseScenario(input);
        expect(result.success && result.warnings.map((w) => `${w.path} ${w.code}`)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('scarce, tight and feature-less scenarios parse too', () => {
    const variants = fc.oneof(
      arbScenario({ staff: 'scarce', departments: 4, requests: { min: 0, max: 3 } }),
      arbScenario({ staff: 'tight', caps: false, recurrences: false, quietPeriods: false, calendar: false, restrictions: false, requestOptions: false }),
      arbScenario({ enterprises: 1, requests: 10, horizonDays: 1 }),
    );
    fc.assert(
      fc.property(variants, (input) => {
        const result = safeParseScenario(input);
        expect(result.success ? '' : describeIssues(result.issues)).toBe('');
      }),
      RUNS,
    );
  });

  it('the parsed scenario, written as JSON and parsed again, is the same scenario', () => {
    fc.assert(
      fc.property(arbScenario(), (input) => {
        const first = safeParseScenario(input);
        if (!first.success) throw new Error(describeIssues(first.issues));
        const again = safeParseScenario(JSON.parse(JSON.stringify(first.data)));
        if (!again.success) throw new Error(describeIssues(again.issues));
        expect(again.data).toEqual(first.data);
      }),
      RUNS,
    );
  });

  it('parsing JSON text gives what parsing the object gives', () => {
    fc.assert(
      fc.property(arbScenario(), (input) => {
        expect(safeParseScenario(JSON.stringify(input))).toEqual(safeParseScenario(input));
      }),
      RUNS,
    );
  });
});

describe('one thing broken, reported where it was broken', () => {
  it('dropping a required field is reported as missing at that field’s path', () => {
    fc.assert(
      fc.property(
        arbDroppedField().filter((m) => m.mutation.required === true),
        ({ input, mutation }) => {
          const found = issuesOf(input).map((i) => `${i.path} ${i.code}`);
          expect(found).toContain(`${renderPath(mutation.segments)} missing`);
        },
      ),
      RUNS,
    );
  });

  it('dropping an optional field leaves the scenario valid', () => {
    fc.assert(
      fc.property(
        arbDroppedField().filter((m) => m.mutation.required === false),
        ({ input }) => {
          expect(describeIssues(issuesOf(input))).toBe('');
        },
      ),
      RUNS,
    );
  });

  it('a value of another JSON type is reported at its own path, or inside it (an object where a union expects one)', () => {
    fc.assert(
      fc.property(arbRetypedValue(), ({ input, mutation }) => {
        const found = issuesOf(input);
        const at = mutation.segments;
        const inside = (i: InputIssue) => at.every((s, k) => i.segments[k] === s);
        expect(found.some(inside), `${renderPath(at)}: ${describeIssues(found)}`).toBe(true);
      }),
      RUNS,
    );
  });

  it('an impossible date is reported as invalid_date at its path', () => {
    fc.assert(
      fc.property(arbCorruptedDate(), ({ input, mutation }) => {
        expect(issuesOf(input).map((i) => `${i.path} ${i.code}`)).toContain(`${renderPath(mutation.segments)} invalid_date`);
      }),
      RUNS,
    );
  });
});
