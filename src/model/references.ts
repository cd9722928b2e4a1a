/**
 * Cross-reference checks of a scenario: duplicate ids, unknown references, items of another
 * department, holiday/workday clashes, dayStart/dayEnd. They read the raw input defensively,
 * so they run even when the shape has problems and every issue is reported at once.
 */
import { parseDay, parseTime } from '../calendar/civil.js';
import type { Locale } from '../report/format.js';
import { makeIssue, type InputIssue, type PathSegment } from './issues.js';

type Raw = Record<string, unknown>;

const isObj = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Map id → index of its first holder; reports later holders as duplicates. */
function indexIds(list: unknown[], name: string, issues: InputIssue[], locale: Locale): Map<string, number> {
  const ids = new Map<string, number>();
  list.forEach((entry, i) => {
    const id = isObj(entry) ? str(entry.id) : undefined;
    if (id === undefined || id === '') return;
    const first = ids.get(id);
    if (first !== undefined) issues.push(makeIssue([name, i, 'id'], 'duplicate_id', { id, other: `${name}[${first}]` }, locale));
    else ids.set(id, i);
  });
  return ids;
}

/** The `name` of the entry with this id (its index in `ids`), else the id itself. */
function nameOf(list: unknown, ids: ReadonlyMap<string, number>, id: string): string {
  const index = ids.get(id);
  const entry = index === undefined ? undefined : arr(list)[index];
  const name = isObj(entry) ? str(entry.name) : undefined;
  return name !== undefined && name !== '' ? name : id;
}

export function checkScenarioReferences(input: unknown, locale: Locale): InputIssue[] {
  const issues: InputIssue[] = [];
  if (!isObj(input)) return issues;
  const departments = indexIds(arr(input.departments), 'departments', issues, locale);
  const items = indexIds(arr(input.items), 'items', issues, locale);
  const enterprises = indexIds(arr(input.enterprises), 'enterprises', issues, locale);
  indexIds(arr(input.inspectors), 'inspectors', issues, locale);
  const requests = indexIds(arr(input.requests), 'requests', issues, locale);
  indexIds(arr(input.caps), 'caps', issues, locale);
  const calendar = isObj(input.calendar) ? input.calendar : {};
  // quiet periods sit under calendar: report their duplicates with the full path
  const qp = new Map<string, number>();
  arr(calendar.quietPeriods).forEach((q, i) => {
    const id = isObj(q) ? str(q.id) : undefined;
    if (!id) return;
    const first = qp.get(id);
    if (first !== undefined) issues.push(makeIssue(['calendar', 'quietPeriods', i, 'id'], 'duplicate_id', { id, other: `calendar.quietPeriods[${first}]` }, locale));
    else qp.set(id, i);
  });

  const ref = (value: unknown, known: Map<string, number>, kind: string, path: PathSegment[]) => {
    const id = str(value);
    if (id !== undefined && id !== '' && !known.has(id)) issues.push(makeIssue(path, 'unknown_reference', { kind, id }, locale));
  };
  const itemDepartment = new Map<string, string>();

  arr(input.items).forEach((it, i) => {
    if (!isObj(it)) return;
    ref(it.departmentId, departments, 'department', ['items', i, 'departmentId']);
    const id = str(it.id);
    const dep = str(it.departmentId);
    if (id && dep && !itemDepartment.has(id)) itemDepartment.set(id, dep);
  });
  arr(input.enterprises).forEach((e, i) => {
    if (isObj(e)) ref(e.leadDepartmentId, departments, 'department', ['enterprises', i, 'leadDepartmentId']);
  });
  arr(input.inspectors).forEach((p, i) => {
    if (!isObj(p)) return;
    ref(p.departmentId, departments, 'department', ['inspectors', i, 'departmentId']);
    arr(p.avoid).forEach((e, j) => ref(e, enterprises, 'enterprise', ['inspectors', i, 'avoid', j]));
  });
  arr(input.requests).forEach((r, i) => {
    if (!isObj(r)) return;
    ref(r.departmentId, departments, 'department', ['requests', i, 'departmentId']);
    ref(r.enterpriseId, enterprises, 'enterprise', ['requests', i, 'enterpriseId']);
    const dep = str(r.departmentId);
    arr(r.itemIds).forEach((itemId, j) => {
      const id = str(itemId);
      if (id === undefined || id === '') return;
      if (!items.has(id)) {
        issues.push(makeIssue(['requests', i, 'itemIds', j], 'unknown_reference', { kind: 'item', id }, locale));
        return;
      }
      const owner = itemDepartment.get(id);
      if (dep && owner && owner !== dep && departments.has(dep)) {
        // The ids stay in the details; the message names the item and both departments.
        const names = { itemName: nameOf(input.items, items, id), itemDepartmentName: nameOf(input.departments, departments, owner), departmentName: nameOf(input.departments, departments, dep) };
        issues.push(makeIssue(['requests', i, 'itemIds', j], 'item_department_mismatch', { id, itemDepartment: owner, department: dep, ...names }, locale));
      }
    });
  });
  arr(input.caps).forEach((c, i) => {
    if (isObj(c)) arr(c.departmentIds).forEach((d, j) => ref(d, departments, 'department', ['caps', i, 'departmentIds', j]));
  });
  arr(input.history).forEach((h, i) => {
    if (!isObj(h)) return;
    ref(h.enterpriseId, enterprises, 'enterprise', ['history', i, 'enterpriseId']);
    arr(h.departmentIds).forEach((d, j) => ref(d, departments, 'department', ['history', i, 'departmentIds', j]));
  });

  // Occurrence ids must be unique across requests: "R" with a recurrence makes "R#1", "R#2"…
  // A request literally named "R#1" beside a recurring "R" would clash.
  const recurring = new Set<string>();
  arr(input.requests).forEach((r) => {
    if (isObj(r) && str(r.id) && str(r.recurrence)) recurring.add(str(r.id) as string);
  });
  arr(input.requests).forEach((r, i) => {
    const id = isObj(r) ? str(r.id) : undefined;
    const m = id ? /^(.*)#\d+$/.exec(id) : null;
    if (id && m && recurring.has(m[1] as string) && requests.has(id)) {
      issues.push(makeIssue(['requests', i, 'id'], 'duplicate_occurrence_id', { id, other: `recurring request "${m[1]}"` }, locale));
    }
  });

  // Calendar: a date may not be both a holiday and a make-up workday; dayStart < dayEnd.
  const holidays = new Set(arr(calendar.holidays).map(str).filter((d): d is string => d !== undefined && parseDay(d) !== undefined));
  arr(calendar.extraWorkdays).forEach((d, i) => {
    const date = str(d);
    if (date && holidays.has(date)) issues.push(makeIssue(['calendar', 'extraWorkdays', i], 'holiday_and_workday', { value: date }, locale));
  });
  const dayStart = str(calendar.dayStart) ?? '09:00';
  const dayEnd = str(calendar.dayEnd) ?? '17:00';
  const s = parseTime(dayStart);
  const e = parseTime(dayEnd);
  if (s !== undefined && e !== undefined && s >= e) {
    // Point at a field the input has: dayEnd when given, else dayStart (the default dayEnd is not in the input).
    const field = str(calendar.dayEnd) !== undefined ? 'dayEnd' : 'dayStart';
    issues.push(makeIssue(['calendar', field], 'day_start_not_before_end', { dayStart, dayEnd }, locale));
  }
  return issues;
}
