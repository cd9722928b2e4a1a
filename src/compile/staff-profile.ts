/**
 * Fast staff feasibility: for each department and enterprise area, how many of its officers
 * are present each day and which qualifications they hold together (a bit mask). An
 * occurrence can be staffed on its own on day d when at least `need` officers are present and
 * their masks cover its qualifications. Enterprises some officer recuses himself from, and
 * scenarios with more distinct qualifications than a mask holds, take the exact path
 * (`staffFunnel`).
 */
import type { CDepartment, CEnterprise, COfficer } from './problem.js';

const MAX_BITS = 30;
const NONE = new Int32Array(0);

export interface StaffProfiles {
  /** Days (ascending) among `candidates` on which the occurrence could be staffed, or undefined for "use the exact path". */
  feasibleDays(dept: CDepartment, ent: CEnterprise, qualifications: readonly string[], need: number, candidates: Int32Array): Int32Array | undefined;
  /**
   * `feasibleDays` for an enterprise in `area` that no officer of the department recuses
   * himself from: the same days, or undefined for "use the exact path".
   */
  daysOn(dept: CDepartment, area: string | undefined, qualifications: readonly string[], need: number, candidates: Int32Array): Int32Array | undefined;
  /** Whether an officer of the department recuses himself from the enterprise (`feasibleDays` then says undefined). */
  recused(dept: CDepartment, ent: CEnterprise): boolean;
}

/** Ints per block of the arena the kept day lists are cut from. */
const ARENA_BLOCK = 1 << 20;
let arena = new Int32Array(0);
let arenaUsed = 0;

/**
 * A copy of `src[0…n)` that lives on: a view into a shared block rather than an array of its
 * own (one buffer per occurrence's day list costs a native allocation each — 150,000 on a city
 * year). Blocks are never written again once cut, so the views stay valid and independent.
 */
function keep(src: Int32Array, n: number): Int32Array {
  if (n === 0) return NONE;
  if (arenaUsed + n > arena.length) {
    arena = new Int32Array(Math.max(ARENA_BLOCK, n));
    arenaUsed = 0;
  }
  for (let j = 0; j < n; j++) arena[arenaUsed + j] = src[j] as number;
  arenaUsed += n;
  return arena.subarray(arenaUsed - n, arenaUsed);
}

export function buildStaffProfiles(officers: readonly COfficer[], days: number): StaffProfiles {
  const bit = new Map<string, number>();
  for (const o of officers) for (const q of o.qualifications) if (!bit.has(q)) bit.set(q, bit.size);
  const usable = bit.size <= MAX_BITS;
  const mask = (o: COfficer) => {
    let m = 0;
    for (const q of o.qualifications) m |= 1 << (bit.get(q) as number);
    return m;
  };
  const masks = officers.map(mask);
  const avoided = new Map<number, Set<string>>();
  for (const o of officers) {
    if (o.avoid.size === 0) continue;
    const set = avoided.get(o.department) ?? new Set<string>();
    for (const e of o.avoid) set.add(e);
    avoided.set(o.department, set);
  }
  const cache = new Map<string, { count: Uint16Array; union: Int32Array }>();
  const out = new Int32Array(days);
  const profile = (dept: CDepartment, area: string | undefined) => {
    const key = `${dept.index}\u0000${area ?? '\u0001'}`;
    let p = cache.get(key);
    if (!p) {
      p = { count: new Uint16Array(days), union: new Int32Array(days) };
      for (const i of dept.officers) {
        const o = officers[i] as COfficer;
        if (o.areas && area !== undefined && !o.areas.has(area)) continue;
        const m = masks[i] as number;
        for (let d = 0; d < days; d++) {
          if (o.available[d] !== 1) continue;
          (p.count[d] as number)++;
          p.union[d] = (p.union[d] as number) | m;
        }
      }
      cache.set(key, p);
    }
    return p;
  };
  const profiles: StaffProfiles = {
    feasibleDays(dept, ent, qualifications, need, candidates) {
      if (profiles.recused(dept, ent)) return undefined;
      return profiles.daysOn(dept, ent.source.area, qualifications, need, candidates);
    },
    daysOn(dept, area, qualifications, need, candidates) {
      if (!usable) return undefined;
      let req = 0;
      for (const q of qualifications) {
        const b = bit.get(q);
        if (b === undefined) return NONE; // nobody holds it
        req |= 1 << b;
      }
      const p = profile(dept, area);
      let n = 0;
      for (let j = 0; j < candidates.length; j++) {
        const d = candidates[j] as number;
        if ((p.count[d] as number) >= need && ((p.union[d] as number) & req) === req) out[n++] = d;
      }
      return keep(out, n);
    },
    recused(dept, ent) {
      return avoided.get(dept.index)?.has(ent.id) === true;
    },
  };
  return profiles;
}
