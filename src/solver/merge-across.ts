/**
 * Merge across days: two visits of one enterprise, made separately (often because their
 * departments' officers go out on different days), brought together into one joint visit on a
 * day all their teams can attend — taking out, and settling again, whatever blocks that day
 * (chains.ts): another enterprise's visit holding a department's officers, or the enterprise's
 * own visit there. A joint visit counts once against a per-enterprise cap, so the slot it frees
 * may then hold the enterprise's occurrences a cap refused; those are retried before the move
 * is judged. Kept only when the objective improves (contract §3: priority, then visits, then
 * officers).
 */
import type { COccurrence } from '../compile/problem.js';
import { commonFeasibleDays } from './arrays.js';
import { defaultChainLimits, objectiveNow, searchChain, type ChainBudget, type ChainLimits } from './chains.js';
import { fitsOneVisit } from './moves.js';
import type { PlanState } from './state.js';

/** Pairs of visits tried per enterprise and call. */
const MERGE_PAIRS = 6;

/**
 * Tries to merge two of an enterprise's visits into one on a day their occurrences share
 * (relocating what blocks that day). Returns the enterprises changed, or undefined (the state
 * unchanged).
 */
export function mergeAcross(state: PlanState, enterprise: number, budget: ChainBudget, limits: ChainLimits = defaultChainLimits): number[] | undefined {
  const P = state.P;
  if (budget.left <= 0 || (state.visitCount[enterprise] as number) < 2) return undefined;
  const visits = state.visitsOf(enterprise).filter((v) => !state.fixed.has(v.key));
  let pairs = 0;
  for (let a = 0; a < visits.length; a++) {
    for (let b = a + 1; b < visits.length; b++) {
      const x = visits[a] as (typeof visits)[number];
      const y = visits[b] as (typeof visits)[number];
      const union = [...x.occurrences, ...y.occurrences];
      if (union.some((i) => (P.occurrences[i] as COccurrence).exclusive) || !fitsOneVisit(P, union)) continue;
      const days = commonFeasibleDays(union.map((i) => P.occurrences[i] as COccurrence));
      if (days.length === 0 || state.tallies.capsRefuseAll(union, days, x.key, y.key)) continue;
      if (++pairs > MERGE_PAIRS) return undefined;
      const before = objectiveNow(state);
      const mark = state.mark();
      state.remove(x.key);
      state.remove(y.key);
      const touched = searchChain(state, [{ occurrences: union, root: true, days }], before, budget, limits);
      if (touched) {
        state.release(mark);
        return touched;
      }
      state.rollback(mark);
    }
  }
  return undefined;
}
