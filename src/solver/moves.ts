/**
 * Local-search moves over the plan state. Every move is a transaction (`state.mark()`, then
 * `state.release` to keep it or `state.rollback` to undo it exactly): it either improves the
 * plan (more priority scheduled, or fewer visits at equal priority) and is kept, or it is
 * undone. Visits in `state.fixed` (pinned, frozen, past) are never touched.
 */
import { calendarPeriod } from '../compile/caps.js';
import type { CCap, COccurrence, COfficer } from '../compile/problem.js';
import { placeBest } from './construct.js';
import { mixKey } from '../util/random.js';
import { commonFeasibleDays } from './arrays.js';
import { dayList, isFeasibleOn, type PlacedVisit, type PlanState } from './state.js';
import { withSwap } from './team-record.js';

/** Whether these occurrences' parts fit one visit: each department's minutes, and the number of departments. */
export function fitsOneVisit(P: PlanState['P'], occurrences: readonly number[]): boolean {
  const limit = (P.enterprises[(P.occurrences[occurrences[0] as number] as COccurrence).enterprise] as { maxMinutes: number }).maxMinutes;
  const departments: number[] = [];
  for (const i of occurrences) {
    const o = P.occurrences[i] as COccurrence;
    if (departments.includes(o.department)) continue;
    departments.push(o.department);
    let minutes = 0;
    for (const j of occurrences) {
      const p = P.occurrences[j] as COccurrence;
      if (p.department === o.department) minutes += p.minutes;
    }
    if (minutes > limit) return false;
  }
  return departments.length <= P.maxDepartments;
}

const commonDays = (state: PlanState, occurrences: readonly number[]): number[] => {
  const occs = occurrences.map((i) => state.P.occurrences[i] as COccurrence);
  return commonFeasibleDays(occs);
};

/**
 * Scratch of the checks `joinExisting` and `capsRefuseInsert` make before they move anything (most
 * candidates where caps bind fail them): a visit's occurrences plus the newcomer, the days they
 * share, and a list of one. Used at once; copied when a placement is sought.
 */
const unionScratch: number[] = [];
let sharedScratch = new Int32Array(64);
const oneScratch: number[] = [0];

/** `occurrences` followed by `occurrence`, into `unionScratch`; undefined when one of them is exclusive. */
function unionWith(P: PlanState['P'], occurrences: readonly number[], occurrence: number): number[] | undefined {
  const union = unionScratch;
  // (Written by index and cut to length, never emptied: an array emptied drops its storage.)
  for (let k = 0; k < occurrences.length; k++) {
    const i = occurrences[k] as number;
    if ((P.occurrences[i] as COccurrence).exclusive) return undefined;
    union[k] = i;
  }
  if ((P.occurrences[occurrence] as COccurrence).exclusive) return undefined;
  union[occurrences.length] = occurrence;
  union.length = occurrences.length + 1;
  return union;
}

/**
 * `commonDays` in `sharedScratch` (a view of its first n): the first occurrence's days, then kept
 * in place where each next one shares them.
 */
function commonDaysScratch(P: PlanState['P'], occurrences: readonly number[]): Int32Array {
  const first = (P.occurrences[occurrences[0] as number] as COccurrence).feasible;
  if (sharedScratch.length < first.length) sharedScratch = new Int32Array(2 * first.length);
  const out = sharedScratch;
  out.set(first);
  let n = first.length;
  for (let k = 1; k < occurrences.length && n > 0; k++) {
    const f = (P.occurrences[occurrences[k] as number] as COccurrence).feasible;
    let w = 0;
    let j = 0;
    for (let r = 0; r < n; r++) {
      const d = out[r] as number;
      while (j < f.length && (f[j] as number) < d) j++;
      if (j === f.length) break;
      if (f[j] === d) out[w++] = d;
    }
    n = w;
  }
  return out.subarray(0, n);
}

/**
 * Adds an occurrence to an existing visit of its enterprise (re-timed and re-staffed, on its
 * day or another day all its occurrences share). Returns whether it succeeded.
 */
