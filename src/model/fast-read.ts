/**
 * The scenario's shape, read fast. Nearly all of a large scenario is three lists — requests,
 * enterprises, history — of small entries in one plain form, and the schema spends most of a
 * parse building and checking them. So those lists are read here by hand when every entry is
 * one the schema certainly accepts (each field of the right type and form, ids non-empty,
 * dates real, windows in order, rules readable), into exactly what the schema makes of it:
 * defaults filled in, fields in the schema's order, fresh lists. The rest of the document goes
 * to the schema; and when any entry is not of that form, or the rest has a problem, the whole
 * document does, so every problem is named by the schema exactly as before.
 *
 * The reading also notes whether those lists hold a field the contract does not define. When
 * none does, the unknown-field walk is given the document with them emptied: it would find
 * nothing there, and those lists are nearly all the objects it would walk.
 *
 * Fields are read as the schema reads them (`entry.field`, and `'field' in entry` for an absent
 * one), so both readings see the same values. Kept in step with the schema by
 * test/model/fast-read.test.ts (random and broken scenarios read both ways), and by the field
 * lists below, checked against the schema's shapes when this module loads: a field added to
 * the schema turns the fast reading off rather than letting it drop the field.
 */
import type { z } from 'zod';
import { parseDay } from '../calendar/civil.js';
import { rruleIssue } from '../calendar/rrule.js';
import { BASES, RISK_GRADES, rangeSchema } from './primitives.js';
import {
  enterpriseSchema,
  historyEntrySchema,
  locationSchema,
  requestSchema,
  scenarioSchema,
  type Enterprise,
  type HistoryEntry,
  type InspectionRequest,
  type Scenario,
} from './scenario.js';

type Raw = Record<string, unknown>;
type ShapeResult = z.ZodSafeParseResult<Scenario>;

/** The fields each reader knows, in the schema's order. */
const READ_FIELDS = {
  request: ['id', 'departmentId', 'enterpriseId', 'itemIds', 'window', 'basis', 'priority', 'inspectors', 'exclusive', 'onsite', 'recurrence', 'preferredDates', 'fixedDate'],
  enterprise: ['id', 'name', 'area', 'location', 'riskGrade', 'whitelisted', 'leadDepartmentId', 'unavailable', 'unavailableRule', 'maxVisitMinutes', 'tags'],
  location: ['lat', 'lng'],
  history: ['enterpriseId', 'date', 'departmentIds', 'basis'],
  range: ['from', 'to'],
};

const sameFields = (schema: z.ZodObject, fields: readonly string[]) => Object.keys(schema.shape).join() === fields.join();

/** Off when the schema's fields are no longer the ones read here (a test fails then too). */
const ENABLED =
  sameFields(requestSchema, READ_FIELDS.request) &&
  sameFields(enterpriseSchema, READ_FIELDS.enterprise) &&
  sameFields(locationSchema, READ_FIELDS.location) &&
  sameFields(historyEntrySchema, READ_FIELDS.history) &&
  sameFields(rangeSchema, READ_FIELDS.range);

const KNOWN = {
  request: new Set(READ_FIELDS.request),
  enterprise: new Set(READ_FIELDS.enterprise),
  location: new Set(READ_FIELDS.location),
  history: new Set(READ_FIELDS.history),
  range: new Set(READ_FIELDS.range),
};

const BASIS: ReadonlySet<unknown> = new Set(BASES);
const RISK_GRADE: ReadonlySet<unknown> = new Set(RISK_GRADES);

const isObject = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);
const isId = (x: unknown): x is string => typeof x === 'string' && x.length > 0;
const isCount = (x: unknown, min: number): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= min;

/**
 * One reading of a document's bulk lists: answers for the values a document repeats many times
 * (dates, rules), each worked out once; and whether any object read has a field the contract
 * does not define (`foreign`).
 */
class Reader {
  private readonly days = new Map<string, number>();
  private readonly rules = new Map<string, boolean>();
  foreign = false;

  /**
   * Notes a field of `x` that is not in `known`. `for…in` sees every field `Object.entries`
   * sees (the unknown-field walk's view) and inherited ones besides: never fewer.
   */
  note(x: Raw, known: ReadonlySet<string>): void {
    if (this.foreign) return;
    for (const key in x) {
      if (!known.has(key)) {
        this.foreign = true;
        return;
      }
    }
  }

  /** The day number of a valid date, else NaN. */
  day(x: unknown): number {
    if (typeof x !== 'string') return NaN;
    let day = this.days.get(x);
    if (day === undefined) {
      day = parseDay(x) ?? NaN;
      this.days.set(x, day);
    }
    return day;
  }

  isDate(x: unknown): x is string {
    return !Number.isNaN(this.day(x));
  }

  isRule(x: unknown): x is string {
    if (typeof x !== 'string') return false;
    let ok = this.rules.get(x);
    if (ok === undefined) {
      ok = rruleIssue(x) === undefined;
      this.rules.set(x, ok);
    }
    return ok;
  }

