/**
 * The search: construct, then improve in rounds until a round finds nothing for
 * `stallRounds` rounds in a row, the time limit passes, or the caller aborts. It is a
 * generator that yields between chunks of work, so `plan` can await the event loop (and see
 * an AbortSignal) while `planSync` simply runs it through.
 */
import type { COccurrence } from '../compile/problem.js';
import { createRandom } from '../util/random.js';
import { construct } from './construct.js';
import { eject, eliminate, insert, relocateAndInsert, restaff } from './moves.js';
import type { PlanProgress } from './options.js';
import type { PlanState } from './state.js';
import { reoptimizeEnterprise } from './enterprise-search.js';
import { lowerBoundOf } from '../report/bounds.js';

/** Enterprises with an unplaced occurrence or more visits than their lower bound, by index. */
function enterprisesToRevisit(state: PlanState): number[] {
  const P = state.P;
  const out: number[] = [];
  for (const ent of P.enterprises) {
    if (ent.occurrences.length === 0) continue;
    if (ent.occurrences.some((i) => state.assigned[i] === -1)) {
      out.push(ent.index);
      continue;
    }
    const visits = state.visitsOf(ent.index).length;
    if (visits > 1 && visits > lowerBoundOf(P, new Map([[ent.index, ent.occurrences]]))) out.push(ent.index);
  }
  return out;
}

export interface SearchLimits {
  deadline: number;
  now: () => number;
  stallRounds: number;
  aborted: () => boolean;
}

export interface SearchOutcome {
  rounds: number;
  stoppedEarly?: 'time-limit' | 'aborted';
}

export function objectiveOf(state: PlanState): NonNullable<PlanProgress['best']> {
  return { scheduledPriority: state.scheduledPriority, visits: state.visits.size, personVisits: state.personVisits };
}

const better = (a: NonNullable<PlanProgress['best']>, b: NonNullable<PlanProgress['best']>) =>
  a.scheduledPriority > b.scheduledPriority || (a.scheduledPriority === b.scheduledPriority && a.visits < b.visits);

const CHUNK = 256;

export function* search(state: PlanState, limits: SearchLimits): Generator<PlanProgress, SearchOutcome> {
  construct(state);
  yield { phase: 'construct', fraction: 0.3, best: objectiveOf(state) };
  const rng = createRandom(state.seed).fork('improve');
  const P = state.P;
  let stall = 0;
  let rounds = 0;
  let work = 0;
  const stop = (): SearchOutcome['stoppedEarly'] | undefined =>
    limits.aborted() ? 'aborted' : limits.now() > limits.deadline ? 'time-limit' : undefined;
  while (stall < limits.stallRounds) {
    rounds++;
    const before = objectiveOf(state);
    // 1. Re-insert what is unassigned, most important first; take places from less important ones.
    const pending: number[] = [];
    for (let i = 0; i < P.occurrences.length; i++) if (state.assigned[i] === -1) pending.push(i);
    pending.sort((a, b) => (P.occurrences[b] as COccurrence).priority - (P.occurrences[a] as COccurrence).priority || a - b);
    while (pending.length > 0) {
      const i = pending.shift() as number;
      if (state.assigned[i] !== -1) continue;
      if (!insert(state, i) && !relocateAndInsert(state, i)) {
        const dropped = eject(state, i);
        if (dropped) for (const d of dropped) if (!insert(state, d)) pending.push(d);
      }
      if (++work % CHUNK === 0) {
        const why = stop();
        if (why) return { rounds, stoppedEarly: why };
        yield { phase: 'improve', fraction: 0.3, best: objectiveOf(state) };
      }
    }
    // 2. Re-plan exactly the enterprises that may do better: something unplaced, or more visits than their bound.
    for (const e of enterprisesToRevisit(state)) {
      reoptimizeEnterprise(state, e);
      if (++work % CHUNK === 0) {
        const why = stop();
        if (why) return { rounds, stoppedEarly: why };
        yield { phase: 'improve', fraction: 0.3, best: objectiveOf(state) };
      }
    }
    // 3. Remove visits whose occurrences all fit into other visits of the same enterprise.
    const keys = rng.shuffle([...state.visits.keys()].sort((a, b) => a - b));
    keys.sort((a, b) => (state.visits.get(a)?.occurrences.length ?? 0) - (state.visits.get(b)?.occurrences.length ?? 0));
    const atBound = new Map<number, boolean>();
    const canShrink = (e: number) => {
      let b = atBound.get(e);
      if (b === undefined) {
        b = state.visitsOf(e).length <= lowerBoundOf(P, new Map([[e, (P.enterprises[e] as { occurrences: number[] }).occurrences]]));
        atBound.set(e, b);
      }
      return !b;
    };
    for (const k of keys) {
      const v = state.visits.get(k);
      // An enterprise already at its lower bound has no visit to spare.
      if (v && (P.enterprises[v.enterprise]?.occurrences.length ?? 0) > v.occurrences.length && canShrink(v.enterprise)) {
        if (eliminate(state, k)) atBound.delete(v.enterprise);
      }
      if (++work % CHUNK === 0) {
        const why = stop();
        if (why) return { rounds, stoppedEarly: why };
        yield { phase: 'improve', fraction: 0.3, best: objectiveOf(state) };
      }
    }
    const after = objectiveOf(state);
    stall = better(after, before) ? 0 : stall + 1;
    yield { phase: 'improve', fraction: Math.min(0.95, 0.3 + 0.15 * rounds), best: after };
    const why = stop();
    if (why) return { rounds, stoppedEarly: why };
  }
  // 4. Soft objective: spread the officers' load by re-drawing teams where that evens it out.
  const mean = new Float64Array(P.departments.length);
  for (const d of P.departments) {
    let sum = 0;
    for (const o of d.officers) sum += state.officerLoad[o] as number;
    mean[d.index] = d.officers.length > 0 ? sum / d.officers.length : 0;
  }
  const overloaded = (k: number) =>
    state.visits.get(k)?.teams.some((t) => t.officers.some((o) => (state.officerLoad[o] as number) > (mean[t.department] as number) + 1)) ?? false;
  for (const k of [...state.visits.keys()].sort((a, b) => a - b)) {
    if (overloaded(k)) restaff(state, k);
    if (++work % CHUNK === 0) {
      const why = stop();
      if (why) return { rounds, stoppedEarly: why };
      yield { phase: 'balance', fraction: 0.96, best: objectiveOf(state) };
    }
  }
  return { rounds };
}
