/**
 * Why an occurrence that passed every static filter still has no place: on each day it could
 * use, what stopped it — a cap, the staff, or a visit already there that it cannot join.
 */
import { calendarPeriod } from '../compile/caps.js';
import type { CEnterprise, COccurrence } from '../compile/problem.js';
import { formatDay } from '../calendar/civil.js';
import type { ReasonCode } from '../report/reasons.js';
import type { Evaluation, Failure, PlanState } from './state.js';

const FULL_STAFF_DAYS = 10;
/** Dates listed in a staff reason (the first ones; `staffBlockedDays` counts them all). */
const DAYS_LISTED = 20;

export interface Diagnosis {
  placed?: false;
  code: ReasonCode;
  /** Details with visit keys still internal (`visitKeys`), resolved to ids by the caller. */
  details: Record<string, unknown>;
  visitKeys: number[];
}

/**
 * The reason an unassigned occurrence is unscheduled — or, with `place` (a search step, see
 * `placeLeftovers`), if a day turns out to fit after all (moves after its last insertion attempt
 * made room), the occurrence is placed there. Without `place` the state is left exactly as it
 * was (the report's use): a day that fits is then counted as blocked by the visit there, if
 * any — after `placeLeftovers` none fits.
 */
export function diagnose(state: PlanState, occurrence: number, place = false): Diagnosis | { placed: true } {
  const P = state.P;
  const o = P.occurrences[occurrence] as COccurrence;
  if (o.feasible.length === 0) {
    // Every day of its window is past or frozen (`replan`): the horizon left to plan starts later.
    return {
      code: 'OUTSIDE_HORIZON',
      details: { from: formatDay(o.source.rawFrom), to: formatDay(o.source.rawTo), horizonFrom: formatDay(P.day0 + state.firstFree), horizonTo: P.scenario.horizon.to },
      visitKeys: [],
    };
  }
  let capDays = 0;
  let staffDays = 0;
  const blocking = new Set<number>();
  const capCount = new Map<number, { cap: number; key: number; department: number; days: number }>();
  const staffCount = new Map<number, number>();
  const staffDates: string[] = [];
  // Officers are looked at in full on at most FULL_STAFF_DAYS days, spread over the window (the
  // insertion moves already tried every day in full); on the others from the seeded sample.
  const step = Math.max(1, Math.ceil(o.feasible.length / FULL_STAFF_DAYS));
  let deadFrom = 0;
  let deadTo = -1;
  let deadFailure: Failure | undefined;
  // (See `capRefusal` below: one occurrence within the enterprise's longest visit.)
  const alone = o.minutes <= (P.enterprises[o.enterprise] as CEnterprise).maxMinutes && P.maxDepartments >= 1 && !o.exclusive;
  // The cap refusing it alone on each day, worked out for the whole window at once (the state is
  // as it is now whenever it is read below: a trial is rolled back, a placement returns).
  const refusals = scratchRefusals;
  if (alone) state.tallies.capRefusals(occurrence, o.feasible, refusals);
  for (let k = 0; k < o.feasible.length; k++) {
    const d = o.feasible[k] as number;
    const sampleOnly = k % step !== 0;
    const busy = state.visitAt(o.enterprise, d);
    let failure;
    if (busy !== undefined) {
      const mark = state.mark();
      const v = state.remove(busy);
      const e = state.fixed.has(busy) ? undefined : state.evaluate([...v.occurrences, occurrence], d, { sampleOnly });
      if (e?.ok === true && place) {
        // It fits after all (a later move made room): take the place instead of explaining.
        state.commit(e.placement);
        state.release(mark);
        return { placed: true };
      }
      state.rollback(mark);
      failure = e === undefined || e.ok ? ({ kind: 'enterprise-busy', visit: busy } as const) : e.failure;
      if (failure.kind === 'composition' || failure.kind === 'infeasible-day') blocking.add(busy);
    } else if (d >= deadFrom && d <= deadTo && deadFailure) {
      // A calendar-period cap already refused it alone earlier in this period (without a
      // minimum gap): nothing has changed since, so it refuses it on this day too.
      failure = deadFailure;
    } else {
      // A cap refusing it alone that day is the failure `evaluate` would give (its checks
      // before the caps cannot fail for a feasible day of one occurrence that fits a visit).
      const capped = alone ? refusals[k] : undefined;
      // No cap refusing it, too few of its department's officers with room for it that day: the
      // staff failure `evaluate` would give (its staffing asks the same room table first).
      const short = !capped && alone && state.booked.roomFor(o.department, d, o.minutes, o.enterprise) < o.need;
      const e: Evaluation = capped ? { ok: false, failure: capped } : short ? { ok: false, failure: { kind: 'staff', department: o.department } } : state.evaluate([occurrence], d, { sampleOnly });
      if (e.ok) {
        if (place) {
          state.commit(e.placement);
          return { placed: true };
        }
        // (Not after `placeLeftovers`.) Counted as staff-blocked: the report cannot place it.
        staffDays++;
        continue;
      }
      // (Only for the first cap it is checked against: a later one could be preceded by another.)
      if (e.failure.kind === 'cap' && e.failure.cap === o.caps[0]) {
        const cap = P.caps[e.failure.cap];
        if (cap && cap.period !== 'rolling' && cap.minGapDays === 0) {
          const [from, to] = calendarPeriod(cap.period, P.day0 + d);
          deadFrom = from - P.day0;
          deadTo = to - P.day0;
          deadFailure = e.failure;
        }
      }
      failure = e.failure;
    }
    if (failure.kind === 'cap') {
      capDays++;
      const c = capCount.get(failure.key) ?? { cap: failure.cap, key: failure.key, department: failure.department, days: 0 };
      c.days++;
      capCount.set(failure.key, c);
    } else if (failure.kind === 'staff') {
      staffDays++;
      staffCount.set(failure.department, (staffCount.get(failure.department) ?? 0) + 1);
      if (staffDates.length < DAYS_LISTED) staffDates.push(formatDay(P.day0 + d));
    } else if (failure.kind === 'enterprise-busy') blocking.add(failure.visit);
  }
  const daysTried = o.feasible.length;
  const firstDate = formatDay(P.day0 + (o.feasible[0] as number));
  const lastDate = formatDay(P.day0 + (o.feasible[daysTried - 1] as number));
  if (capDays === daysTried && capDays > 0) {
    const top = [...capCount.values()].sort((a, b) => b.days - a.days || a.key - b.key)[0] as { cap: number; key: number; department: number };
    const cap = P.caps[top.cap];
    const grade = P.enterprises[o.enterprise]?.source.riskGrade;
    const events = state.tallies.tallyEvents(top.key).map((e) => (e.visit !== undefined ? { date: e.date, visitKey: e.visit } : { date: e.date, history: true }));
    const visitKeys = events.flatMap((e) => ('visitKey' in e ? [e.visitKey as number] : []));
    const period = cap?.period === 'rolling' ? { rollingDays: cap.rollingDays } : cap?.period;
    const span = cap && cap.period !== 'rolling' ? calendarPeriod(cap.period, P.day0 + (o.feasible[0] as number)) : undefined;
    return {
      code: 'CAP_REACHED',
      details: {
        capId: cap?.id,
        enterpriseId: P.enterprises[o.enterprise]?.id,
        departmentId: top.department >= 0 ? P.departments[top.department]?.id : undefined,
        period,
        firstPeriod: span ? { from: formatDay(span[0]), to: formatDay(span[1]) } : undefined,
        limit: cap?.limitByGrade(grade),
        minGapDays: cap?.minGapDays || undefined,
        events,
        daysTried,
        from: firstDate,
        to: lastDate,
      },
      visitKeys,
    };
  }
  if (capDays + staffDays === daysTried && staffDays > 0) {
    const dept = [...staffCount.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? o.department;
    return {
      code: 'STAFF_CAPACITY',
      details: { departmentId: P.departments[dept]?.id, daysTried, staffBlockedDays: staffDays, capBlockedDays: capDays, from: firstDate, to: lastDate, days: staffDates },
      visitKeys: [],
    };
  }
  const visitKeys = [...blocking].sort((a, b) => a - b);
  return {
    code: 'DISPLACED',
    details: { daysTried, staffBlockedDays: staffDays, capBlockedDays: capDays, blockingVisitKeys: visitKeys, from: firstDate, to: lastDate },
    visitKeys,
  };
}

/** Scratch of `diagnose`: the cap refusing the occurrence alone, by position in its window. */
const scratchRefusals: (Extract<Failure, { kind: 'cap' }> | undefined)[] = [];
