/**
 * The planner's mutable state: placed visits, each enterprise's visits, cap tallies (cap-tallies.ts),
 * and each officer's bookings per day (officer-days.ts). `evaluate` checks a candidate visit against every hard rule
 * the state affects and returns a placement (not yet applied) or the rule that failed;
 * `commit` and `remove` are exact inverses, and every change between `mark()` and
 * `rollback(mark)` is journalled and undone exactly (`release(mark)` keeps it): every move is a
 * transaction.
 */
import { tallyKey, type CCap, type CEnterprise, type COccurrence, type CompiledProblem } from '../compile/problem.js';
import { CapTallies } from './cap-tallies.js';
import { hashString } from '../util/random.js';
import { OfficerDays } from './officer-days.js';
import { SAMPLE, Staffing } from './staffing.js';
import type { TeamRecord } from './team-record.js';

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
  /** How the teams were drawn, kept only when the plan is audited (`PlanState.auditTeams`). */
  audit?: TeamRecord | undefined;
}

export interface PlacedVisit extends Placement {
  key: number;
  /** The priority of its occurrences, summed (set when it is committed). */
  worth: number;
}

export type Failure =
  | { kind: 'enterprise-busy'; visit: number }
  | { kind: 'infeasible-day'; occurrence: number }
  | { kind: 'composition'; rule: 'exclusive' | 'duration' | 'departments' }
  | { kind: 'cap'; cap: number; key: number; department: number }
  | { kind: 'staff'; department: number };

export type Evaluation = { ok: true; placement: Placement } | { ok: false; failure: Failure };

export { dayList, sortSmall } from './arrays.js';

