/**
 * Displacement chains: a bounded depth-first search that places a group of occurrences by
 * taking out whatever blocks it on a day — another enterprise's visit holding the officers a
 * department needs, the enterprise's own visit on that day, or one of its visits that uses the
 * cap slot — and then settles each visit taken out in turn: placed again as it is (another day,
 * or joining a visit of its enterprise), placed by displacing in its turn (the chain goes on),
 * or left out. A finished chain is kept only when the plan's objective (contract §3: priority,
 * then visits, then officers) is better than before it; otherwise every change is undone.
 * Used by `chainInsert` (below) and `mergeAcross` (merge-across.ts).
 */
import type { COccurrence } from '../compile/problem.js';
import { commonFeasibleDays } from './arrays.js';
import { placeBest } from './construct.js';
import { fitsOneVisit, insert } from './moves.js';
import type { PlacedVisit, PlanState } from './state.js';

export interface ChainLimits {
  /** Visits a chain may take out, in all. */
  depth: number;
  /** Days of a group's window tried for a displacement (spread evenly). */
  days: number;
  /** Blocking visits tried per day. */
  visits: number;
  /** Displacements and placements tried per chain search (its whole tree). */
  nodes: number;
}

/**
 * The nodes all chain searches of one plan may use together (`chainBudget`). A node costs more
 * the larger the problem (longer windows to place a visit in, more visits a day to look
 * through), and a large problem has many more leftovers to try: the budget falls with the
 * square of the number of occurrences — the whole of it where a few dozen occurrences compete
 * for scarce officers, a small bounded extra from a few hundred on.
 */
export interface ChainBudget {
  left: number;
  /** Nodes one chain search may use at most: a twentieth of the whole, so that many get a turn. */
  each: number;
}

const BUDGET_WORK = 150_000_000;
const BUDGET_MOST = 60_000;
const BUDGET_LEAST = 1_000;
const BUDGET_SHARES = 20;

/** The shared node budget for one plan's chain searches (see `ChainBudget`). */
export function chainBudget(P: PlanState['P']): ChainBudget {
  const n = Math.max(1, P.occurrences.length);
  const nodes = Math.max(BUDGET_LEAST, Math.min(BUDGET_MOST, Math.floor(BUDGET_WORK / n / n)));
  return { left: nodes, each: Math.ceil(nodes / BUDGET_SHARES) };
}

export const defaultChainLimits: ChainLimits = { depth: 6, days: 24, visits: 4, nodes: 2000 };

/** The plan's objective in contract §3 order (the soft wishes aside). */
export interface Objective {
  priority: number;
  visits: number;
  officers: number;
}

export const objectiveNow = (state: PlanState): Objective => ({ priority: state.scheduledPriority, visits: state.visits.size, officers: state.personVisits });

/** Whether `a` is strictly better than `b`: more priority, then fewer visits, then fewer officers. */
export const improves = (a: Objective, b: Objective): boolean =>
  a.priority > b.priority || (a.priority === b.priority && (a.visits < b.visits || (a.visits === b.visits && a.officers < b.officers)));

/** Occurrences to settle: a visit taken out, or the group the chain is for (`root`: never left out). */
export interface Pending {
  occurrences: readonly number[];
  root: boolean;
  /** The days to try (the root's may be narrower than its window); default: their common feasible days. */
  days?: readonly number[];
}

interface Run {
  state: PlanState;
  before: Objective;
  limits: ChainLimits;
  nodes: number;
  /** Nodes this run may use: the per-search limit, within what the shared budget has left. */
  cap: number;
  /** Visits committed by this run have keys from here on: never displaced again (no ping-pong). */
  firstKey: number;
  /** Enterprises on the chain being tried (the group's, and those of the visits taken out): their unplaced occurrences are retried when it ends. */
  touched: number[];
}

const worth = (state: PlanState, occurrences: readonly number[]): number => {
  let sum = 0;
  for (const i of occurrences) sum += (state.P.occurrences[i] as COccurrence).priority;
  return sum;
};

const enterpriseOf = (state: PlanState, occurrences: readonly number[]): number => (state.P.occurrences[occurrences[0] as number] as COccurrence).enterprise;

/**
 * Searches for a chain that settles `pending` and improves the objective of `before`. Leaves the
 * state improved and returns the enterprises it touched, or exactly as it found it and returns
 * undefined.
 */
export function searchChain(state: PlanState, pending: Pending[], before: Objective, budget: ChainBudget, limits: ChainLimits = defaultChainLimits): number[] | undefined {
  const run = startRun(state, before, budget, limits);
  for (const p of pending) touch(run, enterpriseOf(state, p.occurrences));
  const found = deepening(run, pending);
  budget.left -= run.nodes;
  return found ? run.touched : undefined;
}

