/** Small array helpers of the planner's hot paths. */

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
