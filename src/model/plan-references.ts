/**
 * Plan reference checks: duplicate visit ids always; with a scenario, every enterprise,
 * department, officer and occurrence the plan names must exist in it ("a plan for another
 * scenario" is bad input, not a violation).
 */
import { expandOccurrences } from '../occurrences/expand.js';
import type { Locale } from '../report/format.js';
import { makeIssue, type InputIssue } from './issues.js';
import type { Scenario } from './scenario.js';

type Raw = Record<string, unknown>;
const isObj = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export function checkPlanReferences(input: unknown, scenario: Scenario | undefined, locale: Locale): InputIssue[] {
  const issues: InputIssue[] = [];
  if (!isObj(input)) return issues;
  const seen = new Map<string, number>();
  arr(input.visits).forEach((v, i) => {
    const id = isObj(v) ? str(v.id) : undefined;
    if (!id) return;
    const first = seen.get(id);
    if (first !== undefined) issues.push(makeIssue(['visits', i, 'id'], 'duplicate_id', { id, other: `visits[${first}]` }, locale));
    else seen.set(id, i);
  });
  if (!scenario) return issues;
  const enterprises = new Set(scenario.enterprises.map((e) => e.id));
  const departments = new Set(scenario.departments.map((d) => d.id));
  const inspectors = new Set(scenario.inspectors.map((p) => p.id));
  const occurrences = new Set(expandOccurrences(scenario).map((o) => o.id));
  const check = (value: unknown, known: Set<string>, kind: string, path: (string | number)[]) => {
    const id = str(value);
    if (id && !known.has(id)) issues.push(makeIssue(path, kind === 'occurrence' ? 'unknown_occurrence' : 'unknown_reference', { kind, id }, locale));
  };
  arr(input.visits).forEach((v, i) => {
    if (!isObj(v)) return;
    check(v.enterpriseId, enterprises, 'enterprise', ['visits', i, 'enterpriseId']);
    check(v.leadDepartmentId, departments, 'department', ['visits', i, 'leadDepartmentId']);
    arr(v.departmentIds).forEach((d, j) => check(d, departments, 'department', ['visits', i, 'departmentIds', j]));
    arr(v.inspectorIds).forEach((p, j) => check(p, inspectors, 'inspector', ['visits', i, 'inspectorIds', j]));
    arr(v.occurrenceIds).forEach((o, j) => check(o, occurrences, 'occurrence', ['visits', i, 'occurrenceIds', j]));
  });
  arr(input.offsite).forEach((o, i) => {
    if (isObj(o)) check(o.occurrenceId, occurrences, 'occurrence', ['offsite', i, 'occurrenceId']);
  });
  arr(input.unscheduled).forEach((o, i) => {
    if (isObj(o)) check(o.occurrenceId, occurrences, 'occurrence', ['unscheduled', i, 'occurrenceId']);
  });
  return issues;
}
