/**
 * Relaxations as changes to a scenario: a list of JSON-Patch-like operations applied to a copy
 * (never the caller's object). Paths are the scenario's own (`requests[3].window.to`), so a host
 * can show them, store them, or apply them in any language.
 */
import { ArgumentError, describeValue } from '../model/arguments.js';
import type { ScenarioInput } from '../model/scenario.js';
import type { Relaxation, ScenarioPatchOp } from './types.js';

type Container = Record<string, unknown> | unknown[];

const isContainer = (x: unknown): x is Container => x !== null && typeof x === 'object';

function fail(received: string, parameter = 'relaxation.scenarioPatch'): never {
  throw ArgumentError.of('applyRelaxation', [{ parameter, expected: 'a patch that fits the scenario', received }]);
}

/** The value at `path` in `root` (undefined when a step is missing). */
function parentOf(root: unknown, path: readonly (string | number)[]): Container {
  let node: unknown = root;
  for (const segment of path.slice(0, -1)) {
    if (!isContainer(node)) fail(`no object at ${path.join('.')}`);
    node = (node as Record<string | number, unknown>)[segment];
  }
  if (!isContainer(node)) fail(`no object at ${path.join('.')}`);
  return node;
}

function applyOp(root: unknown, op: ScenarioPatchOp): void {
  if (!Array.isArray(op.path) || op.path.length === 0) fail('a patch needs a non-empty path');
  const parent = parentOf(root, op.path);
  const key = op.path[op.path.length - 1] as string | number;
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : Number(key);
    if (!Number.isInteger(index) || index < 0 || index > parent.length) fail(`index ${String(key)} out of range`);
    if (op.op === 'add') parent.splice(index, 0, structuredClone(op.value));
    else if (op.op === 'replace') parent[index] = structuredClone(op.value);
    else parent.splice(index, 1);
    return;
  }
  const record = parent as Record<string, unknown>;
  if (op.op === 'remove') delete record[String(key)];
  else record[String(key)] = structuredClone(op.value);
}

/** `scenario` (parsed or as input) with `ops` applied, as a new object: the argument is never touched. */
export function applyScenarioPatch(scenario: unknown, ops: readonly ScenarioPatchOp[]): ScenarioInput {
  if (!isContainer(scenario)) fail(describeValue(scenario), 'scenario');
  const copy = structuredClone(scenario) as ScenarioInput;
  for (const op of ops) applyOp(copy, op);
  return copy;
}

/**
 * The scenario with one relaxation of `explain` applied (a new object, ready for
 * `parseScenario`, `plan` or `replan`); `scenario` is never mutated.
 * @throws {ArgumentError} when the relaxation's patch does not fit the scenario (a path that is not there).
 * @example
 * const e = explain(scenario, plan, 'R4');
 * if (e.status === 'unscheduled' && e.relaxations.length > 0) {
 *   const relaxed = parseScenario(applyRelaxation(scenario, e.relaxations[0]));
 *   planSync(relaxed).unscheduled.some((u) => u.occurrenceId === 'R4'); // false: R4 now has a place
 * }
 */
export function applyRelaxation(scenario: ScenarioInput, relaxation: Pick<Relaxation, 'scenarioPatch'>): ScenarioInput {
  if (!isContainer(relaxation) || !Array.isArray((relaxation as { scenarioPatch?: unknown }).scenarioPatch)) fail(describeValue(relaxation), 'relaxation');
  const ops = relaxation.scenarioPatch;
  ops.forEach((op, i) => {
    const ok = isContainer(op) && (op.op === 'add' || op.op === 'replace' || op.op === 'remove') && Array.isArray(op.path) && op.path.every((s) => typeof s === 'string' || typeof s === 'number');
    if (!ok) throw ArgumentError.of('applyRelaxation', [{ parameter: `relaxation.scenarioPatch[${i}]`, expected: '{ op: "add" | "replace" | "remove", path: (string | number)[], value? }', received: describeValue(op) }]);
  });
  return applyScenarioPatch(scenario, ops);
}
