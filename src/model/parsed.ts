/**
 * Which scenarios came out of `parseScenario` / `safeParseScenario`, and the warnings their
 * parse raised. A `WeakMap` keyed by the parsed object: the scenario stays a plain object (no
 * hidden field a host would see in JSON), and the record dies with it.
 *
 * `plan` reads it to put the parse's warnings (unknown fields) into the plan's `warnings`,
 * and to tell a parsed scenario from arbitrary input that must be parsed first.
 */
import type { InputIssue } from './issues.js';
import type { Scenario } from './scenario.js';

const parsed = new WeakMap<object, readonly InputIssue[]>();

/** Records `scenario` as the output of a successful parse that raised `warnings`. */
export function rememberParsed(scenario: Scenario, warnings: readonly InputIssue[]): void {
  parsed.set(scenario, warnings);
}

/**
 * Whether `x` is a scenario returned by `parseScenario` / `safeParseScenario` (and so already
 * checked against contract v1).
 * @example
 * isParsedScenario(parseScenario(json)); // true
 * isParsedScenario(JSON.parse(text));    // false: parse it first
 */
export function isParsedScenario(x: unknown): x is Scenario {
  return typeof x === 'object' && x !== null && parsed.has(x);
}

/**
 * The warnings raised when `scenario` was parsed; `[]` for a scenario not parsed here.
 * @example
 * const scenario = parseScenario({ ...json, remark: 'draft' });
 * parseWarningsOf(scenario); // [{ code: 'unknown_field', path: 'remark', … }]
 */
export function parseWarningsOf(scenario: object): readonly InputIssue[] {
  return parsed.get(scenario) ?? [];
}
