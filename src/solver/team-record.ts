/**
 * What an audited plan keeps of each staffing (`plan`'s `audit` option; docs/team-audit.md):
 * for each department's part, the present officers the seeded scan looked at, why each one
 * was or was not a candidate, the candidates' loads and whether each was free at the start —
 * everything the ranking and the team rule read. Made only when `PlanState.auditTeams` is on,
 * once per successful evaluation (never in the scan itself), and never changed afterwards: a
 * rollback that puts a visit back puts its record back with it.
 */
import type { CEnterprise, COfficer } from '../compile/problem.js';
import type { Parts } from './staffing.js';
import type { PlanState, Team } from './state.js';

/** Why a scanned officer was or was not a candidate (the scan's tests, in its order). */
export const SCAN_STATUS = ['eligible', 'no-room', 'area', 'recused'] as const;
export type ScanStatus = (typeof SCAN_STATUS)[number];

/** Numbers per scanned officer in `PartRecord.scanned`: officer, status (index of `SCAN_STATUS`), load, bonus, free (1/0). */
export const SCANNED_WIDTH = 5;
/** Numbers per window officer in `SwapRecord.window`: officer, load, eligible (1/0). */
export const WINDOW_WIDTH = 3;

export interface PartRecord {
  department: number;
  need: number;
  /** Officers of the department present that day, and the seeded place the scan began. */
  present: number;
  offset: number;
  /** The sample's size (candidates taken before the scan stops); −1 when every present officer was looked at. */
  limit: number;
  /** The officers scanned, in scan order: `SCANNED_WIDTH` numbers each. */
  scanned: Int32Array;
}

/** One officer swapped by the load rebalancing (moves.ts `rebalance`), with the window it chose from. */
export interface SwapRecord {
  department: number;
  out: number;
  outLoad: number;
  in: number;
  present: number;
  offset: number;
  /** The window's officers, in order: `WINDOW_WIDTH` numbers each. */
  window: Int32Array;
}

export interface TeamRecord {
  start: number;
  parts: PartRecord[];
  /** The teams the draw made (the placement's teams until a swap changes them). */
  drawn: readonly Team[];
  swaps: readonly SwapRecord[];
}

/**
 * The record of a staffing that has just succeeded: `candidates[parts.from[k]…parts.to[k])`
 * are part k's candidates (ranked), `offsets[k]` where its scan began; the state is still the
 * one the ranking read. The scan is walked again to name why each skipped officer was skipped.
 */
export function recordStaffing(state: PlanState, parts: Parts, candidates: Int32Array, offsets: Int32Array, sample: number, enterprise: number, day: number, start: number, length: number, teams: readonly Team[]): TeamRecord {
  const P = state.P;
  const booked = state.booked;
  const ent = P.enterprises[enterprise] as CEnterprise;
  const out: PartRecord[] = [];
  for (let k = 0; k < parts.count; k++) {
    const d = parts.department[k] as number;
    const need = parts.need[k] as number;
    const present = P.presentByDeptDay[d * P.days + day] as Int32Array;
    const n = present.length;
    const offset = offsets[k] as number;
    const limit = sample === Infinity ? -1 : sample + need * 2;
    const chosen = new Set(candidates.subarray(parts.from[k] as number, parts.to[k] as number));
    const base = booked.presentBase[d * P.days + day] as number;
    const scanned: number[] = [];
    let eligible = 0;
    for (let j = 0, at = offset; j < n && (limit < 0 || eligible < limit); j++, at = at + 1 === n ? 0 : at + 1) {
      const o = present[at] as number;
      const officer = P.officers[o] as COfficer;
      let status: number;
      if (chosen.has(o)) {
        status = 0;
        eligible++;
      } else if ((booked.presentLeft[base + at] as number) < length) status = 1;
      else if (ent.source.area !== undefined && officer.areas !== undefined && !officer.areas.has(ent.source.area)) status = 2;
      else if (officer.avoid.has(ent.id)) status = 3;
      else throw new Error(`team record: officer ${officer.id} passed the scan but is not a candidate`);
      const free = status === 0 && booked.isFree(o, day, start, start + length, enterprise) ? 1 : 0;
      scanned.push(o, status, state.officerLoad[o] as number, state.staffBonus[o] as number, free);
    }
    out.push({ department: d, need, present: n, offset, limit, scanned: Int32Array.from(scanned) });
  }
  return { start, parts: out, drawn: teams, swaps: [] };
}

/**
 * The record with one more swap: `out` left the team of `department` for `chosen`, the best of
 * the window of `windowSize` present officers from `offset`; `fits` says who was eligible.
 */
export function withSwap(state: PlanState, record: TeamRecord, visit: { day: number }, department: number, out: number, chosen: number, offset: number, windowSize: number, fits: (officer: number) => boolean): TeamRecord {
  const P = state.P;
  const present = P.presentByDeptDay[department * P.days + visit.day] as Int32Array;
  const n = present.length;
  const window: number[] = [];
  for (let j = 0; j < Math.min(n, windowSize); j++) {
    const c = present[(offset + j) % n] as number;
    window.push(c, state.officerLoad[c] as number, fits(c) ? 1 : 0);
  }
  const swap: SwapRecord = { department, out, outLoad: state.officerLoad[out] as number, in: chosen, present: n, offset, window: Int32Array.from(window) };
  return { ...record, swaps: [...record.swaps, swap] };
}
