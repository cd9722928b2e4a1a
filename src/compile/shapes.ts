/**
 * What compiling an occurrence needs from its request, worked out once per request *shape*:
 * requests of one department, basis, enterprise area, team size and item list (a city-year's
 * 150,000 requests have some 15,000 shapes) share their items, length, qualifications, caps
 * and the quiet periods that bind them — and the horizon days on which any of their
 * occurrences could take place, as one ascending list. An occurrence's window is then a slice
 * of that list (two binary searches, no copy), unless its enterprise has days of its own
 * (unavailability, an officer's recusal), which take the exact path.
 */
import type { CompiledQuietPeriod } from '../calendar/availability.js';
import { requestedInspectors } from '../model/derived.js';
import type { InspectionRequest, Scenario } from '../model/scenario.js';
import type { CCap, CDepartment } from './problem.js';
import type { StaffProfiles } from './staff-profile.js';

type Item = Scenario['items'][number];

export interface RequestShape {
  reqItems: Item[];
  minutes: number;
  qualifications: string[];
  need: number;
  caps: number[];
  /** Quiet periods that cover the enterprise's area and do not exempt the basis. */
  blocking: CompiledQuietPeriod[];
  /** Every item off-site (the request is off-site unless it asks to be `onsite`). */
  itemsOffsite: boolean;
}

interface Shape extends RequestShape {
  dept: CDepartment;
  area: string | undefined;
  areaCode: number;
  blockingKey: string;
  /** See `RequestShapes.days`; null until asked. */
  days: Int32Array | undefined | null;
}

export interface ShapeContext {
  scenario: Scenario;
  items: ReadonlyMap<string, Item>;
  caps: readonly CCap[];
  quietPeriods: readonly CompiledQuietPeriod[];
  profiles: StaffProfiles;
  /** 1 on horizon days that are working days (no make-up day under `forbid`). */
  working: Uint8Array;
  day0: number;
}

export interface RequestShapes {
  /** The shape of request `r` at an enterprise in `area`, of department `dept`. */
  of(r: InspectionRequest, area: string | undefined, dept: CDepartment): RequestShape;
  /**
   * The horizon days (indices, ascending) on which an occurrence of this shape whose window
   * covered the whole horizon could be placed on its own at an enterprise with nothing of its
   * own (no unavailability, no recusal in the department): working, not quiet for it, and its
   * department could field the team. `undefined` for "exact path only". Shared by every such
   * occurrence: read-only.
   */
  days(shape: RequestShape): Int32Array | undefined;
}

