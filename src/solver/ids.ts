/**
 * Plan visit ids. A plan made from nothing numbers its visits V1…Vn in plan order (by day, then
 * enterprise). A state loaded from a plan (`loadPlan`) carries that plan's ids: a visit still
 * under the key it was loaded with keeps its id; a visit a move re-made (new key) takes the id
 * of the loaded visit of the same enterprise it shares most occurrences with, if that id is
 * free; every other visit gets a new id, after the highest `V<n>` of the loaded plan — never one
 * the loaded plan used.
 */
import type { PlacedVisit, PlanState } from './state.js';

type PreviousVisit = PlanState['previousVisits'][number];

export function visitIdsFor(state: PlanState, placed: readonly PlacedVisit[]): string[] {
  if (state.reservedIds.size === 0) return placed.map((_, i) => `V${i + 1}`);
  const ids = new Array<string | undefined>(placed.length).fill(undefined);
  const taken = new Set<string>();
  placed.forEach((v, i) => {
    const id = state.visitIds[v.key];
    if (id !== undefined && !taken.has(id)) {
      ids[i] = id;
      taken.add(id);
    }
  });
  // Previous visits by enterprise, for the re-made ones.
  const byEnterprise = new Map<number, number[]>();
  state.previousIds.forEach((id, k) => {
    if (taken.has(id)) return;
    const p = state.previousVisits[k] as PreviousVisit;
    const list = byEnterprise.get(p.enterprise);
    if (list) list.push(k);
    else byEnterprise.set(p.enterprise, [k]);
  });
  placed.forEach((v, i) => {
    if (ids[i] !== undefined) return;
    let best: string | undefined;
    let bestShared = 0;
    let bestDistance = Infinity;
    for (const k of byEnterprise.get(v.enterprise) ?? []) {
      const id = state.previousIds[k] as string;
      if (taken.has(id)) continue;
      const p = state.previousVisits[k] as PreviousVisit;
      let shared = 0;
      for (const o of v.occurrences) if (p.occurrences.includes(o)) shared++;
      const distance = Math.abs(p.day - v.day);
      if (shared > bestShared || (shared === bestShared && shared > 0 && (distance < bestDistance || (distance === bestDistance && best !== undefined && id < best)))) {
        best = id;
        bestShared = shared;
        bestDistance = distance;
      }
    }
    if (best !== undefined) {
      ids[i] = best;
      taken.add(best);
    }
  });
  let next = 0;
  for (const id of state.reservedIds) {
    const m = /^V(\d+)$/.exec(id);
    if (m) next = Math.max(next, Number(m[1]));
  }
  return ids.map((id) => {
    if (id !== undefined) return id;
    let fresh: string;
    do fresh = `V${++next}`;
    while (state.reservedIds.has(fresh) || taken.has(fresh));
    taken.add(fresh);
    return fresh;
  });
}
