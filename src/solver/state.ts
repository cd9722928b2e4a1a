/**
 * The planner's mutable state: placed visits, each enterprise's visits, cap tallies, and each
 * officer's bookings per day (officer-days.ts). `evaluate` checks a candidate visit against every hard rule
 * the state affects and returns a placement (not yet applied) or the rule that failed;
 * `commit` and `remove` are exact inverses, so every move can be undone.
 */
import { tallyAdmits } from '../compile/caps.js';
import { enterpriseOfTally, tallyKey, type CCap, type CEnterprise, type COccurrence, type COfficer, type CompiledProblem } from '../compile/problem.js';
import { hashString, mixKey } from '../util/random.js';
import { formatDay } from '../calendar/civil.js';
import { OfficerDays } from './officer-days.js';

export interface Team {
  department: number;
  officers: number[];
}

export interface Placement {
  enterprise: number;
  day: number;
  start: number;
  end: number;
  occurrences: number[];
  teams: Team[];
}

export interface PlacedVisit extends Placement {
  key: number;
}

export type Failure =
  | { kind: 'enterprise-busy'; visit: number }
  | { kind: 'infeasible-day'; occurrence: number }
  | { kind: 'composition'; rule: 'exclusive' | 'duration' | 'departments' }
  | { kind: 'cap'; cap: number; key: number; department: number }
  | { kind: 'staff'; department: number };

export type Evaluation = { ok: true; placement: Placement } | { ok: false; failure: Failure };

