/**
 * Broken scenarios: a valid one from `arbScenario` with exactly one thing done to it — a field
 * dropped, a value replaced by one of another JSON type, a date made impossible — together with
 * where it was done, so a test can ask the parser to name that place.
 */
import fc from 'fast-check';
import { arbScenario, type ArbScenarioOptions } from './scenario.js';
import { arbImpossibleDate } from './dates.js';

export type Segment = string | number;

export interface Mutation {
  kind: 'drop' | 'retype' | 'corrupt-date' | 'graft';
  /** Where, as JSON path segments from the document root. */
  segments: Segment[];
  /** For `drop`: whether contract v1 requires the dropped field. */
  required?: boolean;
}

export interface Mutated {
  input: unknown;
  mutation: Mutation;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The path of every value below the root, parents before children. */
export function pathsOf(value: unknown, prefix: Segment[] = []): Segment[][] {
  const out: Segment[][] = [];
  if (Array.isArray(value)) {
    value.forEach((v, i) => out.push([...prefix, i], ...pathsOf(v, [...prefix, i])));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push([...prefix, k], ...pathsOf(v, [...prefix, k]));
  }
  return out;
}

export function valueAt(root: unknown, segments: readonly Segment[]): unknown {
  let v = root;
  for (const s of segments) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[s];
  }
  return v;
}

/** Whether `segments` leads to a value that is present in `root` (an own key or index). */
export function exists(root: unknown, segments: readonly Segment[]): boolean {
  let v = root;
  for (const s of segments) {
    if (v === null || typeof v !== 'object') return false;
    if (!Object.prototype.hasOwnProperty.call(v, s)) return false;
    v = (v as Record<string | number, unknown>)[s];
  }
  return true;
}

/**
 * Fields contract v1 requires, as patterns with `*` for array indices. Everything else in a
 * scenario is optional (absent, or filled by a default).
 */
export const REQUIRED_FIELDS: ReadonlySet<string> = new Set([
  'version', 'horizon', 'departments', 'items', 'enterprises', 'inspectors', 'requests',
  'horizon.from', 'horizon.to',
  'calendar.quietPeriods.*.id', 'calendar.quietPeriods.*.rule',
  'departments.*.id', 'departments.*.name',
  'items.*.id', 'items.*.departmentId', 'items.*.name',
  'enterprises.*.id', 'enterprises.*.name',
  'enterprises.*.location.lat', 'enterprises.*.location.lng',
  'enterprises.*.unavailable.*.from', 'enterprises.*.unavailable.*.to',
  'inspectors.*.id', 'inspectors.*.name', 'inspectors.*.departmentId', 'inspectors.*.certificate',
  'inspectors.*.certificate.validFrom', 'inspectors.*.certificate.validTo',
  'inspectors.*.unavailable.*.from', 'inspectors.*.unavailable.*.to',
  'requests.*.id', 'requests.*.departmentId', 'requests.*.enterpriseId', 'requests.*.itemIds', 'requests.*.window',
  'requests.*.window.from', 'requests.*.window.to',
  'caps.*.id', 'caps.*.per', 'caps.*.period', 'caps.*.period.rollingDays',
  'history.*.enterpriseId', 'history.*.date', 'history.*.departmentIds',
]);

export const patternOf = (segments: readonly Segment[]): string => segments.map((s) => (typeof s === 'number' ? '*' : s)).join('.');

function setAt(root: Json, segments: readonly Segment[], make: (parent: Record<string | number, Json>, key: Segment) => void): void {
  let v: Json = root;
  for (const s of segments.slice(0, -1)) v = (v as Record<string | number, Json>)[s] as Json;
  make(v as Record<string | number, Json>, segments[segments.length - 1] as Segment);
}

const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const OTHER_VALUES: readonly Json[] = ['text', 7, 2.5, true, false, null, [], {}, ['x'], { x: 1 }];

/** A valid scenario and a path into it chosen by `choose`, or none when there is no candidate. */
function withPath(
  base: fc.Arbitrary<unknown>,
  candidates: (scenario: unknown) => Segment[][],
): fc.Arbitrary<{ scenario: Json; segments: Segment[] }> {
  return base
    .map((scenario) => ({ scenario: scenario as Json, paths: candidates(scenario) }))
    .filter(({ paths }) => paths.length > 0)
    .chain(({ scenario, paths }) => fc.constantFrom(...paths).map((segments) => ({ scenario, segments })));
}

/** One object field removed (array elements are never removed: that changes no shape). */
export function arbDroppedField(options?: ArbScenarioOptions): fc.Arbitrary<Mutated> {
  return withPath(arbScenario(options), (s) => pathsOf(s).filter((p) => typeof p[p.length - 1] === 'string')).map(({ scenario, segments }) => {
    const input = structuredClone(scenario);
    setAt(input, segments, (parent, key) => delete parent[key]);
    return { input, mutation: { kind: 'drop', segments, required: REQUIRED_FIELDS.has(patternOf(segments)) } };
  });
}

/** One value replaced by a value of another JSON type. */
export function arbRetypedValue(options?: ArbScenarioOptions): fc.Arbitrary<Mutated> {
  return withPath(arbScenario(options), pathsOf).chain(({ scenario, segments }) => {
    const old = valueAt(scenario, segments);
    return fc.constantFrom(...OTHER_VALUES.filter((v) => jsonType(v) !== jsonType(old))).map((replacement) => {
      const input = structuredClone(scenario);
      setAt(input, segments, (parent, key) => (parent[key] = structuredClone(replacement)));
      return { input, mutation: { kind: 'retype' as const, segments } };
    });
  });
}

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** One date replaced by text shaped like a date that names no real day. */
export function arbCorruptedDate(options?: ArbScenarioOptions): fc.Arbitrary<Mutated> {
  return withPath(arbScenario(options), (s) => pathsOf(s).filter((p) => { const v = valueAt(s, p); return typeof v === 'string' && DATE_SHAPE.test(v); })).chain(
    ({ scenario, segments }) =>
      arbImpossibleDate().map((bad) => {
        const input = structuredClone(scenario);
        setAt(input, segments, (parent, key) => (parent[key] = bad));
        return { input, mutation: { kind: 'corrupt-date' as const, segments } };
      }),
  );
}

/** One value (anywhere, or the whole document) replaced by arbitrary JSON. */
export function arbGraftedJson(options?: ArbScenarioOptions): fc.Arbitrary<Mutated> {
  return withPath(arbScenario(options), (s) => [[], ...pathsOf(s)]).chain(({ scenario, segments }) =>
    fc.jsonValue({ maxDepth: 3 }).map((graft) => {
      if (segments.length === 0) return { input: graft, mutation: { kind: 'graft' as const, segments } };
      const input = structuredClone(scenario);
      setAt(input, segments, (parent, key) => (parent[key] = graft as Json));
      return { input, mutation: { kind: 'graft' as const, segments } };
    }),
  );
}

/** Any one of the mutations. */
export function arbMutatedScenario(options?: ArbScenarioOptions): fc.Arbitrary<Mutated> {
  return fc.oneof(arbDroppedField(options), arbRetypedValue(options), arbCorruptedDate(options), arbGraftedJson(options));
}