export function joinExisting(state: PlanState, occurrence: number, exclude?: number, only?: readonly number[]): boolean {
  const o = state.P.occurrences[occurrence] as COccurrence;
  if (o.exclusive) return false;
  for (const v of state.visitsOf(o.enterprise)) {
    if (v.key === exclude || state.fixed.has(v.key)) continue;
    const union = unionWith(state.P, v.occurrences, occurrence);
    // A union too long for the enterprise, or with too many departments, fails on every day.
    if (!union || !fitsOneVisit(state.P, union)) continue;
    const days = commonDaysScratch(state.P, union);
    if (days.length === 0) continue;
    // A cap refusing the union on every day, v aside, is found without moving v.
    if (state.tallies.capsRefuseAll(union, days, v.key)) continue;
    const mark = state.mark();
    state.remove(v.key);
    const placement = placeBest(state, union.slice(), dayList(days), only, true);
    if (placement) {
      state.commit(placement);
      state.release(mark);
      return true;
    }
    state.rollback(mark);
  }
  return false;
}

/**
 * Places an unassigned occurrence: into an existing visit, else into a new one. `only` is passed
 * on to `placeBest` (days outside it are known to fail).
 */
export function insert(state: PlanState, occurrence: number, only?: readonly number[]): boolean {
  if (joinExisting(state, occurrence, undefined, only)) return true;
  const o = state.P.occurrences[occurrence] as COccurrence;
  // (placeBest's first check, made on the day list as it is: most of what caps exclude ends here.)
  oneScratch[0] = occurrence;
  if (o.feasible.length === 0 || state.tallies.capsRefuseAll(oneScratch, o.feasible)) return false;
  const placement = placeBest(state, [occurrence], dayList(o.feasible), only, true);
  if (placement) {
    state.commit(placement);
    return true;
  }
  return false;
}

/**
 * Places an unassigned occurrence by first moving one visit of its enterprise to another day
 * it can use (freeing a day, or a cap's period or gap, for the newcomer). Only for right after
 * `insert` has failed for it in the same state: the days that failed then are not tried again.
 */
export function relocateAndInsert(state: PlanState, occurrence: number): boolean {
  const o = state.P.occurrences[occurrence] as COccurrence;
  for (const v of state.visitsOf(o.enterprise)) {
    if (state.fixed.has(v.key)) continue;
    // Without v, caps may still refuse the occurrence alone and in every union `insert` would
    // try: then moving v cannot help (known without moving it).
    if (capsRefuseInsert(state, occurrence, v.key)) continue;
    const mark = state.mark();
    // `insert` has just failed with v in place; without it, only its day and the days its cap
    // events weigh on can go differently (staff elsewhere is untouched, and whether a team can
    // be found does not depend on the officers' loads).
    const only = daysTouchedBy(state, v);
    state.remove(v.key);
    if (insert(state, occurrence, only)) {
      const days = commonDays(state, v.occurrences).filter((d) => d !== v.day);
      const placement = days.length > 0 ? placeBest(state, v.occurrences, days) : undefined;
      if (placement) {
        state.commit(placement);
        state.release(mark);
        return true;
      }
    }
    state.rollback(mark);
  }
  return false;
}

/**
 * Whether, were visit `without` removed, a cap would refuse `occurrence` on every day it could
 * take in `insert` — alone, and in each union `joinExisting` would try (each as if that visit
 * were removed too). A union `joinExisting` passes over anyway counts as refused.
 */
function capsRefuseInsert(state: PlanState, occurrence: number, without: number): boolean {
  const o = state.P.occurrences[occurrence] as COccurrence;
  oneScratch[0] = occurrence;
  if (!state.tallies.capsRefuseAll(oneScratch, o.feasible, without)) return false;
  if (o.exclusive) return true;
  for (const w of state.visitsOf(o.enterprise)) {
    if (w.key === without || state.fixed.has(w.key)) continue;
    const union = unionWith(state.P, w.occurrences, occurrence);
    if (!union || !fitsOneVisit(state.P, union)) continue;
    const days = commonDaysScratch(state.P, union);
    if (days.length > 0 && !state.tallies.capsRefuseAll(union, days, without, w.key)) return false;
  }
  return true;
}

