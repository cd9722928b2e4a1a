/**
 * Who goes: for a visit being evaluated, a team per department — officers present, serving the
 * enterprise, with room that day and free at a common start (with travel), the least loaded
 * first with seeded ties (双随机). `PlanState.evaluate` fills the parts and calls `staff`; the
 * scratch here is reused from call to call, as this runs for every candidate visit.
 */
import type { CEnterprise, COfficer, CompiledProblem } from '../compile/problem.js';
import { mixKey } from '../util/random.js';
import { sortSmall } from './arrays.js';
import type { Evaluation, PlanState, Team } from './state.js';
import { recordStaffing } from './team-record.js';

/** Officers sampled per department before all are considered (plus twice the team size). */
export const SAMPLE = 10;

/** The departments' parts of the visit being evaluated, in reused arrays (see `evaluate`). */
export class Parts {
  count = 0;
  readonly department: number[] = [];
  readonly minutes: number[] = [];
  readonly need: number[] = [];
  readonly quals: (readonly string[])[] = [];
  /** Each part's ranked candidates: `candidates[from[k]…to[k])`. */
  readonly from: number[] = [];
  readonly to: number[] = [];

  /** Orders the parts by department (there are a handful: insertion sort). */
  sortByDepartment(): void {
    for (let i = 1; i < this.count; i++) {
      for (let j = i; j > 0 && (this.department[j - 1] as number) > (this.department[j] as number); j--) {
        for (const a of [this.department, this.minutes, this.need] as number[][]) [a[j - 1], a[j]] = [a[j] as number, a[j - 1] as number];
        [this.quals[j - 1], this.quals[j]] = [this.quals[j] as readonly string[], this.quals[j - 1] as readonly string[]];
      }
    }
  }
}

export class Staffing {
  private readonly P: CompiledProblem;
  private readonly state: PlanState;
  /** The departments' parts of the visit being evaluated (filled by `evaluate`). */
  readonly parts = new Parts();
  /** Candidate officers, flat, per part; a free list; sort keys. */
  private readonly candidates: Int32Array;
  private readonly free: Int32Array;
  private readonly rankKeys: Float64Array;
  /** Views of the first n rank keys, kept (a view is an object: one per length, not per sort). */
  private readonly rankViews: Float64Array[] = [];
  /** Distinct starts to try after the day's start, a free-start mask per candidate, counts per start. */
  private starts = new Int32Array(64);
  private readonly freeMasks: Int32Array;
  private readonly startCounts = new Int32Array(32);
  /** Whether the last `staff` call left officers out of its sample. */
  truncated = false;
  /** The teams of the last successful `attempt`, flat: part k's officers are `picked[pickedFrom[k]…pickedFrom[k + 1])`. */
  private readonly picked: Int32Array;
  private readonly pickedFrom: Int32Array;
  /** A failure per department, made once (evaluations are read, never changed). */
  private readonly staffFailures: Evaluation[] = [];
  /** The distinct qualifications of the part being staffed (`pickTeam`'s scratch). */
  private readonly distinct: string[] = [];
  /** The last `staff` call's sample and each part's seeded offset: what an audited plan records (team-record.ts). */
  private sample = 0;
  private readonly offsets: Int32Array;

  constructor(state: PlanState) {
    this.state = state;
    this.P = state.P;
    const n = state.P.officers.length;
    this.candidates = new Int32Array(n);
    this.free = new Int32Array(n);
    this.rankKeys = new Float64Array(Math.min(n, 4096));
    this.freeMasks = new Int32Array(n);
    this.picked = new Int32Array(n);
    this.pickedFrom = new Int32Array(state.P.departments.length + 1);
    this.offsets = new Int32Array(state.P.departments.length);
  }

  /** The failure that names a department short of officers. */
  private short(department: number): Evaluation {
    return (this.staffFailures[department] ??= { ok: false, failure: { kind: 'staff', department } });
  }

