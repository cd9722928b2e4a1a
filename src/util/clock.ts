/**
 * The only clock the library reads: a monotonic timer for `timeLimitMs` and `meta.elapsedMs`.
 * It never decides anything in a plan unless the time limit is actually hit (then
 * `meta.stoppedEarly` says so); hosts may inject their own through `PlanOptions.clock`.
 */
export const monotonicNow = (): number => performance.now();