export function requestShapes(ctx: ShapeContext): RequestShapes {
  const { items, caps, quietPeriods, profiles, working, day0 } = ctx;
  const policy = ctx.scenario.policy;
  const days = working.length;
  const itemIndex = new Map<string, number>();
  ctx.scenario.items.forEach((it, i) => {
    if (!itemIndex.has(it.id)) itemIndex.set(it.id, i);
  });
  // Areas, bases and qualifications → small numbers, for keys.
  const areaCodes = new Map<string | undefined, number>();
  const basisCodes = new Map<string, number>();
  const qualificationCodes = new Map<string, number>();
  const code = <K>(codes: Map<K, number>, value: K) => {
    let c = codes.get(value);
    if (c === undefined) codes.set(value, (c = codes.size));
    return c;
  };
  // Shapes in an open-addressing hash table of their numbers — department, basis, area, team
  // size, then the items — with each slot's hash beside it and every shape's numbers laid end to
  // end in one pool, so a request finds its shape with no key string and few memory reads.
  let table = new Int32Array(1024); // shape index + 1, 0 = empty
  let tableHash = new Int32Array(1024);
  const list: Shape[] = [];
  let pool = new Float64Array(1024);
  const starts: number[] = [0]; // shape k's numbers: pool[starts[k] … starts[k + 1])
  let codes = new Float64Array(16); // the request at hand's numbers: the first `n`
  let n = 0;
  const hashCodes = () => {
    let h = 0x811c9dc5;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ ((codes[i] as number) | 0), 0x01000193);
    return h ^ (h >>> 15);
  };
  const matches = (k: number) => {
    const from = starts[k] as number;
    if ((starts[k + 1] as number) - from !== n) return false;
    for (let i = 0; i < n; i++) if (pool[from + i] !== codes[i]) return false;
    return true;
  };
  const insert = (k: number, h: number) => {
    const mask = table.length - 1;
    let i = h & mask;
    while (table[i] !== 0) i = (i + 1) & mask;
    table[i] = k + 1;
    tableHash[i] = h;
  };
  // Quiet periods binding (basis, area), with a number naming the set.
  const blockingOf = new Map<string, { list: CompiledQuietPeriod[]; key: string }>();
  // Days any shape of (department, area, binding quiet periods, qualifications, team size) could take.
  const dayLists = new Map<string, Int32Array | undefined>();

  // Working days not quiet for a set of binding quiet periods (by its key).
  const openDays = new Map<string, Int32Array>();
  const open = (blocking: readonly CompiledQuietPeriod[], blockingKey: string): Int32Array => {
    let list = openDays.get(blockingKey);
    if (list) return list;
    const out: number[] = [];
    for (let i = 0; i < days; i++) {
      if (working[i] !== 1) continue;
      let quiet = false;
      for (const q of blocking) if (q.days.has(day0 + i)) quiet = true;
      if (!quiet) out.push(i);
    }
    openDays.set(blockingKey, (list = Int32Array.from(out)));
    return list;
  };

  return {
    of(r, area, dept) {
      const areaCode = code(areaCodes, area);
      const need = Math.max(policy.minInspectorsPerDepartment, requestedInspectors(r, policy));
      const basisCode = code(basisCodes, r.basis);
      if (codes.length < 4 + r.itemIds.length) codes = new Float64Array(2 * (4 + r.itemIds.length));
      codes[0] = dept.index;
      codes[1] = basisCode;
      codes[2] = areaCode;
      codes[3] = need;
      n = 4;
      for (const id of r.itemIds) codes[n++] = itemIndex.get(id) ?? -1;
      const h = hashCodes();
      const mask = table.length - 1;
      for (let i = h & mask; table[i] !== 0; i = (i + 1) & mask) {
        const k = (table[i] as number) - 1;
        if (tableHash[i] === h && matches(k)) return list[k] as Shape;
      }
      const reqItems = r.itemIds.map((id) => items.get(id)).filter((it) => it !== undefined);
      const qualifications = [...new Set(reqItems.flatMap((it) => it.qualifications))].sort();
      const blockingKey = `${basisCode},${areaCode}`;
      let blocking = blockingOf.get(blockingKey);
      if (!blocking) {
        const list = quietPeriods.filter((q) => !q.exemptBases.has(r.basis) && (q.areas === undefined || (area !== undefined && q.areas.has(area))));
        blocking = { list, key: list.map((q) => quietPeriods.indexOf(q)).join(' ') };
        blockingOf.set(blockingKey, blocking);
      }
      const shape: Shape = {
        dept,
        area,
        areaCode,
        blockingKey: blocking.key,
        reqItems,
        minutes: reqItems.reduce((sum, it) => sum + it.durationMinutes, 0),
        qualifications,
        need,
        caps: caps.filter((c) => (c.departments === undefined || c.departments.has(dept.index)) && c.bases.has(r.basis)).map((c) => c.index),
        blocking: blocking.list,
        itemsOffsite: r.itemIds.every((id) => items.get(id)?.offsite === true),
        days: null,
      };
      list.push(shape);
      const at = starts[list.length - 1] as number;
      if (pool.length < at + n) {
        const grown = new Float64Array(2 * pool.length + n);
        grown.set(pool);
        pool = grown;
      }
      pool.set(codes.subarray(0, n), at);
      starts.push(at + n);
      if (2 * list.length > table.length) {
        const oldTable = table;
        const oldHash = tableHash;
        table = new Int32Array(2 * oldTable.length);
        tableHash = new Int32Array(2 * oldTable.length);
        for (let i = 0; i < oldTable.length; i++) if (oldTable[i] !== 0) insert((oldTable[i] as number) - 1, oldHash[i] as number);
      }
      insert(list.length - 1, h);
      return shape;
    },
    days(of) {
      const shape = of as Shape;
      if (shape.days !== null) return shape.days;
      let key = `${shape.dept.index},${shape.areaCode},${shape.blockingKey},${shape.need}`;
      for (const q of shape.qualifications) key += `,${code(qualificationCodes, q)}`;
      let list = dayLists.get(key);
      if (list === undefined && !dayLists.has(key)) {
        list = profiles.daysOn(shape.dept, shape.area, shape.qualifications, shape.need, open(shape.blocking, shape.blockingKey));
        dayLists.set(key, list);
      }
      return (shape.days = list);
    },
  };
}