/**
 * The day ranges (pairs of horizon days) on which a visit's presence can decide whether another
 * visit fits: its own day, and around it the span of every cap tally it counts for (its
 * calendar period, rolling window or minimum gap).
 */
function daysTouchedBy(state: PlanState, v: PlacedVisit): number[] {
  const P = state.P;
  const ranges = [v.day, v.day];
  for (const c of state.tallies.capKeys(v.enterprise, v.occurrences)) {
    const cap = P.caps[c.cap] as CCap;
    if (cap.period === 'rolling') ranges.push(v.day - cap.rollingDays + 1, v.day + cap.rollingDays - 1);
    else {
      const [from, to] = calendarPeriod(cap.period, P.day0 + v.day);
      ranges.push(from - P.day0, to - P.day0);
    }
    if (cap.minGapDays > 0) ranges.push(v.day - cap.minGapDays + 1, v.day + cap.minGapDays - 1);
  }
  return ranges;
}

/**
 * Places a high-priority occurrence by taking the place of lower-priority ones: in a visit of
 * its enterprise on a day it can use, drop that visit's least important occurrences (of less
 * total priority than it brings) until the rest and it fit. The dropped ones return to the
 * unassigned pool. Returns the dropped occurrences, or undefined when no such exchange exists.
 */
export function eject(state: PlanState, occurrence: number): number[] | undefined {
  const P = state.P;
  const o = P.occurrences[occurrence] as COccurrence;
  for (const v of state.visitsOf(o.enterprise)) {
    if (!isFeasibleOn(o, v.day) || state.fixed.has(v.key)) continue;
    // Nothing less important to drop there (the first dropped would already weigh as much).
    let least = Infinity;
    for (const i of v.occurrences) least = Math.min(least, (P.occurrences[i] as COccurrence).priority);
    if (least >= o.priority) continue;
    const others = [...v.occurrences].sort((a, b) => {
      const x = P.occurrences[a] as COccurrence;
      const y = P.occurrences[b] as COccurrence;
      return x.priority - y.priority || y.minutes - x.minutes || b - a;
    });
    const mark = state.mark();
    state.remove(v.key);
    const dropped: number[] = [];
    let droppedPriority = 0;
    while (others.length > 0) {
      const next = others.shift() as number;
      droppedPriority += (P.occurrences[next] as COccurrence).priority;
      if (droppedPriority >= o.priority) break;
      dropped.push(next);
      const keep = o.exclusive ? [] : others.filter((i) => !(P.occurrences[i] as COccurrence).exclusive);
      if (keep.length < others.length) continue;
      const e = state.evaluate([...keep, occurrence], v.day);
      if (e.ok) {
        state.commit(e.placement);
        state.release(mark);
        return dropped;
      }
    }
    state.rollback(mark);
  }
  return undefined;
}

/** Days of its window an occurrence tries in `ejectAcross` (spread evenly), and visits per day. */
const ACROSS_DAYS = 6;
const ACROSS_VISITS = 4;

/**
 * Takes a department's officer-day from another enterprise, for an occurrence no move placed
 * because that department had no officers left: on a few days of its window where staff is what
 * refuses it, one visit of another enterprise holding that department's officers and worth
 * less (its occurrences' priority) is taken out, the occurrence placed that day, and the taken
 * visit's occurrences re-inserted where they fit. Kept when the priority placed exceeds the
 * priority left out; returns those left out and the enterprise they were taken from (undefined:
 * nothing changed).
 */