function startRun(state: PlanState, before: Objective, budget: ChainBudget, limits: ChainLimits): Run {
  return { state, before, limits, nodes: 0, cap: Math.min(limits.nodes, budget.each, budget.left), firstKey: state.freshKey(), touched: [] };
}

/** Short chains first: the search again with one more visit allowed out, until the depth limit or the node budget. */
function deepening(run: Run, pending: readonly Pending[]): boolean {
  for (let depth = 1; depth <= run.limits.depth && run.nodes < run.cap; depth++) if (settle(run, pending, depth)) return true;
  return false;
}

function touch(run: Run, enterprise: number): void {
  if (!run.touched.includes(enterprise)) run.touched.push(enterprise);
}

/** Settles the first pending group, then the rest; true (state kept) when a finished chain improves the objective. */
function settle(run: Run, pending: readonly Pending[], depth: number): boolean {
  const state = run.state;
  if (pending.length === 0) return finish(run);
  if (run.nodes >= run.cap) return false;
  // Even if every pending group and the touched enterprises' leftovers were placed, the chain
  // could not reach the priority it started from: no point going on.
  let reach = state.scheduledPriority;
  for (const p of pending) reach += worth(state, p.occurrences);
  if (reach + leftoverWorth(run) < run.before.priority) return false;
  const g = pending[0] as Pending;
  const rest = pending.slice(1);
  // 1. As it is: on its best day, or (one occurrence) joining a visit of its enterprise.
  run.nodes++;
  const mark = state.mark();
  if (placePlainly(state, g)) {
    if (settle(run, rest, depth)) {
      state.release(mark);
      return true;
    }
  }
  state.rollback(mark);
  // 2. By taking out what blocks it on one of its days.
  if (depth > 0 && displace(run, g, rest, depth)) return true;
  // 3. Left out (a visit taken out earlier in the chain; never the group the chain is for).
  if (!g.root) {
    if (g.occurrences.length > 1) {
      // Split: what fits goes in one by one, the rest is left out.
      const split = state.mark();
      for (const i of g.occurrences) insert(state, i);
      if (settle(run, rest, depth)) {
        state.release(split);
        return true;
      }
      state.rollback(split);
    } else if (settle(run, rest, depth)) return true;
  }
  return false;
}

/** Places a group as one visit on its best day, or a single occurrence by `insert` (which also joins). */
function placePlainly(state: PlanState, g: Pending): boolean {
  if (g.occurrences.length === 1 && g.days === undefined) return insert(state, g.occurrences[0] as number);
  const days = g.days ?? commonFeasibleDays(g.occurrences.map((i) => state.P.occurrences[i] as COccurrence));
  const placement = placeBest(state, g.occurrences, days);
  if (!placement) return false;
  state.commit(placement);
  return true;
}

/** Tries the group on its days (spread evenly when there are many), taking out what blocks it on each. */
function displace(run: Run, g: Pending, rest: readonly Pending[], depth: number): boolean {
  const state = run.state;
  const days = g.days ?? commonFeasibleDays(g.occurrences.map((i) => state.P.occurrences[i] as COccurrence));
  const step = Math.max(1, Math.floor(days.length / run.limits.days));
  for (let k = 0; k < days.length; k += step) {
    if (run.nodes >= run.cap) return false;
    if (clearDay(run, g, rest, days[k] as number, [], depth)) return true;
  }
  return false;
}

/**
 * The group on day `d`, with the visits in `taken` already taken out: placed if it fits now
 * (and the taken visits settled in turn), else one more blocking visit taken out (each
 * department of a joint visit may need its own).
 */
function clearDay(run: Run, g: Pending, rest: readonly Pending[], d: number, taken: readonly PlacedVisit[], depth: number): boolean {
  const state = run.state;
  run.nodes++;
  const e = state.evaluate(g.occurrences, d);
  if (e.ok) {
    // Nothing taken out yet: placing it plainly tried its best day already.
    if (taken.length === 0) return false;
    state.commit(e.placement);
    const next: Pending[] = taken.map((w) => ({ occurrences: w.occurrences, root: false }));
    return settle(run, [...next, ...rest], depth);
  }
  if (depth === 0) return false;
  for (const w of blockers(run, e.failure, enterpriseOf(state, g.occurrences), d)) {
    if (run.nodes >= run.cap) return false;
    const mark = state.mark();
    const touched = run.touched.length;
    state.remove(w.key);
    touch(run, w.enterprise);
    if (clearDay(run, g, rest, d, [...taken, w], depth - 1)) {
      state.release(mark);
      return true;
    }
    state.rollback(mark);
    run.touched.length = touched;
  }
  return false;
}

