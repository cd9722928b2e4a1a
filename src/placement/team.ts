/**
 * Choosing officers: at least `count` of them who together hold every qualification in
 * `needed`. The search is exact (a team exists whenever one does among `pool`): the smallest
 * set covering the qualifications is found by branching on the first qualification still
 * missing, then the team is filled up to `count` with the lightest officers. `pool` comes
 * lightest first, so the first cover found leans on light officers.
 */
import type { Inspector } from '../model/scenario.js';

function cover(pool: readonly Inspector[], missing: readonly string[], size: number, chosen: Inspector[]): Inspector[] | undefined {
  const first = missing[0];
  if (first === undefined) return chosen;
  if (size === 0) return undefined;
  for (const p of pool) {
    if (chosen.includes(p) || !p.qualifications.includes(first)) continue;
    const rest = missing.filter((q) => !p.qualifications.includes(q));
    const found = cover(pool, rest, size - 1, [...chosen, p]);
    if (found) return found;
  }
  return undefined;
}

/** The team, or `undefined` when no `count` officers of `pool` hold every qualification of `needed`. */
export function chooseTeam(pool: readonly Inspector[], count: number, needed: readonly string[]): Inspector[] | undefined {
  let team: Inspector[] | undefined = needed.length === 0 ? [] : undefined;
  for (let size = 1; team === undefined && size <= Math.min(needed.length, pool.length); size++) team = cover(pool, needed, size, []);
  if (team === undefined) return undefined;
  const fill = pool.filter((p) => !(team as Inspector[]).includes(p)).slice(0, Math.max(0, count - team.length));
  const full = [...team, ...fill];
  return full.length >= count ? full : undefined;
}
