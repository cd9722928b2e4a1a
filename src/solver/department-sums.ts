/**
 * Per department of a visit's occurrences (in the order first met): their minutes summed and the
 * largest team any of them needs — what a visit asks of each department's officers.
 */
import type { COccurrence, CompiledProblem } from '../compile/problem.js';

/** Fills the three parallel lists (cleared first); returns the visit's length (the longest department's minutes). */
export function sumByDepartment(P: CompiledProblem, occurrences: readonly number[], departments: number[], minutes: number[], need: number[]): number {
  departments.length = 0;
  minutes.length = 0;
  need.length = 0;
  for (const i of occurrences) {
    const o = P.occurrences[i] as COccurrence;
    const k = departments.indexOf(o.department);
    if (k < 0) {
      departments.push(o.department);
      minutes.push(o.minutes);
      need.push(o.need);
    } else {
      minutes[k] = (minutes[k] as number) + o.minutes;
      need[k] = Math.max(need[k] as number, o.need);
    }
  }
  let length = 0;
  for (const m of minutes) length = Math.max(length, m);
  return length;
}
