/**
 * Per department of a visit's occurrences (in the order first met): their minutes summed and the
 * largest team any of them needs — what a visit asks of each department's officers.
 */
import type { COccurrence, CompiledProblem } from '../compile/problem.js';

/** Fills the three parallel lists (cleared first); returns the visit's length (the longest department's minutes). */
export function sumByDepartment(P: CompiledProblem, occurrences: readonly number[], departments: number[], minutes: number[], need: number[]): number {
  // (Written by index and cut to length at the end: an array emptied with `length = 0` drops its
  // storage, and this runs for every candidate visit.)
  let n = 0;
  for (let q = 0; q < occurrences.length; q++) {
    const o = P.occurrences[occurrences[q] as number] as COccurrence;
    let k = 0;
    while (k < n && departments[k] !== o.department) k++;
    if (k === n) {
      departments[n] = o.department;
      minutes[n] = o.minutes;
      need[n] = o.need;
      n++;
    } else {
      minutes[k] = (minutes[k] as number) + o.minutes;
      need[k] = Math.max(need[k] as number, o.need);
    }
  }
  departments.length = n;
  minutes.length = n;
  need.length = n;
  let length = 0;
  for (const m of minutes) length = Math.max(length, m);
  return length;
}