/**
 * The visits whose removal may let the group in on day `d`, least worth first: for staff, those
 * holding the department's officers that day; for the enterprise's own visit that day, that
 * visit (its occurrences may then join the group); for a cap, the enterprise's other visits.
 * Fixed visits and visits this chain placed are never taken out.
 */
function blockers(run: Run, failure: Extract<ReturnType<PlanState['evaluate']>, { ok: false }>['failure'], enterprise: number, d: number): PlacedVisit[] {
  const state = run.state;
  const P = state.P;
  const out: PlacedVisit[] = [];
  const usable = (key: number) => key < run.firstKey && !state.fixed.has(key);
  if (failure.kind === 'staff') {
    const keys: number[] = [];
    state.booked.visitKeysOf((P.departments[failure.department] as { officers: readonly number[] }).officers, d, keys);
    for (const key of keys) {
      const w = state.visits.get(key);
      if (w && w.enterprise !== enterprise && usable(key)) out.push(w);
    }
  } else if (failure.kind === 'enterprise-busy') {
    const w = state.visits.get(failure.visit);
    if (w && usable(w.key)) out.push(w);
  } else if (failure.kind === 'cap') {
    for (const w of state.visitsOf(enterprise)) if (w.day !== d && usable(w.key)) out.push(w);
  }
  const value = (w: PlacedVisit) => worth(state, w.occurrences);
  out.sort((a, b) => value(a) - value(b) || a.key - b.key);
  return out.length > run.limits.visits ? out.slice(0, run.limits.visits) : out;
}

/** The priority of the touched enterprises' unplaced occurrences that some day could hold. */
function leftoverWorth(run: Run): number {
  const state = run.state;
  let sum = 0;
  for (const e of run.touched) {
    for (const i of (state.P.enterprises[e] as { occurrences: readonly number[] }).occurrences) {
      const o = state.P.occurrences[i] as COccurrence;
      if (state.assigned[i] === -1 && o.feasible.length > 0) sum += o.priority;
    }
  }
  return sum;
}

/** The chain is complete: retry the touched enterprises' leftovers, then judge it. Undone unless better. */
function finish(run: Run): boolean {
  const state = run.state;
  const mark = state.mark();
  for (const e of run.touched) {
    const left = (state.P.enterprises[e] as { occurrences: readonly number[] }).occurrences.filter(
      (i) => state.assigned[i] === -1 && (state.P.occurrences[i] as COccurrence).feasible.length > 0,
    );
    left.sort((a, b) => (state.P.occurrences[b] as COccurrence).priority - (state.P.occurrences[a] as COccurrence).priority || a - b);
    for (const i of left) {
      if (state.assigned[i] !== -1) continue;
      run.nodes++;
      insert(state, i);
    }
  }
  if (improves(objectiveNow(state), run.before)) {
    state.release(mark);
    return true;
  }
  state.rollback(mark);
  return false;
}

/**
 * Places an unassigned occurrence by a displacement chain: it and the other unplaced
 * occurrences of its enterprise that can share a visit with it (most important first) are
 * placed on a day where something blocks them, what blocked them is settled in turn (see
 * `searchChain`), and the result is kept only when the objective improves — so a chain may give
 * up a less important visit at the far end for a more important one here. Returns the
 * enterprises it touched when it changed the plan, else undefined (the state as it was).
 */
export function chainInsert(state: PlanState, occurrence: number, budget: ChainBudget, limits: ChainLimits = defaultChainLimits): number[] | undefined {
  const P = state.P;
  const o = P.occurrences[occurrence] as COccurrence;
  if (budget.left <= 0 || o.feasible.length === 0 || state.assigned[occurrence] !== -1) return undefined;
  const group = [occurrence];
  if (!o.exclusive) {
    const others = (P.enterprises[o.enterprise] as { occurrences: readonly number[] }).occurrences.filter(
      (i) => i !== occurrence && state.assigned[i] === -1 && !(P.occurrences[i] as COccurrence).exclusive,
    );
    others.sort((a, b) => (P.occurrences[b] as COccurrence).priority - (P.occurrences[a] as COccurrence).priority || a - b);
    for (const i of others) {
      const next = [...group, i];
      if (fitsOneVisit(P, next) && commonFeasibleDays(next.map((j) => P.occurrences[j] as COccurrence)).length > 0) group.push(i);
    }
  }
  const before = objectiveNow(state);
  const touched = searchChain(state, [{ occurrences: group, root: true }], before, budget, limits);
  if (touched || group.length === 1) return touched;
  return searchChain(state, [{ occurrences: [occurrence], root: true }], before, budget, limits);
}