  /** A fresh `{ from, to }` of real dates in order, or undefined. */
  range(x: unknown): { from: string; to: string } | undefined {
    if (!isObject(x)) return undefined;
    this.note(x, KNOWN.range);
    const { from, to } = x;
    const a = this.day(from);
    const b = this.day(to);
    return a <= b ? { from: from as string, to: to as string } : undefined;
  }

  /** Fresh copies of a list of ranges, or undefined. */
  ranges(x: unknown): { from: string; to: string }[] | undefined {
    if (!Array.isArray(x)) return undefined;
    const out = new Array<{ from: string; to: string }>(x.length);
    for (let i = 0; i < x.length; i++) {
      const r = this.range(x[i]);
      if (r === undefined) return undefined;
      out[i] = r;
    }
    return out;
  }

  /** A fresh copy of a list of dates, or undefined. */
  dates(x: unknown): string[] | undefined {
    if (!Array.isArray(x)) return undefined;
    for (let i = 0; i < x.length; i++) if (!this.isDate(x[i])) return undefined;
    return x.slice() as string[];
  }
}

/** A fresh copy of a list of strings (non-empty ones, for ids), or undefined. */
function strings(x: unknown, ids: boolean): string[] | undefined {
  if (!Array.isArray(x)) return undefined;
  for (let i = 0; i < x.length; i++) {
    const s: unknown = x[i];
    if (typeof s !== 'string' || (ids && s.length === 0)) return undefined;
  }
  return x.slice() as string[];
}

/**
 * Whether an optional field is absent, rather than given as `undefined` (which the schema
 * keeps as a field holding `undefined`: left to it).
 */
const absent = (entry: Raw, field: string) => !(field in entry);

function readRequest(r: Raw, reader: Reader): InspectionRequest | undefined {
  const { id, departmentId, enterpriseId, basis, priority, inspectors, exclusive, onsite, recurrence, fixedDate } = r;
  if (!isId(id) || !isId(departmentId) || !isId(enterpriseId)) return undefined;
  reader.note(r, KNOWN.request);
  const itemIds = strings(r.itemIds, true);
  if (itemIds === undefined || itemIds.length === 0) return undefined;
  const window = reader.range(r.window);
  if (window === undefined) return undefined;
  if (basis !== undefined && !BASIS.has(basis)) return undefined;
  if (priority !== undefined && !isCount(priority, 1)) return undefined;
  if (inspectors === undefined ? !absent(r, 'inspectors') : !isCount(inspectors, 1)) return undefined;
  if ((exclusive !== undefined && typeof exclusive !== 'boolean') || (onsite !== undefined && typeof onsite !== 'boolean')) return undefined;
  if (recurrence === undefined ? !absent(r, 'recurrence') : !reader.isRule(recurrence)) return undefined;
  const preferredDates = r.preferredDates === undefined ? [] : reader.dates(r.preferredDates);
  if (preferredDates === undefined) return undefined;
  if (fixedDate === undefined ? !absent(r, 'fixedDate') : !reader.isDate(fixedDate)) return undefined;
  // Checked above: each field below is absent or of its form. Built in the schema's order.
  const out: Raw = { id, departmentId, enterpriseId, itemIds, window, basis: basis ?? 'routine', priority: priority ?? 1 };
  if (inspectors !== undefined) out.inspectors = inspectors;
  out.exclusive = exclusive ?? false;
  out.onsite = onsite ?? false;
  if (recurrence !== undefined) out.recurrence = recurrence;
  out.preferredDates = preferredDates;
  if (fixedDate !== undefined) out.fixedDate = fixedDate;
  return out as InspectionRequest;
}

function readLocation(x: unknown, reader: Reader): Enterprise['location'] {
  if (!isObject(x)) return undefined;
  reader.note(x, KNOWN.location);
  const { lat, lng } = x;
  if (typeof lat !== 'number' || !(lat >= -90 && lat <= 90) || typeof lng !== 'number' || !(lng >= -180 && lng <= 180)) return undefined;
  return { lat, lng };
}