/** The departments' parts of the visit being evaluated, in reused arrays (see `evaluate`). */
class Parts {
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

const NO_EVENTS: readonly { day: number }[] = [];

/** Officers sampled per department before all are considered (plus twice the team size). */
const SAMPLE = 10;

/** A day list as a plain array, copied by index (`Array.from` on a typed array goes through an iterator). */
export function dayList(days: Int32Array): number[] {
  const out = new Array<number>(days.length);
  for (let i = 0; i < days.length; i++) out[i] = days[i] as number;
  return out;
}

/** Sorts a short array of numbers ascending in place (insertion sort: no comparator calls, no scratch). */
export function sortSmall(a: number[]): number[] {
  for (let i = 1; i < a.length; i++) {
    const x = a[i] as number;
    let j = i - 1;
    while (j >= 0 && (a[j] as number) > x) {
      a[j + 1] = a[j] as number;
      j--;
    }
    a[j + 1] = x;
  }
  return a;
}

export function isFeasibleOn(o: COccurrence, day: number): boolean {
  const f = o.feasible;
  let lo = 0;
  let hi = f.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = f[mid] as number;
    if (v === day) return true;
    if (v < day) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

export class PlanState {
  readonly P: CompiledProblem;
  readonly seed: number;
  readonly visits = new Map<number, PlacedVisit>();
  /** enterprise → its visits as a flat list: day, visit key (two numbers each; enterprises have a few visits). */
  private readonly entVisits: (number[] | undefined)[];
  readonly officerLoad: Int32Array;
  /** department × days + day → visits of that department that day */
  readonly deptDayLoad: Int32Array;
  /** enterprise → plan events of its tallies as a flat list: tally key, horizon day, visit key (three numbers each) */
  private readonly capEvents: (number[] | undefined)[];
  /** enterprise → 1 when some history counts for one of its tallies. */
  private readonly hasHistory: Uint8Array;
  private readonly scratchDays: number[] = [];
  private readonly scratchKeys: number[] = [];
  /** Scratch of `evaluate`: the parts, candidate officers (flat, per part), a free list, sort keys. */
  private readonly parts = new Parts();
  private readonly candidates: Int32Array;
  private readonly free: Int32Array;
  private readonly rankKeys: Float64Array;
  /** Distinct starts to try after the day's start, a free-start mask per candidate, counts per start. */
  private starts = new Int32Array(64);
  private readonly freeMasks: Int32Array;
  private readonly startCounts = new Int32Array(32);
  /** Whether the last `staff` call left officers out of its sample. */
  private truncated = false;
  /** What each officer has booked each day (room, times, admission): see officer-days.ts. */
  readonly booked: OfficerDays;
  private scores = new Float64Array(64);
  /** One number per horizon day, all zero between uses (construction's day scores). */
  readonly dayScratch: Float64Array;
  /** occurrence → visit key, or −1 */
  readonly assigned: Int32Array;
  /** enterprise → number of its visits */
  readonly visitCount: Int32Array;
  private nextKey = 1;
  /** Each enterprise's lower bound over all its occurrences, once the search has computed it (the report reuses it). */
  enterpriseBounds: Int32Array | undefined;
  /** Running objective: total priority in visits, officers sent. */
  scheduledPriority = 0;
  personVisits = 0;
  /** hash(seed, officer id) and hash(seed, enterprise id): the labels of the seeded draws. */
  readonly officerHash: Uint32Array;
  readonly enterpriseHash: Uint32Array;

  constructor(P: CompiledProblem, seed: number) {
    this.P = P;
    this.seed = seed;
    this.officerHash = Uint32Array.from(P.officers, (o) => hashString(`${seed}\u0000officer\u0000${o.id}`));
    this.enterpriseHash = Uint32Array.from(P.enterprises, (e) => hashString(`${seed}\u0000enterprise\u0000${e.id}`));
    this.officerLoad = new Int32Array(P.officers.length);
    this.deptDayLoad = new Int32Array(P.departments.length * P.days);
    this.assigned = new Int32Array(P.occurrences.length).fill(-1);
    this.visitCount = new Int32Array(P.enterprises.length);
    this.booked = new OfficerDays(P);
    this.candidates = new Int32Array(P.officers.length);
    this.freeMasks = new Int32Array(P.officers.length);
    this.free = new Int32Array(P.officers.length);
    this.rankKeys = new Float64Array(Math.min(P.officers.length, 4096));
    this.dayScratch = new Float64Array(P.days);
    this.entVisits = new Array<number[] | undefined>(P.enterprises.length).fill(undefined);
    this.capEvents = new Array<number[] | undefined>(P.enterprises.length).fill(undefined);
    this.hasHistory = new Uint8Array(P.enterprises.length);
    for (const key of P.history.keys()) this.hasHistory[enterpriseOfTally(key, P.enterprises.length, P.departments.length)] = 1;
  }

  visitAt(enterprise: number, day: number): number | undefined {
    const list = this.entVisits[enterprise];
    if (list) for (let i = 0; i < list.length; i += 2) if (list[i] === day) return list[i + 1] as number;
    return undefined;
  }

  /** Visits at an enterprise, by day. */
  visitsOf(enterprise: number): PlacedVisit[] {
    const out: PlacedVisit[] = [];
    for (const o of this.P.enterprises[enterprise]?.occurrences ?? []) {
      const k = this.assigned[o] as number;
      if (k >= 0) {
        const v = this.visits.get(k) as PlacedVisit;
        if (!out.includes(v)) out.push(v);
      }
    }
    return out.sort((a, b) => a.day - b.day);
  }

  /** Plan events of a tally plus history, as absolute day numbers (a scratch array: use it at once). */
  tallyDays(key: number): number[] {
    const days = this.scratchDays;
    days.length = 0;
    const enterprise = enterpriseOfTally(key, this.P.enterprises.length, this.P.departments.length);
    if (this.hasHistory[enterprise] === 1) for (const h of this.P.history.get(key) ?? NO_EVENTS) days.push(h.day);
    const events = this.capEvents[enterprise];
    if (events) for (let i = 0; i < events.length; i += 3) if (events[i] === key) days.push(this.P.day0 + (events[i + 1] as number));
    return days;
  }

  tallyEvents(key: number): { date: string; visit?: number }[] {
    const out: { date: string; visit?: number; day: number }[] = [];
    for (const h of this.P.history.get(key) ?? []) out.push({ date: h.date, day: h.day });
    const events = this.capEvents[enterpriseOfTally(key, this.P.enterprises.length, this.P.departments.length)] ?? [];
    for (let i = 0; i < events.length; i += 3) {
      if (events[i] !== key) continue;
      const day = this.P.day0 + (events[i + 1] as number);
      out.push({ date: formatDay(day), visit: events[i + 2] as number, day });
    }
    return out.sort((a, b) => a.day - b.day);
  }

  /** The cap tallies a visit of these occurrences counts for. */
  capKeys(enterprise: number, occurrences: readonly number[]): { cap: number; key: number; department: number }[] {
    const keys: { cap: number; key: number; department: number }[] = [];
    const P = this.P;
    for (const i of occurrences) {
      const o = P.occurrences[i] as COccurrence;
      for (const c of o.caps) {
        const department = P.caps[c]?.perEnterprise ? -1 : o.department;
        const key = tallyKey(c, enterprise, department, P.enterprises.length, P.departments.length);
        if (!keys.some((k) => k.key === key)) keys.push({ cap: c, key, department });
      }
    }
    return keys;
  }

  /** Checks a visit of `occurrences` at their enterprise on `day`; does not change the state. */
  evaluate(occurrences: readonly number[], day: number, options?: { ignoreEnterpriseBusy?: boolean; sampleOnly?: boolean }): Evaluation {
    const P = this.P;
    const first = P.occurrences[occurrences[0] as number] as COccurrence;
    const entIdx = first.enterprise;
    const ent = P.enterprises[entIdx] as CEnterprise;
    if (options?.ignoreEnterpriseBusy !== true) {
      const busy = this.visitAt(entIdx, day);
      if (busy !== undefined) return { ok: false, failure: { kind: 'enterprise-busy', visit: busy } };
    }
    // Each department's part — minutes, team size, qualifications — in the scratch part arrays
    // (this runs for every candidate visit, so it allocates nothing on the way).
    const parts = this.parts;
    parts.count = 0;
    for (const i of occurrences) {
      const o = P.occurrences[i] as COccurrence;
      if (!isFeasibleOn(o, day)) return { ok: false, failure: { kind: 'infeasible-day', occurrence: i } };
      if (o.exclusive && occurrences.length > 1) return { ok: false, failure: { kind: 'composition', rule: 'exclusive' } };
      let k = 0;
      while (k < parts.count && parts.department[k] !== o.department) k++;
      if (k < parts.count) {
        (parts.minutes[k] as number) += o.minutes;
        parts.need[k] = Math.max(parts.need[k] as number, o.need);
        if (o.qualifications.length > 0) parts.quals[k] = [...(parts.quals[k] as readonly string[]), ...o.qualifications];
      } else {
        parts.department[k] = o.department;
        parts.minutes[k] = o.minutes;
        parts.need[k] = o.need;
        parts.quals[k] = o.qualifications;
        parts.count++;
      }
    }
    if (parts.count > P.maxDepartments) return { ok: false, failure: { kind: 'composition', rule: 'departments' } };
    let length = 0;
    for (let k = 0; k < parts.count; k++) length = Math.max(length, parts.minutes[k] as number);
    if (length > ent.maxMinutes) return { ok: false, failure: { kind: 'composition', rule: 'duration' } };

    const grade = ent.source.riskGrade;
    const seen = this.scratchKeys;
    seen.length = 0;
    for (const i of occurrences) {
      const o = P.occurrences[i] as COccurrence;
      for (const c of o.caps) {
        const cap = P.caps[c] as CCap;
        const department = cap.perEnterprise ? -1 : o.department;
        const key = tallyKey(c, entIdx, department, P.enterprises.length, P.departments.length);
        if (seen.includes(key)) continue;
        seen.push(key);
        if (!tallyAdmits(cap, cap.limitByGrade(grade), this.tallyDays(key), P.day0 + day)) {
          return { ok: false, failure: { kind: 'cap', cap: c, key, department } };
        }
      }
    }

    parts.sortByDepartment();
    // Staff: first from a seeded sample of each department's officers present that day (a few
    // times the team size: picking the least loaded of a random few spreads the load well and
    // keeps this step short on large departments), then, if that fails, from all of them.
    const sampled = this.staff(ent, day, length, occurrences, SAMPLE);
    if (sampled.ok || !this.truncated || options?.sampleOnly === true) return sampled;
    return this.staff(ent, day, length, occurrences, Infinity);
  }

  /** Staffs the scratch parts; sets `truncated` when a sample left officers out. */
  private staff(ent: CEnterprise, day: number, length: number, occurrences: readonly number[], sample: number): Evaluation {
    const P = this.P;
    const parts = this.parts;
    const entIdx = ent.index;
    const eh = this.enterpriseHash[entIdx] as number;
    const cand = this.candidates;
    this.truncated = false;
    let used = 0;
    for (let k = 0; k < parts.count; k++) {
      const d = parts.department[k] as number;
      const need = parts.need[k] as number;
      // A day without room for this part fails at once (the scan below would find too few).
      if (this.booked.roomFor(d, day, length, entIdx) < need) return { ok: false, failure: { kind: 'staff', department: d } };
      const present = P.presentByDeptDay[d * P.days + day] as Int32Array;
      const n = present.length;
      const limit = sample === Infinity ? n : sample + need * 2;
      const offset = n > 0 ? Math.floor(mixKey(eh, day, d + 7) * n) : 0;
      const from = used;
      for (let j = 0; j < n; j++) {
        if (used - from >= limit) {
          this.truncated = true;
          break;
        }
        const oi = present[(offset + j) % n] as number;
        if (!this.booked.admits(oi, entIdx) || !this.booked.hasRoom(oi, day, length)) continue;
        cand[used++] = oi;
      }
      if (used - from < need) return { ok: false, failure: { kind: 'staff', department: d } };
      this.rankOfficers(from, used, entIdx, day);
      parts.from[k] = from;
      parts.to[k] = used;
    }
    // Usually the day's start works; otherwise try each moment a candidate becomes free.
    let result = length <= P.dayEnd - P.dayStart ? this.attempt(day, P.dayStart, length, entIdx) : (parts.department[0] as number);
    if (typeof result !== 'number') return this.placed(entIdx, day, P.dayStart, length, occurrences, result);
    // The candidates' visits that day, copied once into local scratch (the attempts below read
    // them many times), and the moments they end (plus travel here): the starts to try.
    const ends = this.booked.gatherSlots(this.candidates, used, day, entIdx);
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
        if (typeof result !== 'number') return this.placed(entIdx, day, starts[i] as number, length, occurrences, result);
      }
      return { ok: false, failure: { kind: 'staff', department: result } };
    }
    // Which starts could work at all: every part needs `need` candidates free then. Each
    // candidate's free starts are a bit mask; only starts where every part has enough free
    // candidates are tried — the same first success as trying every start in order.
    const viable = this.viableStarts(m, length, entIdx);
    for (let i = 0; i < m; i++) {
      if (((viable >>> i) & 1) === 0) continue;
      result = this.attempt(day, starts[i] as number, length, entIdx, true);
      if (typeof result !== 'number') return this.placed(entIdx, day, starts[i] as number, length, occurrences, result);
    }
    // The failure names what the last start lacked, as trying every start would have.
    if (m > 0 && ((viable >>> (m - 1)) & 1) === 0) {
      result = this.attempt(day, starts[m - 1] as number, length, entIdx, true);
      if (typeof result !== 'number') return this.placed(entIdx, day, starts[m - 1] as number, length, occurrences, result);
    }
    return { ok: false, failure: { kind: 'staff', department: result } };
  }

