/**
 * The planner's mutable state: placed visits, each enterprise's visit per day, each officer's
 * timetable per day, cap tallies. `evaluate` checks a candidate visit against every hard rule
 * the state affects and returns a placement (not yet applied) or the rule that failed;
 * `commit` and `remove` are exact inverses, so every move can be undone.
 */
import { officerAdmits } from '../compile/staff-funnel.js';
import { tallyAdmits } from '../compile/caps.js';
import { tallyKey, type CCap, type CEnterprise, type COccurrence, type COfficer, type CompiledProblem } from '../compile/problem.js';
import { hashString, mixKey } from '../util/random.js';
import { formatDay } from '../calendar/civil.js';

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

interface Slot {
  start: number;
  end: number;
  enterprise: number;
  visit: number;
}

interface Part {
  department: number;
  minutes: number;
  need: number;
  quals: readonly string[];
}

/** Officers sampled per department before all are considered (plus twice the team size). */
const SAMPLE = 10;

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
  /** enterprise × days + day → visit key */
  private readonly entDay = new Map<number, number>();
  /** officer × days + day → that day's slots, by start (an array: this is read for every candidate officer) */
  private readonly officerDay: (Slot[] | undefined)[];
  readonly officerLoad: Int32Array;
  /** department × days + day → visits of that department that day */
  readonly deptDayLoad: Int32Array;
  /** tally key → plan events (absolute day, visit key) */
  private readonly capEvents = new Map<number, { day: number; visit: number }[]>();
  private readonly scratchDays: number[] = [];
  private readonly scratchKeys: number[] = [];
  /** occurrence → visit key, or −1 */
  readonly assigned: Int32Array;
  /** enterprise → number of its visits */
  readonly visitCount: Int32Array;
  private nextKey = 1;
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
    this.officerDay = new Array<Slot[] | undefined>(P.officers.length * P.days).fill(undefined);
  }

  visitAt(enterprise: number, day: number): number | undefined {
    return this.entDay.get(enterprise * this.P.days + day);
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
    for (const h of this.P.history.get(key) ?? []) days.push(h.day);
    for (const e of this.capEvents.get(key) ?? []) days.push(this.P.day0 + e.day);
    return days;
  }

  tallyEvents(key: number): { date: string; visit?: number }[] {
    const out: { date: string; visit?: number; day: number }[] = [];
    for (const h of this.P.history.get(key) ?? []) out.push({ date: h.date, day: h.day });
    for (const e of this.capEvents.get(key) ?? []) out.push({ date: formatDay(this.P.day0 + e.day), visit: e.visit, day: this.P.day0 + e.day });
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
  evaluate(occurrences: readonly number[], day: number, options: { ignoreEnterpriseBusy?: boolean; sampleOnly?: boolean } = {}): Evaluation {
    const P = this.P;
    const first = P.occurrences[occurrences[0] as number] as COccurrence;
    const entIdx = first.enterprise;
    const ent = P.enterprises[entIdx] as CEnterprise;
    if (!options.ignoreEnterpriseBusy) {
      const busy = this.visitAt(entIdx, day);
      if (busy !== undefined) return { ok: false, failure: { kind: 'enterprise-busy', visit: busy } };
    }
    // Each department's part: minutes, team size, qualifications (small parallel arrays, as this runs for every candidate visit).
    const parts: Part[] = [];
    for (const i of occurrences) {
      const o = P.occurrences[i] as COccurrence;
      if (!isFeasibleOn(o, day)) return { ok: false, failure: { kind: 'infeasible-day', occurrence: i } };
      if (o.exclusive && occurrences.length > 1) return { ok: false, failure: { kind: 'composition', rule: 'exclusive' } };
      const part = parts.find((p) => p.department === o.department);
      if (part) {
        part.minutes += o.minutes;
        part.need = Math.max(part.need, o.need);
        if (o.qualifications.length > 0) part.quals = [...part.quals, ...o.qualifications];
      } else parts.push({ department: o.department, minutes: o.minutes, need: o.need, quals: o.qualifications });
    }
    if (parts.length > P.maxDepartments) return { ok: false, failure: { kind: 'composition', rule: 'departments' } };
    let length = 0;
    for (const p of parts) length = Math.max(length, p.minutes);
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

    parts.sort((a, b) => a.department - b.department);
    const occs = [...occurrences].sort((a, b) => a - b);
    // Staff: first from a seeded sample of each department's officers present that day (a few
    // times the team size: picking the least loaded of a random few spreads the load well and
    // keeps this step short on large departments), then, if that fails, from all of them.
    const sampled = this.staff(parts, ent, day, length, occs, SAMPLE);
    if (sampled.ok || !sampled.truncated || options.sampleOnly) return sampled.result;
    return this.staff(parts, ent, day, length, occs, Infinity).result;
  }

  private staff(parts: readonly Part[], ent: CEnterprise, day: number, length: number, occurrences: number[], sample: number): { ok: boolean; truncated: boolean; result: Evaluation } {
    const P = this.P;
    const entIdx = ent.index;
    const eh = this.enterpriseHash[entIdx] as number;
    let truncated = false;
    const candidates: COfficer[][] = [];
    for (const part of parts) {
      const d = part.department;
      const present = P.presentByDeptDay[d * P.days + day] as Int32Array;
      const n = present.length;
      const limit = sample === Infinity ? n : sample + part.need * 2;
      const offset = n > 0 ? Math.floor(mixKey(eh, day, d + 7) * n) : 0;
      const list: COfficer[] = [];
      for (let j = 0; j < n; j++) {
        if (list.length >= limit) {
          truncated = true;
          break;
        }
        const oi = present[(offset + j) % n] as number;
        const off = P.officers[oi] as COfficer;
        if (!officerAdmits(off, ent) || !this.hasRoom(oi, day, length)) continue;
        list.push(off);
      }
      if (list.length < part.need) return { ok: false, truncated, result: { ok: false, failure: { kind: 'staff', department: d } } };
      candidates.push(this.rankOfficers(list, ent, day));
    }
    const attempt = (t: number): Team[] | number => {
      const teams: Team[] = [];
      for (let k = 0; k < parts.length; k++) {
        const part = parts[k] as Part;
        const free = (candidates[k] as COfficer[]).filter((off) => this.isFree(off.index, day, t, t + length, entIdx));
        const team = pickTeam(free, part.need, part.quals);
        if (!team) return part.department;
        teams.push({ department: part.department, officers: team });
      }
      return teams;
    };
    const placed = (t: number, teams: Team[]) => ({ ok: true, truncated, result: { ok: true as const, placement: { enterprise: entIdx, day, start: t, end: t + length, occurrences, teams } } });
    // Usually the day's start works; otherwise try each moment a candidate becomes free.
    let result = length <= P.dayEnd - P.dayStart ? attempt(P.dayStart) : (parts[0] as Part).department;
    if (typeof result !== 'number') return placed(P.dayStart, result);
    const starts = new Set<number>();
    for (const list of candidates) {
      for (const off of list) {
        for (const s of this.officerDay[off.index * P.days + day] ?? []) starts.add(s.end + P.travel(s.enterprise, entIdx));
      }
    }
    for (const t of [...starts].filter((x) => x > P.dayStart && x + length <= P.dayEnd).sort((a, b) => a - b)) {
      result = attempt(t);
      if (typeof result !== 'number') return placed(t, result);
    }
    return { ok: false, truncated, result: { ok: false, failure: { kind: 'staff', department: result } } };
  }

  /** Least-loaded first (spreads work evenly); ties drawn at random from the seed (双随机). */
  private rankOfficers(list: COfficer[], ent: CEnterprise, day: number): COfficer[] {
    // One numeric key per officer — load, then a seeded draw, then its place in `list` — sorted
    // as a typed array (no comparator), since this runs for every candidate visit.
    const eh = this.enterpriseHash[ent.index] as number;
    if (list.length > 4096) {
      const key = (off: COfficer) => (this.officerLoad[off.index] as number) + mixKey(this.officerHash[off.index] as number, eh, day);
      return [...list].sort((a, b) => key(a) - key(b) || a.index - b.index);
    }
    const keys = new Float64Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const off = list[i] as COfficer;
      const draw = Math.floor(mixKey(this.officerHash[off.index] as number, eh, day) * 1048576);
      keys[i] = ((this.officerLoad[off.index] as number) * 1048576 + draw) * 4096 + i;
    }
    keys.sort();
    const out: COfficer[] = new Array(list.length);
    for (let i = 0; i < keys.length; i++) out[i] = list[(keys[i] as number) % 4096] as COfficer;
    return out;
  }

  /** Whether an officer can take one more visit of `length` minutes that day (count and minutes). */
  hasRoom(officer: number, day: number, length: number): boolean {
    const off = this.P.officers[officer] as COfficer;
    const slots = this.officerDay[officer * this.P.days + day];
    if (!slots) return length <= off.maxMinutes;
    if (slots.length >= off.maxVisits) return false;
    let used = 0;
    for (const s of slots) used += s.end - s.start;
    return used + length <= off.maxMinutes;
  }

  /** Whether an officer is free from `start` to `end` at an enterprise that day, with travel time. */
  isFree(officer: number, day: number, start: number, end: number, ent: number): boolean {
    const slots = this.officerDay[officer * this.P.days + day];
    if (!slots) return true;
    for (const s of slots) {
      const before = end + this.P.travel(ent, s.enterprise) <= s.start;
      const after = s.end + this.P.travel(s.enterprise, ent) <= start;
      if (!before && !after) return false;
    }
    return true;
  }

  commit(p: Placement, key = this.nextKey++): PlacedVisit {
    const P = this.P;
    const v: PlacedVisit = { ...p, key };
    this.visits.set(key, v);
    this.entDay.set(p.enterprise * P.days + p.day, key);
    (this.visitCount[p.enterprise] as number)++;
    for (const i of p.occurrences) {
      this.assigned[i] = key;
      this.scheduledPriority += (P.occurrences[i] as COccurrence).priority;
    }
    for (const t of p.teams) {
      this.personVisits += t.officers.length;
      (this.deptDayLoad[t.department * P.days + p.day] as number)++;
      for (const o of t.officers) {
        const k = o * P.days + p.day;
        const slots = this.officerDay[k] ?? [];
        slots.push({ start: p.start, end: p.end, enterprise: p.enterprise, visit: key });
        slots.sort((a, b) => a.start - b.start);
        this.officerDay[k] = slots;
        (this.officerLoad[o] as number)++;
      }
    }
    for (const c of this.capKeys(p.enterprise, p.occurrences)) {
      const list = this.capEvents.get(c.key) ?? [];
      list.push({ day: p.day, visit: key });
      this.capEvents.set(c.key, list);
    }
    return v;
  }

  remove(key: number): PlacedVisit {
    const P = this.P;
    const v = this.visits.get(key);
    if (!v) throw new Error(`no visit ${key}`);
    this.visits.delete(key);
    this.entDay.delete(v.enterprise * P.days + v.day);
    (this.visitCount[v.enterprise] as number)--;
    for (const i of v.occurrences) {
      this.assigned[i] = -1;
      this.scheduledPriority -= (P.occurrences[i] as COccurrence).priority;
    }
    for (const t of v.teams) {
      this.personVisits -= t.officers.length;
      (this.deptDayLoad[t.department * P.days + v.day] as number)--;
      for (const o of t.officers) {
        const k = o * P.days + v.day;
        const slots = (this.officerDay[k] ?? []).filter((s) => s.visit !== key);
        this.officerDay[k] = slots.length === 0 ? undefined : slots;
        (this.officerLoad[o] as number)--;
      }
    }
    for (const c of this.capKeys(v.enterprise, v.occurrences)) {
      const list = (this.capEvents.get(c.key) ?? []).filter((e) => e.visit !== key);
      if (list.length === 0) this.capEvents.delete(c.key);
      else this.capEvents.set(c.key, list);
    }
    return v;
  }

  /** Puts a removed visit back exactly as it was. */
  restore(v: PlacedVisit): void {
    this.commit(v, v.key);
  }
}

/** A team of at least `need` officers holding every qualification, or undefined. */
function pickTeam(ranked: readonly COfficer[], need: number, quals: readonly string[]): number[] | undefined {
  if (ranked.length < need) return undefined;
  if (quals.length === 0) return ranked.slice(0, need).map((o) => o.index).sort((a, b) => a - b);
  const team: COfficer[] = [];
  const missing = new Set(quals);
  while (missing.size > 0) {
    let best: COfficer | undefined;
    let bestGain = 0;
    for (const off of ranked) {
      if (team.includes(off)) continue;
      let gain = 0;
      for (const q of missing) if (off.qualifications.has(q)) gain++;
      if (gain > bestGain) {
        best = off;
        bestGain = gain;
      }
    }
    if (!best) return undefined;
    team.push(best);
    for (const q of best.qualifications) missing.delete(q);
  }
  for (const off of ranked) {
    if (team.length >= need) break;
    if (!team.includes(off)) team.push(off);
  }
  return team.length >= need ? team.map((o) => o.index).sort((a, b) => a - b) : undefined;
}
