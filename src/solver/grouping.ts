/**
 * Per enterprise, the occurrences that could share a visit: a greedy "stabbing" of their
 * feasible-day sets. Take the open occurrence whose last feasible day is earliest, choose the
 * day of its set that the most open occurrences can use (the latest such day on ties), and
 * gather onto it every open occurrence that fits the visit's limits. For feasible sets that
 * are intervals of a common day set this gives the fewest groups; the days every member
 * shares stay open for the staffing step.
 */
import type { COccurrence, CompiledProblem } from '../compile/problem.js';
import { dayList, isFeasibleOn } from './state.js';

export interface Group {
  enterprise: number;
  occurrences: number[];
  /** Days every member can use, ascending. */
  days: number[];
}

export interface GroupingOptions {
  /** When false, a group holds one department only (departments going alone). */
  joint: boolean;
}

const lastDay = (o: COccurrence) => o.feasible[o.feasible.length - 1] as number;

/** Per day of the seed, how many open mates can use it: scratch shared by every call (grown as needed). */
let counts = new Int32Array(512);

export function groupEnterprise(P: CompiledProblem, occurrenceIds: readonly number[], options: GroupingOptions): Group[] {
  const groups: Group[] = [];
  if (occurrenceIds.length === 0) return groups;
  const occ = (i: number) => P.occurrences[i] as COccurrence;
  const enterprise = occ(occurrenceIds[0] as number).enterprise;
  const limit = (P.enterprises[enterprise] as { maxMinutes: number }).maxMinutes;
  // (Runs for every enterprise, in construction and in the bounds: scratch lists of occurrence
  // indices, insertion sorts, no maps or sets — an enterprise holds a handful of occurrences.)
  if (open.length < occurrenceIds.length) open = new Int32Array(2 * occurrenceIds.length);
  let n = 0;
  for (let k = 0; k < occurrenceIds.length; k++) {
    const o = occ(occurrenceIds[k] as number);
    if (o.exclusive) groups.push({ enterprise, occurrences: [o.index], days: dayList(o.feasible) });
    else {
      // Open ones by last feasible day, then most important, then index (a total order).
      let at = n++;
      while (at > 0 && before(o, occ(open[at - 1] as number))) {
        open[at] = open[at - 1] as number;
        at--;
      }
      open[at] = o.index;
    }
  }
  if (mates.length < n) mates = new Int32Array(open.length);
  while (n > 0) {
    const seed = occ(open[0] as number);
    // The open ones that may share the seed's visit (in open order).
    let m = 0;
    for (let k = 0; k < n; k++) if (options.joint || occ(open[k] as number).department === seed.department) mates[m++] = open[k] as number;
    let bestDay = lastDay(seed);
    if (m > 1) {
      // How many open mates can use each of the seed's days: one merge walk per mate.
      const f = seed.feasible;
      if (counts.length < f.length) counts = new Int32Array(f.length * 2);
      const count = counts;
      count.fill(0, 0, f.length);
      for (let q = 0; q < m; q++) {
        const g = occ(mates[q] as number).feasible;
        let j = 0;
        for (let k = 0; k < f.length && j < g.length; k++) {
          const d = f[k] as number;
          while (j < g.length && (g[j] as number) < d) j++;
          if (g[j] === d) (count[k] as number)++;
        }
      }
      let bestCount = -1;
      for (let k = 0; k < f.length; k++) {
        if ((count[k] as number) >= bestCount) {
          bestCount = count[k] as number;
          bestDay = f[k] as number;
        }
      }
    }
    // The members: mates (in order) that can use the day and fit the visit's minutes and departments.
    // They overwrite `mates` from the front (a member is written no later than it is read).
    let members = 0;
    let departments = 0;
    for (let q = 0; q < m; q++) {
      const o = occ(mates[q] as number);
      if (!isFeasibleOn(o, bestDay)) continue;
      let at = 0;
      while (at < departments && deptScratch[at] !== o.department) at++;
      const total = (at < departments ? (minuteScratch[at] as number) : 0) + o.minutes;
      if (total > limit) continue;
      if (at === departments && departments >= P.maxDepartments) continue;
      deptScratch[at] = o.department;
      minuteScratch[at] = total;
      if (at === departments) departments++;
      mates[members++] = o.index;
    }
    const days = dayList(seed.feasible);
    const ids = new Array<number>(members);
    for (let q = 0; q < members; q++) {
      const i = mates[q] as number;
      if (i !== seed.index) keepCommon(days, occ(i).feasible);
      let at = q;
      while (at > 0 && (ids[at - 1] as number) > i) {
        ids[at] = ids[at - 1] as number;
        at--;
      }
      ids[at] = i;
    }
    groups.push({ enterprise, occurrences: ids, days });
    if (members === n) break;
    // The members leave the open ones (they are a subsequence of them, in the same order).
    let w = 0;
    let q = 0;
    for (let k = 0; k < n; k++) {
      if (q < members && open[k] === mates[q]) q++;
      else open[w++] = open[k] as number;
    }
    n = w;
  }
  return groups;
}

/** The order of open occurrences: last feasible day, then priority (most first), then index. */
const before = (a: COccurrence, b: COccurrence): boolean => lastDay(a) - lastDay(b) < 0 || (lastDay(a) === lastDay(b) && (b.priority - a.priority < 0 || (b.priority === a.priority && a.index < b.index)));

/** Scratch of `groupEnterprise` (every call starts afresh): the open occurrences, the mates then members of a group, and per department its minutes. */
let open = new Int32Array(64);
let mates = new Int32Array(64);
const deptScratch: number[] = [];
const minuteScratch: number[] = [];

/** Keeps in `days` (ascending) only the days also in `other` (ascending): one merge walk, in place. */
function keepCommon(days: number[], other: Int32Array): void {
  let w = 0;
  let j = 0;
  for (let k = 0; k < days.length; k++) {
    const d = days[k] as number;
    while (j < other.length && (other[j] as number) < d) j++;
    if (j < other.length && other[j] === d) days[w++] = d;
  }
  days.length = w;
}
