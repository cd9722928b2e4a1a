/**
 * The boundary of `draw`: the tasks as a host sends them (JSON), read strictly — every shape
 * problem with its JSON path, a misspelt field (`coordinatWith`) an error with the field it
 * likely means, other unknown fields warnings — then checked against the scenario and each
 * other (departments, items, tasks named by `coordinateWith` and `avoid`).
 */
import { z } from 'zod';
import { formatPath, fromZodIssues, makeIssue, type InputIssue, type PathSegment } from '../model/issues.js';
import { PLANNED_BASES, idSchema, rangeSchema, riskGradeSchema } from '../model/primitives.js';
import type { Scenario } from '../model/scenario.js';
import { unknownFields } from '../model/unknown-fields.js';
import type { Locale } from '../report/format.js';
import { drawIssue, drawText, unknownTask } from './messages.js';
import { ROUNDINGS } from './sample.js';

const ratioSchema = z.number().min(0).max(1);
const countSchema = z.number().int().min(0);

export const participantSchema = z.object({ departmentId: idSchema, itemIds: z.array(idSchema).min(1) });
export const populationSchema = z.object({
  area: z.array(z.string()).optional(),
  riskGrade: z.array(riskGradeSchema).optional(),
  tags: z.array(z.string()).optional(),
  whitelisted: z.boolean().optional(),
});
export const avoidEntrySchema = z.union([idSchema, z.object({ enterpriseIds: z.array(idSchema) })]);

export const drawTaskSchema = z.object({
  id: idSchema,
  departmentId: idSchema,
  itemIds: z.array(idSchema).min(1),
  participants: z.array(participantSchema).optional(),
  basis: z.enum(PLANNED_BASES).default('random'),
  window: rangeSchema,
  priority: z.number().int().min(1).optional(),
  population: populationSchema.default({}),
  ratio: ratioSchema.optional(),
  ratioByRiskGrade: z.partialRecord(riskGradeSchema, ratioSchema).optional(),
  minCount: countSchema.optional(),
  maxCount: countSchema.optional(),
  rounding: z.enum(ROUNDINGS).default('unbiased'),
  coordinateWith: z.array(idSchema).default([]),
  avoid: z.array(avoidEntrySchema).default([]),
});

export const drawTasksSchema = z.array(drawTaskSchema);

/** A task as read: defaults filled in. */
export type ReadTask = z.output<typeof drawTaskSchema>;

export type TasksRead = { tasks: ReadTask[]; warnings: InputIssue[] } | { issues: InputIssue[] };

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The tasks, or every problem. `previousTaskIds` are the task ids of the earlier audit records
 * given (`options.previous`): `avoid` may name them.
 */
export function readTasks(input: unknown, scenario: Scenario, previousTaskIds: ReadonlySet<string>, locale: Locale, allowUnknownFields: boolean): TasksRead {
  if (!Array.isArray(input)) {
    const received = input === null ? 'null' : typeof input;
    return { issues: [makeIssue([], 'invalid_type', { expected: 'array', received }, locale)] };
  }
  const issues: InputIssue[] = [];
  const tasks: (ReadTask | undefined)[] = input.map((raw, i) => {
    const parsed = drawTaskSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    issues.push(...fromZodIssues(parsed.error.issues, raw, locale).map((issue) => under(issue, i)));
    return undefined;
  });
  const unknown = unknownFields(drawTasksSchema, input, locale, allowUnknownFields);
  // The library's message says "not a field of contract v1"; a task is draw's own document.
  issues.push(...unknown.errors.map((issue) => ({ ...issue, message: drawText(locale, 'misspelt_field', issue.details) })));
  issues.push(...crossCheck(input, tasks, scenario, previousTaskIds, locale));
  if (issues.length > 0) return { issues: issues.sort((a, b) => Number(a.segments[0]) - Number(b.segments[0])) };
  return { tasks: tasks as ReadTask[], warnings: unknown.warnings };
}

/** The issue of one task with its path under the task's index (`[2].window.to`). */
function under(issue: InputIssue, index: number): InputIssue {
  const segments = [index, ...issue.segments];
  return { ...issue, segments, path: formatPath(segments) };
}