  /** Staffs the scratch parts; sets `truncated` when a sample left officers out. */
  staff(ent: CEnterprise, day: number, length: number, occurrences: readonly number[], sample: number): Evaluation {
    const P = this.P;
    const parts = this.parts;
    const entIdx = ent.index;
    const eh = this.state.enterpriseHash[entIdx] as number;
    const cand = this.candidates;
    this.truncated = false;
    this.sample = sample;
    const booked = this.state.booked;
    const left = booked.presentLeft;
    const areas = booked.presentAreas;
    const avoids = booked.avoids;
    const bit = booked.areaBit(entIdx);
    let used = 0;
    for (let k = 0; k < parts.count; k++) {
      const d = parts.department[k] as number;
      const need = parts.need[k] as number;
      // A day without room for this part fails at once (the scan below would find too few).
      if (this.state.booked.roomFor(d, day, length, entIdx) < need) return this.short(d);
      const present = P.presentByDeptDay[d * P.days + day] as Int32Array;
      const n = present.length;
      const limit = sample === Infinity ? n : sample + need * 2;
      const offset = n > 0 ? Math.floor(mixKey(eh, day, d + 7) * n) : 0;
      this.offsets[k] = offset;
      const from = used;
      // The present officers from a seeded offset, wrapping round: those serving the enterprise
      // with room for the visit (`admits` and `hasRoom`, read from the officer-days' flat lists).
      const base = booked.presentBase[d * P.days + day] as number;
      for (let j = 0, at = offset; j < n; j++, at = at + 1 === n ? 0 : at + 1) {
        if (used - from >= limit) {
          this.truncated = true;
          break;
        }
        if ((left[base + at] as number) < length) continue;
        const oi = present[at] as number;
        if (bit > 0 ? ((areas[base + at] as number) & bit) === 0 : bit < 0 && !booked.admits(oi, entIdx)) continue;
        if (avoids[oi] === 1 && !booked.admits(oi, entIdx)) continue;
        cand[used++] = oi;
      }
      if (used - from < need) return this.short(d);
      this.rankOfficers(from, used, entIdx, day);
      parts.from[k] = from;
      parts.to[k] = used;
    }
    // Usually the day's start works; otherwise try each moment a candidate becomes free.
    let result = length <= P.dayEnd - P.dayStart ? this.attempt(day, P.dayStart, length, entIdx) : (parts.department[0] as number);
    if (result < 0) return this.placed(entIdx, day, P.dayStart, length, occurrences);
    // The candidates' visits that day, copied once into local scratch (the attempts below read
    // them many times), and the moments they end (plus travel here): the starts to try.
    const ends = this.state.booked.gatherSlots(this.candidates, used, day, entIdx);
    if (ends.length > this.starts.length) this.starts = new Int32Array(ends.length * 2);
    const starts = this.starts;
    let m = 0;
    for (let i = 0; i < ends.length; i++) {
      const t = ends[i] as number;
      if ((m > 0 && starts[m - 1] === t) || t <= P.dayStart || t + length > P.dayEnd) continue;
      starts[m++] = t;
    }
    if (m > 32) {
      // Many distinct starts (rare): try each in turn.
      for (let i = 0; i < m; i++) {
        result = this.attempt(day, starts[i] as number, length, entIdx, true);
        if (result < 0) return this.placed(entIdx, day, starts[i] as number, length, occurrences);
      }
      return this.short(result);
    }
    // Which starts could work at all: every part needs `need` candidates free then. Each
    // candidate's free starts are a bit mask; only starts where every part has enough free
    // candidates are tried — the same first success as trying every start in order.
    const viable = this.viableStarts(m, length, entIdx);
    for (let i = 0; i < m; i++) {
      if (((viable >>> i) & 1) === 0) continue;
      result = this.attempt(day, starts[i] as number, length, entIdx, true);
      if (result < 0) return this.placed(entIdx, day, starts[i] as number, length, occurrences);
    }
    // The failure names what the last start lacked, as trying every start would have.
    if (m > 0 && ((viable >>> (m - 1)) & 1) === 0) {
      result = this.attempt(day, starts[m - 1] as number, length, entIdx, true);
      if (result < 0) return this.placed(entIdx, day, starts[m - 1] as number, length, occurrences);
    }
    return this.short(result);
  }

  /** The placement of the teams the last `attempt` picked. */
  private placed(enterprise: number, day: number, start: number, length: number, occurrences: readonly number[]): Evaluation {
    const parts = this.parts;
    const teams: Team[] = new Array<Team>(parts.count);
    for (let k = 0; k < parts.count; k++) {
      const from = this.pickedFrom[k] as number;
      const officers = new Array<number>((this.pickedFrom[k + 1] as number) - from);
      for (let j = 0; j < officers.length; j++) officers[j] = this.picked[from + j] as number;
      teams[k] = { department: parts.department[k] as number, officers: sortSmall(officers) };
    }
    const occs = sortSmall(occurrences.slice());
    // An audited plan keeps how the teams were drawn (nothing is recorded otherwise).
    const audit = this.state.auditTeams ? recordStaffing(this.state, parts, this.candidates, this.offsets, this.sample, enterprise, day, start, length, teams) : undefined;
    return { ok: true, placement: { enterprise, day, start, end: start + length, occurrences: occs, teams, audit } };
  }


