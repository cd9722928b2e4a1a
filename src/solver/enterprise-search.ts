/**
 * Exact re-planning of one enterprise: its visits are taken out and every way of splitting its
 * occurrences into visits (or leaving some out) is searched with branch and bound — most
 * priority first, then fewest visits — each candidate dated and staffed against the rest of
 * the plan. Used on enterprises where the plan may be improvable (something unplaced, or more
 * visits than the enterprise's lower bound). Bounded by a node and an evaluation budget, so it
 * is exact on small enterprises and a strong neighbourhood on larger ones.
 */
import { calendarPeriod } from '../compile/caps.js';
import { tallyKey, type CCap, type COccurrence, type CompiledProblem } from '../compile/problem.js';
import { lowerBoundOf } from '../report/bounds.js';
import { rankDays } from './construct.js';
import type { Placement, PlanState } from './state.js';
import { sharedDays } from './arrays.js';
import { dayList, isFeasibleOn } from './state.js';

export interface EnterpriseSearchLimits {
  maxOccurrences: number;
  nodes: number;
  evaluations: number;
}

export const defaultEnterpriseSearchLimits: EnterpriseSearchLimits = { maxOccurrences: 10, nodes: 50_000, evaluations: 4_000 };

/** Candidate-visit evaluations one split may use to be dated. */
const LEAF_EVALUATIONS = 300;

/** Days tried per occurrence when checking whether it can be placed at all. */
const LIVE_PROBES = 24;

interface Block {
  occs: number[];
  days: number[];
  /** Minutes per department, as pairs (department, minutes): a handful, copied at every branch. */
  minutes: number[];
  exclusive: boolean;
}

const periodCache = new WeakMap<CompiledProblem, Map<number, Int32Array>>();

/** No calendar period (a rolling cap, or blocks that straddle periods). */
const NO_PERIOD = -2147483648;

/**
 * For a calendar-period cap: the first and the last day (day numbers) of the period of each
 * horizon day d, at 2d and 2d + 1.
 */
function periodBounds(P: CompiledProblem, cap: number): Int32Array {
  let byCap = periodCache.get(P);
  if (!byCap) periodCache.set(P, (byCap = new Map()));
  let bounds = byCap.get(cap);
  if (!bounds) {
    const c = P.caps[cap] as CCap;
    bounds = new Int32Array(2 * P.days);
    for (let d = 0; d < P.days; d++) {
      if (c.period === 'rolling') continue;
      const [from, to] = calendarPeriod(c.period, P.day0 + d);
      bounds[2 * d] = from;
      bounds[2 * d + 1] = to;
    }
    byCap.set(cap, bounds);
  }
  return bounds;
}

