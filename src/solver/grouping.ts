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
  const occs = occurrenceIds.map((i) => P.occurrences[i] as COccurrence);
  const groups: Group[] = [];
  if (occs.length === 0) return groups;
  const enterprise = (occs[0] as COccurrence).enterprise;
  const limit = (P.enterprises[enterprise] as { maxMinutes: number }).maxMinutes;
  for (const o of occs) if (o.exclusive) groups.push({ enterprise, occurrences: [o.index], days: dayList(o.feasible) });
  const open = occs
    .filter((o) => !o.exclusive)
    .sort((a, b) => lastDay(a) - lastDay(b) || b.priority - a.priority || a.index - b.index);
  while (open.length > 0) {
    const seed = open[0] as COccurrence;
    const mates = open.filter((o) => options.joint || o.department === seed.department);
    let bestDay = lastDay(seed);
    if (mates.length > 1) {
      // How many open mates can use each of the seed's days: one merge walk per mate.
      const f = seed.feasible;
      if (counts.length < f.length) counts = new Int32Array(f.length * 2);
      const count = counts;
      count.fill(0, 0, f.length);
      for (const o of mates) {
        const g = o.feasible;
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
    const members: COccurrence[] = [];
    const minutes = new Map<number, number>();
    for (const o of mates) {
      if (!isFeasibleOn(o, bestDay)) continue;
      const m = (minutes.get(o.department) ?? 0) + o.minutes;
      if (m > limit) continue;
      if (!minutes.has(o.department) && minutes.size >= P.maxDepartments) continue;
      minutes.set(o.department, m);
      members.push(o);
    }
    const days = dayList(seed.feasible);
    for (const m of members) if (m !== seed) keepCommon(days, m.feasible);
    groups.push({ enterprise, occurrences: members.map((m) => m.index).sort((a, b) => a - b), days });
    if (members.length === open.length) break;
    const taken = new Set(members);
    let w = 0;
    for (const o of open) if (!taken.has(o)) open[w++] = o;
    open.length = w;
  }
  return groups;
}

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