  /**
   * A bit per start (`starts[0…m)`, m ≤ 32): set when every part has at least its `need`
   * candidates free from that start for `length` minutes (by the local slot scratch).
   */
  private viableStarts(m: number, length: number, entIdx: number): number {
    const P = this.P;
    const parts = this.parts;
    const starts = this.starts;
    const buf = this.state.booked.gathered;
    const from = this.state.booked.gatheredFrom;
    const to = this.state.booked.gatheredTo;
    const masks = this.freeMasks;
    const all = m === 32 ? -1 : (1 << m) - 1;
    for (let j = 0; j < (parts.to[parts.count - 1] as number); j++) {
      const oi = this.candidates[j] as number;
      let mask = all;
      for (let x = from[oi] as number; x < (to[oi] as number); x += 3) {
        const other = buf[x + 2] as number;
        const latest = (buf[x] as number) - length - P.travel(entIdx, other);
        const earliest = (buf[x + 1] as number) + P.travel(other, entIdx);
        // Busy from this visit: t + length + travel > its start and its end + travel > t.
        for (let i = 0; i < m; i++) {
          const t = starts[i] as number;
          if (t > latest && t < earliest) mask &= ~(1 << i);
        }
      }
      masks[j] = mask;
    }
    let viable = all;
    const counts = this.startCounts;
    for (let k = 0; k < parts.count; k++) {
      counts.fill(0);
      for (let j = parts.from[k] as number; j < (parts.to[k] as number); j++) {
        const mask = masks[j] as number;
        for (let i = 0; i < m; i++) if ((mask >>> i) & 1) (counts[i] as number)++;
      }
      let ok = 0;
      for (let i = 0; i < m; i++) if ((counts[i] as number) >= (parts.need[k] as number)) ok |= 1 << i;
      viable &= ok;
    }
    return viable;
  }


  /**
   * Teams for every part starting at `t`, into `picked`: −1, or the department of the first part
   * that has none.
   */
  private attempt(day: number, t: number, length: number, entIdx: number, local = false): number {
    const parts = this.parts;
    const cand = this.candidates;
    const free = this.free;
    let at = 0;
    for (let k = 0; k < parts.count; k++) {
      const need = parts.need[k] as number;
      const quals = parts.quals[k] as readonly string[];
      // Without qualifications the team is the first `need` free officers: stop there.
      const enough = quals.length === 0 ? need : Infinity;
      let n = 0;
      for (let j = parts.from[k] as number; j < (parts.to[k] as number) && n < enough; j++) {
        const oi = cand[j] as number;
        if (local ? this.state.booked.isFreeLocal(oi, t, t + length, entIdx) : this.state.booked.isFree(oi, day, t, t + length, entIdx)) free[n++] = oi;
      }
      this.pickedFrom[k] = at;
      const size = pickTeam(this.P.officers, free, n, need, quals, this.distinct, this.picked, at);
      if (size < 0) return parts.department[k] as number;
      at += size;
    }
    this.pickedFrom[parts.count] = at;
    return -1;
  }

  /**
   * `rankOfficers` for more candidates than the key scratch holds (a comparator sort; apart, as
   * its closure would cost every call a context): the same order — standing, the draw in 2^20
   * steps, then place in the list.
   */
  private rankMany(from: number, to: number, eh: number, day: number): void {
    const list = Array.from(this.candidates.subarray(from, to));
    const standing = list.map((o) => (this.state.officerLoad[o] as number) - (this.state.staffBonus[o] as number));
    const draw = list.map((o) => Math.floor(mixKey(this.state.officerHash[o] as number, eh, day) * 1048576));
    const order = list.map((_, i) => i).sort((a, b) => (standing[a] as number) - (standing[b] as number) || (draw[a] as number) - (draw[b] as number) || a - b);
    for (let i = 0; i < order.length; i++) this.candidates[from + i] = list[order[i] as number] as number;
  }

