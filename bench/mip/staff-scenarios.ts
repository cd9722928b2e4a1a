/**
 * Small staff-bound scenarios for the exact model (bench/mip/exact.ts): a four-week cut of the
 * generator's S tier in the `staff-bound` regime, small enough for HiGHS to prove an optimum.
 *
 * From `generateScenario({ tier: 'S', seed, regime: 'staff-bound' })`:
 * - the horizon becomes four weeks from the first of a month drawn from the seed (March to
 *   November: no Spring Festival), everything else of the calendar as generated;
 * - four departments, drawn among those with the most requests whose window meets the horizon;
 *   their officers (one or two pairs each, with their field days, visits a day, leave, areas,
 *   recusal and certificates) are kept, the other departments' officers dropped;
 * - enterprises, drawn at random among those with such requests, are added while the on-site
 *   occurrences of the four departments stay below `LOAD` times the team-visits their officers
 *   can make in the four weeks (so staff binds), at most `MAX_ENTERPRISES`;
 * - the requests of the four departments at those enterprises whose window meets the horizon
 *   (windows as generated: the contract clips occurrences to the horizon), their history, all caps.
 * Travel (`policy.travelMinutesPerKm` 2, as in S) is kept: the exact model has visit times and travel.
 */
import { formatDay, toDay } from '../../src/calendar/index.js';
import { createRandom } from '../../src/util/random.js';
import { generateScenario, type ScenarioJson } from '../generator/index.js';

/** On-site occurrences per team-visit the officers can make: above 1, staff cannot place them all. */
export const LOAD = 1.6;
export const MAX_ENTERPRISES = 16;
const DEPARTMENTS = 4;
const WEEKS = 4;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The small staff-bound scenario of this seed (plain contract JSON). */
export function smallStaffBoundScenario(seed: number): ScenarioJson {
  const base = generateScenario({ tier: 'S', seed, regime: 'staff-bound' });
  const r = createRandom(seed).fork('small-staff-bound');
  const year = Number(base.horizon.from.slice(0, 4));
  const month = 3 + r.int(9);
  const from = `${year}-${pad2(month)}-01`;
  const fromDay = toDay(from);
  const toDayN = fromDay + WEEKS * 7 - 1;
  const to = formatDay(toDayN);
  const meets = (w: { from: string; to: string }) => toDay(w.to) >= fromDay && toDay(w.from) <= toDayN;

  const inHorizon = base.requests.filter((q) => meets(q.window));
  const counts = new Map<string, number>();
  for (const q of inHorizon) counts.set(q.departmentId, (counts.get(q.departmentId) ?? 0) + 1);
  // the busiest six, three of them drawn
  const busiest = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 6).map(([d]) => d);
  const departments = new Set(r.shuffle(busiest).slice(0, DEPARTMENTS));
  const inspectors = base.inspectors.filter((p) => departments.has(p.departmentId));

  // Team-visits the kept officers can make in the horizon (weekday field days only: a rough
  // figure for sizing, not a bound), per department.
  const capacity = new Map<string, number>();
  for (const p of inspectors) capacity.set(p.departmentId, (capacity.get(p.departmentId) ?? 0) + ((p.maxVisitsPerDay ?? 3) * 6 * WEEKS) / 4 / 2);
  const onsiteItem = new Map(base.items.map((it) => [it.id, it.offsite !== true]));
  const candidates = inHorizon.filter((q) => departments.has(q.departmentId) && (q.onsite === true || q.itemIds.some((id) => onsiteItem.get(id))));
  const byEnterprise = new Map<string, typeof candidates>();
  for (const q of candidates) byEnterprise.set(q.enterpriseId, [...(byEnterprise.get(q.enterpriseId) ?? []), q]);
  const totalCapacity = [...capacity.values()].reduce((a, b) => a + b, 0);
  const chosen: string[] = [];
  let load = 0;
  for (const e of r.shuffle([...byEnterprise.keys()].sort())) {
    if (chosen.length >= MAX_ENTERPRISES || load >= LOAD * totalCapacity) break;
    chosen.push(e);
    load += byEnterprise.get(e)!.length;
  }
  const kept = new Set(chosen);
  return {
    ...base,
    horizon: { from, to },
    enterprises: base.enterprises.filter((e) => kept.has(e.id)),
    // recusals of enterprises left out are dropped (they would be unknown references)
    inspectors: inspectors.map(({ avoid, ...p }) => {
      const left = (avoid ?? []).filter((e) => kept.has(e));
      return left.length > 0 ? { ...p, avoid: left } : p;
    }),
    requests: inHorizon.filter((q) => kept.has(q.enterpriseId) && departments.has(q.departmentId)),
    history: (base.history ?? []).filter((h) => kept.has(h.enterpriseId)),
    policy: { ...base.policy, seed },
  };
}