/** References and consistency of the tasks that have the right shape; ids of all that have one. */
function crossCheck(raw: unknown[], tasks: readonly (ReadTask | undefined)[], scenario: Scenario, previous: ReadonlySet<string>, locale: Locale): InputIssue[] {
  const issues: InputIssue[] = [];
  const departments = new Map(scenario.departments.map((d) => [d.id, d]));
  const items = new Map(scenario.items.map((it) => [it.id, it]));
  const ids = new Map<string, number>();
  raw.forEach((r, i) => {
    const id = isObj(r) && typeof r.id === 'string' ? r.id : undefined;
    if (id === undefined || id === '') return;
    const first = ids.get(id);
    if (first !== undefined) issues.push(makeIssue([i, 'id'], 'duplicate_id', { id, other: `[${first}]` }, locale));
    else ids.set(id, i);
  });
  const deptName = (id: string) => departments.get(id)?.name ?? id;
  const itemsOf = (path: PathSegment[], departmentId: string, itemIds: readonly string[]) => {
    if (!departments.has(departmentId)) {
      issues.push(makeIssue([...path, 'departmentId'], 'unknown_reference', { kind: 'department', id: departmentId }, locale));
      return;
    }
    itemIds.forEach((itemId, k) => {
      const item = items.get(itemId);
      if (!item) issues.push(makeIssue([...path, 'itemIds', k], 'unknown_reference', { kind: 'item', id: itemId }, locale));
      else if (item.departmentId !== departmentId)
        issues.push(
          makeIssue(
            [...path, 'itemIds', k],
            'item_department_mismatch',
            { id: itemId, itemName: item.name, itemDepartment: item.departmentId, itemDepartmentName: deptName(item.departmentId), department: departmentId, departmentName: deptName(departmentId) },
            locale,
          ),
        );
    });
  };
  tasks.forEach((task, i) => {
    if (!task) return;
    itemsOf([i], task.departmentId, task.itemIds);
    const joined = new Map<string, number>([[task.departmentId, -1]]);
    (task.participants ?? []).forEach((p, k) => {
      itemsOf([i, 'participants', k], p.departmentId, p.itemIds);
      const first = joined.get(p.departmentId);
      if (first !== undefined) issues.push(drawIssue([i, 'participants', k, 'departmentId'], 'participant_repeated', { department: deptName(p.departmentId), departmentId: p.departmentId }, locale));
      else joined.set(p.departmentId, k);
    });
    if (task.ratio === undefined && task.ratioByRiskGrade === undefined && task.minCount === undefined) issues.push(drawIssue([i], 'no_sample_size', {}, locale));
    if (task.minCount !== undefined && task.maxCount !== undefined && task.minCount > task.maxCount)
      issues.push(drawIssue([i, 'maxCount'], 'min_above_max', { minCount: task.minCount, maxCount: task.maxCount }, locale));
    task.coordinateWith.forEach((other, k) => {
      if (other === task.id) issues.push(drawIssue([i, 'coordinateWith', k], 'self_reference', { taskId: other }, locale));
      else if (!ids.has(other)) issues.push(unknownTask([i, 'coordinateWith', k], other, locale));
    });
    task.avoid.forEach((entry, k) => {
      if (typeof entry !== 'string') return;
      if (entry === task.id) issues.push(drawIssue([i, 'avoid', k], 'self_reference', { taskId: entry }, locale));
      else if (!ids.has(entry) && !previous.has(entry)) issues.push(unknownTask([i, 'avoid', k], entry, locale));
    });
  });
  issues.push(...coordinationConflicts(tasks, locale));
  issues.push(...avoidCycles(tasks, ids, locale));
  return issues;
}

/** Union–find groups of `coordinateWith` (undirected, transitive): task index → its group's indices. */
export function coordinationGroups(tasks: readonly { id: string; coordinateWith: readonly string[] }[]): number[][] {
  const index = new Map(tasks.map((t, i) => [t.id, i]));
  const parent = tasks.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  tasks.forEach((t, i) => {
    for (const other of t.coordinateWith) {
      const j = index.get(other);
      if (j !== undefined) parent[find(i)] = find(j);
    }
  });
  const members = new Map<number, number[]>();
  tasks.forEach((_, i) => members.set(find(i), [...(members.get(find(i)) ?? []), i]));
  return tasks.map((_, i) => members.get(find(i)) as number[]);
}

/** A task that avoids one it shares its random numbers with asks for two opposite things. */
function coordinationConflicts(tasks: readonly (ReadTask | undefined)[], locale: Locale): InputIssue[] {
  const at = tasks.flatMap((t, i) => (t ? [i] : []));
  const known = at.map((i) => tasks[i] as ReadTask);
  const groups = coordinationGroups(known);
  const issues: InputIssue[] = [];
  known.forEach((task, g) => {
    const group = new Set((groups[g] as number[]).map((j) => (known[j] as ReadTask).id));
    task.avoid.forEach((entry, k) => {
      if (typeof entry === 'string' && entry !== task.id && group.has(entry)) issues.push(drawIssue([at[g] as number, 'avoid', k], 'avoid_coordinated', { taskId: entry }, locale));
    });
  });
  return issues;
}

/** Tasks of this batch that avoid each other in a circle cannot be drawn one after the other. */
function avoidCycles(tasks: readonly (ReadTask | undefined)[], ids: ReadonlyMap<string, number>, locale: Locale): InputIssue[] {
  const order = drawingOrder(tasks.map((t) => t ?? { id: '', avoid: [] }), ids);
  return order.cycle.map((i) => drawIssue([i, 'avoid'], 'avoid_cycle', { taskId: (tasks[i] as ReadTask).id }, locale));
}

/**
 * The order to draw in: a task after the tasks of this batch it avoids (their samples are what
 * it keeps away from), otherwise in the order given. `cycle` lists tasks caught in a circle.
 */
export function drawingOrder(tasks: readonly { id: string; avoid: readonly unknown[] }[], ids: ReadonlyMap<string, number>): { order: number[]; cycle: number[] } {
  const state = tasks.map(() => 0); // 0 new, 1 on the path, 2 done
  const order: number[] = [];
  const cycle = new Set<number>();
  const visit = (i: number, path: number[]) => {
    if (state[i] === 2) return;
    if (state[i] === 1) {
      for (const j of path.slice(path.indexOf(i))) cycle.add(j);
      return;
    }
    state[i] = 1;
    for (const entry of (tasks[i] as { avoid: readonly unknown[] }).avoid) {
      const j = typeof entry === 'string' ? ids.get(entry) : undefined;
      if (j !== undefined && j !== i) visit(j, [...path, i]);
    }
    state[i] = 2;
    order.push(i);
  };
  tasks.forEach((_, i) => visit(i, []));
  return { order, cycle: [...cycle].sort((a, b) => a - b) };
}