  /**
   * Ranks `candidates[from…to)` in place: least-loaded first (spreads work evenly), ties drawn
   * at random from the seed (双随机).
   */
  private rankOfficers(from: number, to: number, entIdx: number, day: number): void {
    // One numeric key per officer — load, then a seeded draw, then its place in the list — sorted
    // as a typed array (no comparator), since this runs for every candidate visit.
    const cand = this.candidates;
    const eh = this.state.enterpriseHash[entIdx] as number;
    const n = to - from;
    if (n > 4096) return this.rankMany(from, to, eh, day);
    const keys = this.rankKeys;
    // Zero but for the officers a repair wants to keep (`PlanState.staffBonus`): they rank first.
    const bonus = this.state.staffBonus;
    if (n <= 32) {
      // Few candidates (the sampled case): an insertion sort of the keys, carrying the officers.
      for (let i = 0; i < n; i++) {
        const o = cand[from + i] as number;
        const draw = Math.floor(mixKey(this.state.officerHash[o] as number, eh, day) * 1048576);
        const key = (((this.state.officerLoad[o] as number) - (bonus[o] as number)) * 1048576 + draw) * 4096 + i;
        let j = i - 1;
        while (j >= 0 && (keys[j] as number) > key) {
          keys[j + 1] = keys[j] as number;
          cand[from + j + 1] = cand[from + j] as number;
          j--;
        }
        keys[j + 1] = key;
        cand[from + j + 1] = o;
      }
      return;
    }
    const list = this.free;
    for (let i = 0; i < n; i++) {
      const o = cand[from + i] as number;
      list[i] = o;
      const draw = Math.floor(mixKey(this.state.officerHash[o] as number, eh, day) * 1048576);
      keys[i] = (((this.state.officerLoad[o] as number) - (bonus[o] as number)) * 1048576 + draw) * 4096 + i;
    }
    const sorted = (this.rankViews[n] ??= keys.subarray(0, n)).sort();
    for (let i = 0; i < n; i++) {
      const key = sorted[i] as number;
      cand[from + i] = list[key - Math.floor(key / 4096) * 4096] as number;
    }
  }
}

/**
 * A team of at least `need` officers holding every qualification, from the first `n` of
 * `ranked` (officer indices, best first), written to `out` from `at` on: its size, or −1 when
 * there is none. While a qualification is missing, the officer holding most of the missing ones
 * joins (the first such in rank order); then the best ranked others until there are `need`.
 * `distinct` is scratch for the distinct qualifications (the team is chosen without allocating,
 * as this runs for every candidate start).
 */
function pickTeam(officers: readonly COfficer[], ranked: Int32Array, n: number, need: number, quals: readonly string[], distinct: string[], out: Int32Array, at: number): number {
  if (n < need) return -1;
  if (quals.length === 0) {
    for (let j = 0; j < need; j++) out[at + j] = ranked[j] as number;
    return need;
  }
  // The distinct qualifications in `distinct[0…left)`, by count (setting the scratch's length to 0 would drop its storage).
  let left = 0;
  for (const q of quals) {
    let known = false;
    for (let x = 0; x < left && !known; x++) known = distinct[x] === q;
    if (!known) distinct[left++] = q;
  }
  let size = 0;
  // Those still missing stay in distinct[0…left).
  while (left > 0) {
    let best = -1;
    let bestGain = 0;
    for (let j = 0; j < n; j++) {
      const o = ranked[j] as number;
      if (holds(out, at, size, o)) continue;
      const held = (officers[o] as COfficer).qualifications;
      let gain = 0;
      for (let q = 0; q < left; q++) if (held.has(distinct[q] as string)) gain++;
      if (gain > bestGain) {
        best = o;
        bestGain = gain;
      }
    }
    if (best < 0) return -1;
    out[at + size++] = best;
    const held = (officers[best] as COfficer).qualifications;
    for (let q = 0; q < left; ) {
      if (held.has(distinct[q] as string)) distinct[q] = distinct[--left] as string;
      else q++;
    }
  }
  for (let j = 0; j < n && size < need; j++) {
    const o = ranked[j] as number;
    if (!holds(out, at, size, o)) out[at + size++] = o;
  }
  return size >= need ? size : -1;
}

/** Whether `out[at…at + size)` holds officer `o`. */
function holds(out: Int32Array, at: number, size: number, o: number): boolean {
  for (let x = 0; x < size; x++) if (out[at + x] === o) return true;
  return false;
}
