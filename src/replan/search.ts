/**
 * The replan search: places what the loaded plan leaves unassigned (new requests, occurrences
 * of cancelled visits, the previously unscheduled) while changing as few visits as it can.
 * Each occurrence, most important first, tries in order of churn:
 * 1. joining a visit of its enterprise on that visit's day, keeping its team (one visit changed,
 *    its date kept);
 * 2. a new visit of its own (one visit added, none changed);
 * 3. joining a visit moved to another day, or moving a visit to free a day (the planner's
 *    `insert` and `relocateAndInsert`);
 * 4. taking the place of less important occurrences (`eject`): priority comes before churn.
 * Fixed visits (past, frozen, pinned) are never touched. The moves that only save visits or
 * spread the load (merging, exact re-planning of an enterprise, rebalancing) are not run: they
 * rank below churn in replan's objective.
 */
import type { COccurrence } from '../compile/problem.js';
import { placeBest } from '../solver/construct.js';
import { eject, insert, relocateAndInsert } from '../solver/moves.js';
import type { PlanProgress } from '../solver/options.js';
import { objectiveOf, type SearchLimits, type SearchOutcome } from '../solver/search.js';
import { dayList, isFeasibleOn, type PlanState } from '../solver/state.js';

/** Joins the occurrence to a visit of its enterprise on that visit's day, its officers ranked first. */
function joinSameDay(state: PlanState, occurrence: number): boolean {
  const P = state.P;
  const o = P.occurrences[occurrence] as COccurrence;
  if (o.exclusive) return false;
  for (const v of state.visitsOf(o.enterprise)) {
    if (state.fixed.has(v.key) || !isFeasibleOn(o, v.day)) continue;
    if (v.occurrences.some((i) => (P.occurrences[i] as COccurrence).exclusive)) continue;
    const mark = state.mark();
    state.remove(v.key);
    for (const t of v.teams) for (const x of t.officers) state.staffBonus[x] = 1 << 20;
    const e = state.evaluate([...v.occurrences, occurrence], v.day);
    for (const t of v.teams) for (const x of t.officers) state.staffBonus[x] = 0;
    if (e.ok) {
      const made = state.commit(e.placement);
      const id = state.visitIds[v.key];
      if (id !== undefined) state.visitIds[made.key] = id;
      state.release(mark);
      return true;
    }
    state.rollback(mark);
  }
  return false;
}

function placeAlone(state: PlanState, occurrence: number): boolean {
  const o = state.P.occurrences[occurrence] as COccurrence;
  const placement = placeBest(state, [occurrence], dayList(o.feasible));
  if (!placement) return false;
  state.commit(placement);
  return true;
}

const CHUNK = 64;

export function* replanSearch(state: PlanState, limits: SearchLimits): Generator<PlanProgress, SearchOutcome> {
  const P = state.P;
  const t0 = limits.now();
  const pending: number[] = [];
  for (let i = 0; i < P.occurrences.length; i++) if (state.assigned[i] === -1 && (P.occurrences[i] as COccurrence).feasible.length > 0) pending.push(i);
  pending.sort((a, b) => (P.occurrences[b] as COccurrence).priority - (P.occurrences[a] as COccurrence).priority || a - b);
  const total = Math.max(1, pending.length);
  let work = 0;
  const place = (i: number) => joinSameDay(state, i) || placeAlone(state, i) || insert(state, i) || relocateAndInsert(state, i);
  while (pending.length > 0) {
    const i = pending.shift() as number;
    if (state.assigned[i] !== -1) continue;
    if (!place(i)) {
      const dropped = eject(state, i);
      if (dropped) for (const d of dropped) if (!place(d)) pending.push(d);
    }
    if (++work % CHUNK === 0) {
      const why = limits.aborted() ? 'aborted' : limits.now() > limits.deadline ? 'time-limit' : undefined;
      if (why) return { rounds: 1, stoppedEarly: why, phasesMs: { insert: Math.round(limits.now() - t0) } };
      yield { phase: 'improve', fraction: Math.min(0.9, 0.3 + (0.6 * work) / total), best: objectiveOf(state) };
    }
  }
  return { rounds: 1, phasesMs: { insert: Math.round(limits.now() - t0) } };
}