export function ejectAcross(state: PlanState, occurrence: number): { left: number[]; from: number } | undefined {
  const P = state.P;
  const o = P.occurrences[occurrence] as COccurrence;
  const f = o.feasible;
  // Priorities are integers ≥ 1 (contract §2): no visit is worth less than a priority-1 occurrence.
  if (f.length === 0 || o.priority <= 1) return undefined;
  const step = Math.max(1, Math.floor(f.length / ACROSS_DAYS));
  const keys: number[] = [];
  for (let k = 0; k < f.length; k += step) {
    const d = f[k] as number;
    if (state.visitAt(o.enterprise, d) !== undefined) continue;
    const alone = state.evaluate([occurrence], d);
    if (alone.ok || alone.failure.kind !== 'staff') continue;
    state.booked.visitKeysOf((P.departments[o.department] as { officers: readonly number[] }).officers, d, keys);
    let tried = 0;
    for (const key of keys) {
      const w = state.visits.get(key);
      if (!w || w.worth >= o.priority || w.enterprise === o.enterprise || state.fixed.has(key)) continue;
      if (++tried > ACROSS_VISITS) break;
      const mark = state.mark();
      state.remove(key);
      const e = state.evaluate([occurrence], d);
      if (e.ok) {
        state.commit(e.placement);
        const left: number[] = [];
        let lost = 0;
        for (const i of w.occurrences) {
          if (insert(state, i)) continue;
          left.push(i);
          lost += (P.occurrences[i] as COccurrence).priority;
        }
        if (lost < o.priority) {
          state.release(mark);
          return { left, from: w.enterprise };
        }
      }
      state.rollback(mark);
    }
  }
  return undefined;
}

/**
 * Removes a visit by moving each of its occurrences into another visit of the same
 * enterprise. Kept only when every occurrence finds a place.
 */
export function eliminate(state: PlanState, key: number): boolean {
  const v = state.visits.get(key);
  if (!v || state.fixed.has(key)) return false;
  const mark = state.mark();
  state.remove(key);
  const order = [...v.occurrences].sort((a, b) => (state.P.occurrences[b] as COccurrence).minutes - (state.P.occurrences[a] as COccurrence).minutes || a - b);
  for (const i of order) {
    if (!joinExisting(state, i)) {
      state.rollback(mark);
      return false;
    }
  }
  state.release(mark);
  return true;
}

/** Officers looked at per swap: a window of the present ones, from a seeded offset. */
const REBALANCE_WINDOW = 16;

/**
 * Swaps officers to even out the load (soft objective): an officer of the visit whose load is
 * above its department's mean by more than one visit is replaced by the least-loaded colleague
 * who is present, free at that time (with travel), admitted there, has room that day, and keeps
 * the team's qualifications — when that colleague has at least two visits fewer.
 */
export function rebalance(state: PlanState, key: number, mean: Float64Array): boolean {
  const P = state.P;
  const v = state.visits.get(key);
  if (!v || state.fixed.has(key)) return false;
  const load = state.officerLoad;
  const ent = P.enterprises[v.enterprise];
  if (!ent) return false;
  const length = v.end - v.start;
  let teams = v.teams;
  let audit = v.audit;
  let changed = false;
  for (let t = 0; t < teams.length; t++) {
    const team = teams[t] as PlacedVisit['teams'][number];
    const heavy = (mean[team.department] as number) + 1;
    let overloaded = false;
    for (const o of team.officers) if ((load[o] as number) > heavy) overloaded = true;
    if (!overloaded) continue;
    const quals: string[] = [];
    for (const i of v.occurrences) {
      const o = P.occurrences[i] as COccurrence;
      if (o.department === team.department) for (const q of o.qualifications) if (!quals.includes(q)) quals.push(q);
    }
    for (const officer of team.officers) {
      if ((load[officer] as number) <= heavy) continue;
      let best = -1;
      let bestKey = Infinity;
      // A seeded window of the officers present that day, as in staffing: enough to find a lighter one.
      const present = P.presentByDeptDay[team.department * P.days + v.day] as Int32Array;
      const n = present.length;
      const offset = n > 0 ? Math.floor(mixKey(state.enterpriseHash[v.enterprise] as number, v.day, team.department + 11) * n) : 0;
      for (let j = 0; j < Math.min(n, REBALANCE_WINDOW); j++) {
        const c = present[(offset + j) % n] as number;
        if (!swapFits(state, v, team.officers, officer, c, quals)) continue;
        const k = (load[c] as number) + mixKey(state.officerHash[c] as number, state.enterpriseHash[v.enterprise] as number, v.day);
        if (k < bestKey) {
          bestKey = k;
          best = c;
        }
      }
      if (best < 0) continue;
      const officers = [...team.officers.filter((x) => x !== officer), best].sort((a, b) => a - b);
      teams = teams.map((x, j) => (j === t ? { department: x.department, officers } : x));
      // An audited plan records the swap beside the draw it changes (team-record.ts).
      audit = audit && withSwap(state, audit, v, team.department, officer, best, offset, REBALANCE_WINDOW, (c) => swapFits(state, v, team.officers, officer, c, quals));
      const mark = state.mark();
      state.remove(key);
      state.commit({ ...v, teams, audit }, key);
      state.release(mark);
      changed = true;
      break;
    }
  }
  return changed;
}

