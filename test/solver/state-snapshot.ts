/**
 * Everything a move may change in a `PlanState`, as plain data: the visits (key, day, times,
 * occurrences, teams), the assignment, the running objective, loads, every officer's bookings
 * per day and the events of every cap tally the enterprises' occurrences count for — so a test
 * can check that an undone move left the state exactly as it was.
 */
import type { PlanState } from '../../src/solver/state.js';

export function snapshot(state: PlanState) {
  const P = state.P;
  const bookings: number[][] = [];
  for (let o = 0; o < P.officers.length; o++) {
    for (let d = 0; d < P.days; d++) {
      const keys: number[] = [];
      state.booked.visitKeysOf([o], d, keys);
      bookings.push(keys.sort((a, b) => a - b));
    }
  }
  const tallies: [number, unknown][] = [];
  for (const e of P.enterprises) for (const c of state.tallies.capKeys(e.index, e.occurrences)) tallies.push([c.key, state.tallies.tallyEvents(c.key)]);
  return {
    tallies: tallies.sort((a, b) => a[0] - b[0]),
    visits: [...state.visits.values()]
      .map((v) => ({ key: v.key, enterprise: v.enterprise, day: v.day, start: v.start, end: v.end, occurrences: [...v.occurrences], teams: v.teams.map((t) => ({ department: t.department, officers: [...t.officers] })) }))
      .sort((a, b) => a.key - b.key),
    assigned: [...state.assigned],
    visitCount: [...state.visitCount],
    officerLoad: [...state.officerLoad],
    deptDayLoad: [...state.deptDayLoad],
    scheduledPriority: state.scheduledPriority,
    personVisits: state.personVisits,
    bookings,
  };
}