/** Failures of `evaluate` that carry nothing of their own (shared; never written to). */
const EXCLUSIVE: Evaluation = { ok: false, failure: { kind: 'composition', rule: 'exclusive' } };
const TOO_MANY_DEPARTMENTS: Evaluation = { ok: false, failure: { kind: 'composition', rule: 'departments' } };
const TOO_LONG: Evaluation = { ok: false, failure: { kind: 'composition', rule: 'duration' } };

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
  private readonly scratchKeys: number[] = [];
  /** The cap tallies: history and the plan's events, and the checks on them (cap-tallies.ts). */
  readonly tallies: CapTallies;
  /** Who goes: the staffing step of `evaluate` and its scratch (staffing.ts). */
  private readonly staffing: Staffing;
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
  /**
   * The undo journal (see `mark`): the visits committed (flag 1) and removed (flag 0) since the
   * outermost open mark, `journalLength` of them. Written only while a mark is open; the arrays
   * keep their storage between transactions (the hot loop allocates little).
   */
  private readonly journalVisits: PlacedVisit[] = [];
  private readonly journalAdded: number[] = [];
  private journalLength = 0;
  private openMarks = 0;
  /**
   * Plan visit ids carried by the state (`loadPlan`): by visit key, the id it had in the plan it
   * was loaded from, and every id of that plan (never given to a new visit). Empty for a plan
   * made from nothing (the report then numbers visits V1…Vn by day).
   */
  readonly visitIds: (string | undefined)[] = [];
  readonly reservedIds = new Set<string>();
  /**
   * The loaded plan's visits (ids of re-made visits follow them): `previousIds[k]` was at
   * `previousVisits[k]` — enterprise, day and occurrences as they were.
   */
  readonly previousIds: string[] = [];
  readonly previousVisits: { enterprise: number; day: number; occurrences: readonly number[] }[] = [];
  /**
   * Visits the search must leave exactly as they are (pinned, frozen, or in the past), by key.
   * Moves skip them; `commit`/`remove` do not look.
   */
  readonly fixed = new Set<number>();
  /**
   * Fixed visits (`replan`) hold what the compiled problem no longer has — occurrences the changed
   * scenario excludes or withdrew — or cannot hold at all (outside the horizon, an unknown
   * enterprise): the report writes them exactly as they were — by visit key (`verbatim`; the
   * state holds the part it knows, for caps and the officers' days), or whole (`passthrough`).
   */
  readonly verbatim: ({ id: string; enterpriseId: string; date: string; start: string; end: string; departmentIds: string[]; leadDepartmentId: string; occurrenceIds: string[]; inspectorIds: string[] } | undefined)[] = [];
  /** Occurrence ids the report must not list as unscheduled: held by fixed visits as they were, though the compiled problem does not have them. */
  readonly heldAsIs = new Set<string>();
  readonly passthrough: { id: string; enterpriseId: string; date: string; start: string; end: string; departmentIds: string[]; leadDepartmentId: string; occurrenceIds: string[]; inspectorIds: string[] }[] = [];
  /**
   * Visits loaded from a plan (`replan`) whose plan entry is exactly what the report would write
   * for them (canonical dates, times, order of ids, lead): by key, the placed visit as committed
   * and that entry. While the state still holds that placement (same arrays, day and times), the
   * report returns the entry itself instead of writing it again (the loaded plan is the replan's
   * own copy, read by `readPlan`).
   */
  readonly asLoaded: ({ placed: PlacedVisit; visit: { id: string; enterpriseId: string; date: string; start: string; end: string; departmentIds: string[]; leadDepartmentId: string; occurrenceIds: string[]; inspectorIds: string[] } } | undefined)[] = [];
  /** First horizon day that may change (`replan`: days before it are past or frozen); 0 otherwise. */
  firstFree = 0;
  /** Counts every change (`commit`, `remove`, undo): a cache of something computed from the state is valid while it is unchanged. */
  version = 0;
  /** `evaluate`'s cap failures by tally key (shared; never written to). */
  private readonly capFailures = new Map<number, Evaluation>();
  /**
   * The reasons of the last pass of `placeLeftovers` (which placed nothing), with the `version`
   * they are true of: the report reuses them while the state is unchanged.
   */
  leftoverReasons: { version: number; reasons: [number, unknown][] } | undefined;
  /** Officer index → a bonus that ranks him first in staffing (repairs keep the previous team); all zero otherwise. */
  readonly staffBonus: Int32Array;
  /** Each enterprise's lower bound over all its occurrences, once the search has computed it (the report reuses it). */
  enterpriseBounds: Int32Array | undefined;
  /** Running objective: total priority in visits, officers sent. */
  scheduledPriority = 0;
  personVisits = 0;
  /** hash(seed, officer id) and hash(seed, enterprise id): the labels of the seeded draws. */
  readonly officerHash: Uint32Array;
  readonly enterpriseHash: Uint32Array;
  /** Whether placements keep the record of how their teams were drawn (`plan`'s `audit` option; off: nothing is recorded). */
  auditTeams = false;

  constructor(P: CompiledProblem, seed: number) {
    this.P = P;
    this.seed = seed;
    this.officerHash = Uint32Array.from(P.officers, (o) => hashString(`${seed}\u0000officer\u0000${o.id}`));
    this.enterpriseHash = Uint32Array.from(P.enterprises, (e) => hashString(`${seed}\u0000enterprise\u0000${e.id}`));
    this.officerLoad = new Int32Array(P.officers.length);
    this.deptDayLoad = new Int32Array(P.departments.length * P.days);
    this.assigned = new Int32Array(P.occurrences.length).fill(-1);
    this.visitCount = new Int32Array(P.enterprises.length);
    this.staffBonus = new Int32Array(P.officers.length);
    this.booked = new OfficerDays(P);
    this.dayScratch = new Float64Array(P.days);
    this.entVisits = new Array<number[] | undefined>(P.enterprises.length).fill(undefined);
    this.tallies = new CapTallies(P);
    this.staffing = new Staffing(this);
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
    // By day (an insertion sort, stable as the comparator sort was: a handful, no scratch).
    for (let i = 1; i < out.length; i++) {
      const v = out[i] as PlacedVisit;
      let j = i - 1;
      while (j >= 0 && (out[j] as PlacedVisit).day > v.day) {
        out[j + 1] = out[j] as PlacedVisit;
        j--;
      }
      out[j + 1] = v;
    }
    return out;
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
    const parts = this.staffing.parts;
    parts.count = 0;
    for (const i of occurrences) {
      const o = P.occurrences[i] as COccurrence;
      if (!isFeasibleOn(o, day)) return { ok: false, failure: { kind: 'infeasible-day', occurrence: i } };
      if (o.exclusive && occurrences.length > 1) return EXCLUSIVE;
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
    if (parts.count > P.maxDepartments) return TOO_MANY_DEPARTMENTS;
    let length = 0;
    for (let k = 0; k < parts.count; k++) length = Math.max(length, parts.minutes[k] as number);
    if (length > ent.maxMinutes) return TOO_LONG;

    const grade = ent.source.riskGrade;
    // The tallies checked so far, in `scratchKeys[0…seen)` (a count, not a length: see `tallyDays`).
    const keys = this.scratchKeys;
    let seen = 0;
    for (const i of occurrences) {
      const o = P.occurrences[i] as COccurrence;
      for (const c of o.caps) {
        const cap = P.caps[c] as CCap;
        const department = cap.perEnterprise ? -1 : o.department;
        const key = tallyKey(c, entIdx, department, P.enterprises.length, P.departments.length);
        let known = false;
        for (let j = 0; j < seen && !known; j++) known = keys[j] === key;
        if (known) continue;
        keys[seen++] = key;
        if (!this.tallies.capAdmits(cap, cap.limitByGrade(grade), key, entIdx, P.day0 + day)) {
          // (One failure per tally, shared: where caps bind this is most evaluations.)
          let refused = this.capFailures.get(key);
          if (!refused) this.capFailures.set(key, (refused = { ok: false, failure: { kind: 'cap', cap: c, key, department } }));
          return refused;
        }
      }
    }

    parts.sortByDepartment();
    // Staff: first from a seeded sample of each department's officers present that day (a few
    // times the team size: picking the least loaded of a random few spreads the load well and
    // keeps this step short on large departments), then, if that fails, from all of them.
    const sampled = this.staffing.staff(ent, day, length, occurrences, SAMPLE);
    if (sampled.ok || !this.staffing.truncated || options?.sampleOnly === true) return sampled;
    return this.staffing.staff(ent, day, length, occurrences, Infinity);
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

  /**
   * Opens a transaction (they nest): every `commit` and `remove` until the matching `rollback`
   * or `release` is journalled. Returns the mark to pass to them.
   */
  mark(): number {
    this.openMarks++;
    return this.journalLength;
  }

  /** Undoes every change since `mark` (latest first) and closes that transaction. */
  rollback(mark: number): void {
    const visits = this.journalVisits;
    const added = this.journalAdded;
    while (this.journalLength > mark) {
      const at = --this.journalLength;
      const v = visits[at] as PlacedVisit;
      if (added[at] === 1) this.unapply(v.key);
      else this.apply(v, v.key);
    }
    this.release(mark);
  }

  /** Keeps the changes since `mark` and closes that transaction (an enclosing one can still undo them). */
  release(_mark: number): void {
    if (this.openMarks === 0) throw new Error('release without a mark');
    if (--this.openMarks === 0) this.journalLength = 0;
  }

  /** Whether a transaction is open. */
  get inTransaction(): boolean {
    return this.openMarks > 0;
  }

  private journal(v: PlacedVisit, added: number): void {
    const at = this.journalLength++;
    this.journalVisits[at] = v;
    this.journalAdded[at] = added;
  }

  /** Places a visit (under `key`, else a new key). Journalled inside a transaction. */
  commit(p: Placement, key = this.nextKey++): PlacedVisit {
    const v = this.apply(p, key);
    if (this.openMarks > 0) this.journal(v, 1);
    return v;
  }

  /** Takes a visit out. Journalled inside a transaction. */
  remove(key: number): PlacedVisit {
    const v = this.unapply(key);
    if (this.openMarks > 0) this.journal(v, 0);
    return v;
  }

  /** A key never used in this state (for visits committed with a key of their own choosing). */
  freshKey(): number {
    return this.nextKey++;
  }

  private apply(p: Placement, key: number): PlacedVisit {
    const P = this.P;
    if (key >= this.nextKey) this.nextKey = key + 1;
    this.version++;
    // A literal of one shape (a spread makes objects of varying shape, slower to read later).
    let worth = 0;
    for (const i of p.occurrences) {
      this.assigned[i] = key;
      worth += (P.occurrences[i] as COccurrence).priority;
    }
    this.scheduledPriority += worth;
    const v: PlacedVisit = { enterprise: p.enterprise, day: p.day, start: p.start, end: p.end, occurrences: p.occurrences, teams: p.teams, audit: p.audit, key, worth };
    this.visits.set(key, v);
    let visits = this.entVisits[p.enterprise];
    if (!visits) this.entVisits[p.enterprise] = visits = [];
    visits.push(p.day, key);
    (this.visitCount[p.enterprise] as number)++;
    for (const t of p.teams) {
      this.personVisits += t.officers.length;
      (this.deptDayLoad[t.department * P.days + p.day] as number)++;
      for (const o of t.officers) {
        this.booked.book(o, p.day, p.start, p.end, p.enterprise, key);
        (this.officerLoad[o] as number)++;
      }
    }
    this.tallies.add(p.enterprise, p.occurrences, p.day, key);
    return v;
  }

  private unapply(key: number): PlacedVisit {
    const P = this.P;
    this.version++;
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
    this.tallies.drop(v.enterprise, key);
    return v;
  }

  /** Puts a removed visit back exactly as it was (under its key). Journalled inside a transaction. */
  restore(v: PlacedVisit): void {
    this.commit(v, v.key);
  }
}