/** Whether officer `c` may replace `out` in `team` (of visit `v`): lighter by two visits, admitted, with room, free then, keeping the qualifications. */
function swapFits(state: PlanState, v: PlacedVisit, team: readonly number[], out: number, c: number, quals: readonly string[]): boolean {
  const P = state.P;
  const load = state.officerLoad;
  if (team.includes(c) || (load[c] as number) + 1 >= (load[out] as number)) return false;
  if (!state.admits(c, v.enterprise) || !state.hasRoom(c, v.day, v.end - v.start) || !state.isFree(c, v.day, v.start, v.end, v.enterprise)) return false;
  return quals.length === 0 || keepsQualifications(P.officers, quals, P.officers[c] as COfficer, team, out);
}

/** Whether a team with `out` replaced by `candidate` still holds every qualification. */
function keepsQualifications(officers: readonly COfficer[], quals: readonly string[], candidate: COfficer, team: readonly number[], out: number): boolean {
  for (const q of quals) {
    if (candidate.qualifications.has(q)) continue;
    let held = false;
    for (const x of team) if (x !== out && (officers[x] as COfficer).qualifications.has(q)) held = true;
    if (!held) return false;
  }
  return true;
}

/**
 * Re-plans an enterprise too large for the exact search, in time order: its visits are taken
 * out and its occurrences placed again earliest deadline first, each into a visit already made
 * again on a day it can use, else alone on its earliest day that works — the rule that is
 * optimal for chains of windows with minimum gaps. Kept only when it schedules more priority,
 * or as much in fewer visits.
 */
export function replanInTimeOrder(state: PlanState, enterprise: number): boolean {
  const P = state.P;
  const ent = P.enterprises[enterprise];
  if (!ent) return false;
  const occ = (i: number) => P.occurrences[i] as COccurrence;
  const original = state.visitsOf(enterprise);
  if (original.some((v) => state.fixed.has(v.key))) return false;
  let beforePriority = 0;
  for (const v of original) for (const i of v.occurrences) beforePriority += occ(i).priority;
  const mark = state.mark();
  for (const v of original) state.remove(v.key);
  const order = [...ent.occurrences].sort(
    (a, b) =>
      (occ(a).feasible[occ(a).feasible.length - 1] as number) - (occ(b).feasible[occ(b).feasible.length - 1] as number) ||
      (occ(a).feasible[0] as number) - (occ(b).feasible[0] as number) ||
      occ(b).priority - occ(a).priority ||
      a - b,
  );
  let priority = 0;
  for (const i of order) {
    const o = occ(i);
    let placed = false;
    if (!o.exclusive) {
      for (const v of state.visitsOf(enterprise)) {
        if (!isFeasibleOn(o, v.day) || v.occurrences.some((x) => occ(x).exclusive)) continue;
        const inner = state.mark();
        state.remove(v.key);
        const e = state.evaluate([...v.occurrences, i], v.day);
        if (e.ok) {
          state.commit(e.placement);
          state.release(inner);
          placed = true;
          break;
        }
        state.rollback(inner);
      }
    }
    if (!placed) {
      for (const d of o.feasible) {
        const e = state.evaluate([i], d);
        if (e.ok) {
          state.commit(e.placement);
          placed = true;
          break;
        }
      }
    }
    if (placed) priority += o.priority;
  }
  const visits = state.visitsOf(enterprise).length;
  if (priority > beforePriority || (priority === beforePriority && visits < original.length)) {
    state.release(mark);
    return true;
  }
  state.rollback(mark);
  return false;
}
