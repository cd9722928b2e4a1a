/** Small array helpers of the planner's hot paths. */

/** A day list as a plain array, copied by index (`Array.from` on a typed array goes through an iterator). */
export function dayList(days: Int32Array): number[] {
  const out = new Array<number>(days.length);
  for (let i = 0; i < days.length; i++) out[i] = days[i] as number;
  return out;
}

/**
 * The days (ascending) that `days` (ascending) and `feasible` (ascending) share: one merge pass,
 * no look-up per day.
 */
export function sharedDays(days: ArrayLike<number>, feasible: ArrayLike<number>): number[] {
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < days.length; i++) {
    const d = days[i] as number;
    while (j < feasible.length && (feasible[j] as number) < d) j++;
    if (j === feasible.length) break;
    if (feasible[j] === d) out.push(d);
  }
  return out;
}

/** The days (ascending) every one of `occurrences` may use: their feasible days intersected. */
export function commonFeasibleDays(occurrences: readonly { feasible: Int32Array }[]): number[] {
  if (occurrences.length === 0) return [];
  let days: number[] = dayList((occurrences[0] as { feasible: Int32Array }).feasible);
  for (let k = 1; k < occurrences.length && days.length > 0; k++) days = sharedDays(days, (occurrences[k] as { feasible: Int32Array }).feasible);
  return days;
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
