/**
 * Construction: group each enterprise's occurrences, then date and staff the groups, most
 * important first and, within a priority, the most constrained first. A group that fits on no
 * day gives up its least important member (which is retried later) until it fits.
 */
import type { COccurrence, CompiledProblem } from '../compile/problem.js';
import { mixKey } from '../util/random.js';
import { groupEnterprise, type Group } from './grouping.js';
import type { Placement, PlanState } from './state.js';

/** Candidate days for a set of occurrences, best first: no make-up day (when "avoid"), preferred dates, light load. */
export function rankDays(state: PlanState, occurrences: readonly number[], days: readonly number[]): number[] {
  const P = state.P;
  const avoid = P.scenario.policy.makeupWorkdays === 'avoid';
  const occs = occurrences.map((i) => P.occurrences[i] as COccurrence);
  const depts = [...new Set(occs.map((o) => o.department))];
  const ent = (occs[0] as COccurrence).enterprise;
  // Demand: how much the enterprise's other unplaced occurrences need each day (1/|their days|),
  // so a visit leaves the days others depend on free (one visit per enterprise per day).
  const demand = new Map<number, number>();
  for (const i of P.enterprises[ent]?.occurrences ?? []) {
    if (state.assigned[i] !== -1 || occurrences.includes(i)) continue;
    const f = (P.occurrences[i] as COccurrence).feasible;
    for (const d of f) demand.set(d, (demand.get(d) ?? 0) + 1 / f.length);
  }
  const eh = state.enterpriseHash[ent] as number;
  const scored = days.map((d) => {
    let preferred = 0;
    for (const o of occs) if (o.preferred.has(d)) preferred++;
    let load = 0;
    for (const dep of depts) load += state.deptDayLoad[dep * P.days + d] as number;
    const need = Math.round((demand.get(d) ?? 0) * 1000);
    return { d, need, makeup: avoid ? (P.makeup[d] as number) : 0, preferred, load, r: mixKey(eh, d, 1) };
  });
  scored.sort((a, b) => a.need - b.need || a.makeup - b.makeup || b.preferred - a.preferred || a.load - b.load || a.r - b.r);
  return scored.map((s) => s.d);
}

/** The best placement of these occurrences on one of `days`, or undefined. */
export function placeBest(state: PlanState, occurrences: readonly number[], days: readonly number[]): Placement | undefined {
  for (const d of rankDays(state, occurrences, days)) {
    const e = state.evaluate(occurrences, d);
    if (e.ok) return e.placement;
  }
  return undefined;
}

export function groupAll(P: CompiledProblem, joint: boolean): Group[] {
  const groups: Group[] = [];
  for (const e of P.enterprises) groups.push(...groupEnterprise(P, e.occurrences, { joint }));
  return groups;
}

export function construct(state: PlanState): void {
  const P = state.P;
  const groups = groupAll(P, true);
  const weight = (g: Group) => Math.max(...g.occurrences.map((i) => (P.occurrences[i] as COccurrence).priority));
  groups.sort((a, b) => weight(b) - weight(a) || a.days.length - b.days.length || (a.occurrences[0] as number) - (b.occurrences[0] as number));
  for (const g of groups) {
    let members = [...g.occurrences];
    while (members.length > 0) {
      let days = g.days;
      if (members.length < g.occurrences.length) {
        days = Array.from((P.occurrences[members[0] as number] as COccurrence).feasible).filter((d) =>
          members.every((i) => (P.occurrences[i] as COccurrence).feasible.includes(d)),
        );
      }
      const placement = placeBest(state, members, days);
      if (placement) {
        state.commit(placement);
        break;
      }
      if (members.length === 1) break;
      // Drop the least important member (the longest on ties); it is retried on its own later.
      members.sort((a, b) => {
        const x = P.occurrences[a] as COccurrence;
        const y = P.occurrences[b] as COccurrence;
        return y.priority - x.priority || x.minutes - y.minutes || a - b;
      });
      members.pop();
      members.sort((a, b) => a - b);
    }
  }
}
