/**
 * The search: construct, then improve in rounds until a round finds nothing for
 * `stallRounds` rounds in a row, the time limit passes, or the caller aborts. It is a
 * generator that yields between chunks of work, so `plan` can await the event loop (and see
 * an AbortSignal) while `planSync` simply runs it through.
 */
import type { COccurrence } from '../compile/problem.js';
import { createRandom } from '../util/random.js';
import { construct } from './construct.js';
import { eject, ejectAcross, eliminate, insert, rebalance, relocateAndInsert, replanInTimeOrder } from './moves.js';
import type { PlanProgress } from './options.js';
import type { PlanState } from './state.js';
import { defaultEnterpriseSearchLimits, reoptimizeEnterprise } from './enterprise-search.js';
import { enterpriseLowerBound } from '../report/bounds.js';
import { diagnose } from './diagnose.js';
import { chainBudget, chainInsert } from './chains.js';
import { mergeAcross } from './merge-across.js';

/** Each enterprise's lower bound over all its occurrences: no plan visits it fewer times. */
function enterpriseBounds(P: PlanState['P']): Int32Array {
  const bounds = new Int32Array(P.enterprises.length);
  const used = new Uint8Array(P.days);
  for (const ent of P.enterprises) {
    if (ent.occurrences.length > 0) bounds[ent.index] = enterpriseLowerBound(P, ent.index, ent.occurrences, used);
  }
  return bounds;
}

/** Enterprises with an unplaced occurrence or more visits than their lower bound, by index. */
function enterprisesToRevisit(state: PlanState, bounds: Int32Array): number[] {
  const P = state.P;
  const out: number[] = [];
  for (const ent of P.enterprises) {
    if (ent.occurrences.length === 0) continue;
    const visits = state.visitCount[ent.index] as number;
    if ((visits > 1 && visits > (bounds[ent.index] as number)) || ent.occurrences.some((i) => state.assigned[i] === -1)) out.push(ent.index);
  }
  return out;
}

/**
 * Visit keys, smallest visits first, in their given order within a size (a stable bucket sort:
 * no comparator over the map), and each key's enterprise (a key keeps its enterprise).
 */
function bySize(state: PlanState, keys: readonly number[]): { keys: number[]; enterpriseOf: Int32Array } {
  // Read in the map's own order: visiting the map in shuffled order is slow on a large heap.
  let top = 0;
  for (const k of keys) top = Math.max(top, k);
  const sizes = new Int32Array(top + 1);
  const enterpriseOf = new Int32Array(top + 1);
  for (const v of state.visits.values()) {
    sizes[v.key] = v.occurrences.length;
    enterpriseOf[v.key] = v.enterprise;
  }
  const buckets: number[][] = [];
  for (const k of keys) (buckets[sizes[k] as number] ??= []).push(k);
  const out: number[] = [];
  for (const b of buckets) if (b) for (const k of b) out.push(k);
  return { keys: out, enterpriseOf };
}

/**
 * The last search step, run however the search ended: each occurrence still unassigned is tried
 * on every day of its window once more (alone, or joining the visit there) — moves after its
 * last insertion attempt may have made room — until a pass places nothing. Afterwards the report
 * only explains (`diagnose` without placing).
 */
export function placeLeftovers(state: PlanState): number {
  const P = state.P;
  let placed = 0;
  for (let again = true; again; ) {
    again = false;
    const reasons: [number, unknown][] = [];
    for (let i = 0; i < P.occurrences.length; i++) {
      if (state.assigned[i] !== -1) continue;
      const d = diagnose(state, i, true);
      if (d.placed === true) {
        placed++;
        again = true;
      } else reasons.push([i, d]);
    }
    // A pass that placed nothing left the state as it found it: its reasons are the report's.
    if (!again) state.leftoverReasons = { version: state.version, reasons };
  }
  return placed;
}