  private placed(enterprise: number, day: number, start: number, length: number, occurrences: readonly number[], teams: Team[]): Evaluation {
    const occs = sortSmall(occurrences.slice());
    return { ok: true, placement: { enterprise, day, start, end: start + length, occurrences: occs, teams } };
  }


  /**
   * A bit per start (`starts[0…m)`, m ≤ 32): set when every part has at least its `need`
   * candidates free from that start for `length` minutes (by the local slot scratch).
   */
  private viableStarts(m: number, length: number, entIdx: number): number {
    const P = this.P;
    const parts = this.parts;
    const starts = this.starts;
    const buf = this.booked.gathered;
    const from = this.booked.gatheredFrom;
    const to = this.booked.gatheredTo;
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


  /** Teams for every part starting at `t`, or the department of the first part that has none. */
  private attempt(day: number, t: number, length: number, entIdx: number, local = false): Team[] | number {
    const parts = this.parts;
    const cand = this.candidates;
    const free = this.free;
    const teams: Team[] = [];
    for (let k = 0; k < parts.count; k++) {
      const need = parts.need[k] as number;
      const quals = parts.quals[k] as readonly string[];
      // Without qualifications the team is the first `need` free officers: stop there.
      const enough = quals.length === 0 ? need : Infinity;
      let n = 0;
      for (let j = parts.from[k] as number; j < (parts.to[k] as number) && n < enough; j++) {
        const oi = cand[j] as number;
        if (local ? this.booked.isFreeLocal(oi, t, t + length, entIdx) : this.booked.isFree(oi, day, t, t + length, entIdx)) free[n++] = oi;
      }
      const team = pickTeam(this.P.officers, free, n, need, quals);
      if (!team) return parts.department[k] as number;
      teams.push({ department: parts.department[k] as number, officers: team });
    }
    return teams;
  }

  /**
   * Ranks `candidates[from…to)` in place: least-loaded first (spreads work evenly), ties drawn
   * at random from the seed (双随机).
   */
  private rankOfficers(from: number, to: number, entIdx: number, day: number): void {
    // One numeric key per officer — load, then a seeded draw, then its place in the list — sorted
    // as a typed array (no comparator), since this runs for every candidate visit.
    const cand = this.candidates;
    const eh = this.enterpriseHash[entIdx] as number;
    const n = to - from;
    if (n > 4096) {
      const key = (o: number) => (this.officerLoad[o] as number) + mixKey(this.officerHash[o] as number, eh, day);
      const sorted = Array.from(cand.subarray(from, to)).sort((a, b) => key(a) - key(b) || a - b);
      cand.set(sorted, from);
      return;
    }
    const keys = this.rankKeys;
    if (n <= 32) {
      // Few candidates (the sampled case): an insertion sort of the keys, carrying the officers.
      for (let i = 0; i < n; i++) {
        const o = cand[from + i] as number;
        const draw = Math.floor(mixKey(this.officerHash[o] as number, eh, day) * 1048576);
        const key = ((this.officerLoad[o] as number) * 1048576 + draw) * 4096 + i;
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
      const draw = Math.floor(mixKey(this.officerHash[o] as number, eh, day) * 1048576);
      keys[i] = ((this.officerLoad[o] as number) * 1048576 + draw) * 4096 + i;
    }
    const sorted = keys.subarray(0, n).sort();
    for (let i = 0; i < n; i++) {
      const key = sorted[i] as number;
      cand[from + i] = list[key - Math.floor(key / 4096) * 4096] as number;
    }
  }



  /** A reused array of at least `n` numbers for day scores (construction): valid until the next call. */
  scoreScratch(n: number): Float64Array {
    if (this.scores.length < n) this.scores = new Float64Array(Math.max(n, this.scores.length * 2));
    return this.scores;
  }






  /** Whether an officer serves an enterprise (area) and does not recuse himself there. */
  admits(officer: number, enterprise: number): boolean {
    return this.booked.admits(officer, enterprise);
  }

  /** Whether an officer can take one more visit of `length` minutes that day (count and minutes). */
  hasRoom(officer: number, day: number, length: number): boolean {
    return this.booked.hasRoom(officer, day, length);
  }

  /** Whether an officer is free from `start` to `end` at an enterprise that day, with travel time. */
  isFree(officer: number, day: number, start: number, end: number, ent: number): boolean {
    return this.booked.isFree(officer, day, start, end, ent);
  }

  commit(p: Placement, key = this.nextKey++): PlacedVisit {
    const P = this.P;
    // A literal of one shape (a spread makes objects of varying shape, slower to read later).
    const v: PlacedVisit = { enterprise: p.enterprise, day: p.day, start: p.start, end: p.end, occurrences: p.occurrences, teams: p.teams, key };
    this.visits.set(key, v);
    let visits = this.entVisits[p.enterprise];
    if (!visits) this.entVisits[p.enterprise] = visits = [];
    visits.push(p.day, key);
    (this.visitCount[p.enterprise] as number)++;
    for (const i of p.occurrences) {
      this.assigned[i] = key;
      this.scheduledPriority += (P.occurrences[i] as COccurrence).priority;
    }
    for (const t of p.teams) {
      this.personVisits += t.officers.length;
      (this.deptDayLoad[t.department * P.days + p.day] as number)++;
      for (const o of t.officers) {
        this.booked.book(o, p.day, p.start, p.end, p.enterprise, key);
        (this.officerLoad[o] as number)++;
      }
    }
    const keys = this.capKeys(p.enterprise, p.occurrences);
    if (keys.length > 0) {
      let events = this.capEvents[p.enterprise];
      if (!events) this.capEvents[p.enterprise] = events = [];
      for (const c of keys) events.push(c.key, p.day, key);
    }
    return v;
  }

  remove(key: number): PlacedVisit {
    const P = this.P;
    const v = this.visits.get(key);
    if (!v) throw new Error(`no visit ${key}`);
    this.visits.delete(key);
    const visits = this.entVisits[v.enterprise] as number[];
    for (let i = 0; i < visits.length; i += 2) {
      if (visits[i + 1] === key) {
        visits.splice(i, 2);
        break;
      }
    }
    if (visits.length === 0) this.entVisits[v.enterprise] = undefined;
    (this.visitCount[v.enterprise] as number)--;
    for (const i of v.occurrences) {
      this.assigned[i] = -1;
      this.scheduledPriority -= (P.occurrences[i] as COccurrence).priority;
    }
    for (const t of v.teams) {
      this.personVisits -= t.officers.length;
      (this.deptDayLoad[t.department * P.days + v.day] as number)--;
      for (const o of t.officers) {
        this.booked.unbook(o, v.day, v.start, v.end, key);
        (this.officerLoad[o] as number)--;
      }
    }
    const events = this.capEvents[v.enterprise];
    if (events) {
      let w = 0;
      for (let i = 0; i < events.length; i += 3) {
        if (events[i + 2] === key) continue;
        events[w++] = events[i] as number;
        events[w++] = events[i + 1] as number;
        events[w++] = events[i + 2] as number;
      }
      events.length = w;
      if (w === 0) this.capEvents[v.enterprise] = undefined;
    }
    return v;
  }

  /** Puts a removed visit back exactly as it was. */
  restore(v: PlacedVisit): void {
    this.commit(v, v.key);
  }
}

/**
 * A team of at least `need` officers holding every qualification, or undefined: from the first
 * `n` of `ranked` (officer indices, best first), as ascending indices.
 */
function pickTeam(officers: readonly COfficer[], ranked: Int32Array, n: number, need: number, quals: readonly string[]): number[] | undefined {
  if (n < need) return undefined;
  if (quals.length === 0) {
    const team = new Array<number>(need);
    for (let j = 0; j < need; j++) team[j] = ranked[j] as number;
    return sortSmall(team);
  }
  const team: number[] = [];
  const missing = new Set(quals);
  while (missing.size > 0) {
    let best = -1;
    let bestGain = 0;
    for (let j = 0; j < n; j++) {
      const o = ranked[j] as number;
      if (team.includes(o)) continue;
      const held = (officers[o] as COfficer).qualifications;
      let gain = 0;
      for (const q of missing) if (held.has(q)) gain++;
      if (gain > bestGain) {
        best = o;
        bestGain = gain;
      }
    }
    if (best < 0) return undefined;
    team.push(best);
    for (const q of (officers[best] as COfficer).qualifications) missing.delete(q);
  }
  for (let j = 0; j < n && team.length < need; j++) {
    const o = ranked[j] as number;
    if (!team.includes(o)) team.push(o);
  }
  return team.length >= need ? sortSmall(team) : undefined;
}
