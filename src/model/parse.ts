/** The boundary: JSON in, a typed scenario or plan out, or every problem at once. */
import type { z } from 'zod';
import type { Locale } from '../report/format.js';
import { fromZodIssues, makeIssue, PlanError, ScenarioError, type InputIssue } from './issues.js';
import { planSchema, type ParsedPlan } from './plan.js';
import { checkScenarioReferences } from './references.js';
import { scenarioSchema, type Scenario } from './scenario.js';
import { readScenarioShape } from './fast-read.js';
import { checkPlanReferences } from './plan-references.js';
import { rememberParsed } from './parsed.js';
import { unknownFields } from './unknown-fields.js';

/**
 * Options of `parseScenario` / `safeParseScenario`.
 * @example
 * const options: ParseOptions = { locale: 'en', allowUnknownFields: true };
 * const scenario = parseScenario(json, options);
 */
export interface ParseOptions {
  /** Language of issue messages; default `zh-CN`. */
  locale?: Locale;
  /**
   * Accept fields that look like misspellings of contract fields (`exlusive` for `exclusive`):
   * they become warnings instead of errors. Default `false`. Other unknown fields are always
   * warnings.
   */
  allowUnknownFields?: boolean;
}

/** The default language of parse messages. */
const DEFAULT_LOCALE: Locale = 'zh-CN';

/**
 * `warnings` lists fields the contract does not define (ignored): `unknown_field`, and
 * `misspelt_field` when `allowUnknownFields` is set. They never make a parse fail.
 * @example
 * const result: ParseResult<Scenario> = safeParseScenario(json);
 * if (result.success) planSync(result.data);
 * else for (const issue of result.issues) console.error(`${issue.path}: ${issue.message}`);
 */
export type ParseResult<T> = { success: true; data: T; warnings: InputIssue[] } | { success: false; issues: InputIssue[] };

/** Parses JSON text first when given a string. */
function fromText(json: unknown, locale: Locale): { value: unknown } | { issues: InputIssue[] } {
  if (typeof json !== 'string') return { value: json };
  try {
    return { value: JSON.parse(json) as unknown };
  } catch (error) {
    return { issues: [makeIssue([], 'invalid_json', { detail: (error as Error).message }, locale)] };
  }
}

/** A document's shape (zod's result), and the value in which to look for unknown fields. */
interface ShapeReading<T> {
  shape: z.ZodSafeParseResult<T>;
  unknownFieldsIn: unknown;
}

/**
 * Shape (zod, or `readShape`: a faster reading with the same results), then the document's
 * own cross-checks, then unknown fields: misspellings are errors (unless allowed), the others
 * warnings.
 */
function parseDocument<S extends z.ZodType>(
  schema: S,
  json: unknown,
  options: ParseOptions,
  crossCheck: (value: unknown, locale: Locale) => InputIssue[],
  readShape: (value: unknown) => ShapeReading<z.output<S>> = (value) => ({ shape: schema.safeParse(value), unknownFieldsIn: value }),
): ParseResult<z.output<S>> {
  // Options from plain JS may be anything: read only what is well-formed.
  const locale = localeOf(options);
  const allow = typeof options === 'object' && options !== null && options.allowUnknownFields === true;
  const text = fromText(json, locale);
  if ('issues' in text) return { success: false, issues: text.issues };
  const { shape, unknownFieldsIn } = readShape(text.value);
  const issues = shape.success ? [] : fromZodIssues(shape.error.issues, text.value, locale);
  issues.push(...crossCheck(text.value, locale));
  const unknown = unknownFields(schema, unknownFieldsIn, locale, allow);
  issues.push(...unknown.errors);
  if (issues.length > 0 || !shape.success) return { success: false, issues: sortIssues(issues) };
  return { success: true, data: shape.data, warnings: sortIssues(unknown.warnings) };
}

/**
 * The locale asked for: `zh-CN` when none is given; a locale this library does not have (from
 * a host's JSON, say) falls back to Chinese for `zh…` and to English otherwise.
 */
function localeOf(options: ParseOptions | undefined): Locale {
  const locale: unknown = typeof options === 'object' && options !== null ? options.locale : undefined;
  if (locale === undefined) return DEFAULT_LOCALE;
  if (locale === 'en' || locale === 'zh-CN') return locale;
  return typeof locale === 'string' && locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * Checks a scenario (an object, or JSON text) against contract v1 and fills in its defaults.
 * Never throws and never mutates `json`.
 * @example
 * const result = safeParseScenario(readFileSync('scenario.json', 'utf8'));
 * if (!result.success) console.error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
 */
export function safeParseScenario(json: unknown, options: ParseOptions = {}): ParseResult<Scenario> {
  const result = parseDocument(scenarioSchema, json, options, checkScenarioReferences, readScenarioShape);
  // `plan` finds the warnings again (for the plan's `warnings`) and knows the scenario is checked.
  if (result.success) rememberParsed(result.data, result.warnings);
  return result;
}

/**
 * Like `safeParseScenario`, but throws a `ScenarioError` listing every problem.
 * @example
 * try {
 *   const scenario = parseScenario(JSON.parse(text), { locale: 'zh-CN' });
 * } catch (error) {
 *   if (error instanceof ScenarioError) console.error(error.issues); // every problem, with its JSON path
 * }
 */
export function parseScenario(json: unknown, options: ParseOptions = {}): Scenario {
  const result = safeParseScenario(json, options);
  if (!result.success) throw new ScenarioError(result.issues, localeOf(options));
  return result.data;
}

/**
 * Options of `parsePlan` / `safeParsePlan`.
 * @example
 * const options: PlanParseOptions = { scenario, locale: 'zh-CN' }; // ids checked against the scenario
 * const parsed = parsePlan(planJson, options);
 */
export interface PlanParseOptions extends ParseOptions {
  /** When given, every id in the plan must exist in this scenario. */
  scenario?: Scenario;
}

/**
 * Checks a plan's shape (and, given a scenario, its references). Never throws.
 * @example
 * const result = safeParsePlan(planJson, { scenario });
 * if (result.success) console.log(result.data.visits.length);
 */
export function safeParsePlan(json: unknown, options: PlanParseOptions = {}): ParseResult<ParsedPlan> {
  const scenario = typeof options === 'object' && options !== null ? options.scenario : undefined;
  return parseDocument(planSchema, json, options, (value, locale) => checkPlanReferences(value, scenario, locale));
}

/**
 * Like `safeParsePlan`, but throws a `PlanError` listing every problem.
 * @example
 * const foreign = parsePlan(readFileSync('plan.json', 'utf8'), { scenario });
 * const { valid } = validatePlan(scenario, foreign);
 */
export function parsePlan(json: unknown, options: PlanParseOptions = {}): ParsedPlan {
  const result = safeParsePlan(json, options);
  if (!result.success) throw new PlanError(result.issues, localeOf(options));
  return result.data;
}

/** Stable order: by path as the document reads, then code. */
function sortIssues(issues: InputIssue[]): InputIssue[] {
  const key = (i: InputIssue) => i.segments;
  return issues.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
      const x = ka[i] as string | number;
      const y = kb[i] as string | number;
      if (x === y) continue;
      if (typeof x === 'number' && typeof y === 'number') return x - y;
      return String(x) < String(y) ? -1 : 1;
    }
    return ka.length - kb.length || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  });
}
