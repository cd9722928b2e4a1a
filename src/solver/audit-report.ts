/**
 * The plan's `audit` section from the records the placements kept (team-record.ts): per visit
 * and department, the scan, each candidate's draw and standing, and the team — in ids, so that
 * `verifyTeamDraw` can recompute every draw from the seed alone. Pure: reads the state.
 */
import type { COccurrence, COfficer } from '../compile/problem.js';
import { formatDay, formatTime } from '../calendar/civil.js';
import { TEAM_DRAW_METHOD, type TeamDrawAudit, type TeamDrawEntry } from '../model/team-audit.js';
import { mixKey } from '../util/random.js';
import { SAMPLE } from './staffing.js';
import type { PlacedVisit, PlanState } from './state.js';
import { SCAN_STATUS, SCANNED_WIDTH, WINDOW_WIDTH, type ScanStatus, type TeamRecord } from './team-record.js';

/** The `audit` section for the plan's visits (`placed[i]` has the id `visitIds[i]`). */
export function teamAuditOf(state: PlanState, placed: readonly PlacedVisit[], visitIds: readonly string[]): TeamDrawAudit {
  const P = state.P;
  const teams: TeamDrawEntry[] = [];
  placed.forEach((v, i) => {
    const date = formatDay(P.day0 + v.day);
    const enterpriseId = P.enterprises[v.enterprise]?.id ?? '';
    for (const team of [...v.teams].sort((a, b) => a.department - b.department)) {
      const header = { visitId: visitIds[i] as string, enterpriseId, date, departmentId: P.departments[team.department]?.id ?? '' };
      const chosen = idsOf(state, team.officers);
      const entry = v.audit ? drawnEntry(state, v, v.audit, team.department, header, chosen) : undefined;
      teams.push(entry ?? { ...header, rule: 'not-drawn', chosen });
    }
  });
  return { kind: 'team-draw', method: TEAM_DRAW_METHOD, seed: state.seed, horizonStart: formatDay(P.day0), sampleBase: SAMPLE, teams };
}

function idsOf(state: PlanState, officers: readonly number[]): string[] {
  return officers.map((o) => (state.P.officers[o] as COfficer).id).sort();
}

/** The entry of department `d`'s team from the visit's record (undefined when the record has no part for it). */
function drawnEntry(state: PlanState, v: PlacedVisit, record: TeamRecord, d: number, header: { visitId: string; enterpriseId: string; date: string; departmentId: string }, chosen: string[]): TeamDrawEntry | undefined {
  const P = state.P;
  const part = record.parts.find((p) => p.department === d);
  const drawn = record.drawn.find((t) => t.department === d);
  if (!part || !drawn) return undefined;
  const eh = state.enterpriseHash[v.enterprise] as number;
  const qualifications = [...new Set(v.occurrences.flatMap((o) => ((P.occurrences[o] as COccurrence).department === d ? (P.occurrences[o] as COccurrence).qualifications : [])))].sort();
  const scanned = [];
  for (let j = 0; j < part.scanned.length; j += SCANNED_WIDTH) {
    const o = part.scanned[j] as number;
    const officer = P.officers[o] as COfficer;
    const status = SCAN_STATUS[part.scanned[j + 1] as number] as ScanStatus;
    if (status !== 'eligible') {
      scanned.push({ officerId: officer.id, status });
      continue;
    }
    const bonus = part.scanned[j + 3] as number;
    scanned.push({
      officerId: officer.id,
      status,
      draw: mixKey(state.officerHash[o] as number, eh, v.day),
      load: part.scanned[j + 2] as number,
      ...(bonus !== 0 ? { bonus } : {}),
      free: part.scanned[j + 4] === 1,
      holds: qualifications.filter((q) => officer.qualifications.has(q)),
    });
  }
  const swaps = record.swaps
    .filter((s) => s.department === d)
    .map((s) => {
      const window = [];
      for (let j = 0; j < s.window.length; j += WINDOW_WIDTH) {
        const o = s.window[j] as number;
        window.push({ officerId: (P.officers[o] as COfficer).id, load: s.window[j + 1] as number, draw: mixKey(state.officerHash[o] as number, eh, v.day), eligible: s.window[j + 2] === 1 });
      }
      return { out: (P.officers[s.out] as COfficer).id, outLoad: s.outLoad, in: (P.officers[s.in] as COfficer).id, present: s.present, offset: s.offset, window };
    });
  return {
    ...header,
    rule: swaps.length > 0 ? 'rebalanced' : 'draw',
    departmentIndex: d,
    start: formatTime(record.start),
    need: part.need,
    qualifications,
    present: part.present,
    offset: part.offset,
    limit: part.limit < 0 ? null : part.limit,
    scanned,
    ...(swaps.length > 0 ? { drawn: idsOf(state, drawn.officers), swaps } : {}),
    chosen,
  };
}
