/**
 * The replan bench's change (issue 10): the officer on the most visits of a plan falls ill from
 * the middle visit's date (that date is `today`) to the end of the horizon; and what a replan
 * kept of the visits he was not on.
 */

interface VisitLike {
  id: string;
  date: string;
  inspectorIds: readonly string[];
}

interface ScenarioLike {
  inspectors: { id: string; unavailable?: { from: string; to: string }[] }[];
  horizon: { to: string };
}

export interface IllOfficer {
  officer: string;
  onVisits: number;
  today: string;
}

/** The officer on the most visits (the lowest id on ties), and `today`: the date of the middle visit (visits in plan order). */
export function illOfficerOf(visits: readonly VisitLike[]): IllOfficer {
  const count = new Map<string, number>();
  for (const v of visits) for (const i of v.inspectorIds) count.set(i, (count.get(i) ?? 0) + 1);
  const ranked = [...count.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const top = ranked[0];
  const middle = visits[Math.floor(visits.length / 2)];
  if (!top || !middle) throw new Error('the plan has no visit with an officer');
  return { officer: top[0], onVisits: top[1], today: middle.date };
}

/** A copy of the scenario JSON in which `officer` is unavailable from `today` to the end of the horizon. */
export function withOfficerIll<T extends ScenarioLike>(scenario: T, officer: string, today: string): T {
  const changed = structuredClone(scenario);
  const who = changed.inspectors.find((i) => i.id === officer);
  if (!who) throw new Error(`no officer ${officer} in the scenario`);
  who.unavailable = [...(who.unavailable ?? []), { from: today, to: changed.horizon.to }];
  return changed;
}

/**
 * Of the previous plan's visits that `officer` was not on from `today` (his visits before it
 * are the past), how many the new plan has exactly as they were (same id and every field).
 */
export function keptOthers(previous: readonly VisitLike[], after: readonly VisitLike[], officer: string, today: string): { his: number; others: number; kept: number } {
  const now = new Map(after.map((v) => [v.id, JSON.stringify(v)]));
  let his = 0;
  let others = 0;
  let kept = 0;
  for (const v of previous) {
    if (v.date >= today && v.inspectorIds.includes(officer)) {
      his++;
      continue;
    }
    others++;
    if (now.get(v.id) === JSON.stringify(v)) kept++;
  }
  return { his, others, kept };
}