function readEnterprise(e: Raw, reader: Reader): Enterprise | undefined {
  const { id, name, area, riskGrade, whitelisted, leadDepartmentId, unavailableRule, maxVisitMinutes } = e;
  if (!isId(id) || typeof name !== 'string') return undefined;
  reader.note(e, KNOWN.enterprise);
  if (area === undefined ? !absent(e, 'area') : typeof area !== 'string') return undefined;
  const location = e.location === undefined ? undefined : readLocation(e.location, reader);
  if (location === undefined && !absent(e, 'location')) return undefined;
  if (riskGrade === undefined ? !absent(e, 'riskGrade') : !RISK_GRADE.has(riskGrade)) return undefined;
  if (whitelisted !== undefined && typeof whitelisted !== 'boolean') return undefined;
  if (leadDepartmentId === undefined ? !absent(e, 'leadDepartmentId') : !isId(leadDepartmentId)) return undefined;
  const unavailable = e.unavailable === undefined ? [] : reader.ranges(e.unavailable);
  if (unavailable === undefined) return undefined;
  if (unavailableRule === undefined ? !absent(e, 'unavailableRule') : !reader.isRule(unavailableRule)) return undefined;
  if (maxVisitMinutes === undefined ? !absent(e, 'maxVisitMinutes') : !isCount(maxVisitMinutes, 1)) return undefined;
  const tags = e.tags === undefined ? [] : strings(e.tags, false);
  if (tags === undefined) return undefined;
  const out: Raw = { id, name };
  if (area !== undefined) out.area = area;
  if (location !== undefined) out.location = location;
  if (riskGrade !== undefined) out.riskGrade = riskGrade;
  out.whitelisted = whitelisted ?? false;
  if (leadDepartmentId !== undefined) out.leadDepartmentId = leadDepartmentId;
  out.unavailable = unavailable;
  if (unavailableRule !== undefined) out.unavailableRule = unavailableRule;
  if (maxVisitMinutes !== undefined) out.maxVisitMinutes = maxVisitMinutes;
  out.tags = tags;
  return out as Enterprise;
}

function readHistoryEntry(h: Raw, reader: Reader): HistoryEntry | undefined {
  const { enterpriseId, date, basis } = h;
  if (!isId(enterpriseId) || !reader.isDate(date)) return undefined;
  reader.note(h, KNOWN.history);
  const departmentIds = strings(h.departmentIds, true);
  if (departmentIds === undefined || departmentIds.length === 0) return undefined;
  if (basis !== undefined && !BASIS.has(basis)) return undefined;
  return { enterpriseId, date, departmentIds, basis: (basis as HistoryEntry['basis'] | undefined) ?? 'routine' };
}

/** Every entry of `list` read by `read`, or undefined when one is not of the plain form. */
function readAll<T>(list: unknown[], reader: Reader, read: (entry: Raw, reader: Reader) => T | undefined): T[] | undefined {
  const out = new Array<T>(list.length);
  for (let i = 0; i < list.length; i++) {
    const entry: unknown = list[i];
    const read1 = isObject(entry) ? read(entry, reader) : undefined;
    if (read1 === undefined) return undefined;
    out[i] = read1;
  }
  return out;
}

const BULK = { requests: readRequest, enterprises: readEnterprise, history: readHistoryEntry } as const;
type BulkKey = keyof typeof BULK;

/**
 * A scenario's shape as the schema reads it, and the value the unknown-field walk must look at
 * to find every field the contract does not define.
 */
export interface ScenarioShapeReading {
  /** What `scenarioSchema.safeParse(input)` returns, issues and all. */
  shape: ShapeResult;
  /**
   * The input, or — when the bulk lists were read here and hold no such field — a copy of it
   * with those lists empty, so the walk need not go through them again.
   */
  unknownFieldsIn: unknown;
}

/**
 * The scenario's shape: the bulk lists read here when they are all of the plain form and the
 * rest is well formed, the schema's own reading otherwise.
 */
export function readScenarioShape(input: unknown): ScenarioShapeReading {
  const bulk = ENABLED && isObject(input) ? readBulk(input) : undefined;
  if (bulk === undefined) return { shape: scenarioSchema.safeParse(input), unknownFieldsIn: input };
  const empty: PropertyDescriptorMap = {};
  for (const key of Object.keys(bulk.lists)) empty[key] = { value: [], enumerable: true, writable: true, configurable: true };
  // The walk sees an object's own fields (`Object.entries`): a copy with the lists emptied has
  // the same ones, in the same order.
  const unknownFieldsIn = bulk.foreign ? input : { ...(input as Raw), ...Object.fromEntries(Object.keys(bulk.lists).map((key) => [key, []])) };
  // The schema reads the rest through to the input (an object whose prototype is the input),
  // so it sees each other field exactly as it would in the input itself.
  const shape = scenarioSchema.safeParse(Object.create(input as object, empty));
  if (!shape.success) return { shape: scenarioSchema.safeParse(input), unknownFieldsIn };
  Object.assign(shape.data, bulk.lists);
  return { shape, unknownFieldsIn };
}

/**
 * The bulk lists present in `input`, read, and whether they hold a field the contract does
 * not define; undefined when one of them has an entry not of the plain form.
 */
function readBulk(input: Raw): { lists: Partial<Record<BulkKey, unknown[]>>; foreign: boolean } | undefined {
  const reader = new Reader();
  const lists: Partial<Record<BulkKey, unknown[]>> = {};
  for (const key of Object.keys(BULK) as BulkKey[]) {
    const list = input[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) return undefined;
    const read = readAll<unknown>(list, reader, BULK[key]);
    if (read === undefined) return undefined;
    lists[key] = read;
  }
  return { lists, foreign: reader.foreign };
}