/** Enterprises with two visits or more and either more visits than their bound or something unplaced that a day could hold. */
function mergeCandidates(state: PlanState, bounds: Int32Array): number[] {
  const P = state.P;
  const out: number[] = [];
  for (const ent of P.enterprises) {
    const visits = state.visitCount[ent.index] as number;
    if (visits < 2) continue;
    if (visits > (bounds[ent.index] as number) || ent.occurrences.some((i) => state.assigned[i] === -1 && (P.occurrences[i] as COccurrence).feasible.length > 0)) out.push(ent.index);
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
  /** Milliseconds per phase: construct, then (summed over rounds) insert, replan, eliminate, then balance. */
  phasesMs: Record<string, number>;
  stoppedEarly?: 'time-limit' | 'aborted';
}

export function objectiveOf(state: PlanState): NonNullable<PlanProgress['best']> {
  return { scheduledPriority: state.scheduledPriority, visits: state.visits.size, personVisits: state.personVisits };
}

const better = (a: NonNullable<PlanProgress['best']>, b: NonNullable<PlanProgress['best']>) =>
  a.scheduledPriority > b.scheduledPriority || (a.scheduledPriority === b.scheduledPriority && a.visits < b.visits);

const CHUNK = 256;
/** Candidate-visit evaluations shared by one round of exact enterprise re-planning (most and least per enterprise in `defaultEnterpriseSearchLimits` / below). */
const REPLAN_TOTAL_EVALUATIONS = 1_000_000;
const REPLAN_MIN_EVALUATIONS = 500;
/** Search-tree nodes shared the same way. */
const REPLAN_TOTAL_NODES = 5_000_000;
const REPLAN_MIN_NODES = 2_000;

export function* search(state: PlanState, limits: SearchLimits): Generator<PlanProgress, SearchOutcome> {
  const phasesMs: Record<string, number> = {};
  let mark = limits.now();
  const lap = (phase: string) => {
    const t = limits.now();
    phasesMs[phase] = Math.round((phasesMs[phase] ?? 0) + t - mark);
    mark = t;
  };
  construct(state);
  const bounds = enterpriseBounds(state.P);
  state.enterpriseBounds = bounds;
  lap('construct');
  yield { phase: 'construct', fraction: 0.3, best: objectiveOf(state) };
  const rng = createRandom(state.seed).fork('improve');
  const P = state.P;
  let stall = 0;
  let rounds = 0;
  let work = 0;
  /**
   * Every CHUNK moves: stop when told to or out of time, else report and let the caller
   * breathe. Callers count the move first (`++work % CHUNK === 0`), so that the other moves
   * do not make a generator each.
   */
  function* checkpoint(phase: PlanProgress['phase'], fraction: number): Generator<PlanProgress, SearchOutcome['stoppedEarly'] | undefined> {
    const why = limits.aborted() ? 'aborted' : limits.now() > limits.deadline ? 'time-limit' : undefined;
    if (why) return why;
    yield { phase, fraction, best: objectiveOf(state) };
    return undefined;
  }
  // Enterprises changed by a kept move in the previous round; later rounds look only there
  // (undefined: the first round looks everywhere).
  let dirty: Set<number> | undefined;
  const settled = new Set<number>();
  // Displacement chains and merges share one node budget for the whole search (chains.ts).
  const chains = chainBudget(P);
  while (stall < limits.stallRounds) {
    rounds++;
    const before = objectiveOf(state);
    const changed = new Set<number>();
    const fraction = Math.min(0.9, 0.3 + 0.15 * rounds);
    // 1. Re-insert what is unassigned, most important first; take places from less important ones.
    const pending: number[] = [];
    for (let i = 0; i < P.occurrences.length; i++) {
      if (state.assigned[i] !== -1) continue;
      // After the first round, only where a kept move changed something can a retry succeed.
      if (dirty && !dirty.has((P.occurrences[i] as COccurrence).enterprise)) continue;
      pending.push(i);
    }
    pending.sort((a, b) => (P.occurrences[b] as COccurrence).priority - (P.occurrences[a] as COccurrence).priority || a - b);
    // (Taken from the front by an index: shifting a list of tens of thousands costs a copy each time.)
    for (let head = 0; head < pending.length; head++) {
      const i = pending[head] as number;
      if (state.assigned[i] !== -1) continue;
      const e = (P.occurrences[i] as COccurrence).enterprise;
      if (insert(state, i) || relocateAndInsert(state, i)) changed.add(e);
      else {
        const dropped = eject(state, i);
        if (dropped) {
          changed.add(e);
          for (const d of dropped) if (!insert(state, d)) pending.push(d);
        } else {
          // Staff taken by a less important visit elsewhere: take it (the visit's occurrences
          // left out are retried in turn, so a chain across enterprises can follow).
          const taken = ejectAcross(state, i);
          if (taken) {
            changed.add(e);
            changed.add(taken.from);
            for (const d of taken.left) pending.push(d);
          } else {
            // A longer chain: what blocks it moves elsewhere, what blocks that in turn…, and
            // something less important may be given up at the far end (chains.ts).
            const touched = chainInsert(state, i, chains);
            if (touched) for (const t of touched) changed.add(t);
          }
        }
      }
      if (++work % CHUNK === 0) {
        const why = yield* checkpoint('improve', fraction);
        if (why) return { rounds, stoppedEarly: why, phasesMs };
      }
    }
    lap('insert');
    // 2. Re-plan exactly the enterprises that may do better: something unplaced, or more visits than their bound.
    // An enterprise the exact re-planning saw after its last change is settled: looking again
    // could only find what it found then.
    const revisit = enterprisesToRevisit(state, bounds).filter((e) => !dirty || changed.has(e) || (dirty.has(e) && !settled.has(e)));
    // A shared budget: exact on a few enterprises, a bounded neighbourhood on thousands.
    const share = (total: number, least: number, most: number) => Math.max(least, Math.min(most, Math.floor(total / Math.max(1, revisit.length))));
    const budget = {
      ...defaultEnterpriseSearchLimits,
      evaluations: share(REPLAN_TOTAL_EVALUATIONS, REPLAN_MIN_EVALUATIONS, defaultEnterpriseSearchLimits.evaluations),
      nodes: share(REPLAN_TOTAL_NODES, REPLAN_MIN_NODES, defaultEnterpriseSearchLimits.nodes),
    };
    for (const e of revisit) {
      const large = (P.enterprises[e]?.occurrences.length ?? 0) > budget.maxOccurrences;
      if (large ? replanInTimeOrder(state, e) : reoptimizeEnterprise(state, e, budget)) changed.add(e);
      settled.add(e);
      if (++work % CHUNK === 0) {
        const why = yield* checkpoint('improve', fraction);
        if (why) return { rounds, stoppedEarly: why, phasesMs };
      }
    }
    lap('replan');
    // 3. Remove visits whose occurrences all fit into other visits of the same enterprise.
    const { keys, enterpriseOf } = bySize(state, rng.shuffle([...state.visits.keys()].sort((a, b) => a - b)));
    const canShrink = (e: number) => (state.visitCount[e] as number) > (bounds[e] as number);
    for (const k of keys) {
      const e = enterpriseOf[k] as number;
      if (dirty && !dirty.has(e) && !changed.has(e)) continue;
      const v = state.visits.get(k);
      if (!v) continue;
      // An enterprise already at its lower bound has no visit to spare.
      if ((P.enterprises[v.enterprise]?.occurrences.length ?? 0) > v.occurrences.length && canShrink(v.enterprise)) {
        if (eliminate(state, k)) {
          changed.add(v.enterprise);
          settled.delete(v.enterprise);
        }
      }
      if (++work % CHUNK === 0) {
        const why = yield* checkpoint('improve', fraction);
        if (why) return { rounds, stoppedEarly: why, phasesMs };
      }
    }
    // 3b. Merge two visits of an enterprise on a day both can attend, moving what blocks that
    // day (merge-across.ts): where something is unplaced or there are more visits than the bound.
    for (const e of chains.left > 0 ? mergeCandidates(state, bounds) : []) {
      if (chains.left <= 0) break;
      if (dirty && !dirty.has(e) && !changed.has(e)) continue;
      const touched = mergeAcross(state, e, chains);
      if (touched) for (const t of touched) changed.add(t);
      if (++work % CHUNK === 0) {
        const why = yield* checkpoint('improve', fraction);
        if (why) return { rounds, stoppedEarly: why, phasesMs };
      }
    }
    lap('eliminate');
    const after = objectiveOf(state);
    stall = better(after, before) ? 0 : stall + 1;
    dirty = changed;
    yield { phase: 'improve', fraction, best: after };
    const why = limits.aborted() ? 'aborted' : limits.now() > limits.deadline ? 'time-limit' : undefined;
    if (why) return { rounds, stoppedEarly: why, phasesMs };
  }
  // 4. Soft objective: swap officers to spread the load evenly.
  const mean = new Float64Array(P.departments.length);
  for (const d of P.departments) {
    let sum = 0;
    for (const o of d.officers) sum += state.officerLoad[o] as number;
    mean[d.index] = d.officers.length > 0 ? sum / d.officers.length : 0;
  }
  for (const k of [...state.visits.keys()].sort((a, b) => a - b)) {
    rebalance(state, k, mean);
    if (++work % CHUNK === 0) {
      const why = yield* checkpoint('balance', 0.95);
      if (why) return { rounds, stoppedEarly: why, phasesMs };
    }
  }
  lap('balance');
  return { rounds, phasesMs };
}