/** Returns whether the enterprise's part of the plan was improved (and kept). */
export function reoptimizeEnterprise(state: PlanState, enterprise: number, limits = defaultEnterpriseSearchLimits): boolean {
  const P = state.P;
  const ent = P.enterprises[enterprise];
  if (!ent || ent.occurrences.length === 0 || ent.occurrences.length > limits.maxOccurrences) return false;
  const occ = (i: number) => P.occurrences[i] as COccurrence;
  const original = state.visitsOf(enterprise);
  if (original.some((v) => state.fixed.has(v.key))) return false;
  let bestPriority = 0;
  for (const v of original) for (const i of v.occurrences) bestPriority += occ(i).priority;
  let bestVisits = original.length;
  let best: Placement[] | undefined;

  const mark = state.mark();
  for (const v of original) state.remove(v.key);
  // An occurrence that fits on no day even alone, with the enterprise empty, fits in no visit
  // of it either (a visit only adds to its caps, its length and its staff): leave it out. For
  // speed at most LIVE_PROBES of its days, spread over its window, are tried; one that is left
  // out wrongly is only missed by this move, never placed wrongly.
  const placed = new Set(original.flatMap((v) => v.occurrences));
  const live = ent.occurrences.filter((i) => {
    if (placed.has(i)) return true; // it was in a valid visit, so it fits alone too
    const f = occ(i).feasible;
    const step = Math.max(1, Math.ceil(f.length / LIVE_PROBES));
    for (let k = 0; k < f.length; k += step) if (state.evaluate([i], f[k] as number).ok) return true;
    return false;
  });
  const order = live.sort((a, b) => occ(b).priority - occ(a).priority || occ(a).feasible.length - occ(b).feasible.length || a - b);
  const rest = order.map((_, k) => order.slice(k).reduce((s, i) => s + occ(i).priority, 0));
  rest.push(0);
  // Nothing to gain when every placeable occurrence is already placed in as few visits as the bound allows.
  const reachable = rest[0] ?? 0;
  if (reachable <= bestPriority && bestVisits <= lowerBoundOf(P, new Map([[enterprise, order]]))) {
    state.rollback(mark);
    return false;
  }
  let nodes = limits.nodes;
  let evaluations = limits.evaluations;
  let leafEvaluations = LEAF_EVALUATIONS;

  const assign = (blocks: Block[], k: number, placed: Placement[]): Placement[] | undefined => {
    if (k === blocks.length) return [...placed];
    const b = blocks[k] as Block;
    for (const d of rankDays(state, b.occs, b.days)) {
      if (--evaluations < 0 || --leafEvaluations < 0) return undefined;
      const e = state.evaluate(b.occs, d);
      if (!e.ok) continue;
      const trial = state.mark();
      state.commit(e.placement);
      const found = assign(blocks, k + 1, [...placed, e.placement]);
      state.rollback(trial);
      if (found) return found;
    }
    return undefined;
  };

  /**
   * Dating without backtracking first: visits by their last possible day, each on its earliest
   * day that works. It finds a dating at once for chains of windows with gaps or rolling caps,
   * where the backtracking search would spend its budget.
   */
  const assignInTimeOrder = (blocks: readonly Block[]): Placement[] | undefined => {
    const sorted = [...blocks].sort((a, b) => (a.days[a.days.length - 1] as number) - (b.days[b.days.length - 1] as number) || (a.days[0] as number) - (b.days[0] as number));
    const placed: Placement[] = [];
    const trial = state.mark();
    let ok = true;
    for (const b of sorted) {
      let done = false;
      for (const d of b.days) {
        if (--evaluations < 0 || --leafEvaluations < 0) break;
        const e = state.evaluate(b.occs, d);
        if (!e.ok) continue;
        state.commit(e.placement);
        placed.push(e.placement);
        done = true;
        break;
      }
      if (!done) {
        ok = false;
        break;
      }
    }
    state.rollback(trial);
    return ok ? placed : undefined;
  };

  /**
   * Quick necessary conditions before dating the blocks, per cap tally: counting blocks that
   * can only fall in one and the same calendar period, plus the history there, must stay within
   * the limit (one visit counts once, however many it holds); and any two counting blocks must
   * be able to lie the cap's separation apart (minGapDays, or n days for a limit of 1 in n).
   */
  const grade = ent.source.riskGrade;
  // Scratch of `capsCannotHold` (it runs at every leaf): tallies and their member blocks.
  const tallyDept: number[] = [];
  const tallyCount: number[] = [];
  const tallyPeriod: number[] = [];
  const tallyPeriodEnd: number[] = [];
  const memberBlock: number[] = [];
  const memberTally: number[] = [];
  const blockDepts: number[] = [];
  // Only the caps some occurrence of the enterprise counts for can refuse (in index order).
  const relevant = P.caps.filter((cap) => order.some((i) => occ(i).caps.includes(cap.index)));
  const capsCannotHold = (blocks: readonly Block[]): boolean => {
    // (Runs at every leaf: indexed loops, no period tuples — nothing allocated.)
    for (let ci = 0; ci < relevant.length; ci++) {
      const cap = relevant[ci] as CCap;
      const limit = cap.limitByGrade(grade);
      // Two counting visits of one tally must lie this many days apart (a limit of 1 in every
      // span of n days, or minGapDays) — or the tally cannot hold them, however they are dated.
      const separation = Math.max(cap.period === 'rolling' && limit === 1 ? cap.rollingDays : 0, cap.minGapDays);
      if (limit === undefined && separation === 0) continue;
      const bounds = cap.period === 'rolling' ? undefined : periodBounds(P, cap.index);
      let tallies = 0;
      let members = 0;
      for (let bi = 0; bi < blocks.length; bi++) {
        const b = blocks[bi] as Block;
        // The tallies (departments, or −1 per enterprise) this block counts for.
        let depts = 0;
        for (let oi = 0; oi < b.occs.length; oi++) {
          const o = occ(b.occs[oi] as number);
          if (!o.caps.includes(cap.index)) continue;
          const d = cap.perEnterprise ? -1 : o.department;
          let q = 0;
          while (q < depts && blockDepts[q] !== d) q++;
          if (q === depts) blockDepts[depts++] = d;
        }
        for (let q = 0; q < depts; q++) {
          const d = blockDepts[q] as number;
          const first = bounds ? (bounds[2 * (b.days[0] as number)] as number) : NO_PERIOD;
          const last = bounds ? (bounds[2 * (b.days[b.days.length - 1] as number)] as number) : NO_PERIOD;
          let t = 0;
          while (t < tallies && tallyDept[t] !== d) t++;
          if (t === tallies) {
            tallyDept[t] = d;
            tallyCount[t] = 0;
            tallyPeriod[t] = first;
            tallyPeriodEnd[t] = bounds ? (bounds[2 * (b.days[0] as number) + 1] as number) : NO_PERIOD;
            tallies++;
          }
          (tallyCount[t] as number)++;
          memberBlock[members] = bi;
          memberTally[members] = t;
          members++;
          // A tally keeps a period only while every member block lies wholly inside it.
          if (!bounds || first !== last || tallyPeriod[t] !== first) tallyPeriod[t] = NO_PERIOD;
        }
      }
      for (let t = 0; t < tallies; t++) {
        if (separation > 0) {
          for (let x = 0; x < members; x++) {
            if (memberTally[x] !== t) continue;
            const a = blocks[memberBlock[x] as number] as Block;
            for (let y = x + 1; y < members; y++) {
              if (memberTally[y] !== t) continue;
              const b = blocks[memberBlock[y] as number] as Block;
              const far = (b.days[b.days.length - 1] as number) - (a.days[0] as number) >= separation || (a.days[a.days.length - 1] as number) - (b.days[0] as number) >= separation;
              if (!far) return true;
            }
          }
        }
        const period = tallyPeriod[t] as number;
        if (period === NO_PERIOD || limit === undefined || cap.period === 'rolling') continue;
        const from = period;
        const to = tallyPeriodEnd[t] as number;
        const key = tallyKey(cap.index, enterprise, tallyDept[t] as number, P.enterprises.length, P.departments.length);
        let count = tallyCount[t] as number;
        const history = P.history.get(key);
        if (history) for (let h = 0; h < history.length; h++) if ((history[h] as { day: number }).day >= from && (history[h] as { day: number }).day <= to) count++;
        if (count > limit) return true;
      }
    }
    return false;
  };

  /** Whether a node with these figures would pass `dfs`'s bound (checked before its blocks are judged by the caps). */
  const promising = (k: number, blocks: number, priority: number): boolean => {
    const bound = priority + (rest[k] as number);
    return !(bound < bestPriority || (bound === bestPriority && blocks >= bestVisits));
  };
  const dfs = (k: number, blocks: Block[], priority: number): void => {
    if (--nodes < 0 || evaluations < 0) return;
    const bound = priority + (rest[k] as number);
    if (bound < bestPriority || (bound === bestPriority && blocks.length >= bestVisits)) return;
    if (k === order.length) {
      // (Every list of blocks reaching here passed `capsCannotHold` when it was made, below.)
      // One hopeless split must not spend the whole budget: each gets its own share.
      leafEvaluations = LEAF_EVALUATIONS;
      const found = assignInTimeOrder(blocks) ?? assign([...blocks].sort((a, b) => a.days.length - b.days.length), 0, []);
      if (found) {
        best = found;
        bestPriority = priority;
        bestVisits = blocks.length;
      }
      return;
    }
    const i = order[k] as number;
    const o = occ(i);
    if (!o.exclusive) {
      for (let j = 0; j < blocks.length; j++) {
        const b = blocks[j] as Block;
        if (b.exclusive) continue;
        let at = 0;
        while (at < b.minutes.length && b.minutes[at] !== o.department) at += 2;
        const minutes = (at < b.minutes.length ? (b.minutes[at + 1] as number) : 0) + o.minutes;
        if (minutes > ent.maxMinutes) continue;
        if (at === b.minutes.length && b.minutes.length / 2 >= P.maxDepartments) continue;
        const days = sharedDays(b.days, o.feasible);
        if (days.length === 0) continue;
        const next = blocks.slice();
        const pairs = b.minutes.slice();
        if (at < pairs.length) pairs[at + 1] = minutes;
        else pairs.push(o.department, minutes);
        next[j] = { occs: [...b.occs, i], days, minutes: pairs, exclusive: false };
        if (promising(k + 1, next.length, priority + o.priority) && !capsCannotHold(next)) dfs(k + 1, next, priority + o.priority);
      }
    }
    // A split the caps cannot hold stays so however it grows (blocks only gain occurrences and
    // lose days, and more blocks only count more): it is cut here, not at each of its leaves.
    if (promising(k + 1, blocks.length + 1, priority + o.priority)) {
      const grown = [...blocks, { occs: [i], days: dayList(o.feasible), minutes: [o.department, o.minutes], exclusive: o.exclusive }];
      if (!capsCannotHold(grown)) dfs(k + 1, grown, priority + o.priority);
    }
    dfs(k + 1, blocks, priority);
  };
  dfs(0, [], 0);

  if (!best) {
    state.rollback(mark);
    return false;
  }
  for (const p of best) state.commit(p);
  state.release(mark);
  return true;
}
